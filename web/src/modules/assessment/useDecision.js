// Approving or rejecting an adjustment (加减分): asks for an optional note, sends the decision, tells the outcome.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { decideAdjustment } from './api.js'
import { problemText } from '@/common/http.js'

/** decide(adjustment, 'approve' | 'reject') resolves true once decided; busy holds the id being decided. */
export function useDecision(t, locale) {
  const busy = ref(null)

  async function decide(adjustment, decision) {
    let note = ''
    try {
      const answer = await ElMessageBox.prompt(t('assessment.notePrompt'), t(`assessment.${decision}`), {
        inputType: 'textarea',
        inputValidator: (value) => !value || value.length <= 500,
        confirmButtonText: t(`assessment.${decision}`),
        cancelButtonText: t('common.cancel'),
      })
      note = answer.value?.trim() || ''
    } catch {
      return false
    }
    busy.value = adjustment.id
    try {
      await decideAdjustment(adjustment.id, decision, note)
      ElMessage.success(t('assessment.decided'))
      return true
    } catch (e) {
      ElMessage.error(problemText(e, locale.value))
      return false
    } finally {
      busy.value = null
    }
  }

  return { busy, decide }
}

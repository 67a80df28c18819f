// Sending a form: while the request runs the form is busy; a refusal puts the problem's messages under the fields it
// names and keeps the problem itself, for an alert above the form or, where a form has no room for one, a message.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { fieldErrors, problemText } from './http.js'

/**
 * errors: { field: message }; error: the last refusal; busy while sending. save(request, onSaved) sends and calls
 * onSaved with the answer only when it was accepted. With { message: true } a refusal naming no field shows as a
 * message instead of staying in error for an alert.
 */
export function useFormSave({ message = false } = {}) {
  const { locale } = useI18n()
  const errors = ref({})
  const error = ref(null)
  const busy = ref(false)

  function clear() {
    errors.value = {}
    error.value = null
  }

  async function save(request, onSaved) {
    clear()
    busy.value = true
    let saved
    try {
      saved = await request()
    } catch (e) {
      errors.value = fieldErrors(e, locale.value)
      error.value = e
      if (message && !Object.keys(errors.value).length) ElMessage.error(problemText(e, locale.value))
      return
    } finally {
      busy.value = false
    }
    await onSaved(saved)
  }

  return { errors, error, busy, save, clear }
}

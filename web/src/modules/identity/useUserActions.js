// The row actions of the user list that ask something first: enable / disable, reset the password, show the full
// phone number (with a purpose, audited).
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { getFullPhone, resetPassword, setUserStatus } from './api.js'
import { fieldErrors, problemText } from '@/common/http.js'

/** @param onChanged called with the updated user after a change */
export function useUserActions(onChanged) {
  const { t, locale } = useI18n()
  /** Full phone numbers shown on request, by user id. */
  const fullPhones = reactive({})

  const fail = (error) => ElMessage.error({ message: problemText(error, locale.value), duration: 6000 })

  async function toggleStatus(user) {
    const status = user.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE'
    const verb = status === 'DISABLED' ? t('users.disable') : t('users.enable')
    try {
      await ElMessageBox.confirm(t('users.statusConfirm', { verb, name: user.realName, username: user.username }), verb, {
        type: status === 'DISABLED' ? 'warning' : 'info',
        confirmButtonText: verb,
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    try {
      onChanged(await setUserStatus(user.id, status))
      ElMessage.success(t('users.statusDone', { verb, username: user.username }))
    } catch (error) {
      fail(error)
    }
  }

  async function reset(user) {
    let password
    try {
      ;({ value: password } = await ElMessageBox.prompt(
        t('users.resetPrompt', { name: user.realName, username: user.username }),
        t('users.resetPassword'),
        {
          confirmButtonText: t('users.resetPassword'),
          cancelButtonText: t('common.cancel'),
          inputType: 'password',
          inputPlaceholder: t('users.newPassword'),
          inputValidator: (value) => Boolean(value) || t('users.passwordRequired'),
          customClass: 'user-reset-box',
        },
      ))
    } catch {
      return
    }
    try {
      await resetPassword(user.id, password)
      ElMessage.success(t('users.resetDone', { username: user.username }))
    } catch (error) {
      const byField = fieldErrors(error, locale.value)
      ElMessage.error({ message: byField.password || problemText(error, locale.value), duration: 6000 })
    }
  }

  async function showPhone(user) {
    let purpose
    try {
      ;({ value: purpose } = await ElMessageBox.prompt(t('users.purposePrompt', { name: user.realName }), t('users.showPhone'), {
        confirmButtonText: t('users.showPhone'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('users.purposePlaceholder'),
        inputValidator: (value) => Boolean(value?.trim()) || t('users.purposeRequired'),
        customClass: 'user-phone-box',
      }))
    } catch {
      return
    }
    try {
      const { phone } = await getFullPhone(user.id, purpose.trim())
      fullPhones[user.id] = phone || '—'
    } catch (error) {
      fail(error)
    }
  }

  return { fullPhones, toggleStatus, reset, showPhone }
}

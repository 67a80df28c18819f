// A required text asked before a move that needs one: the purpose of an export, the reason of a retirement. The
// server keeps it with the move.
import { ElMessage, ElMessageBox } from 'element-plus'
import { problemText } from '@/common/http.js'

/** The text typed, trimmed, or null when the user cancelled; title, hint and placeholder are message keys. */
export async function askText(t, { title, hint, placeholder, customClass = 'text-prompt' }) {
  try {
    const { value } = await ElMessageBox.prompt(t(hint), t(title), {
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
      inputValidator: (text) => Boolean(text?.trim()) || t('residentDetail.textRequired'),
      inputPlaceholder: placeholder ? t(placeholder) : undefined,
      customClass,
    })
    return value.trim()
  } catch {
    return null
  }
}

/** Asks for the text and makes the move with it; a refused move is shown as a message rather than thrown. */
export async function withText(t, locale, prompt, move) {
  const text = await askText(t, prompt)
  if (text === null) return
  try {
    await move(text)
  } catch (e) {
    ElMessage.error(problemText(e, locale))
  }
}

// The purpose an export needs: asked once per download, kept by the audit log with the export.
import { ElMessageBox } from 'element-plus'

/** The purpose typed, or null when the user cancelled. */
export async function askExportPurpose(t) {
  try {
    const { value } = await ElMessageBox.prompt(t('residentImport.exportPurpose'), t('residentImport.export'), {
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
      inputValidator: (text) => Boolean(text?.trim()) || t('residentDetail.textRequired'),
      customClass: 'export-prompt',
    })
    return value.trim()
  } catch {
    return null
  }
}

// The purpose an export needs: asked once per download, kept by the audit log with the export.
import { askText } from './askText.js'

/** The purpose typed, or null when the user cancelled. */
export const askExportPurpose = (t) =>
  askText(t, { title: 'residentImport.export', hint: 'residentImport.exportPurpose', customClass: 'export-prompt' })

// Uploads chosen photos to an event one by one, after the event exists (created, or moved), keeping count of the
// progress and of what failed: a failed photo never undoes the event, it is only reported.
import { reactive } from 'vue'
import { uploadPhoto } from './api.js'
import { fieldErrors, problemText } from '@/common/http.js'

export function usePhotoUpload() {
  const state = reactive({ running: false, total: 0, done: 0, percent: 0, failed: [] })

  /** Uploads the files (raw File objects); resolves to the number uploaded. */
  async function run(eventId, files, locale) {
    Object.assign(state, { running: true, total: files.length, done: 0, percent: 0, failed: [] })
    let uploaded = 0
    try {
      for (const file of files) {
        try {
          await uploadPhoto(eventId, file, (p) => (state.percent = p))
          uploaded += 1
        } catch (error) {
          // A 400 says what is wrong with the file in errors[] (field file).
          state.failed.push({ name: file.name, message: fieldErrors(error, locale).file || problemText(error, locale) })
        }
        state.done += 1
        state.percent = 0
      }
    } finally {
      state.running = false
    }
    return uploaded
  }

  function reset() {
    Object.assign(state, { running: false, total: 0, done: 0, percent: 0, failed: [] })
  }

  return { state, run, reset }
}

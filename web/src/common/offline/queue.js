// Writes made on a phone that may have no signal. submit() keeps the request on the device (IndexedDB) under a
// client-made requestId before sending it, so that the server's idempotency by request id makes every resend land
// once; requests go in the order they were made, one at a time; photos follow the request they belong to, once it
// has landed. A refusal (4xx) stops only that item, kept with the server's reason until the person edits or drops
// it; a network failure or a 5xx leaves it waiting, tried again when the network returns, when the app starts and
// every little while. Only the signed-in person's own items are sent (a shared phone never sends one person's
// report as another's).
import { shallowReactive } from 'vue'
import { ProblemError, request } from '@/common/http.js'
import * as db from './db.js'

const RETRY_EVERY_MS = 30_000
const JSON_TIMEOUT_MS = 30_000
const FILE_TIMEOUT_MS = 120_000

/** What the pages show: the signed-in person's items (oldest first), what landed in this visit, whether online. */
export const offline = shallowReactive({ items: [], landed: [], online: navigator.onLine, sending: false })

let owner = () => null
let flushing = null
let again = false
let timer = null

/** A random UUID (crypto.randomUUID exists only on secure pages, and a phone may reach a test server over http). */
export function newRequestId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A 4xx other than 401 (signed out: wait for sign-in), 408 and 429 (busy: wait) is the server's final answer. */
const refused = (error) =>
  error instanceof ProblemError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status)

/** The problem body kept with an item: enough for problemText() and fieldErrors() later. */
const problemOf = (error) =>
  error instanceof ProblemError
    ? { status: error.status, ...(error.problem || {}) }
    : { status: 0, title: 'network', detail: '网络不可用，稍后自动重试', detailEn: 'No network; tried again later' }

function timed(ms) {
  const controller = new AbortController()
  const id = setTimeout(() => controller.abort(), ms)
  return { signal: controller.signal, done: () => clearTimeout(id) }
}

async function send(path, options, ms) {
  const timeout = timed(ms)
  try {
    return await request(path, { ...options, signal: timeout.signal, auth: false })
  } finally {
    timeout.done()
  }
}

async function refresh() {
  const who = owner()
  const items = who ? (await db.all()).filter((item) => item.owner === who) : []
  offline.items = items
}

const save = async (item) => {
  await db.put(item)
  await refresh()
}

const filesUrlOf = (item) => item.filesUrl.replace('{id}', encodeURIComponent(String(item.result?.id ?? '')))

/**
 * Whether a photo whose upload ended without an answer reached the server after all: the attachment endpoint has
 * no request id, so the list is asked for a file of the same name and size before sending it again.
 */
async function alreadyThere(item, file) {
  const page = await send(`${filesUrlOf(item)}?size=50`, {}, JSON_TIMEOUT_MS)
  return (page?.content || []).some((a) => a.filename === file.name && a.size === file.size)
}

/** Sends one item (the request, then its photos); answers 'landed', 'refused' or 'later'. */
async function sendItem(item) {
  if (!item.result) {
    item.status = 'sending'
    item.attempts += 1
    item.triedAt = Date.now()
    await save(item)
    try {
      const result = await send(
        item.url,
        { method: item.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(item.body) },
        JSON_TIMEOUT_MS,
      )
      item.result = result ?? {}
      item.problem = null
    } catch (error) {
      item.problem = problemOf(error)
      item.status = refused(error) ? 'failed' : 'waiting'
      await save(item)
      return item.status === 'failed' ? 'refused' : 'later'
    }
  }
  for (const file of item.files) {
    if (['sent', 'failed', 'gone'].includes(file.state)) continue
    try {
      if (file.state === 'unsure' && (await alreadyThere(item, file))) {
        file.state = 'sent'
        continue
      }
      // Marked before sending: an answer lost from here on leaves the photo 'unsure', checked before any resend.
      file.state = 'unsure'
      await save(item)
      const form = new FormData()
      form.append(item.fileField, file.blob, file.name)
      await send(filesUrlOf(item), { method: 'POST', body: form }, FILE_TIMEOUT_MS)
      file.state = 'sent'
      file.problem = null
    } catch (error) {
      if (refused(error)) {
        file.state = 'failed'
        file.problem = problemOf(error)
      } else {
        item.status = 'waiting'
        item.problem = problemOf(error)
        await save(item)
        return 'later'
      }
    }
  }
  const failedFiles = item.files.filter((file) => file.state === 'failed')
  offline.landed = [
    { ...item, files: item.files.map(({ blob, ...rest }) => rest), landedAt: Date.now() },
    ...offline.landed,
  ].slice(0, 20)
  if (failedFiles.length) {
    // The request landed; the photos the server refused stay listed with its reason until the person drops them.
    item.status = 'failed'
    item.problem = failedFiles[0].problem
    await save(item)
    return 'refused'
  }
  await db.remove(item.seq)
  await refresh()
  return 'landed'
}

async function drain() {
  const who = owner()
  if (!who) return
  for (const item of await db.all()) {
    if (item.owner !== who || item.status === 'failed') continue
    if ((await sendItem(item)) === 'later') break // later items wait: the order they were made in is kept
  }
}

/** Sends what waits, in order, once at a time across tabs; resolves when done (or when the network failed again). */
export function flush() {
  if (flushing) {
    again = true
    return flushing
  }
  const locked = (work) => (navigator.locks ? navigator.locks.request('gridgov-offline', work) : work())
  flushing = (async () => {
    offline.sending = true
    try {
      do {
        again = false
        await locked(drain)
      } while (again)
    } finally {
      offline.sending = false
      flushing = null
      await refresh()
    }
  })()
  return flushing
}

/**
 * Sends a write through the device's queue.
 * @param {object} write
 * @param {string} write.kind what it is, e.g. 'event-report', 'follow-up' (the queue list names it by label)
 * @param {string} write.label a line for the person, e.g. the event's title
 * @param {string} [write.method] POST unless given
 * @param {string} write.url where it goes, e.g. '/api/events'
 * @param {object} write.body the JSON body; the queue adds requestId (or keeps the one given)
 * @param {File[]} [write.files] photos sent after the request lands, one by one
 * @param {string} [write.filesUrl] where the photos go, {id} standing for the landed answer's id,
 *   e.g. '/api/events/{id}/attachments'
 * @param {string} [write.fileField] the multipart field of a photo ('file')
 * @returns {Promise<{queued: boolean, requestId: string, result?: object, files?: object[]}>} queued: kept on the
 *   device, sent later; otherwise result is the server's answer and files each photo's state (sent / failed with
 *   its problem). A refusal while online throws the ProblemError, as a plain request would, and keeps nothing.
 */
export async function submit({ kind, label, method = 'POST', url, body = {}, files = [], filesUrl, fileField = 'file' }) {
  const who = owner()
  if (!who) throw new Error('not signed in')
  const requestId = body.requestId || newRequestId()
  const item = {
    requestId,
    owner: who,
    kind,
    label: label || kind,
    method,
    url,
    body: { ...body, requestId },
    files: files.map((file) => ({ name: file.name, type: file.type, size: file.size, blob: file, state: 'pending' })),
    filesUrl: filesUrl || null,
    fileField,
    status: 'waiting',
    attempts: 0,
    createdAt: Date.now(),
    result: null,
    problem: null,
  }
  item.seq = await db.add(item)
  await refresh()
  if (navigator.onLine) await flush()
  const after = await db.get(item.seq)
  const landed = offline.landed.find((entry) => entry.seq === item.seq)
  if (!after) return { queued: false, requestId, result: landed.result, files: landed.files }
  if (after.status === 'failed' && !after.result) {
    // Still at the form: the refusal shows there, under its fields, as it did before the queue.
    await remove(after.seq)
    throw new ProblemError(after.problem.status, after.problem)
  }
  if (after.result && after.status === 'failed') return { queued: false, requestId, result: after.result, files: after.files }
  return { queued: true, requestId }
}

/** Drops an item from the device (a refused one the person gives up, or one they will make again). */
export async function remove(seq) {
  await db.remove(seq)
  await refresh()
}

/** Sends a refused item again, after the person changed its body (the same requestId: it still lands once). */
export async function retry(seq, body) {
  const item = await db.get(seq)
  if (!item) return
  if (body && !item.result) item.body = { ...body, requestId: item.requestId }
  item.status = 'waiting'
  item.problem = null
  for (const file of item.files) if (file.state === 'failed') file.state = 'gone'
  await save(item)
  await flush()
}

/**
 * Starts sending: now, when the network returns, and every little while. owner() names the signed-in person
 * (null when no one is), whose items alone are shown and sent.
 */
export function startOfflineQueue({ owner: who, every = RETRY_EVERY_MS } = {}) {
  owner = who
  window.addEventListener('online', () => {
    offline.online = true
    flush()
  })
  window.addEventListener('offline', () => (offline.online = false))
  clearInterval(timer)
  timer = setInterval(() => navigator.onLine && offline.items.some((i) => i.status !== 'failed') && flush(), every)
  return refresh().then(() => navigator.onLine && flush())
}

/** Called when the signed-in person changes: shows their items and sends what waits. */
export const ownerChanged = () => refresh().then(() => navigator.onLine && flush())

// The device's store of requests waiting for the network: one IndexedDB object store, keyed by an increasing
// number so that reading it in key order is the order the requests were made in. Photos are kept as Blobs.

const NAME = 'gridgov-offline'
const STORE = 'requests'
let opening = null

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => {
      opening = null
      reject(request.error)
    }
  })
  return opening
}

async function run(mode, work) {
  const db = await open()
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode)
    const result = work(tx.objectStore(STORE))
    tx.oncomplete = () => resolve(result.result)
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

/** Stores a new item; resolves to its key (seq). */
export const add = (item) => run('readwrite', (store) => store.add(item))

/** Replaces a stored item (same seq). */
export const put = (item) => run('readwrite', (store) => store.put(item))

/** Removes an item. */
export const remove = (seq) => run('readwrite', (store) => store.delete(seq))

/** One item, or undefined. */
export const get = (seq) => run('readonly', (store) => store.get(seq))

/** Every item, oldest first. */
export const all = () => run('readonly', (store) => store.getAll())

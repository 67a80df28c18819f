// The offline queue: see queue.js. Pages call submit(); the shell starts it; 我的 lists it (OfflineQueue.vue).
export { flush, newRequestId, offline, ownerChanged, remove, retry, startOfflineQueue, submit } from './queue.js'

// The points of a patrol not yet acknowledged by the server, kept in localStorage so that a reload or a dead network
// loses none. A point leaves the queue once the server has acknowledged the batch that carried it; the
// server ignores a point it has already, so sending one twice is harmless.
const key = (patrolId) => `gridgov.patrol.${patrolId}.points`

export function loadQueue(patrolId) {
  try {
    const saved = JSON.parse(localStorage.getItem(key(patrolId)) || '{}')
    return { nextSeq: saved.nextSeq || 0, points: Array.isArray(saved.points) ? saved.points : [] }
  } catch {
    return { nextSeq: 0, points: [] }
  }
}

export function saveQueue(patrolId, queue) {
  try {
    localStorage.setItem(key(patrolId), JSON.stringify(queue))
  } catch {
    // A full storage keeps the points in memory only.
  }
}

/** Drops the points of a batch the server acknowledged. */
export function acknowledge(queue, sent) {
  const done = new Set(sent.map((p) => p.seq))
  queue.points = queue.points.filter((p) => !done.has(p.seq))
}

export function forgetQueue(patrolId) {
  localStorage.removeItem(key(patrolId))
}

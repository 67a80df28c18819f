// Draws the app's icons (web/public/icons/*.png) pixel by pixel, so that they need no drawing tool: a dark blue
// square, a white 3 × 3 grid (the grids) and a red map pin over its middle cell. Run: node scripts/draw-icons.mjs
// The maskable icon fills its square and keeps the drawing inside the middle 60 %, the safe zone of a round mask.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons')
const BLUE = [31, 58, 95]
const WHITE = [255, 255, 255]
const RED = [214, 39, 40]

function crc32(buffer) {
  let crc = ~0
  for (const byte of buffer) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size)
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The drawing in a unit square (0–1), scaled into the box [inset, 1 - inset]. */
function drawing(u, v, inset) {
  const s = 1 - 2 * inset
  const x = (u - inset) / s
  const y = (v - inset) / s
  // The pin: a disc with a point below, and a white hole.
  const [px, py, pr] = [0.5, 0.42, 0.2]
  const d = Math.hypot(x - px, y - py)
  const inTip = y > py && y < py + 0.38 && Math.abs(x - px) < pr * (1 - (y - py) / 0.38) * 0.95
  if (d < pr * 0.42) return WHITE
  if (d < pr || inTip) return RED
  const line = 0.035
  const onGrid = [0.1, 0.3667, 0.6333, 0.9].some((g) => (Math.abs(x - g) < line / 2 && y > 0.1 - line / 2 && y < 0.9 + line / 2) || (Math.abs(y - g) < line / 2 && x > 0.1 - line / 2 && x < 0.9 + line / 2))
  return onGrid ? WHITE : BLUE
}

function roundedSquare(u, v, radius) {
  const cx = Math.min(Math.max(u, radius), 1 - radius)
  const cy = Math.min(Math.max(v, radius), 1 - radius)
  return Math.hypot(u - cx, v - cy) <= radius
}

fs.mkdirSync(OUT, { recursive: true })
for (const size of [192, 512]) {
  fs.writeFileSync(
    path.join(OUT, `icon-${size}.png`),
    png(size, (u, v) => (roundedSquare(u, v, 0.18) ? [...drawing(u, v, 0.12), 255] : [0, 0, 0, 0])),
  )
  fs.writeFileSync(path.join(OUT, `maskable-${size}.png`), png(size, (u, v) => [...drawing(u, v, 0.22), 255]))
}
fs.writeFileSync(path.join(OUT, 'apple-touch-icon.png'), png(180, (u, v) => [...drawing(u, v, 0.14), 255]))

// The base of every map in the console (report, event map, grid map, dashboards): the deployment's background tiles
// when it has a tile server (with an optional overlay, such as Tianditu's place names over its vector map), else the
// township and village outlines with their names (GET /api/regions/{code}/outlines), so that a map without tiles
// still shows where one is. The outlines sit in panes beneath the page's own layers and take no clicks.
import L from 'leaflet'
import { getJson } from '@/common/http.js'
import { getShellConfig } from '@/shell/config.js'
import { can, session } from '@/shell/session.js'

export const DEFAULT_CENTER = [31.62, 113.82]

/** Above the tiles (200), below the page's vectors (overlayPane, 400) and markers. */
const OUTLINE_PANE = 'outlines'
const LABEL_PANE = 'outline-labels'

/**
 * Names that would crowd the map are hidden: township names from zoom 8 (a county on a phone's small map) up to 13,
 * village names from 13, when a township's villages fill the screen, and village lines below 10; and at any zoom a
 * name that would overlap one already placed (township names first).
 */
export const TOWNSHIP_LABEL_ZOOMS = [8, 13]
export const VILLAGE_LABEL_ZOOM = 13
export const VILLAGE_LINE_ZOOM = 10
const LABEL_FONT_PX = { township: 13, village: 11 }

const STYLES = {
  TOWNSHIP: { color: '#5d6d7e', weight: 2, opacity: 0.85, fill: false, className: 'outline-township' },
  VILLAGE: { color: '#8e9aa8', weight: 0.8, opacity: 0.8, dashArray: '4 3', fill: false, className: 'outline-village' },
}

const escape = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

/** Creates the map in an element, centred on the demo county until something better is known. */
export function createBaseMap(element, { zoom = 11, preferCanvas = true } = {}) {
  const map = L.map(element, { minZoom: 3, maxZoom: 19, zoomSnap: 0.25, preferCanvas }).setView(DEFAULT_CENTER, zoom)
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>')
  return map
}

/**
 * Draws the background: tiles when `config.tileUrl` is set (config defaults to GET /api/shell/config), else the
 * outlines. Answers { tiles, outlines } where outlines is the drawn layer (to fit the view to) or null. Never throws:
 * a map without a background still works.
 */
export async function addBackground(map, config) {
  let settings = config
  if (!settings) {
    try {
      settings = await getShellConfig()
    } catch {
      settings = null
    }
  }
  if (settings?.tileUrl) {
    addTiles(map, settings)
    return { tiles: true, outlines: null }
  }
  return { tiles: false, outlines: await addOutlines(map, session.user?.scopeCode || settings?.rootRegionCode) }
}

/** The tile layer and, when configured, the overlay over it. */
export function addTiles(map, { tileUrl, tileAttribution, tileOverlayUrl }) {
  const options = { attribution: tileAttribution || '', maxZoom: 19, subdomains: subdomains(tileUrl) }
  L.tileLayer(tileUrl, options).addTo(map)
  if (tileOverlayUrl) L.tileLayer(tileOverlayUrl, { maxZoom: 19, subdomains: subdomains(tileOverlayUrl) }).addTo(map)
}

/** Tianditu serves t0 … t7; other templates keep Leaflet's a, b, c. */
function subdomains(url) {
  return /\bt\{s\}\.tianditu\.gov\.cn/.test(url) ? '01234567' : 'abc'
}

/**
 * Draws the township and village outlines meeting a region (its own, those inside it, and those it lies in) with
 * their names, and answers the layer, or null when there is nothing to draw or the user may not see outlines.
 */
export async function addOutlines(map, region) {
  if (!map || !region || !can('map:read')) return null
  // The page may go (and its map with it) while the outlines load.
  let gone = false
  const leave = () => (gone = true)
  map.once('unload', leave)
  let collection
  try {
    collection = await getJson(`/api/regions/${encodeURIComponent(region)}/outlines`)
  } catch {
    return null
  } finally {
    map.off('unload', leave)
  }
  if (gone || !collection?.features?.length) return null
  const panes = outlinePanes(map)
  // Township lines last, so that they are drawn over the thinner village lines they share.
  const isTownship = (f) => (f.properties.level === 'TOWNSHIP' ? 1 : 0)
  const features = [...collection.features].sort((a, b) => isTownship(a) - isTownship(b))
  const lines = L.geoJSON(
    { type: 'FeatureCollection', features },
    {
      pane: OUTLINE_PANE,
      renderer: L.svg({ pane: OUTLINE_PANE }),
      interactive: false,
      style: (feature) => STYLES[feature.properties.level] || STYLES.VILLAGE,
    },
  )
  const labels = collection.features
    .filter((f) => Array.isArray(f.properties.labelPoint))
    .sort((a, b) => isTownship(b) - isTownship(a))
    .map((f) => {
      const [lon, lat] = f.properties.labelPoint
      const level = f.properties.level === 'TOWNSHIP' ? 'township' : 'village'
      const name = f.properties.name ?? ''
      const marker = L.marker([lat, lon], {
        pane: LABEL_PANE,
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: `outline-label outline-label-${level}`, html: `<span>${escape(name)}</span>`, iconSize: null }),
      })
      return { marker, level, name }
    })
  const layer = L.featureGroup([lines, ...labels.map((l) => l.marker)]).addTo(map)
  const showForZoom = () => {
    const zoom = map.getZoom()
    const [from, to] = TOWNSHIP_LABEL_ZOOMS
    const shown = { township: zoom >= from && zoom < to, village: zoom >= VILLAGE_LABEL_ZOOM }
    panes.labels.classList.toggle('show-townships', shown.township)
    panes.labels.classList.toggle('show-villages', shown.village)
    panes.lines.classList.toggle('hide-villages', zoom < VILLAGE_LINE_ZOOM)
    hideCrowded(map, labels.filter((l) => shown[l.level]))
  }
  showForZoom()
  map.on('zoomend', showForZoom)
  layer.on('remove', () => map.off('zoomend', showForZoom))
  return layer
}

/**
 * Hides each label whose box (estimated from its name's length: CJK characters are about a font size wide) would
 * overlap a label placed before it; pans keep the labels' relative places, so this runs on zoom only.
 */
function hideCrowded(map, labels) {
  const placed = []
  for (const { marker, level, name } of labels) {
    const size = LABEL_FONT_PX[level]
    const at = map.latLngToLayerPoint(marker.getLatLng())
    const half = { x: (name.length * size) / 2 + 3, y: size / 2 + 2 }
    const box = { left: at.x - half.x, right: at.x + half.x, top: at.y - half.y, bottom: at.y + half.y }
    const crowded = placed.some((p) => box.left < p.right && p.left < box.right && box.top < p.bottom && p.top < box.bottom)
    if (!crowded) placed.push(box)
    marker.getElement()?.classList.toggle('outline-label-crowded', crowded)
  }
}

function outlinePanes(map) {
  const make = (name, zIndex) => {
    const pane = map.getPane(name) || map.createPane(name)
    pane.style.zIndex = String(zIndex)
    pane.style.pointerEvents = 'none'
    return pane
  }
  return { lines: make(OUTLINE_PANE, 250), labels: make(LABEL_PANE, 260) }
}

// The Leaflet map under the event pages: the background tiles when the deployment has a tile server, and the
// outlines of the grids in the user's scope so that a map without tiles still shows where things are.
import L from 'leaflet'
import { getGridFeatures } from './api.js'
import { getShellConfig } from '@/shell/config.js'
import { can, session } from '@/shell/session.js'

export const DEFAULT_CENTER = [31.62, 113.82]

/** Creates the map in an element, centred on the demo county until something better is known. */
export function createBaseMap(element, { zoom = 11 } = {}) {
  const map = L.map(element, { minZoom: 3, maxZoom: 19, zoomSnap: 0.25, preferCanvas: true }).setView(DEFAULT_CENTER, zoom)
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>')
  return map
}

/** Adds the tile layer (when configured); ignores a failed config call. */
export async function addTiles(map) {
  try {
    const config = await getShellConfig()
    if (config?.tileUrl && map) {
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || '', maxZoom: 19 }).addTo(map)
      return true
    }
  } catch {
    // no tiles: the grids still draw
  }
  return false
}

/**
 * Draws the outlines of the grids in the user's scope (when the user may read regions) and answers the layer, or
 * null. Never throws: a map without grid outlines still works.
 */
export async function addScopeGrids(map) {
  const region = session.user?.scopeCode
  if (!region || !can('region:read')) return null
  try {
    const features = await getGridFeatures(region)
    if (!map || !features.length) return null
    return L.geoJSON(
      { type: 'FeatureCollection', features },
      {
        interactive: false,
        style: () => ({ color: '#3a7bd5', weight: 1, opacity: 0.7, fillColor: '#3a7bd5', fillOpacity: 0.06 }),
      },
    ).addTo(map)
  } catch {
    return null
  }
}

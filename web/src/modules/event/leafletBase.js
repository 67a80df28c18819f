// The grids of the user's scope over the event pages' maps; the map itself and its background (tiles, or the
// township and village outlines) come from the shared base map.
import L from 'leaflet'
import { getGridFeatures } from './api.js'
import { can, session } from '@/shell/session.js'

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

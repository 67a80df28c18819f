// The map of a patrol: the base map (tiles or outlines), the grid's outline, the track so far and where one is.
import L from 'leaflet'
import { addBackground, createBaseMap } from '@/common/baseMap.js'

const OUTLINE = { color: '#1f77b4', weight: 2, fillOpacity: 0.06 }
const TRACK = { color: '#d62728', weight: 4, opacity: 0.85 }

/** A map in an element with an outline layer and a track line; answers handles to update them. */
export function createTrackMap(element, { zoom = 15 } = {}) {
  const map = createBaseMap(element, { zoom })
  addBackground(map)
  const outline = L.layerGroup().addTo(map)
  const line = L.polyline([], TRACK).addTo(map)
  const marker = L.circleMarker([0, 0], { radius: 7, color: '#fff', weight: 3, fillColor: '#d62728', fillOpacity: 1 })
  return {
    map,
    /** outline: GeoJSON polygon coordinates, one list of rings per polygon, [lon, lat]. */
    setOutline(polygons) {
      outline.clearLayers()
      if (!polygons?.length) return
      const layer = L.polygon(polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => [y, x]))), OUTLINE)
      layer.addTo(outline)
      map.fitBounds(layer.getBounds(), { padding: [12, 12] })
    },
    /** points: [[lat, lon], …] */
    setTrack(points) {
      line.setLatLngs(points)
    },
    addPoint(latLon) {
      line.addLatLng(latLon)
    },
    moveTo(latLon, follow = false) {
      if (!latLon) return
      marker.setLatLng(latLon)
      if (!map.hasLayer(marker)) marker.addTo(map)
      if (follow && !map.getBounds().contains(latLon)) map.panTo(latLon)
    },
    remove() {
      map.remove()
    },
  }
}

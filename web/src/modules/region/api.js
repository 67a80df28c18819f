// REST client of the region module (region tree, grids and point location).
import { getAllPages, getJson } from '@/common/http.js'

const enc = encodeURIComponent

/** GET /api/regions/{code}: a node with validFrom/validTo and its ancestors in path. */
export const getRegion = (code) => getJson(`/api/regions/${enc(code)}`)

/** GET /api/regions/{code}/children: one page of child nodes. */
export const getChildren = (code, page = 0, size = 200) =>
  getJson(`/api/regions/${enc(code)}/children`, { page, size })

/** All child nodes of a region, following pages while there are more. */
export async function getAllChildren(code, size = 200) {
  const { items } = await getAllPages(`/api/regions/${enc(code)}/children`, {}, size)
  return items
}

/** GET /api/regions?name=: regions and grids whose name matches. */
export const searchRegions = (name, page = 0, size = 20) => getJson('/api/regions', { name, page, size })

/** GET /api/grids/features?region=: one page of a GeoJSON FeatureCollection. */
export const getGridFeatures = (region, page = 0, size = 2000) =>
  getJson('/api/grids/features', { region, page, size })

/** Every grid feature inside a region, following pages while there are more. */
export async function getAllGridFeatures(region, size = 2000) {
  const { items } = await getAllPages('/api/grids/features', { region }, size, (page) => page.features)
  return items
}

/** GET /api/grids/{code}: the grid with its current version, geometry and ancestors. */
export const getGrid = (code) => getJson(`/api/grids/${enc(code)}`)

/** GET /api/grids/locate?lon=&lat=: the grid containing the point (404 outside all grids, 400 bad input). */
export const locate = (lon, lat) => getJson('/api/grids/locate', { lon, lat })

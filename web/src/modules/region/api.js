// REST client of the region module (region tree, grids, point location and grid adjustments).
import { getAllPages, getJson, postJson, postMultipart } from '@/common/http.js'

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

/** GET /api/grids/export?region=: URL of the GeoJSON file of every current grid under a region (a download). */
export const gridExportUrl = (region) => `/api/grids/export?region=${enc(region)}`

/** POST /api/grids/import?reason=: imports a FeatureCollection given as JSON text; all or nothing. */
export const importGrids = (text, reason) => postJson('/api/grids/import', text, { reason: reason || undefined })

/** GET /api/grids/{code}/versions: one page of the grid's versions, newest first. */
export const getGridVersions = (code, page = 0, size = 20) =>
  getJson(`/api/grids/${enc(code)}/versions`, { page, size })

/**
 * POST /api/grids/{code}/retire: ends the grid with a reason; successorCode names the grid that takes over what it
 * still holds (required then). Answers the grid as retired.
 */
export const retireGrid = (code, reason, successorCode) =>
  postJson(`/api/grids/${enc(code)}/retire`, { reason, successorCode: successorCode || undefined })

/** GET /api/grids/{code}/contents: [{ kind, count, label, labelEn }] of what the grid holds (people, houses, events…). */
export const getGridContents = (code) => getJson(`/api/grids/${enc(code)}/contents`)

/** POST /api/regions: adds a township (9-digit code, under a county) or a village (12 digits, under a township). */
export const createRegion = (region) => postJson('/api/regions', region)

/** POST /api/regions/import: villages from a workbook (template) or GeoJSON file; all or nothing. */
export function importVillages(file) {
  const form = new FormData()
  form.append('file', file)
  return postMultipart('/api/regions/import', form)
}

/** GET /api/regions/import/template: URL of the workbook to fill in for a village import (a download). */
export const villageTemplateUrl = () => '/api/regions/import/template'

/** POST /api/grids/merge: merges grids of one parent into a new grid, which it answers. */
export const mergeGrids = (codes, name, reason) => postJson('/api/grids/merge', { codes, name, reason })

/** GET /api/grid-adjustments?region=: one page of the adjustments that touched grids under a region. */
export const getAdjustments = (region, page = 0, size = 20) => getJson('/api/grid-adjustments', { region, page, size })

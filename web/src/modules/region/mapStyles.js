// Leaflet styles of the grid map and the HTML of its legend.
import { GRID_COLORS } from './levels.js'

export const HIGHLIGHT_STYLE = {
  color: GRID_COLORS.HIGHLIGHT,
  weight: 3,
  fillColor: GRID_COLORS.HIGHLIGHT,
  fillOpacity: 0.35,
  dashArray: null,
}

/** Grids picked for a merge (multi-selection). */
export const SELECTED_STYLE = {
  color: GRID_COLORS.SELECTED,
  weight: 3,
  fillColor: GRID_COLORS.SELECTED,
  fillOpacity: 0.4,
  dashArray: '6 4',
}

export function gridStyle(feature) {
  const p = feature.properties || {}
  const dedicated = p.type === 'DEDICATED'
  const micro = p.level === 'MICRO_GRID'
  const color = dedicated ? GRID_COLORS.DEDICATED : GRID_COLORS.ORDINARY
  return {
    color,
    weight: micro ? 1 : 1.5,
    opacity: 0.9,
    dashArray: micro ? '4 3' : null,
    fillColor: color,
    fillOpacity: dedicated ? 0.3 : 0.12,
    className: `grid-polygon grid-${dedicated ? 'dedicated' : 'ordinary'}`,
  }
}

/** Inner HTML of the legend control, in the current language (t: vue-i18n's translate). */
export function legendHtml(t) {
  const row = (color, label, extra = '') =>
    `<div class="grid-legend-row"><span class="grid-legend-swatch" style="border-color:${color};background:${color}40;${extra}"></span>${label}</div>`
  return (
    `<div class="grid-legend-title">${t('region.legend')}</div>` +
    row(GRID_COLORS.ORDINARY, t('gridType.ORDINARY')) +
    row(GRID_COLORS.DEDICATED, t('gridType.DEDICATED')) +
    row(GRID_COLORS.ORDINARY, t('region.microGrid'), 'border-style:dashed;') +
    row(GRID_COLORS.HIGHLIGHT, t('region.selected')) +
    row(GRID_COLORS.SELECTED, t('region.multiSelected'), 'border-style:dashed;')
  )
}

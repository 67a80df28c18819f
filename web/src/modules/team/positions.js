// The positions of a grid's team (GET /api/teams/positions), asked once per page load; named in the page's language.
import { getPositions } from './api.js'

let positions = null

export function loadPositions() {
  positions ??= getPositions()
    .then((page) => page.content)
    .catch((error) => {
      positions = null
      throw error
    })
  return positions
}

/** A position's name in the locale. */
export const positionName = (position, locale) => (locale === 'en' ? position.nameEn : position.name)

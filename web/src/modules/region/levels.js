// Helpers about region levels and grid types shared by the region components.
export const GRID_LEVELS = ['GRID', 'MICRO_GRID', 'BUILDING_UNIT']

export const isGridLevel = (level) => GRID_LEVELS.includes(level)

export const GRID_COLORS = {
  ORDINARY: '#3a7bd5',
  DEDICATED: '#e07b24',
  HIGHLIGHT: '#d62728',
  SELECTED: '#8e44ad',
}

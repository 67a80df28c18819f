// State of the region page's map: the region drawn, its grid features, the highlighted grid, the grid whose
// details are shown and the grids picked for a merge, with the steps that change them together.
import { nextTick, ref, shallowRef } from 'vue'
import { getAllGridFeatures, getGrid } from './api.js'

/**
 * @param treeRef ref to the RegionTree (to mark the village drawn as current)
 * @param mapRef ref to the GridMap (to know which grids are drawn and zoom to one)
 * @param showError shows a failed request
 */
export function useGridView({ treeRef, mapRef, showError }) {
  /** Grid features drawn on the map (shallow: geometries are large and never mutated). */
  const features = shallowRef([])
  /** The region whose grids are drawn: { code, name, level }. */
  const region = ref(null)
  const loadingFeatures = ref(false)
  const highlightCode = ref(null)
  const detailCode = ref(null)
  /** Grids picked for a merge (Ctrl/⌘-click, or any click in multi-select mode). */
  const selectedCodes = ref([])

  let loadId = 0
  /** Draws the grids of a region; resolves to true once they are on the map. */
  async function showRegion(node) {
    const id = ++loadId
    loadingFeatures.value = true
    try {
      const list = await getAllGridFeatures(node.code)
      if (id !== loadId) return false
      if (region.value?.code !== node.code) selectedCodes.value = []
      region.value = { code: node.code, name: node.name, level: node.level }
      features.value = list
      await nextTick()
      return true
    } catch (error) {
      if (id === loadId) showError(error)
      return false
    } finally {
      if (id === loadId) loadingFeatures.value = false
    }
  }

  /** Highlights a grid and shows its details, first drawing its village's grids when it is not on the map. */
  async function selectGrid(code, village) {
    if (!mapRef.value?.hasGrid(code)) {
      let target = village
      if (!target?.code) {
        try {
          const grid = await getGrid(code)
          target = grid.path?.find((p) => p.level === 'VILLAGE') || { code: grid.villageCode, level: 'VILLAGE' }
        } catch (error) {
          showError(error)
          return
        }
      }
      highlightCode.value = null
      if (!(await showRegion({ name: target.name || target.code, level: 'VILLAGE', ...target }))) return
      treeRef.value?.setCurrent(target.code)
    }
    highlightCode.value = code
    detailCode.value = code
    await nextTick()
    mapRef.value?.focusOn(code)
  }

  function toggleSelected(code) {
    const codes = selectedCodes.value
    selectedCodes.value = codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code]
  }

  return { features, region, loadingFeatures, highlightCode, detailCode, selectedCodes, showRegion, selectGrid, toggleSelected }
}

import { createI18n } from 'vue-i18n'

const STORAGE_KEY = 'gridgov.locale'
export const LOCALES = ['zh-CN', 'en']

const messages = {
  'zh-CN': {
    app: { title: '网格化服务管理平台', short: 'GridGov', collapse: '收起菜单', expand: '展开菜单', language: '语言' },
    menu: { region: '网格地图' },
    level: {
      PROVINCE: '省', CITY: '市', COUNTY: '县（市、区）', TOWNSHIP: '乡镇（街道）', VILLAGE: '村（社区）',
      GRID: '网格', MICRO_GRID: '微网格', BUILDING_UNIT: '楼栋单元',
    },
    gridType: { ORDINARY: '普通网格', DEDICATED: '专属网格' },
    dedicatedKind: {
      INDUSTRIAL_PARK: '产业园区', SCHOOL: '学校', HOSPITAL: '医院', RESERVOIR: '水库', SCENIC_AREA: '景区',
      ARMY_SITE: '部队驻地', MARKET: '商贸市场', FOREST_FARM: '林场', GOVERNMENT_COMPOUND: '机关单位', OTHER: '其他',
    },
    status: { ACTIVE: '有效', RETIRED: '已撤销' },
    region: {
      tree: '区划与网格',
      searchPlaceholder: '按名称搜索区划或网格',
      noResults: '无匹配结果',
      loadFailed: '加载失败',
      current: '当前区域',
      gridCount: '{n} 个网格',
      emptyMap: '在左侧选择区域以显示网格',
      loading: '加载中…',
      legend: '图例',
      selected: '选中网格',
      microGrid: '微网格',
    },
    locate: {
      title: '坐标定位',
      lon: '经度',
      lat: '纬度',
      submit: '定位',
      required: '请输入经度和纬度',
      notNumber: '经度和纬度须为数字',
      found: '所在网格',
      path: '所属区划',
    },
    detail: {
      title: '网格详情',
      code: '网格编码',
      name: '名称',
      type: '类型',
      dedicatedKind: '专属类别',
      level: '层级',
      villageCode: '村（社区）编码',
      parentGridCode: '上级网格',
      area: '面积',
      households: '户数',
      population: '人口',
      status: '状态',
      validFrom: '生效时间',
      close: '关闭',
    },
  },
  en: {
    app: { title: 'Grid-based Service Management Platform', short: 'GridGov', collapse: 'Collapse menu', expand: 'Expand menu', language: 'Language' },
    menu: { region: 'Grid map' },
    level: {
      PROVINCE: 'Province', CITY: 'City', COUNTY: 'County', TOWNSHIP: 'Township', VILLAGE: 'Village',
      GRID: 'Grid', MICRO_GRID: 'Micro-grid', BUILDING_UNIT: 'Building unit',
    },
    gridType: { ORDINARY: 'Ordinary grid', DEDICATED: 'Dedicated grid' },
    dedicatedKind: {
      INDUSTRIAL_PARK: 'Industrial park', SCHOOL: 'School', HOSPITAL: 'Hospital', RESERVOIR: 'Reservoir',
      SCENIC_AREA: 'Scenic area', ARMY_SITE: 'Army site', MARKET: 'Market', FOREST_FARM: 'Forest farm',
      GOVERNMENT_COMPOUND: 'Government compound', OTHER: 'Other',
    },
    status: { ACTIVE: 'Active', RETIRED: 'Retired' },
    region: {
      tree: 'Regions and grids',
      searchPlaceholder: 'Search regions or grids by name',
      noResults: 'No matches',
      loadFailed: 'Loading failed',
      current: 'Current region',
      gridCount: '{n} grids',
      emptyMap: 'Pick a region on the left to show its grids',
      loading: 'Loading…',
      legend: 'Legend',
      selected: 'Selected grid',
      microGrid: 'Micro-grid',
    },
    locate: {
      title: 'Locate a point',
      lon: 'Longitude',
      lat: 'Latitude',
      submit: 'Locate',
      required: 'Enter a longitude and a latitude',
      notNumber: 'Longitude and latitude must be numbers',
      found: 'Grid',
      path: 'Within',
    },
    detail: {
      title: 'Grid details',
      code: 'Code',
      name: 'Name',
      type: 'Type',
      dedicatedKind: 'Dedicated kind',
      level: 'Level',
      villageCode: 'Village code',
      parentGridCode: 'Parent grid',
      area: 'Area',
      households: 'Households',
      population: 'Population',
      status: 'Status',
      validFrom: 'Valid from',
      close: 'Close',
    },
  },
}

function initialLocale() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (LOCALES.includes(saved)) return saved
  } catch {
    // storage unavailable: use the default
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
})

export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // ignore
  }
}

// Names the registry pages share: resident kinds, sexes (GB/T 2261.1), the fields only a kind has, the code set
// behind a field and the names of codes in the page's language.
import { reactive } from 'vue'
import { getCodes } from './api.js'
import { i18n } from '@/i18n.js'

export const KINDS = ['REGISTERED', 'FLOATING', 'FOREIGN', 'LEFT_BEHIND']
export const SEXES = ['1', '2', '0', '9']

/** Per kind, its own fields: [field, code set or 'date' or null for free text]. */
export const KIND_FIELDS = {
  REGISTERED: [],
  FLOATING: [
    ['inflowReason', 'INFLOW_REASON'],
    ['registeredOn', 'date'],
    ['permitNumber', null],
    ['permitExpiresOn', 'date'],
  ],
  FOREIGN: [
    ['documentType', 'DOCUMENT_TYPE'],
    ['documentNumber', null],
    ['stayPurpose', 'STAY_PURPOSE'],
    ['arrivedOn', 'date'],
    ['expectedDepartureOn', 'date'],
  ],
  LEFT_BEHIND: [['leftBehindType', 'LEFT_BEHIND_TYPE']],
}

/** The code set of each coded field of a resident. */
export const CODED_FIELDS = {
  ethnicity: 'ETHNICITY',
  relationToHead: 'RELATION',
  education: 'EDUCATION',
  politicalStatus: 'POLITICAL_STATUS',
}

/** The code sets, filled once loaded: { SET: [{ code, name, nameEn }] }. */
export const codeSets = reactive({})

/** Loads the code sets into codeSets (once per page load). */
export async function loadCodes() {
  Object.assign(codeSets, await getCodes())
}

/** A code value's name in the page's language; reading the locale here makes a template follow a switch. */
export const valueName = (value) => (i18n.global.locale.value === 'en' ? value.nameEn || value.name : value.name)

/** The name of a code in its set in the page's language, or the code itself when the set does not know it. */
export function codeName(set, code) {
  if (code === null || code === undefined || code === '') return ''
  const value = codeSets[set]?.find((v) => v.code === code)
  return value ? valueName(value) : code
}

/** A field's label (a group's or a deployment register's) in the page's language. */
export const fieldLabel = (field, locale) => (locale === 'en' ? field.labelEn || field.label : field.label)

/** A group's name in the page's language, from a type or from a registration (whose `name` is the person's). */
export function groupName(group, locale) {
  const zh = group.groupName ?? group.name
  return locale === 'en' ? (group.groupNameEn ?? group.nameEn) || zh : zh
}

/** The values actually filled in, so that an emptied field is left out rather than sent blank. */
export const filled = (values) => Object.fromEntries(Object.entries(values || {}).filter(([, v]) => v !== null && v !== undefined && v !== ''))

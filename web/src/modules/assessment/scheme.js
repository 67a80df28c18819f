// Schemes as the page edits them: the indicators a subject type may weigh or take points off for, a scheme turned
// into form rows and back into the PUT body, and the server's field names (weights[2].value) turned back into rows.
import { currentMonth } from './period.js'

export const SUBJECT_TYPES = ['WORKER', 'GRID', 'VILLAGE', 'TOWNSHIP', 'COUNTY', 'DEPARTMENT']

const WEIGHTED = ['RATE', 'INVERSE_RATE', 'QUOTA']

const appliesTo = (type) => (definition) => definition.subjectTypes.includes(type)

/** The indicators a scheme of the type gives a weight: shares and the report quota. */
export const weightedOf = (definitions, type) => definitions.filter(appliesTo(type)).filter((d) => WEIGHTED.includes(d.kind))

/** The counts a scheme of the type takes points off for. */
export const penalizedOf = (definitions, type) => definitions.filter(appliesTo(type)).filter((d) => d.kind === 'PENALTY')

/** Whether the type is measured against the monthly report quota. */
export const hasQuota = (definitions, type) => definitions.some((d) => d.indicator === 'REPORTS' && d.subjectTypes.includes(type))

/** An indicator's name in the locale, from its definition. */
export function indicatorName(definitions, indicator, locale) {
  const definition = definitions.find((d) => d.indicator === indicator)
  if (!definition) return indicator
  return (locale === 'en' ? definition.labelEn : definition.label) || definition.label
}

/** The sum of a scheme's weights. */
export const weightSum = (weights) => Math.round(Object.values(weights || {}).reduce((sum, value) => sum + (Number(value) || 0), 0) * 100) / 100

/** The month after the current one, the earliest a new version may take effect from (2027-01). */
export function nextMonth(now = new Date()) {
  const [year, month] = currentMonth(now).split('-').map(Number)
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
}

/** A scheme's first month as the form writes it: 2027-01-01 → 2027-01. */
export const monthOf = (effectiveFrom) => (effectiveFrom || '').slice(0, 7)

/** The form of a new version of the type, starting from a scheme (the one in force, or a version picked). */
export function schemeForm(scheme, definitions, type, effectiveFrom) {
  const rows = (list, values) => list.map((d) => ({ indicator: d.indicator, value: values?.[d.indicator] ?? 0 }))
  return {
    effectiveFrom,
    weights: rows(weightedOf(definitions, type), scheme?.weights),
    penalties: rows(penalizedOf(definitions, type), scheme?.penalties),
    excellentMin: scheme?.excellentMin ?? 90,
    goodMin: scheme?.goodMin ?? 75,
    passMin: scheme?.passMin ?? 60,
    limitExcellent: scheme ? scheme.excellentShare !== null && scheme.excellentShare !== undefined : true,
    excellentPercent: scheme?.excellentShare === null || scheme?.excellentShare === undefined ? 20 : Math.round(scheme.excellentShare * 1000) / 10,
    reportQuota: scheme?.reportQuota ?? 4,
    vetoes: (scheme?.vetoes || []).map((v) => ({ kind: v.kind, code: v.code ?? '', atLeast: v.atLeast ?? 3 })),
  }
}

/**
 * The PUT body of a form, and where each list entry sent came from: weights and points off of 0 are left out (the
 * same as not weighing the indicator), so the n-th weight sent is not the n-th row.
 */
export function schemeCommand(form) {
  const sent = (rows) => rows.filter((row) => Number(row.value) > 0)
  const weights = sent(form.weights)
  const penalties = sent(form.penalties)
  return {
    command: {
      effectiveFrom: form.effectiveFrom,
      weights: weights.map(({ indicator, value }) => ({ indicator, value })),
      penalties: penalties.map(({ indicator, value }) => ({ indicator, value })),
      excellentMin: form.excellentMin,
      goodMin: form.goodMin,
      passMin: form.passMin,
      excellentShare: form.limitExcellent ? Math.round(form.excellentPercent * 10) / 1000 : null,
      reportQuota: form.reportQuota,
      vetoes: form.vetoes.map((v) => (v.kind === 'RED_CARDS' ? { kind: v.kind, atLeast: v.atLeast } : { kind: v.kind, code: v.code || null })),
    },
    sent: { weights: weights.map((row) => row.indicator), penalties: penalties.map((row) => row.indicator) },
  }
}

const LISTED = /^(weights|penalties|vetoes)\[(\d+)\]/

/**
 * The server's problems ({ field: message }) by the form's own keys: weights.REPORTS, penalties.RED_CARDS,
 * vetoes.0, or the field's name; problems of entries that cannot be placed are kept under ''.
 */
export function problemsByRow(problems, sent) {
  const out = {}
  const add = (key, message) => {
    out[key] = out[key] ? `${out[key]}；${message}` : message
  }
  for (const [field, message] of Object.entries(problems)) {
    const match = field.match(LISTED)
    if (!match) add(field, message)
    else if (match[1] === 'vetoes') add(`vetoes.${match[2]}`, message)
    else {
      const indicator = sent[match[1]][Number(match[2])]
      add(indicator ? `${match[1]}.${indicator}` : match[1], message)
    }
  }
  return out
}

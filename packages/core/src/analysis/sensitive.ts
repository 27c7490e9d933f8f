/**
 * Sensitive place categories (after LPAuditor, Drakonakis et al. 2019), only where an export names
 * the place: lowprofile bundles no points-of-interest data. Categories and counts, never names.
 */
import type { DossierRecord } from '../dossier/model.js';

export type SensitiveCategory = 'health' | 'religion' | 'nightlife' | 'legal-immigration' | 'politics-protest';

const PATTERNS: Readonly<Record<SensitiveCategory, RegExp>> = {
  health: /\b(hospital|clinic|cl[ií]nica|medical|health|salud|pharmacy|farmacia|planned parenthood|dental|therapy|rehab|urgent care|emergencias)\b/i,
  religion: /\b(church|iglesia|mosque|mezquita|masjid|synagogue|sinagoga|temple|templo|parish|parroquia|cathedral|catedral|chapel|capilla)\b/i,
  nightlife: /\b(bar|pub|club|nightclub|lounge|cantina|discoteca|antro|casino)\b/i,
  'legal-immigration': /\b(immigration|inmigraci[oó]n|consulate|consulado|courthouse|court|corte|tribunal|legal aid|law office|abogad[oa]s?|uscis|detention)\b/i,
  'politics-protest': /\b(city hall|capitol|protest|rally|march|marcha|union hall|sindicato|party headquarters)\b/i,
};

export interface SensitiveVisits {
  readonly category: SensitiveCategory;
  readonly visits: number;
  readonly refs: string[];
}

export function analyseSensitivePlaces(records: readonly DossierRecord[]): { readonly named: number; readonly categories: SensitiveVisits[] } {
  const acc = new Map<SensitiveCategory, string[]>();
  let named = 0;
  for (const record of records) {
    if (record.placeName === undefined) continue;
    named++;
    for (const [category, re] of Object.entries(PATTERNS) as [SensitiveCategory, RegExp][]) {
      if (re.test(record.placeName)) acc.set(category, [...(acc.get(category) ?? []), record.id]);
    }
  }
  return { named, categories: [...acc].map(([category, refs]) => ({ category, visits: refs.length, refs: refs.slice(0, 10) })).sort((a, b) => b.visits - a.visits) };
}

// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the test typecheck compiles this file without the rest of src/
/// <reference path="../vendor.d.ts" />
/**
 * Posts an automated monitor would flag: hits on the published monitoring keyword categories, and
 * sentences with strongly negative sentiment that name an agency. Sentiment comes from VADER
 * (Hutto & Gilbert 2014; JS port `vader-sentiment`, Apache-2.0), English only; Spanish uses a small
 * list of strongly negative words written for lowprofile. Sentiment is not stance: the report says
 * "an automated system might read this as negative about X", never more.
 */
import { SentimentIntensityAnalyzer } from 'vader-sentiment';
import type { DossierRecord, RecordKind } from '../dossier/model.js';
import { AGENCY_NAMES, MONITORING_TERMS, type MonitoringCategory } from './monitoring-terms.js';

export interface FlagReason {
  readonly type: 'keyword' | 'negative-about-agency';
  readonly category?: MonitoringCategory;
  /** The word or phrase that matched, as written in the post. */
  readonly matched: string;
  readonly agency?: string;
  /** VADER compound score in [-1, 1] (English) or the Spanish word count score. */
  readonly score?: number;
}

export interface FlaggedPost {
  readonly ref: string;
  readonly platform: string;
  readonly archive: string;
  readonly file: string;
  readonly itemId?: string;
  readonly time?: string;
  readonly kind: RecordKind;
  readonly text: string;
  readonly reasons: FlagReason[];
  readonly public: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAcronym = (term: string): boolean => /^[A-Z0-9.-]{2,6}$/.test(term);

interface Matcher {
  readonly category: MonitoringCategory;
  readonly re: RegExp;
}

function build(): Matcher[] {
  const out: Matcher[] = [];
  for (const [category, terms] of Object.entries(MONITORING_TERMS) as [MonitoringCategory, readonly string[]][]) {
    const acr = terms.filter(isAcronym);
    const words = terms.filter((t) => !isAcronym(t));
    if (words.length > 0) out.push({ category, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') });
    if (acr.length > 0) out.push({ category, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${acr.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') });
  }
  return out;
}

let matchers: Matcher[] | undefined;
const ACRONYMS: ReadonlySet<string> = new Set(Object.values(MONITORING_TERMS).flat().filter(isAcronym));
const wordRe = (terms: readonly string[], flags: string): RegExp | undefined =>
  terms.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags);
const agencyMatchers = AGENCY_NAMES.map(({ agency, patterns }) => {
  const acronyms = wordRe(patterns.filter(isAcronym), 'u');
  const words = wordRe(patterns.filter((p) => !isAcronym(p)), 'iu');
  return { agency, find: (text: string): string | undefined => acronyms?.exec(text)?.[0] ?? words?.exec(text)?.[0] };
});

/** Strongly negative Spanish words (lowprofile's own short list; rough). */
const SPANISH_NEGATIVE = ['odio', 'odiamos', 'asesinos', 'asesino', 'criminales', 'cerdos', 'basura', 'malditos', 'maldita', 'maldito', 'racistas', 'racista', 'abusadores', 'abuso', 'crueles', 'cruel', 'monstruos', 'fuera', 'muerte', 'terroristas', 'secuestradores', 'secuestro', 'vergüenza', 'verguenza', 'repugnante', 'asco', 'mierda', 'ladrones', 'corruptos', 'infierno'];
const spanishRe = new RegExp(`(?<![\\p{L}])(?:${SPANISH_NEGATIVE.join('|')})(?![\\p{L}])`, 'giu');
const SPANISH_HINT = /(?<![\p{L}])(?:el|la|los|las|que|de|y|en|por|para|una|con|no|es|nos|migra)(?![\p{L}])/giu;

export function looksSpanish(text: string): boolean {
  const words = text.split(/\s+/).length;
  const hits = text.match(SPANISH_HINT)?.length ?? 0;
  return words > 0 && hits / words > 0.15;
}

/** Threshold for "strongly negative" (VADER's own neutral band is ±0.05). */
export const STRONG_NEGATIVE = -0.5;

function findAgency(sentence: string): { agency: string; matched: string } | undefined {
  for (const a of agencyMatchers) {
    const matched = a.find(sentence);
    if (matched !== undefined) return { agency: a.agency, matched };
  }
  return undefined;
}

/** Sentiment in [-1, 1]: VADER for English, the short word list for Spanish. */
export function negativity(text: string): number {
  if (looksSpanish(text)) {
    const hits = text.match(spanishRe)?.length ?? 0;
    return hits === 0 ? 0 : -Math.min(1, 0.4 + 0.3 * hits);
  }
  return SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

export function flagText(text: string): FlagReason[] {
  matchers ??= build();
  const reasons: FlagReason[] = [];
  const seen = new Set<string>();
  for (const { category, re } of matchers) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      // "ICE" in capitals is the agency, not the weather word "ice".
      if (re.flags.includes('i') && ACRONYMS.has(m[0])) continue;
      const key = `${category}:${m[0].toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reasons.push({ type: 'keyword', category, matched: m[0] });
    }
  }
  // Stance proxy: the post names an agency, and the post (or a sentence next to the naming) reads
  // strongly negative. Posts are short; the sentence that names the agency is often neutral ("ICE
  // raids again.") and the next one carries the feeling.
  const sentences = text.split(/(?<=[.!?\n])\s+/).filter((x) => x.trim() !== '');
  for (let i = 0; i < sentences.length; i++) {
    const agency = findAgency(sentences[i] as string);
    if (agency === undefined) continue;
    const window = [sentences[i - 1], sentences[i], sentences[i + 1]].filter((x): x is string => x !== undefined);
    const score = Math.min(...window.map(negativity), window.length > 1 ? negativity(window.join(' ')) : 0);
    if (score <= STRONG_NEGATIVE) {
      reasons.push({ type: 'negative-about-agency', agency: agency.agency, matched: agency.matched, score: Math.round(score * 100) / 100 });
      break;
    }
  }
  return reasons;
}

const AUTHORED: ReadonlySet<RecordKind> = new Set(['post', 'story', 'comment', 'photo', 'video', 'check-in', 'message']);
const PUBLIC: ReadonlySet<RecordKind> = new Set(['post', 'story', 'comment', 'photo', 'video', 'check-in']);

export function analyseFlaggedPosts(records: readonly DossierRecord[]): FlaggedPost[] {
  const out: FlaggedPost[] = [];
  for (const record of records) {
    if (!AUTHORED.has(record.kind) || record.text === undefined || record.text.trim() === '') continue;
    const reasons = flagText(record.text);
    if (reasons.length === 0) continue;
    out.push({
      ref: record.id,
      platform: record.source.platform,
      archive: record.source.archive,
      file: record.source.file,
      ...(record.source.itemId !== undefined ? { itemId: record.source.itemId } : {}),
      ...(record.time !== undefined ? { time: new Date(record.time.epochMs).toISOString() } : {}),
      kind: record.kind,
      text: record.text.length > 400 ? `${record.text.slice(0, 400)}…` : record.text,
      reasons,
      public: PUBLIC.has(record.kind),
    });
  }
  const weight = (p: FlaggedPost): number => p.reasons.reduce((s, r) => s + (r.type === 'negative-about-agency' ? 5 : 1), 0) + (p.public ? 1 : 0);
  out.sort((a, b) => weight(b) - weight(a) || (b.time ?? '').localeCompare(a.time ?? ''));
  return out;
}

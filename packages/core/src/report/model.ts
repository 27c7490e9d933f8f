/**
 * The dossier report: built once from an Analysis, rendered as JSON (this object as it is) and as
 * one self-contained HTML page. Every finding carries its evidence.
 */
import type { PlaceEvidence } from '../analysis/places.js';
import type { ExposedPerson } from '../analysis/people.js';
import type { Identity, IdentityLink } from '../analysis/identities.js';
import type { FlaggedPost } from '../analysis/flagged.js';
import type { MediaSummary } from '../analysis/media.js';
import type { ImportIssue, Platform } from '../dossier/model.js';
import type { Language } from './strings.js';

export const REPORT_SCHEMA = 'lowprofile-dossier/1';

/** One cited item: the exact record or location samples, with date and source file. */
export interface EvidenceItem {
  readonly ref: string;
  readonly platform: string;
  readonly archive: string;
  readonly file: string;
  readonly itemId?: string;
  /** ISO 8601 (UTC unless `timeIsLocal`). */
  readonly time?: string;
  readonly timeIsLocal?: boolean;
  readonly localTime?: string;
  readonly text?: string;
  readonly note?: string;
}

export interface NearestName {
  readonly name: string;
  readonly country: string;
  readonly adminCode?: string;
  readonly distanceM: number;
}

export interface ReportPlace {
  readonly id: number;
  readonly role: 'home' | 'work' | 'other';
  readonly lat: number;
  readonly lon: number;
  readonly confidence: number;
  readonly basis: string;
  readonly near?: NearestName;
  readonly zone?: string;
  readonly radiusM: number;
  readonly distinctDays: number;
  readonly hours: number;
  readonly nights: number;
  readonly stays: number;
  readonly geotags: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Hour-of-week presence, 168 bins, Monday 00:00 local first. */
  readonly routine: number[];
  readonly placeNames: string[];
  readonly evidence: PlaceEvidence[];
  readonly evidenceTotal: number;
}

export type FindingSection = 'places' | 'routine' | 'uniqueness' | 'people' | 'identities' | 'posts' | 'media' | 'sensitive';

export interface Finding {
  readonly n: number;
  readonly id: string;
  readonly section: FindingSection;
  readonly title: string;
  readonly text: string;
  readonly confidence?: number;
  readonly weight: number;
  readonly evidence: EvidenceItem[];
  readonly evidenceTotal: number;
  /** Published figures this finding rests on. */
  readonly sources?: string[];
}

export interface PlanAction {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Share of the dossier's weight this action removes, 0–100. */
  readonly impact: number;
  readonly findings: number[];
  readonly targets: EvidenceItem[];
  readonly targetsTotal: number;
}

export interface DossierReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly language: Language;
  readonly generatedAt: string;
  readonly period?: { readonly from: string; readonly to: string };
  readonly inputs: {
    readonly archives: string[];
    readonly platforms: string[];
    readonly records: number;
    readonly locatedRecords: number;
    readonly locationPoints: number;
    readonly traces: { readonly platform: string; readonly archive: string; readonly file: string; readonly points: number; readonly stays: number }[];
    readonly issues: ImportIssue[];
  };
  readonly summary: { readonly headline: string; readonly points: string[] };
  readonly places: ReportPlace[];
  readonly uniqueness: { readonly statements: { readonly text: string; readonly source: string }[]; readonly bits?: number; readonly homeWorkDistanceM?: number };
  readonly people: ExposedPerson[];
  readonly identities: { readonly items: Identity[]; readonly links: IdentityLink[]; readonly linkedPlatforms: Platform[][] };
  readonly flaggedPosts: FlaggedPost[];
  readonly media: MediaSummary;
  readonly sensitivePlaces: { readonly determined: boolean; readonly categories: { readonly category: string; readonly visits: number }[] };
  readonly findings: Finding[];
  readonly plan: PlanAction[];
  readonly couldNotDetermine: { readonly topic: string; readonly text: string }[];
  readonly methods: { readonly text: string; readonly source: string }[];
  readonly attribution: string[];
}

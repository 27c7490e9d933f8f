/**
 * Scrub orchestration shared by the CLI and the web app: detect the format by content, plan the
 * clean output, and — after the caller has written it — verify the written bytes with a fresh,
 * independent read. I/O stays with the caller: core only sees ByteSources.
 */
import { SNIFF_HEAD_BYTES } from './bytes/limits.js';
import { isIdentityPlan, type ByteSource, type OutputPiece } from './bytes/source.js';
import { categoriesOf, RENDERING_CATEGORIES, type Category, type MetadataItem } from './categories.js';
import { FORMATS } from './formats/index.js';
import { isFormatError, type Issue } from './issues.js';
import { DEFAULT_SCRUB_OPTIONS, detectFormat, type FormatModule, type ScrubOptions } from './registry.js';

export type ScrubStatus = 'clean' | 'already-clean' | 'unsupported' | 'failed';

export interface ScrubPlan {
  readonly status: 'planned' | 'already-clean' | 'unsupported' | 'failed';
  readonly format?: FormatModule;
  readonly pieces: readonly OutputPiece[];
  readonly removed: readonly MetadataItem[];
  readonly kept: readonly MetadataItem[];
  readonly notes: readonly string[];
  /** One-line reason for unsupported/failed. */
  readonly reason?: string;
  readonly issue?: Issue;
}

export async function detectSourceFormat(source: ByteSource, formats: readonly FormatModule[] = FORMATS): Promise<FormatModule | undefined> {
  const head = await source.read(0, Math.min(source.size, SNIFF_HEAD_BYTES));
  return detectFormat(formats, head, source.size);
}

export async function planScrub(source: ByteSource, options: ScrubOptions = DEFAULT_SCRUB_OPTIONS, formats: readonly FormatModule[] = FORMATS): Promise<ScrubPlan> {
  const empty = { pieces: [], removed: [], kept: [], notes: [] };
  const format = await detectSourceFormat(source, formats);
  if (format === undefined) return { ...empty, status: 'unsupported', reason: 'not a format lowprofile can clean (detected by content, not by name)' };
  try {
    const output = await format.scrub(source, options);
    const status = isIdentityPlan(output.pieces, source.size) ? 'already-clean' : 'planned';
    return { status, format, ...output };
  } catch (error) {
    if (!isFormatError(error)) throw error;
    const issue = error.toIssue();
    const status = issue.code === 'unsupported_feature' || issue.code === 'encrypted' ? 'unsupported' : 'failed';
    return { ...empty, status, format, reason: describeIssue(issue), issue };
  }
}

export interface Verification {
  readonly ok: boolean;
  /** Metadata still present that should not be. */
  readonly leftovers: readonly MetadataItem[];
  readonly reason?: string;
}

/**
 * Re-reads a written output from scratch and checks that nothing but what the plan kept is there.
 * The check uses the format's reader, not the writer's bookkeeping, so a writer bug shows up here.
 */
export async function verifyScrubbed(plan: ScrubPlan, output: ByteSource, options: ScrubOptions = DEFAULT_SCRUB_OPTIONS, formats: readonly FormatModule[] = FORMATS): Promise<Verification> {
  const format = await detectSourceFormat(output, formats);
  if (format === undefined || format.id !== plan.format?.id) {
    return { ok: false, leftovers: [], reason: `the written file no longer reads as ${plan.format?.label ?? 'the same format'}` };
  }
  try {
    const inspection = await format.inspect(output);
    const allowed = allowedCategories(plan, options, format);
    const leftovers = inspection.items.filter((item) => !allowed.has(item.category));
    if (inspection.issues.length > 0) return { ok: false, leftovers, reason: `the written file could not be fully read back: ${describeIssue(inspection.issues[0]!)}` };
    if (leftovers.length > 0) return { ok: false, leftovers, reason: `metadata still present after cleaning: ${leftovers.map((item) => item.label).slice(0, 3).join(', ')}` };
    return { ok: true, leftovers: [] };
  } catch (error) {
    if (!isFormatError(error)) throw error;
    return { ok: false, leftovers: [], reason: `the written file could not be read back: ${describeIssue(error.toIssue())}` };
  }
}

function allowedCategories(plan: ScrubPlan, options: ScrubOptions, format: FormatModule): Set<Category> {
  const allowed = new Set<Category>();
  for (const category of RENDERING_CATEGORIES) if (category !== 'colour-profile' || options.keepColourProfile) allowed.add(category);
  const keptByPlan = new Set(categoriesOf(plan.kept));
  for (const category of format.reviewableCategories ?? []) if (keptByPlan.has(category)) allowed.add(category);
  return allowed;
}

export function describeIssue(issue: Issue): string {
  const where = `at byte ${issue.offset}`;
  switch (issue.code) {
    case 'truncated':
      return `the file is cut short or a length runs past its end (${where}): ${issue.detail}`;
    case 'invalid':
      return `the file is damaged (${where}): ${issue.detail}`;
    case 'limit_exceeded':
      return `the file declares an implausible size or count (${where}): ${issue.detail}`;
    case 'loop':
      return `the file's structure loops back on itself (${where}): ${issue.detail}`;
    case 'unsupported_feature':
      return `the file uses a feature that cannot be cleaned safely (${where}): ${issue.detail}`;
    case 'encrypted':
      return `the file is encrypted, so its metadata cannot be removed: ${issue.detail}`;
  }
}

/** Categories for reports. */
export function reportCategories(items: readonly MetadataItem[]): Category[] {
  return categoriesOf(items);
}

/**
 * WhatsApp chat exports (export-formats.md §12): iOS `_chat.txt` (`[14/03/2024, 21:05:33] Name: text`)
 * and Android `WhatsApp Chat with <Name>.txt` (`3/14/24, 21:05 - Name: text`), in their locale
 * variants: `/`, `.` or `-` date separators, 2- or 4-digit years, optional seconds, 12-hour clocks
 * (`9:05 PM`, `9:05 p. m.`), U+200E marks. Day/month order is decided per file: a first field
 * over 12 means day-first, a second field over 12 means month-first; when every field is ≤ 12,
 * unpadded 2-digit-year dates (`3/5/24`, the US form) mean month-first, otherwise day-first.
 * Lines without a timestamp continue the previous message. Times carry no zone: they
 * are the exporting phone's wall clock, so records get basis `local-wall-clock`.
 */
import type { ExportFile, ImportContext } from '../context.js';
import { plausibleMs } from '../text.js';

const PLATFORM = 'whatsapp' as const;

const LINE = /^[\u200e\u200f\u202a-\u202e\uFEFF]*\[?(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),?\s+(\d{1,2})[:.](\d\d)(?:[:.](\d\d))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?\]?\s*(?:-\s+|:\s+)?(.*)$/;

export function looksLikeWhatsApp(head: string): boolean {
  const lines = head.split(/\r?\n/).slice(0, 8).filter((l) => l.trim() !== '');
  const hits = lines.filter((l) => LINE.test(l)).length;
  return hits >= Math.min(2, lines.length) && hits > 0;
}

interface Parsed { unpadded: boolean; a: number; b: number; c: number; hour: number; minute: number; second: number; rest: string }

/** Finds `maps.google.*?q=lat,lon` (and `…/maps?q=`, `@lat,lon`) pins. */
export function mapLink(text: string): { lat: number; lon: number } | undefined {
  const m = /https?:\/\/(?:maps\.google\.[a-z.]+|www\.google\.[a-z.]+\/maps|maps\.apple\.com|goo\.gl\/maps)[^\s]*?(?:[?&](?:q|ll)=|@)(-?\d{1,2}\.\d+),\s*(-?\d{1,3}\.\d+)/.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

export async function importWhatsApp(file: ExportFile, ctx: ImportContext): Promise<void> {
  const text = await ctx.text(file);
  const parsed: { line: Parsed; extra: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw);
    if (m) {
      let hour = Number(m[4]);
      if (m[7]) hour = (hour % 12) + (/[Pp]/.test(m[7]) ? 12 : 0);
      parsed.push({ line: { unpadded: m[1]!.length === 1 && m[3]!.length === 2, a: Number(m[1]), b: Number(m[2]), c: Number(m[3]), hour, minute: Number(m[5]), second: Number(m[6] ?? 0), rest: m[8] ?? '' }, extra: [] });
    } else if (parsed.length > 0 && raw.trim() !== '') parsed[parsed.length - 1]!.extra.push(raw);
  }
  // Date order, decided once per file.
  const yearFirst = parsed.some((p) => p.line.a > 31);
  // Still ambiguous (every day ≤ 12): "3/5/24" (unpadded, 2-digit year) is the US Android form.
  const ambiguous = !parsed.some((p) => p.line.a > 12) && !parsed.some((p) => p.line.b > 12);
  const dayFirst = !yearFirst && (parsed.some((p) => p.line.a > 12) || (ambiguous ? !parsed.some((p) => p.line.unpadded) : false));
  const chatWith = /WhatsApp Chat (?:with|-) (.+?)(?:\.txt)?$/i.exec(file.path.slice(file.path.lastIndexOf('/') + 1))?.[1];
  const source = (index: number) => ctx.source(PLATFORM, file, index);
  for (const [index, { line, extra }] of parsed.entries()) {
    const [y, mo, d] = yearFirst ? [line.a, line.b, line.c] : dayFirst ? [line.c, line.b, line.a] : [line.c, line.a, line.b];
    const year = y < 100 ? 2000 + y : y;
    const wall = plausibleMs(Date.UTC(year, mo - 1, d, line.hour, line.minute, line.second));
    const clean = line.rest.replace(/[\u200e\u200f]/g, '');
    const colon = clean.indexOf(': ');
    const sender = colon > 0 && colon < 80 ? clean.slice(0, colon) : undefined;
    const body = [sender ? clean.slice(colon + 2) : clean, ...extra.map((e) => e.replace(/[\u200e\u200f]/g, ''))].join('\n');
    // iOS writes system lines as "<chat name>: \u200e<notice>".
    const systemLine = sender !== undefined && /^\s*\u200e/.test(line.rest.slice(line.rest.indexOf(': ') + 2)) && /end-to-end encrypted|created (this )?group|added|removed|left$|changed (the|this|their)|joined using|security code/i.test(body);
    if (!sender || systemLine) {
      // A system line ("Messages and calls are end-to-end encrypted", "X added Y"): no record.
      continue;
    }
    const pin = mapLink(body);
    const attachment = /<attached: ([^>]+)>/.exec(body)?.[1] ?? /^(\S+\.\w{2,4}) \(file attached\)/.exec(body)?.[1];
    ctx.record({
      kind: 'message', source: source(index),
      time: wall === undefined ? undefined : { epochMs: wall, basis: 'local-wall-clock' },
      position: pin ? { ...pin, method: 'geotag' } : undefined,
      text: body,
      people: [{ name: sender, platform: PLATFORM, relation: 'message-from' }, ...(chatWith && chatWith !== sender ? [{ name: chatWith, platform: PLATFORM, relation: 'group-member' as const }] : [])],
      media: attachment ? [{ path: attachment }] : undefined,
    });
  }
}

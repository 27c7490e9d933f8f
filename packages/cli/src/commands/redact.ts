import { readFile, mkdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_KINDS, parseBoxReview, REDACTION_METHODS, REVERSIBLE_METHOD_WARNING, type BoxReview, type ModelKind, type RedactionMethod } from '@lowprofile/core';
import { findFiles } from '../io/find-files.js';
import { commitTemporary, writePiecesToTemporary } from '../io/atomic-write.js';
import { bytesSource } from '@lowprofile/core';
import { encodePng } from '../faces/decode.js';
import { FILES_PER_SHEET, renderContactSheet, type SheetEntry } from '../faces/contact-sheet.js';
import { redactOne, type RedactReport } from '../faces/redact-file.js';
import { loadDetector } from '../faces/runtime.js';
import { UsageError, type Command } from './command.js';

export const REDACT_HELP = `Usage: lowprofile redact <file|dir>... --out DIR [options]

Finds faces in photos (JPEG, PNG, WebP) and writes NEW copies with each face covered by an opaque
block (grown to cover hair, ears and chin). The copies carry no metadata at all. Originals are
never changed. Detectors miss faces: look at the contact sheet and correct with --boxes.

Options:
  --out DIR            write redacted copies under DIR, keeping relative names
  --detect-only        find faces and write contact sheets only (no redacted copies)
  --review-dir DIR     where contact sheets go (default: DIR-review next to --out); they show
                       the UNREDACTED photos with numbered boxes: do not share them
  --boxes FILE         JSON corrections per file: {"photo.jpg": {"remove": [2], "add":
                       [{"x": 10, "y": 20, "width": 40, "height": 50}], "onlyAdded": false}}
                       (keys: the path as reported, or the name relative to its folder argument)
  --method fill|mosaic|blur
                       fill (default) cannot be undone; mosaic and blur can be partly reversed
  --model FILE|retinaface
                       use another model instead of the bundled BlazeFace (Apache-2.0): an ONNX
                       file you supply, or the separately installed retinaface package
  --model-kind KIND    the kind of --model FILE: ${MODEL_KINDS.join(', ')}
  --thorough           smaller tiles and a lower threshold: finds more faces in crowds, a bit
                       slower, about twice the false boxes
  --threshold T        detection score threshold (model default otherwise)
  --json               print a machine-readable report on stdout
  -h, --help           show this help

Exit status: 0 every file done, 1 some file failed or unsupported, 2 usage error.`;

export const redactCommand: Command = {
  name: 'redact',
  summary: 'cover faces in photos with opaque blocks, in new metadata-free copies',
  help: REDACT_HELP,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'detect-only': { type: 'boolean', default: false },
        'review-dir': { type: 'string' },
        boxes: { type: 'string' },
        method: { type: 'string', default: 'fill' },
        model: { type: 'string' },
        'model-kind': { type: 'string' },
        threshold: { type: 'string' },
        thorough: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(`${REDACT_HELP}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('redact needs at least one file or folder');
    if (values.out === undefined && !values['detect-only']) throw new UsageError('say where to write: --out DIR (or --detect-only with --review-dir DIR)');
    if (values.out === undefined && values['review-dir'] === undefined) throw new UsageError('--detect-only needs --review-dir DIR (or --out DIR) for the contact sheets');
    const method = values.method as RedactionMethod;
    if (!REDACTION_METHODS.includes(method)) throw new UsageError(`--method takes ${REDACTION_METHODS.join(', ')}`);
    const kind = values['model-kind'] as ModelKind | undefined;
    if (kind !== undefined && !MODEL_KINDS.includes(kind)) throw new UsageError(`--model-kind takes ${MODEL_KINDS.join(', ')}`);
    if (values.model !== undefined && values.model !== 'retinaface' && kind === undefined) throw new UsageError('--model FILE needs --model-kind');
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold < 1)) throw new UsageError('--threshold takes a number between 0 and 1');

    const reviews = values.boxes === undefined ? new Map<string, BoxReview>() : await readReviews(values.boxes);
    const outRoot = values.out === undefined ? undefined : resolve(values.out);
    const reviewDir = resolve(values['review-dir'] ?? `${outRoot!}-review`);
    const loaded = await loadDetector({
      ...(values.model === undefined ? {} : { model: values.model }),
      ...(kind === undefined ? {} : { kind }),
      ...(threshold === undefined ? {} : { threshold }),
      thorough: values.thorough,
    });
    const detector = loaded;
    if (!values.json) {
      process.stderr.write(`model: ${loaded.modelName}\nlicence: ${loaded.licence}\n`);
      if (method !== 'fill') process.stderr.write(`WARNING: ${REVERSIBLE_METHOD_WARNING}\n`);
    }

    const { files, skipped } = await findFiles(positionals);
    const reports: RedactReport[] = skipped.map((entry) => ({ path: entry.path, output: null, status: 'failed', detected: [], painted: [], notes: [], reason: entry.reason }));
    const used = new Set<string>();
    let sheet: SheetEntry[] = [];
    const sheets: string[] = [];
    const flush = async (): Promise<void> => {
      if (sheet.length === 0) return;
      await mkdir(reviewDir, { recursive: true });
      const target = join(reviewDir, `contact-sheet-${sheets.length + 1}.png`);
      const bytes = await encodePng(renderContactSheet(sheet));
      const temporary = await writePiecesToTemporary(target, [{ kind: 'bytes', bytes }], bytesSource(bytes));
      await commitTemporary(temporary, target);
      sheets.push(target);
      sheet = [];
    };
    for (const file of files) {
      const review = reviews.get(file.path) ?? reviews.get(file.relativeName);
      if (reviews.has(file.path)) used.add(file.path);
      else if (reviews.has(file.relativeName)) used.add(file.relativeName);
      let output: string | undefined;
      if (outRoot !== undefined && !values['detect-only']) {
        output = join(outRoot, file.relativeName);
        if (extname(output).toLowerCase() === '.webp') output = `${output.slice(0, -5)}.png`;
        if (resolve(output) === resolve(file.path)) {
          reports.push({ path: file.path, output: null, status: 'failed', detected: [], painted: [], notes: [], reason: 'the output would overwrite the original' });
          continue;
        }
      }
      const { report, image } = await redactOne({ input: file.path, output, review, method }, detector);
      reports.push(report);
      if (!values.json) process.stderr.write(`${report.status.padEnd(10)} ${report.path}: ${report.detected.length} face(s) found, ${report.painted.length} painted${report.reason ? ` (${report.reason})` : ''}\n`);
      if (image !== undefined) {
        sheet.push({ number: reports.length, image, boxes: report.detected });
        if (sheet.length >= FILES_PER_SHEET) await flush();
      }
    }
    await flush();
    const unused = [...reviews.keys()].filter((key) => !used.has(key));

    const ok = reports.every((report) => report.status === 'redacted' || report.status === 'detected') && unused.length === 0;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ model: loaded.modelName, licence: loaded.licence, method, contactSheets: sheets, unusedBoxEntries: unused, files: reports }, null, 2)}\n`);
    } else {
      process.stdout.write(formatRedactSummary(reports, sheets, unused));
    }
    return ok ? 0 : 1;
  },
};

async function readReviews(path: string): Promise<Map<string, BoxReview>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--boxes ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`--boxes ${path}: expected an object keyed by file name`);
  const map = new Map<string, BoxReview>();
  for (const [key, value] of Object.entries(parsed)) {
    try {
      map.set(key, parseBoxReview(value, `${basename(path)}["${key}"]`));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return map;
}

export function formatRedactSummary(reports: readonly RedactReport[], sheets: readonly string[], unused: readonly string[]): string {
  const lines: string[] = [];
  reports.forEach((report, index) => {
    lines.push(`#${index + 1} ${report.status.toUpperCase()}  ${report.path}${report.output ? ` -> ${report.output}` : ''}`);
    report.detected.forEach((box, i) => lines.push(`    box ${i + 1}: x ${box.x}, y ${box.y}, ${box.width}×${box.height}, score ${box.score}`));
    if (report.painted.length !== report.detected.length) lines.push(`    painted ${report.painted.length} box(es) after your corrections`);
    for (const note of report.notes) lines.push(`    note: ${note}`);
    if (report.reason !== undefined) lines.push(`    reason: ${report.reason}`);
  });
  lines.push('');
  for (const sheet of sheets) lines.push(`contact sheet (shows UNREDACTED faces, do not share): ${sheet}`);
  for (const key of unused) lines.push(`--boxes entry matched no file: ${key}`);
  const failed = reports.filter((report) => report.status === 'failed' || report.status === 'unsupported').length;
  lines.push(`${reports.length} file(s), ${failed} not redacted. Check every contact sheet: detectors miss faces.`);
  if (failed > 0) lines.push('Files marked FAILED or UNSUPPORTED got no redacted copy: do not share them as they are.');
  return `${lines.join('\n')}\n`;
}

// Face-detector recall and speed on a labelled folder of photos (e.g. a WIDER FACE slice kept on
// your own machine — never commit such photos).
//
//   npm run bench:faces -- DIR LABELS [--limit N] [--model FILE|retinaface --model-kind KIND]
//                          [--tiles 384,192|none] [--threshold T] [--max-side PX] [--twelve-mp] [--thorough]
//
// LABELS: JSON array of { file, faces: [{ x, y, w, h, invalid?, medium? }] } with `file` relative
// to DIR (the format of faces-eval/annotations.json). Reports recall at IoU ≥ 0.5 (one-to-one,
// best score first) by face height, "covered" (the redaction area painted for some detection
// covers ≥ 90 % of the labelled box: what matters for redaction), false positives per image, and
// detect() time per photo and per megapixel after one warm-up (decode excluded, timed apart).
// Runs on the machine's cores with 2 intra-op threads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string' },
    model: { type: 'string' },
    'model-kind': { type: 'string' },
    tiles: { type: 'string' },
    mirror: { type: 'boolean', default: false },
    thorough: { type: 'boolean', default: false },
    threshold: { type: 'string' },
    'max-side': { type: 'string' },
    'twelve-mp': { type: 'boolean', default: false },
    // A module exporting { detector, name, defaults } to measure a detector that is not shipped
    // (e.g. another runtime); it must implement core's FaceDetector.
    'detector-module': { type: 'string' },
    // Also paint every valid labelled face ≥ 32 px with this method, detect again, and count the
    // faces found again at IoU ≥ 0.3 (scrubbing.md §5.1).
    redaction: { type: 'string' },
  },
});
const [dir, labelsPath] = positionals;
if (dir === undefined || labelsPath === undefined) {
  process.stderr.write('usage: npm run bench:faces -- DIR LABELS [--limit N] [--model FILE --model-kind KIND] [--tiles 384,192|none] [--threshold T]\n');
  process.exit(2);
}

const core = await import('../packages/core/dist/index.js');
const { loadDetector } = await import('../packages/cli/dist/faces/runtime.js');
const { decodeImage } = await import('../packages/cli/dist/faces/decode.js');
const { redactOne } = await import('../packages/cli/dist/faces/redact-file.js');

const loaded = values['detector-module'] === undefined
  ? await loadDetector({ model: values.model, kind: values['model-kind'], thorough: values.thorough })
  : await import(values['detector-module']).then((m) => ({ detector: m.detector, modelName: m.name, licence: m.licence ?? 'see module', defaults: m.defaults ?? {} }));
const options = {
  ...loaded.defaults,
  ...(values.tiles === undefined ? {} : { tileSizes: values.tiles === 'none' ? [] : values.tiles.split(',').map(Number) }),
  ...(values.threshold === undefined ? {} : { threshold: Number(values.threshold) }),
  ...(values.mirror ? { mirror: true } : {}),
  ...(values['max-side'] === undefined ? {} : { maxSide: Number(values['max-side']) }),
};
let labels = JSON.parse(await readFile(labelsPath, 'utf8'));
if (values.limit !== undefined) labels = labels.slice(0, Number(values.limit));

const BUCKETS = [
  ['< 16', 0, 16],
  ['16–31', 16, 32],
  ['32–63', 32, 64],
  ['≥ 64', 64, Infinity],
];
const stats = Object.fromEntries(BUCKETS.map(([name]) => [name, { n: 0, found: 0, covered: 0 }]));
const medium = { n: 0, found: 0, covered: 0 };
let detections = 0;
let truePositives = 0;
let falsePositives = 0;
const times = [];
let megapixels = 0;
let decodeMs = 0;
let cpuMs = 0;
const redaction = { n: 0, found: 0 };
let warmed = false;

for (const entry of labels) {
  const bytes = await readFile(join(dir, entry.file));
  const t0 = performance.now();
  const { image } = await decodeImage(bytes);
  decodeMs += performance.now() - t0;
  if (!warmed) {
    await loaded.detector.detect(image, options);
    warmed = true;
  }
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const found = await loaded.detector.detect(image, options);
  times.push(performance.now() - t1);
  const c2 = process.cpuUsage(c1);
  cpuMs += (c2.user + c2.system) / 1000;
  megapixels += (image.width * image.height) / 1e6;
  detections += found.length;
  const truth = entry.faces.filter((f) => !f.invalid && f.w > 0 && f.h > 0).map((f) => ({ x: f.x, y: f.y, width: f.w, height: f.h, medium: f.medium === 1 }));
  // One-to-one matching, best detection first.
  const matched = new Set();
  let tpHere = 0;
  for (const det of found) {
    let best = -1;
    let bestIoU = 0.5;
    truth.forEach((t, i) => {
      if (matched.has(i)) return;
      const v = core.iou(det, t);
      if (v >= bestIoU) {
        bestIoU = v;
        best = i;
      }
    });
    if (best >= 0) {
      matched.add(best);
      tpHere++;
    }
  }
  truePositives += tpHere;
  if (values.redaction !== undefined) {
    const big = truth.filter((t) => t.height >= 32);
    const painted = core.redactImage(image, big, { method: values.redaction });
    const again = await loaded.detector.detect(painted.image, options);
    redaction.n += big.length;
    redaction.found += big.filter((t) => again.some((box) => core.iou(box, t) >= 0.3)).length;
  }
  const painted = found.map((det) => core.enlargeBox(det, image.width, image.height)).filter(Boolean);
  // A detection is a false positive when its painted area contains no labelled face centre at all.
  for (const p of painted) {
    const hit = entry.faces.some((f) => f.x + f.w / 2 >= p.x && f.x + f.w / 2 <= p.x + p.width && f.y + f.h / 2 >= p.y && f.y + f.h / 2 <= p.y + p.height);
    if (!hit) falsePositives++;
  }
  truth.forEach((t, i) => {
    const bucket = BUCKETS.find(([, lo, hi]) => t.height >= lo && t.height < hi);
    const s = stats[bucket[0]];
    const isFound = matched.has(i);
    const isCovered = painted.some((p) => core.intersection(p, t) >= 0.9 * core.area(t));
    s.n++;
    if (isFound) s.found++;
    if (isCovered) s.covered++;
    if (t.medium) {
      medium.n++;
      if (isFound) medium.found++;
      if (isCovered) medium.covered++;
    }
  });
}

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
const sorted = [...times].sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const out = [];
out.push(`model: ${loaded.modelName} (${loaded.licence})`);
out.push(`options: tiles ${options.tileSizes === undefined && loaded.modelName.includes(' + ') ? 'per ensemble member (see runtime.ts)' : JSON.stringify(options.tileSizes ?? [])}${options.mirror ? ', mirrored too' : ''}, threshold ${options.threshold ?? loaded.detector.spec.threshold}, max side ${options.maxSide ?? core.DEFAULT_MAX_SIDE}`);
out.push(`${labels.length} photos, ${megapixels.toFixed(1)} MP`);
out.push('');
out.push('| face height | faces | recall @ IoU 0.5 | covered ≥ 90 % by painted area |');
out.push('|---|---|---|---|');
for (const [name] of BUCKETS) out.push(`| ${name} px | ${stats[name].n} | ${pct(stats[name].found, stats[name].n)} | ${pct(stats[name].covered, stats[name].n)} |`);
const big = { n: stats['32–63'].n + stats['≥ 64'].n, found: stats['32–63'].found + stats['≥ 64'].found, covered: stats['32–63'].covered + stats['≥ 64'].covered };
out.push(`| **≥ 32 px** | ${big.n} | **${pct(big.found, big.n)}** | **${pct(big.covered, big.n)}** |`);
out.push(`| WIDER medium | ${medium.n} | ${pct(medium.found, medium.n)} | ${pct(medium.covered, medium.n)} |`);
out.push('');
out.push(`precision @ IoU 0.5: ${pct(truePositives, detections)}; detections ${detections}; false positives (painted area holds no labelled face centre) ${(falsePositives / labels.length).toFixed(2)} per photo`);
out.push(`detect(): ${mean.toFixed(0)} ms per photo (median ${q(0.5).toFixed(0)}, p95 ${q(0.95).toFixed(0)}), ${(times.reduce((a, b) => a + b, 0) / megapixels).toFixed(0)} ms per megapixel; CPU ${(cpuMs / labels.length).toFixed(0)} ms per photo, ${(cpuMs / megapixels).toFixed(0)} ms per megapixel; decode ${(decodeMs / labels.length).toFixed(0)} ms per photo`);

if (values.redaction !== undefined) out.push(`after ${values.redaction} over the grown boxes of the ${redaction.n} faces ≥ 32 px: ${redaction.found} found again at IoU ≥ 0.3 (${pct(redaction.found, redaction.n)})`);
if (values['twelve-mp']) {
  // A 12-megapixel photo through the whole redaction path: decode, detect, fill, re-encode.
  const sharp = (await import('sharp')).default;
  const first = await readFile(join(dir, labels[0].file));
  const big12 = await sharp(first).resize(4000, 3000, { fit: 'fill' }).jpeg({ quality: 92 }).toBuffer();
  const { mkdir, writeFile, rm } = await import('node:fs/promises');
  await mkdir('.bench', { recursive: true });
  await writeFile('.bench/twelve-mp.jpg', big12);
  const detectorFor12 = { ...loaded, detector: { ...loaded.detector, detect: (image, extra = {}) => loaded.detector.detect(image, { ...options, ...extra }) } };
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const { report } = await redactOne({ input: '.bench/twelve-mp.jpg', output: '.bench/twelve-mp-redacted.jpg', review: undefined, method: 'fill' }, detectorFor12);
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  out.push(`12 MP (4000×3000 JPEG) through \`redact\` (read, decode, detect, fill, encode, verify incl. re-detection, write): ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ${report.status}, ${report.detected.length} faces, ${report.notes.some((n) => n.includes('DCT')) ? 'DCT-domain edit' : 're-encoded'}`);
  await rm('.bench/twelve-mp.jpg', { force: true });
  await rm('.bench/twelve-mp-redacted.jpg', { force: true });
}
out.push(`load average at the end: ${(await import('node:os')).loadavg().map((v) => v.toFixed(1)).join(' ')} (timings are wall-clock on a shared machine)`);
process.stdout.write(`${out.join('\n')}\n`);

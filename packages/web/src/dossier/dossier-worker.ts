/**
 * The dossier worker: the same importers, analysis and report renderer as `lowprofile audit`, run
 * on the exports the person dropped. Zips are read through `Blob.slice` (central directory first,
 * then only the members needed), folder files as streams, so a multi-GB export is never loaded
 * whole. Nothing leaves the worker but the finished report.
 */
import { analyse, buildReport, CollectingSink, importExports, renderReportHtml, type Analysis, type ImportInput, type VirtualFile } from '@lowprofile/core';
import { blobSource } from '../work/blob-source.js';
import { loadBasemap, loadGeocoder } from './geodata.js';
import type { DossierBuild, DossierReply, DossierRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<DossierRequest>) => void) | null;
  postMessage(message: DossierReply): void;
}
const scope = self as unknown as WorkerScope;

/** Kept after a build, so switching the app's language re-renders the report without re-reading. */
let last: { analysis: Analysis; build: DossierBuild; geodata: Awaited<ReturnType<typeof loadGeodata>>; counts: { records: number; points: number; issues: string[] } } | undefined;

function loadGeodata() {
  return Promise.all([loadGeocoder(), loadBasemap()]);
}

scope.onmessage = (event) => {
  const request = event.data;
  const work = request.type === 'build' ? run(request) : render(request.language);
  void work.catch((error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};

async function isZip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
}

/** Dropped zips become zip inputs; everything else is grouped by its top folder (or stands alone). */
async function toInputs(files: DossierBuild['files']): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  const folders = new Map<string, VirtualFile[]>();
  for (const { file, path } of files) {
    if (await isZip(file)) {
      inputs.push({ kind: 'zip', name: path, source: blobSource(file) });
      continue;
    }
    const slash = path.indexOf('/');
    const folder = slash > 0 ? path.slice(0, slash) : path;
    const inner = slash > 0 ? path.slice(slash + 1) : file.name;
    const list = folders.get(folder) ?? [];
    list.push({
      path: inner,
      size: file.size,
      stream: () => file.stream(),
      read: async () => new Uint8Array(await file.arrayBuffer()),
      source: blobSource(file),
    });
    folders.set(folder, list);
  }
  for (const [name, list] of folders) inputs.push({ kind: 'files', name, files: list });
  return inputs;
}

async function render(language: 'en' | 'es'): Promise<void> {
  if (last === undefined) throw new Error('no dossier to show');
  const [geocoder, basemap] = last.geodata;
  const report = buildReport(last.analysis, {
    language,
    generatedAt: last.build.generatedAt,
    archives: [...new Set(last.build.files.map(({ path }) => path.split('/')[0] ?? path))],
    ...(geocoder ? { geocoder } : {}),
  });
  const plan = report.plan.map((action) => ({ id: action.id, title: action.title, text: action.text, impact: action.impact }));
  scope.postMessage({ type: 'done', language, html: renderReportHtml(report, { basemap }), plan, ...last.counts });
}

async function run(request: DossierBuild): Promise<void> {
  let lastProgress = 0;
  const sink = new CollectingSink((file) => {
    const now = Date.now();
    if (now - lastProgress < 200) return;
    lastProgress = now;
    scope.postMessage({ type: 'progress', phase: 'reading', file, records: sink.records.length, points: sink.trace.length });
  });
  // Geodata loads while the exports are read.
  const geodata = loadGeodata();
  await importExports(await toInputs(request.files), sink);
  scope.postMessage({ type: 'progress', phase: 'analysing', records: sink.records.length, points: sink.trace.length });
  const analysis = analyse(sink);
  scope.postMessage({ type: 'progress', phase: 'writing', records: sink.records.length, points: sink.trace.length });
  last = {
    analysis,
    build: request,
    geodata: await geodata,
    counts: { records: sink.records.length, points: sink.trace.length, issues: sink.issues.map((issue) => `${[issue.archive, issue.file].filter(Boolean).join(' › ')}: ${issue.reason}`) },
  };
  await render(request.language);
}

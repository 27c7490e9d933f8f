#!/usr/bin/env node
// Inference at Records.json scale: N million trail samples (default 5 M, about what a 1 GB
// Records.json holds at ~200 bytes per location entry) pushed through the CollectingSink, then the
// whole analysis (stay points, places, home/work, routine) and the report. Prints time and peak RSS.
// Usage: node bench/dossier-inference.mjs [millions]
import { performance } from 'node:perf_hooks';
import { CollectingSink, analyse, buildReport, renderReportHtml } from '../packages/core/dist/index.js';

const millions = Number(process.argv[2] ?? 5);
const n = Math.round(millions * 1e6);
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 50);

// A life in Los Angeles: home, work on weekdays, an evening place; one sample every 30 s.
const home = { lat: 34.0522, lon: -118.2437 };
const work = { lat: 34.09, lon: -118.18 };
const bar = { lat: 34.06, lon: -118.26 };
const source = { platform: 'google-location-history', archive: 'takeout.zip', file: 'Takeout/Location History/Records.json' };
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const t0 = Date.UTC(2016, 0, 4, 8);
const sink = new CollectingSink();
const start = performance.now();
for (let i = 0; i < n; i++) {
  const t = t0 + i * 30_000;
  const local = new Date(t - 8 * 3_600_000);
  const h = local.getUTCHours();
  const weekday = local.getUTCDay() >= 1 && local.getUTCDay() <= 5;
  const at = weekday && h >= 9 && h < 17 ? work : h >= 20 && h < 23 && local.getUTCDay() === 5 ? bar : home;
  sink.point({ epochMs: t, lat: at.lat + (rand() - 0.5) * 4e-4, lon: at.lon + (rand() - 0.5) * 4e-4, accuracyM: 20, index: i }, source);
}
const ingest = performance.now();
sample();
const analysis = analyse(sink);
const analysed = performance.now();
const report = buildReport(analysis, { generatedAt: new Date().toISOString() });
const html = renderReportHtml(report);
const done = performance.now();
sample();
clearInterval(timer);
console.log(JSON.stringify({
  points: n,
  traceStoreMB: Math.round(sink.trace.byteSize / 1e6),
  ingestSeconds: +((ingest - start) / 1000).toFixed(2),
  analyseSeconds: +((analysed - ingest) / 1000).toFixed(2),
  reportSeconds: +((done - analysed) / 1000).toFixed(2),
  stays: analysis.traces[0]?.stays,
  places: report.places.length,
  home: report.places.find((p) => p.role === 'home') ? 'found' : 'none',
  htmlKB: Math.round(html.length / 1024),
  peakRssMB: Math.round(peak / 1e6),
}, null, 1));

#!/usr/bin/env node
// Home/work accuracy over many generated personas (scripts/fixtures/lib/persona.mjs, the importers'
// generator) fed straight into inference: seeds × time zones × dense/sparse/night-shift.
// Usage: node bench/dossier-sweep.mjs [seedsPerCase]
import { CollectingSink, analyse, distanceM } from '../packages/core/dist/index.js';
import { makePersona } from '../scripts/fixtures/lib/persona.mjs';

const seeds = Number(process.argv[2] ?? 8);
const zones = ['America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Phoenix', 'Pacific/Honolulu'];
const cases = [['dense', {}], ['night-shift', { nightShift: true }], ['sparse', { sparse: true }], ['sparse, 5 geotags', { sparse: true, sparseGeotags: 5 }]];
const rows = [];
for (const [name, extra] of cases) {
  let n = 0, home150 = 0, work300 = 0, workCases = 0, undetermined = 0, confident = 0, wrongConfident = 0;
  for (const zone of zones) {
    for (let s = 0; s < seeds; s++) {
      const p = makePersona({ seed: 1000 + s * 17 + zones.indexOf(zone), timeZone: zone, days: 60, ...extra });
      const sink = new CollectingSink();
      const src = { platform: 'google-location-history', archive: 't.zip', file: 'Records.json' };
      p.trace.forEach((x, i) => sink.point({ epochMs: x.epochMs, lat: x.lat, lon: x.lon, accuracyM: x.accuracy, index: i }, src));
      p.posts.forEach((x, i) => sink.record({ id: `ig:${i}`, kind: 'post', source: { platform: 'instagram', archive: 'ig.zip', file: 'posts.json' }, time: { epochMs: x.epochMs, basis: 'utc' }, position: { lat: x.lat, lon: x.lon } }));
      p.photos.forEach((x, i) => sink.record({ id: `ph:${i}`, kind: 'photo', source: { platform: 'photo-folder', archive: 'p', file: x.name }, time: x.offset === null ? { epochMs: x.wallMs, basis: 'local-wall-clock' } : { epochMs: x.epochMs, basis: 'utc' }, position: { lat: x.lat, lon: x.lon } }));
      const r = analyse(sink).places;
      n++;
      const dh = r.home ? distanceM(r.home.lat, r.home.lon, p.groundTruth.home.lat, p.groundTruth.home.lon) : Infinity;
      if (dh < 150) home150++;
      if (!r.home) undetermined++;
      if (r.home && r.home.confidence >= 0.5) { confident++; if (dh >= 150) wrongConfident++; }
      if (p.groundTruth.work && !extra.sparse) {
        workCases++;
        if (r.work && distanceM(r.work.lat, r.work.lon, p.groundTruth.work.lat, p.groundTruth.work.lon) < 300) work300++;
      }
    }
  }
  rows.push({ case: name, personas: n, homeWithin150m: `${home150}/${n}`, homeNotDetermined: undetermined, confidentHomes: confident, confidentButWrong: wrongConfident, workWithin300m: workCases ? `${work300}/${workCases}` : '—' });
}
console.table(rows);

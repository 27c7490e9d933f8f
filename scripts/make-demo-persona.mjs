#!/usr/bin/env node
// Regenerates the bundled demo persona under demo/persona/ (committed, so `npm start` needs nothing
// else): a fictional person in Los Angeles with a two-part Google Takeout (dense Records.json,
// Semantic Location History, Google Photos with sidecars), an Instagram export with geotagged posts,
// an X archive (same handle; some posts a monitor would flag), a WhatsApp chat, a Strava export with
// runs from home, and camera photos with EXIF GPS. demo/persona/ground-truth.json holds the truth.
// Deterministic: the same seed gives byte-identical files.
import { rmSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePersona, writePersonaExports } from './fixtures/lib/persona.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo', 'persona');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const persona = makePersona({ seed: 42, timeZone: 'America/Los_Angeles', name: 'Dana Reyes', handle: 'danareyes_la', email: 'dana.reyes@example.com', phone: '+1 213 555 0147' });
writePersonaExports(persona, out, { zip: true, takeoutParts: 2 });

let total = 0;
const walk = (dir) => readdirSync(dir).forEach((name) => { const p = join(dir, name); const s = statSync(p); if (s.isDirectory()) walk(p); else total += s.size; });
walk(out);
console.log(`demo persona written to ${out} (${(total / 1024).toFixed(0)} KiB); home ${persona.groundTruth.home.lat.toFixed(5)}, ${persona.groundTruth.home.lon.toFixed(5)}`);

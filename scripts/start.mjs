#!/usr/bin/env node
// `npm start`: the main job on the bundled demo data. Cleans the demo photos into ./lowprofile-out/
// and prints the before/after summary; then audits the demo persona's exports (demo/persona/) and
// writes the private dossier report to ./lowprofile-out/lowprofile-report.html.
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'lowprofile.js');
const out = join(process.cwd(), 'lowprofile-out');

function step(title, args) {
  console.log(`\n== ${title}\n$ lowprofile ${args.map((arg) => (arg.startsWith('/') ? relative(process.cwd(), arg) || '.' : arg)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  return result.status ?? 1;
}

const status = step('Cleaning the demo photos (metadata out, pixels untouched)', ['scrub', join(root, 'demo', 'photos'), '--out', join(out, 'photos')]);
console.log(`\nClean copies are in ${relative(process.cwd(), join(out, 'photos'))}/. The originals in demo/photos/ were not changed.`);
const report = join(out, 'lowprofile-report.html');
const auditStatus = step("Auditing the demo persona's exports (what an analyst could conclude)", ['audit', join(root, 'demo', 'persona'), '--html', report]);
console.log(`\nOpen ${relative(process.cwd(), report)} in a browser to read the demo dossier. It makes no network request.`);
console.log('Next: "npx lowprofile scrub YOUR-FOLDER --out CLEAN" for your own files, or "npx lowprofile app" for the offline web app.');
process.exit(status || auditStatus);

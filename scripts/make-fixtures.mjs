#!/usr/bin/env node
// Generates the test fixtures into fixtures/generated/<area>/ with Debian's tools. Each module in
// scripts/fixtures/ that exports `area` and `generate(outDir)` is one area. An area is rebuilt only
// when its generator changed (a hash stamp), so repeated test runs are fast.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generatorsDir = join(root, 'scripts', 'fixtures');
const outRoot = join(root, 'fixtures', 'generated');
const only = process.argv.slice(2);

const shared = Buffer.concat([readFileSync(join(generatorsDir, 'tools.mjs')), ...(existsSync(join(generatorsDir, 'lib')) ? readdirSync(join(generatorsDir, 'lib')).sort().map((name) => readFileSync(join(generatorsDir, 'lib', name))) : [])]);
for (const file of readdirSync(generatorsDir).filter((name) => name.endsWith('.mjs') && name !== 'tools.mjs').sort()) {
  const module = await import(pathToFileURL(join(generatorsDir, file)).href);
  if (typeof module.generate !== 'function' || typeof module.area !== 'string') continue;
  const name = file.replace(/\.mjs$/, '');
  if (only.length > 0 && !only.includes(name) && !only.includes(module.area)) continue;
  const outDir = join(outRoot, module.area);
  const stampPath = join(outRoot, `.${name}.stamp`);
  const stamp = createHash('sha256').update(shared).update(readFileSync(join(generatorsDir, file))).digest('hex');
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) continue;
  process.stderr.write(`fixtures: generating ${name} → fixtures/generated/${module.area}\n`);
  mkdirSync(outDir, { recursive: true });
  await module.generate(outDir);
  writeFileSync(stampPath, stamp);
}

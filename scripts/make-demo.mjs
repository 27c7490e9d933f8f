#!/usr/bin/env node
// Regenerates the bundled demo data under demo/ (committed, so `npm start` needs no extra tools).
// Photos come from the same generators as the test fixtures: made here, never copied from elsewhere.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate as photos } from './fixtures/photos-basic.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const photoDir = join(root, 'demo', 'photos');
rmSync(photoDir, { recursive: true, force: true });
mkdirSync(photoDir, { recursive: true });
await photos(photoDir);
console.log(`demo photos written to ${photoDir}`);

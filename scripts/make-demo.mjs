#!/usr/bin/env node
// Regenerates the bundled demo data under demo/ (committed, so `npm start` needs no extra tools).
// Photos come from the same generators as the test fixtures: made here, never copied from elsewhere.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate as photos } from './fixtures/photos-basic.mjs';
import { generate as photoFormats } from './fixtures/photos-formats.mjs';

/** WebP, GIF and TIFF samples shown in the demo (the rest of photos-formats are test-only). */
const DEMO_FORMATS = new Set(['webp-icc-exif-xmp-rotated.webp', 'webp-animated-xmp.webp', 'gif-animated-comment-xmp.gif', 'tiff-identity-gps-xmp-iptc.tif', 'tiff-multipage-identity.tif']);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const photoDir = join(root, 'demo', 'photos');
rmSync(photoDir, { recursive: true, force: true });
mkdirSync(photoDir, { recursive: true });
await photos(photoDir);
const before = new Set(readdirSync(photoDir));
await photoFormats(photoDir);
for (const name of readdirSync(photoDir)) if (!before.has(name) && !DEMO_FORMATS.has(name)) rmSync(join(photoDir, name), { recursive: true, force: true });
console.log(`demo photos written to ${photoDir}`);

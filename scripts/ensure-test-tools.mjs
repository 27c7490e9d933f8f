#!/usr/bin/env node
// Installs the Debian tools the tests use as independent oracles and fixture makers, when missing.
// Packages are checked with `dpkg -s`, never by looking for a command on PATH: a machine may carry
// stand-ins with the same names.
import { spawnSync } from 'node:child_process';

/** Debian package → why the tests need it. Each feature adds its own tools here. */
export const TEST_PACKAGES = {
  'libimage-exiftool-perl': 'exiftool, the independent metadata oracle',
  imagemagick: 'makes photo fixtures and compares decoded pixels',
  webp: 'cwebp/dwebp: WebP fixtures and decoding',
  'libheif-examples': 'heif-enc/heif-dec: HEIC and AVIF fixtures and decoding',
  'libtiff-tools': 'tiffinfo/tiffcp: TIFF fixtures and checks',
  ffmpeg: 'audio/video fixtures, stream hashes and playback checks',
  qpdf: 'PDF fixtures (object streams, linearised, encrypted) and qpdf --check',
  'poppler-utils': 'pdftotext: PDF text before and after cleaning',
  chromium: 'headless browser: the dossier report and the web app load with no network request (driven by playwright-core, never downloaded)',
  python3: 'an independent XML parser for the parts of cleaned DOCX/XLSX/PPTX/ODT files',
  'libjpeg-turbo-progs': 'jpegtran: JPEGs with restart markers for the DCT-domain face redaction tests',
};

function installed(pkg) {
  const result = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  return result.status === 0 && /^Status: install ok installed/m.test(result.stdout);
}

const missing = Object.keys(TEST_PACKAGES).filter((pkg) => !installed(pkg));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`The tests need these Debian packages, which are not installed:\n${missing.map((pkg) => `  ${pkg}  (${TEST_PACKAGES[pkg]})`).join('\n')}\nInstall them as root:\n  sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.error(`Installing test tools: ${missing.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env }) : update;
if (install.status !== 0 || missing.some((pkg) => !installed(pkg))) {
  console.error(`Could not install: ${missing.filter((pkg) => !installed(pkg)).join(' ')}. Install them with apt-get and run the tests again.`);
  process.exit(1);
}

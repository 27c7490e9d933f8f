// Sweep checks for photos: are the decoded pixels identical? ImageMagick decodes most formats;
// WebP also through dwebp. "n/a" when no decoder could read the original.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const family = 'photo';

function signature(path) {
  const result = spawnSync('identify', ['-quiet', '-format', '%#\n', '--', path], { encoding: 'utf8', timeout: 120_000 });
  return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
}

function dwebp(path) {
  const result = spawnSync('dwebp', ['-quiet', '-pam', '-o', '-', '--', path], { maxBuffer: 1 << 30, timeout: 120_000 });
  return result.status === 0 ? createHash('sha256').update(result.stdout).digest('hex') : undefined;
}

export function check(input, output, entry) {
  if (entry.status === 'already-clean') return { 'pixels identical': 'yes (same bytes)' };
  const decode = entry.format === 'webp' ? (path) => dwebp(path) ?? signature(path) : signature;
  const before = decode(input);
  if (before === undefined) return { 'pixels identical': 'n/a' };
  return { 'pixels identical': decode(output) === before ? 'yes' : 'NO' };
}

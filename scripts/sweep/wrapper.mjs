// Shared by the one-family sweep scripts (scripts/sweep-docs.mjs, scripts/sweep-audio.mjs,
// bench/sweep-video.mjs): runs scripts/sweep.mjs --compare --only FAMILY over the folders given on
// the command line, or the named corpora under ../shared/corpora. Not a check module (no `check`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sweepFamily(family, corpora) {
  const given = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
  const base = [join(root, '..', 'shared', 'corpora'), join(root, '..', '..', 'shared', 'corpora')].find((path) => existsSync(path));
  const dirs = given.length > 0 ? given : corpora.map((name) => join(base ?? '.', name)).filter((path) => existsSync(path));
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'sweep.mjs'), '--compare', '--only', family, ...flags, ...dirs], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

import { spawnSync } from 'node:child_process';

/** Builds the generated fixtures once per run (each area is skipped when already up to date). */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['scripts/make-fixtures.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('fixture generation failed (see above)');
}

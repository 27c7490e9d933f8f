/** `colr`: colour information: `nclx` (code points, not metadata) or an ICC profile (`prof`, `rICC`). */
import { fourcc } from '../box.js';

export function isIccColour(payload: Uint8Array): boolean {
  if (payload.length < 4) return false;
  const kind = fourcc(payload, 0);
  return kind === 'prof' || kind === 'rICC';
}

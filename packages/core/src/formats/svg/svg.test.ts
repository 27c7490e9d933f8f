import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, isIdentityPlan, piecesToBytes } from '../../bytes/source.js';
import { planScrub } from '../../scrub.js';
import { jpeg } from '../jpeg/index.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { svg } from './index.js';

/** A tiny JPEG (SOI, a COM segment naming someone, SOS with a few bytes, EOI): enough for the JPEG scrubber. */
function jpegWithComment(): Uint8Array {
  const comment = strToU8('Artist Ann');
  return new Uint8Array([0xff, 0xd8, 0xff, 0xfe, 0, comment.length + 2, ...comment, 0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]);
}

describe('SVG scrubber', () => {
  it('round-trips base64', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37) & 0xff);
      expect([...decodeBase64(encodeBase64(bytes), 0)]).toEqual([...bytes]);
    }
  });

  it('removes editor data and cleans embedded pictures, keeping a DOCTYPE without internal subset', async () => {
    const picture = jpegWithComment();
    expect((await jpeg.inspect(bytesSource(picture))).items.length).toBeGreaterThan(0);
    const input = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- by Ann -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.0" width="10"><title>Chart</title><image href="data:image/jpeg;base64,${encodeBase64(picture)}"/></svg>`;
    const source = bytesSource(strToU8(input));
    const output = await svg.scrub(source, { keepColourProfile: true });
    const out = strFromU8(await piecesToBytes(output.pieces, source));
    expect(out).not.toMatch(/inkscape|Ann|<!--/);
    expect(out).toContain('<title>Chart</title>');
    expect(out).toContain('<!DOCTYPE svg PUBLIC');
    const cleanedPicture = decodeBase64(/base64,([^"]+)/.exec(out)![1]!, 0);
    expect(strFromU8(cleanedPicture, true)).not.toContain('Artist');
    const again = await svg.scrub(bytesSource(strToU8(out)), { keepColourProfile: true });
    expect(isIdentityPlan(again.pieces, strToU8(out).length)).toBe(true);
  });

  it('refuses an internal DTD subset (entity expansion) with a typed reason', async () => {
    const plan = await planScrub(bytesSource(strToU8('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')));
    expect(plan.format?.id).toBe('svg');
    expect(plan.status).toBe('unsupported');
    expect(plan.pieces).toEqual([]);
  });
});

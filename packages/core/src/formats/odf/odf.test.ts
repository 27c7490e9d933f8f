import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../bytes/source.js';
import { planScrub } from '../../scrub.js';

const MANIFEST = (extra: string): string => `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${extra}</manifest:file-entry></manifest:manifest>`;

function odt(manifest: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

describe('OpenDocument scrubber', () => {
  it('is detected by its mimetype entry and reports password-protected documents as encrypted', async () => {
    const plan = await planScrub(bytesSource(odt(MANIFEST('<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'))));
    expect(plan.format?.id).toBe('odf');
    expect(plan.status).toBe('unsupported');
    expect(plan.issue?.code).toBe('encrypted');
  });

  it('keeps a document with nothing to remove byte for byte', async () => {
    const input = odt(MANIFEST(''));
    const plan = await planScrub(bytesSource(input));
    // fflate writes real entry times, which are metadata: the first pass rewrites them.
    expect(plan.status).toBe('planned');
    expect(plan.removed.map((item) => item.category)).toEqual(['time']);
  });
});

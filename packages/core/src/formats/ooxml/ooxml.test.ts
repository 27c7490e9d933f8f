import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../../bytes/source.js';
import { planScrub } from '../../scrub.js';
import { ooxml } from './index.js';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="word/missing.xml"/></Relationships>`;
const CORE = `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ann Author</dc:creator></cp:coreProperties>`;
const DOCUMENT = `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p w:rsidR="001"><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>`;

function docx(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}

describe('OOXML scrubber', () => {
  it('finds properties parts by relationship when no content-type override names them, and notes dangling relationships', async () => {
    const input = docx({ '[Content_Types].xml': TYPES, '_rels/.rels': ROOT_RELS, 'docProps/core.xml': CORE, 'word/document.xml': DOCUMENT });
    const source = bytesSource(input);
    const output = await ooxml.scrub(source, { keepColourProfile: true });
    const files = unzipSync(await piecesToBytes(output.pieces, source));
    expect(strFromU8(files['docProps/core.xml']!)).not.toContain('Ann Author');
    expect(strFromU8(files['word/document.xml']!)).toBe(DOCUMENT.replace(' w:rsidR="001"', ''));
    expect(output.removed.map((item) => item.category)).toContain('person');
    expect(output.notes.join()).toMatch(/word\/missing\.xml/);
  });

  it('cleans SVG pictures through the SVG scrubber', async () => {
    const types = TYPES.replace('</Types>', '<Default Extension="svg" ContentType="image/svg+xml"/></Types>');
    const picture = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" sodipodi:docname="C:\\Users\\ann\\logo.svg"><rect width="1" height="1"/></svg>';
    const source = bytesSource(docx({ '[Content_Types].xml': types, '_rels/.rels': ROOT_RELS, 'docProps/core.xml': CORE, 'word/document.xml': DOCUMENT, 'word/media/image1.svg': picture }));
    const output = await ooxml.scrub(source, { keepColourProfile: true });
    const files = unzipSync(await piecesToBytes(output.pieces, source));
    expect(strFromU8(files['word/media/image1.svg']!)).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  });

  it('fails closed on a part that is not well-formed XML and on a package without content types', async () => {
    const broken = await planScrub(bytesSource(docx({ '[Content_Types].xml': TYPES, '_rels/.rels': ROOT_RELS, 'docProps/core.xml': CORE, 'word/document.xml': '<w:document><w:body>' })));
    expect(broken.status).toBe('failed');
    expect(broken.pieces).toEqual([]);
    const source = bytesSource(docx({ '_rels/.rels': ROOT_RELS, 'word/document.xml': DOCUMENT }));
    await expect(ooxml.scrub(source, { keepColourProfile: true })).rejects.toMatchObject({ code: 'invalid' });
  });
});

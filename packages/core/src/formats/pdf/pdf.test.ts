import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../../bytes/source.js';
import { FormatError } from '../../issues.js';
import { planScrub } from '../../scrub.js';
import { pdf } from './index.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** A PDF from numbered object bodies with a correct xref; `trailer` is extra trailer entries. */
function pdfFile(objects: readonly string[], trailer: string, tail = ''): Uint8Array {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer.replace('XREF', String(xref))} >>\nstartxref\n${xref}\n%%EOF\n${tail}`;
  return latin1(body);
}

const PAGE = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>'];

async function scrubText(bytes: Uint8Array): Promise<string> {
  const source = bytesSource(bytes);
  const output = await pdf.scrub(source, { keepColourProfile: true });
  return text(await piecesToBytes(output.pieces, source));
}

async function codeOf(bytes: Uint8Array): Promise<string | undefined> {
  try {
    await pdf.scrub(bytesSource(bytes), { keepColourProfile: true });
  } catch (error) {
    if (error instanceof FormatError) return error.code;
    throw error;
  }
  return undefined;
}

describe('PDF scrubber', () => {
  it('writes only objects reachable from the catalog', async () => {
    const out = await scrubText(pdfFile([...PAGE, '<< /Orphan (UnreachableSecret) >>', '<< /Author (InfoSecret) >>'], '/Info 5 0 R'));
    expect(out).not.toContain('UnreachableSecret');
    expect(out).not.toContain('InfoSecret');
    expect(out).toContain('/Type /Page');
  });

  it('removes embedded files’ dates, keeps the files and says so, and keeps the header version', async () => {
    const catalog = '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.txt) 4 0 R] >> >> >>';
    const file = pdfFile([catalog, PAGE[1]!, PAGE[2]!, '<< /Type /Filespec /F (a.txt) /EF << /F 5 0 R >> >>', '<< /Type /EmbeddedFile /Params << /Size 5 /ModDate (D:20240501231500Z) /CreationDate (D:20240501231500Z) >> /Length 5 >>\nstream\nhello\nendstream'], '');
    const header = latin1('%PDF-1.4');
    file.set(header, 0);
    const source = bytesSource(file);
    const output = await pdf.scrub(source, { keepColourProfile: true });
    const out = text(await piecesToBytes(output.pieces, source));
    expect(out.startsWith('%PDF-1.4')).toBe(true);
    expect(out).not.toContain('D:2024');
    expect(out).toContain('hello');
    expect(output.kept.map((item) => item.label).join()).toMatch(/embedded files/);
  });

  it('adds no Producer, Creator or dates of its own (pdf-lib updateMetadata: false)', async () => {
    const out = await scrubText(pdfFile(PAGE, ''));
    expect(out).not.toMatch(/\/Producer|\/Creator|\/CreationDate|\/ModDate|pdf-lib|\/Info/);
  });

  it('survives an xref /Prev that points at itself (no hang)', async () => {
    const looped = pdfFile(PAGE, '/Prev XREF');
    const out = await scrubText(looped);
    expect(out).not.toContain('/Prev');
  });

  it('survives an object stream that lists itself', async () => {
    const objstm = '4 0 << /Type /ObjStm >>';
    const looped = pdfFile([...PAGE, `<< /Type /ObjStm /N 1 /First 4 /Length ${objstm.length} >>\nstream\n${objstm}\nendstream`], '');
    const started = Date.now();
    const result = await codeOf(looped);
    expect(result === undefined || typeof result === 'string').toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an object stream that claims more objects than it holds', async () => {
    const objstm = '4 0 <<>>';
    const bad = pdfFile([...PAGE, `<< /Type /ObjStm /N 100000000 /First 4 /Length ${objstm.length} >>\nstream\n${objstm}\nendstream`], '');
    expect(await codeOf(bad)).toBe('invalid');
  });

  it('refuses an object stream that inflates past its limit before pdf-lib inflates it', async () => {
    const { deflateSync } = await import('fflate');
    const bomb = deflateSync(new Uint8Array(80 * 1024 * 1024), { level: 9 });
    const head = pdfFile(PAGE, '');
    const objstm = latin1(`4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`);
    const tail = latin1('\nendstream\nendobj\n');
    const file = new Uint8Array(head.length + objstm.length + bomb.length + tail.length);
    file.set(head, 0);
    file.set(objstm, head.length);
    file.set(bomb, head.length + objstm.length);
    file.set(tail, head.length + objstm.length + bomb.length);
    expect(await codeOf(file)).toBe('limit_exceeded');
  });

  it('refuses absurd nesting with a typed error', async () => {
    const deep = pdfFile([...PAGE, `${'['.repeat(200_000)}${']'.repeat(200_000)}`], '');
    expect(['invalid', 'limit_exceeded']).toContain(await codeOf(deep));
  });

  it('reports encrypted PDFs unsupported and damaged ones failed, with no output', async () => {
    const encrypted = pdfFile([...PAGE, '<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'], '/Encrypt 4 0 R');
    const plan = await planScrub(bytesSource(encrypted));
    expect(plan.status).toBe('unsupported');
    expect(plan.issue?.code).toBe('encrypted');
    expect(plan.pieces).toEqual([]);
    const damaged = await planScrub(bytesSource(latin1('%PDF-1.7\n1 0 obj\n<< /Type /Catalog')));
    expect(damaged.status).toBe('failed');
    expect(damaged.pieces).toEqual([]);
  });

  it('inspects an incrementally updated file as having earlier revisions', async () => {
    const base = pdfFile(PAGE, '');
    const inspection = await pdf.inspect(bytesSource(latin1(`${text(base)}3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 50 50] >>\nendobj\nstartxref\n0\n%%EOF\n`)));
    expect(inspection.items.some((item) => item.label.includes('earlier revisions'))).toBe(true);
  });
});

/**
 * End to end: the built CLI scrubs the generated documents (PDF, DOCX, XLSX, PPTX, ODT, SVG).
 * Oracles: no planted identifying string anywhere in the output bytes or any inflated ZIP member;
 * exiftool finds nothing identifying; pdftotext gives the same text; qpdf --check passes; exiftool
 * cannot roll anything back; the DOCX/ODT body equals the original minus the removed attributes;
 * the ZIP is deterministic (1980 times, no extra fields, ODF mimetype first and stored).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowprofile } from './helpers/cli.js';
import { exiftoolJson, leakedTags } from './helpers/oracle.js';
// @ts-expect-error: the fixture generator is plain JavaScript
import { CONTENT, DOCX_DOCUMENT, ODT_CONTENT, PLANTED } from '../scripts/fixtures/docs-basic.mjs';
import type { FileReport } from '../packages/cli/src/scrub/report.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated', 'docs');
const HOSTILE = join(FIXTURES, 'hostile');
const planted = PLANTED as string[];
const content = CONTENT as string[];

/** One entry of `lowprofile scrub --json`: the CLI's own report type. */
type Entry = FileReport;

function tool(command: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every byte a reader could see: the file itself and each inflated ZIP member. */
function allText(path: string): string {
  const bytes = readFileSync(path);
  const parts = [bytes.toString('latin1')];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    for (const [name, data] of Object.entries(unzipSync(bytes))) parts.push(`${name}\n${Buffer.from(data).toString('latin1')}`);
  }
  return parts.join('\n').toLowerCase();
}

interface CentralEntry {
  name: string;
  method: number;
  time: number;
  date: number;
  extra: number;
  comment: number;
  madeBy: number;
  external: number;
}

/** Reads the central directory directly (independent of core's reader). */
function centralDirectory(path: string): CentralEntry[] {
  const bytes = readFileSync(path);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: CentralEntry[] = [];
  for (let index = 0; index < count; index++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      extra,
      comment,
      madeBy: bytes.readUInt16LE(at + 4),
      external: bytes.readUInt32LE(at + 38),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function member(path: string, name: string): string {
  const data = unzipSync(readFileSync(path), { filter: (file) => file.name === name })[name];
  if (data === undefined) throw new Error(`${name} missing from ${path}`);
  return strFromU8(data);
}

describe('lowprofile scrub on documents', () => {
  let out: string;
  let reports: Map<string, Entry>;
  const names = readdirSync(FIXTURES).filter((name) => !name.startsWith('.') && name !== 'hostile');

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'lowprofile-docs-'));
    const result = lowprofile(['scrub', ...names.map((name) => join(FIXTURES, name)), '--out', out, '--json']);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as Entry[];
    reports = new Map(parsed.map((entry) => [entry.path.slice(entry.path.lastIndexOf('/') + 1), entry]));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('cleans every document, each detected by content', () => {
    expect([...reports.keys()].sort()).toEqual([...names].sort());
    for (const [name, entry] of reports) {
      expect.soft(entry.status, `${name}: ${entry.reason ?? ''}`).toBe('clean');
      const expected = name.startsWith('pdf') ? 'pdf' : name.startsWith('odt') ? 'odf' : name.startsWith('svg') ? 'svg' : 'ooxml';
      expect.soft(entry.format, name).toBe(expected);
    }
  });

  it('leaves no planted identifying string in the bytes or in any inflated ZIP member', () => {
    for (const name of names) {
      const original = allText(join(FIXTURES, name));
      const cleaned = allText(join(out, name));
      // The fixture really carried them (guards against a fixture that plants nothing).
      expect.soft(planted.filter((value) => original.includes(value.toLowerCase())).length, `${name} fixture`).toBeGreaterThan(2);
      expect.soft(planted.filter((value) => cleaned.includes(value.toLowerCase())), name).toEqual([]);
      expect.soft(cleaned.includes('maria'), `${name}: "maria" anywhere`).toBe(false);
    }
  });

  it('leaves nothing identifying by exiftool’s reading', () => {
    for (const name of names) {
      const leaked = leakedTags(exiftoolJson(join(out, name))).filter((tag) => !/^(ZIP|PDF):(Zip|Linearized|PDFVersion|PageCount)/.test(tag));
      expect.soft(leaked, name).toEqual([]);
    }
  });

  it('keeps PDF text, passes qpdf --check, and gives exiftool nothing to roll back', () => {
    for (const name of names.filter((file) => file.endsWith('.pdf'))) {
      const before = tool('pdftotext', ['-q', '--', join(FIXTURES, name), '-']);
      const after = tool('pdftotext', ['-q', '--', join(out, name), '-']);
      expect.soft(after.stdout, name).toBe(before.stdout);
      expect.soft(after.stdout, name).toContain('Meeting notes for the coalition');
      const check = tool('qpdf', ['--check', '--', join(out, name)]);
      expect.soft(check.status, `${name}: ${check.stdout}${check.stderr}`).toBe(0);
      expect.soft(check.stderr, name).not.toMatch(/WARNING/);
      const copy = join(out, `rollback-${name}`);
      copyFileSync(join(out, name), copy);
      const rollback = tool('exiftool', ['-overwrite_original', '-PDF-update:all=', '--', copy]);
      expect.soft(`${rollback.stdout}${rollback.stderr}`, name).toMatch(/no previous ExifTool update|0 image files updated/);
      expect.soft(allText(copy).includes('maria'), `${name} after rollback`).toBe(false);
      rmSync(copy);
    }
  });

  it('writes PDFs as one revision with a fresh ID, no pdf-lib Producer, and keeps structure, links, fields and comments', () => {
    for (const name of names.filter((file) => file.endsWith('.pdf'))) {
      const text = readFileSync(join(out, name)).toString('latin1');
      expect.soft(text.match(/startxref/g)?.length, `${name}: one xref section`).toBe(1);
      expect.soft(text.match(/%%EOF/g)?.length, name).toBe(1);
      expect.soft(text, name).not.toMatch(/pdf-lib|\/Producer|\/Creator|\/CreationDate|\/ModDate|\/Info/);
      expect.soft(text, name).not.toContain('0123456789abcdef0123456789abcdef'); // the old /ID
      expect.soft(text, name).toMatch(/\/ID\s*\[\s*<[0-9a-fA-F]{32}>\s*<[0-9a-fA-F]{32}>\s*\]/);
      expect.soft(text, name).toContain('/StructTreeRoot');
      expect.soft(text, name).toContain('(signup_field)'); // a widget's /T is its field name
      expect.soft(text, name).toContain('https://example.org/notes');
      expect.soft(text, name).toContain('(Please check the numbers)');
      expect.soft(text, name).not.toMatch(/\/Thumb|\/PieceInfo|\/Metadata|\/LastModified/);
    }
    // The embedded JPEG lost its EXIF (through the JPEG scrubber) but stayed a JPEG.
    const handwritten = readFileSync(join(out, 'pdf-handwritten.pdf'));
    expect(handwritten.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(handwritten.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(reports.get('pdf-handwritten.pdf')!.kept).toContain('other');
  });

  it('gives every run a different PDF /ID', () => {
    const again = mkdtempSync(join(tmpdir(), 'lowprofile-docs-again-'));
    try {
      const result = lowprofile(['scrub', join(FIXTURES, 'pdf-handwritten.pdf'), '--out', again, '--json']);
      expect(result.status).toBe(0);
      const id = (path: string): string | undefined => /\/ID\s*\[\s*<([0-9a-fA-F]+)>/.exec(readFileSync(path).toString('latin1'))?.[1];
      expect(id(join(again, 'pdf-handwritten.pdf'))).not.toBe(id(join(out, 'pdf-handwritten.pdf')));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('writes ZIPs deterministically: 1980 times, no extra fields or comments, ODF mimetype first and stored', () => {
    for (const name of names.filter((file) => /\.(docx|xlsx|pptx|odt)$/.test(file))) {
      const entries = centralDirectory(join(out, name));
      expect.soft(centralDirectory(join(FIXTURES, name)).some((entry) => entry.extra > 0), `${name} fixture has extra fields`).toBe(true);
      for (const entry of entries) {
        expect.soft([entry.date, entry.time, entry.extra, entry.comment, entry.madeBy, entry.external], `${name} ${entry.name}`).toEqual([0x21, 0, 0, 0, 20, 0]);
      }
      if (name.endsWith('.odt')) {
        expect(entries[0]!.name).toBe('mimetype');
        expect(entries[0]!.method).toBe(0);
        const bytes = readFileSync(join(out, name));
        expect(bytes.toString('latin1', 30, 38)).toBe('mimetype');
        expect(bytes.toString('latin1', 38, 38 + 39)).toBe('application/vnd.oasis.opendocument.text');
      }
    }
    // Same input, same output.
    const again = mkdtempSync(join(tmpdir(), 'lowprofile-docs-det-'));
    try {
      lowprofile(['scrub', join(FIXTURES, 'docx-comments-changes.docx'), join(FIXTURES, 'odt-comments-changes.odt'), '--out', again]);
      for (const name of ['docx-comments-changes.docx', 'odt-comments-changes.odt']) expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name)))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('is idempotent for ZIP documents and SVG: a second pass finds nothing more to remove', () => {
    const second = mkdtempSync(join(tmpdir(), 'lowprofile-docs-second-'));
    try {
      const again = names.filter((name) => !name.endsWith('.pdf'));
      const result = lowprofile(['scrub', ...again.map((name) => join(out, name)), '--out', second, '--json']);
      const parsed = JSON.parse(result.stdout) as Entry[];
      for (const entry of parsed) expect.soft(entry.status, `${entry.path}: ${entry.removed.join()}`).toBe('already-clean');
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('writes packages whose every XML part parses (Python’s parser) with the same text as before', () => {
    // Parses every .xml/.rels member and prints the text of the document parts (body, sheets, slides, comments),
    // leaving out the author and date elements (what the scrub empties).
    const script = [
      'import sys, zipfile, json, xml.etree.ElementTree as ET',
      'SKIP = ("creator", "date", "creator-initials", "author")',
      'def txt(e):',
      '    s = "" if e.tag.split("}")[-1] in SKIP else (e.text or "")',
      '    return s + "".join(txt(c) + (c.tail or "") for c in e)',
      'z = zipfile.ZipFile(sys.argv[1]); text = {}',
      'for n in z.namelist():',
      '    if n.endswith((".xml", ".rels")):',
      '        root = ET.fromstring(z.read(n))',
      '        if any(k in n for k in ("document.xml", "content.xml", "sheet", "slide", "comment")): text[n] = txt(root)',
      'print(json.dumps(text, sort_keys=True))',
    ].join('\n');
    for (const name of names.filter((file) => /\.(docx|xlsx|pptx|odt)$/.test(file))) {
      const before = tool('python3', ['-c', script, join(FIXTURES, name)]);
      const after = tool('python3', ['-c', script, join(out, name)]);
      expect.soft(after.status, `${name}: ${after.stderr}`).toBe(0);
      expect.soft(after.stdout, name).toBe(before.stdout);
      expect.soft(after.stdout.length, name).toBeGreaterThan(20);
    }
  });

  it('keeps the DOCX body identical apart from the removed attributes, and keeps comments and changes', () => {
    const expected = (DOCX_DOCUMENT as string).replace(/ w:rsid\w*="[^"]*"/g, '').replace(/ w:author="[^"]*"/g, ' w:author=""').replace(/ w:date="[^"]*"/g, '');
    const docx = join(out, 'docx-comments-changes.docx');
    expect(member(docx, 'word/document.xml')).toBe(expected);
    const comments = member(docx, 'word/comments.xml');
    expect(comments).toContain('Please check the numbers');
    expect(comments).toContain('<w:comment w:id="0" w:author="" w:initials="">');
    const parts = Object.keys(unzipSync(readFileSync(docx)));
    expect(parts).not.toContain('word/people.xml');
    expect(parts).not.toContain('docProps/thumbnail.jpeg');
    expect(parts).toContain('docProps/core.xml'); // kept, empty, so its relationship still resolves
    expect(member(docx, '[Content_Types].xml')).not.toContain('people.xml');
    expect(member(docx, 'word/_rels/document.xml.rels')).not.toContain('people');
    expect(member(docx, 'word/settings.xml')).not.toMatch(/rsid|docId|attachedTemplate/);
    expect(member(docx, 'word/numbering.xml')).not.toContain('w:nsid');
    for (const text of content) expect(allText(docx)).toContain(text.toLowerCase());
    expect(reports.get('docx-comments-changes.docx')!.kept).toContain('other');
  });

  it('keeps the ODT body identical apart from the removed authors and dates', () => {
    const expected = (ODT_CONTENT as string)
      .replace(/<dc:creator>[^<]*<\/dc:creator>/g, '<dc:creator></dc:creator>')
      .replace(/<dc:date>[^<]*<\/dc:date>/g, '')
      .replace(/<meta:creator-initials>[^<]*<\/meta:creator-initials>/g, '');
    const odt = join(out, 'odt-comments-changes.odt');
    expect(member(odt, 'content.xml')).toBe(expected);
    expect(member(odt, 'meta.xml')).toMatch(/<office:meta><\/office:meta>/);
    expect(member(odt, 'META-INF/manifest.xml')).not.toContain('Thumbnails');
    expect(member(odt, 'settings.xml')).not.toMatch(/Printer/);
    expect(member(odt, 'settings.xml')).toContain('AddParaTableSpacing');
  });

  it('keeps the SVG drawing', () => {
    const svg = readFileSync(join(out, 'svg-inkscape.svg'), 'utf8');
    expect(svg).toContain('<rect id="rect10" x="10" y="10" width="80" height="40" style="fill:#3366cc" />');
    expect(svg).toContain('Meeting notes for the coalition');
    expect(svg).toMatch(/xlink:href="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/);
    expect(svg).not.toMatch(/inkscape|sodipodi|<metadata|<!--|rdf:/);
  });

  it('refuses hostile and protected documents with a typed reason and writes nothing', () => {
    const hostileOut = mkdtempSync(join(tmpdir(), 'lowprofile-docs-hostile-'));
    try {
      const result = lowprofile(['scrub', HOSTILE, '--out', hostileOut, '--json'], { timeoutMs: 60_000 });
      const parsed = JSON.parse(result.stdout) as Entry[];
      const byName = new Map(parsed.map((entry) => [entry.path.slice(entry.path.lastIndexOf('/') + 1), entry]));
      expect(byName.get('pdf-encrypted.pdf')?.status).toBe('unsupported');
      expect(byName.get('pdf-encrypted.pdf')?.reason).toMatch(/encrypted/);
      expect(byName.get('pdf-truncated.pdf')?.status).toBe('failed');
      expect(byName.get('docx-zip-slip.docx')?.reason).toMatch(/unsafe entry name/);
      expect(byName.get('docx-broken-content-types.docx')?.status).toBe('failed');
      expect(readdirSync(hostileOut)).toEqual([]);
    } finally {
      rmSync(hostileOut, { recursive: true, force: true });
    }
  });
});

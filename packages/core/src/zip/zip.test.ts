import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, piecesToBytes } from '../bytes/source.js';
import { FormatError } from '../issues.js';
import { entryData, readZip } from './reader.js';
import { writeZip } from './writer.js';
import { checkWellFormed, editAttributes } from './xml.js';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof FormatError) return error.code;
    throw error;
  }
  return undefined;
}

/** Overwrites a u32 in both the local header and the central directory entry of the first entry. */
function patchFirstEntry(zip: Uint8Array, localOffset: number, centralOffset: number, value: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const eocd = copy.length - 22;
  const central = view.getUint32(eocd + 16, true);
  view.setUint32(localOffset, value, true);
  view.setUint32(central + centralOffset, value, true);
  return copy;
}

describe('document ZIP reader', () => {
  const plain = zipSync({ 'a.xml': strToU8('<a>hello</a>'), 'b/c.txt': strToU8('x'.repeat(5000)) });

  it('reads entries and inflates them with a CRC check', () => {
    const archive = readZip(plain);
    expect(archive.entries.map((entry) => entry.name)).toEqual(['a.xml', 'b/c.txt']);
    expect(new TextDecoder().decode(entryData(plain, archive.byName.get('a.xml')!))).toBe('<a>hello</a>');
  });

  it('refuses traversal, absolute and backslash names', () => {
    for (const name of ['../evil.xml', 'a/../../evil', '/etc/passwd', 'C:/x', 'a\\b']) {
      expect(codeOf(() => readZip(zipSync({ [name]: strToU8('x') })))).toBe('invalid');
    }
  });

  it('refuses a declared size past the limit, and a ratio no document has (zip bombs)', () => {
    // uncompressed size field: local +22, central +24
    expect(codeOf(() => readZip(patchFirstEntry(plain, 22, 24, 600 * 1024 * 1024)))).toBe('limit_exceeded');
    const bomb = zipSync({ 'bomb.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(codeOf(() => readZip(bomb))).toBe('limit_exceeded');
  });

  it('catches data that inflates past its declared size', () => {
    const lying = zipSync({ 'big.txt': strToU8('y'.repeat(100_000)) });
    const patched = patchFirstEntry(lying, 22, 24, 1000);
    const archive = readZip(patched);
    expect(codeOf(() => entryData(patched, archive.entries[0]!))).toBe('invalid');
  });

  it('refuses encrypted entries and non-ZIP data', () => {
    const encrypted = plain.slice();
    const view = new DataView(encrypted.buffer);
    const central = view.getUint32(encrypted.length - 22 + 16, true);
    view.setUint16(central + 8, 1, true);
    expect(codeOf(() => readZip(encrypted))).toBe('encrypted');
    expect(codeOf(() => readZip(new Uint8Array(100)))).toBe('invalid');
    expect(codeOf(() => readZip(plain.subarray(0, plain.length - 30)))).not.toBeUndefined();
  });
});

describe('deterministic ZIP writer', () => {
  it('writes entries fflate and our reader can read, with fixed times and no extras', async () => {
    const source = zipSync({ 'keep.bin': new Uint8Array([1, 2, 3, 4]) }, { mtime: new Date(2024, 1, 1) });
    const archive = readZip(source);
    const pieces = writeZip([{ name: 'mimetype', data: strToU8('application/vnd.oasis.opendocument.text'), store: true }, { name: 'keep.bin', copyOf: archive.entries[0]! }, { name: 'ünïcode.xml', data: strToU8('<x/>') }]);
    const out = await piecesToBytes(pieces, bytesSource(source));
    const unzipped = unzipSync(out);
    expect(Object.keys(unzipped)).toEqual(['mimetype', 'keep.bin', 'ünïcode.xml']);
    expect([...unzipped['keep.bin']!]).toEqual([1, 2, 3, 4]);
    const again = readZip(out);
    for (const entry of again.entries) expect([entry.dosDate, entry.dosTime, entry.extraBytes, entry.commentBytes]).toEqual([0x21, 0, 0, 0]);
    expect(again.entries[0]!.method).toBe(0);
    expect(await piecesToBytes(writeZip([{ name: 'a', data: strToU8('same') }]), bytesSource(source))).toEqual(await piecesToBytes(writeZip([{ name: 'a', data: strToU8('same') }]), bytesSource(source)));
  });
});

describe('XML part editing', () => {
  it('checks well-formedness and refuses DTDs (entity expansion)', () => {
    expect(codeOf(() => checkWellFormed('<a><b></a>', 'x'))).toBe('invalid');
    expect(codeOf(() => checkWellFormed('<a>', 'x'))).toBe('invalid');
    expect(codeOf(() => checkWellFormed('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', 'x'))).toBe('unsupported_feature');
    expect(codeOf(() => checkWellFormed('<?xml version="1.0"?><!-- c --><a x="1 > 0"><b/><![CDATA[<]]></a>', 'x'))).toBeUndefined();
    expect(codeOf(() => checkWellFormed(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`, 'x'))).toBe('limit_exceeded');
  });

  it('removes or blanks attributes and leaves every other character as it was', () => {
    const text = '<w:p w:rsidR="00A1" w:x = \'1\'  w:rsidP="00B2"><w:ins w:author="Ann" w:date="2024"/></w:p>';
    const edited = editAttributes(text, (_element, attribute) => (attribute.startsWith('w:rsid') || attribute === 'w:date' ? 'remove' : attribute === 'w:author' ? 'blank' : undefined));
    expect(edited.text).toBe('<w:p w:x = \'1\'><w:ins w:author=""/></w:p>');
    expect(edited.changed.get('w:rsidR')).toBe(1);
  });
});

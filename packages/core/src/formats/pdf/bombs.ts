/**
 * pdf-lib inflates every object stream whole, with no size bound. Before handing it a file, every
 * Flate-compressed object stream is inflated here once, streaming, and counted: one that inflates
 * past MAX_PDF_OBJECT_STREAM_BYTES (a decompression bomb) is refused before pdf-lib allocates it.
 */
import { Inflate } from 'fflate';
import { asciiBytes, indexOfBytes } from '../../bytes/view.js';
import { FormatError } from '../../issues.js';
import { MAX_PDF_OBJECT_STREAM_BYTES } from './limits.js';

const OBJSTM = asciiBytes('/ObjStm');
const STREAM = asciiBytes('stream');
const ENDSTREAM = asciiBytes('endstream');
const FLATE = asciiBytes('/FlateDecode');
const CHUNK = 64 * 1024;

class TooBig extends Error {}

export function checkObjectStreamSizes(bytes: Uint8Array): void {
  for (let at = indexOfBytes(bytes, OBJSTM); at !== -1; at = indexOfBytes(bytes, OBJSTM, at + OBJSTM.length)) {
    const start = indexOfBytes(bytes, STREAM, at);
    if (start === -1) return;
    const dictionary = bytes.subarray(Math.max(0, at - 512), start);
    if (indexOfBytes(dictionary, FLATE) === -1) continue;
    let data = start + STREAM.length;
    if (bytes[data] === 0x0d) data++;
    if (bytes[data] === 0x0a) data++;
    const end = indexOfBytes(bytes, ENDSTREAM, data);
    const stop = end === -1 ? bytes.length : end;
    let total = 0;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > MAX_PDF_OBJECT_STREAM_BYTES) throw new TooBig();
    });
    try {
      for (let offset = data; offset < stop; offset += CHUNK) inflate.push(bytes.subarray(offset, Math.min(stop, offset + CHUNK)), false);
    } catch (error) {
      if (error instanceof TooBig) {
        throw new FormatError({ code: 'limit_exceeded', offset: data, detail: `an object stream inflates past ${MAX_PDF_OBJECT_STREAM_BYTES} bytes (a decompression bomb?)`, limit: 'MAX_PDF_OBJECT_STREAM_BYTES', value: total });
      }
      // Damaged data: pdf-lib reports it on its own terms.
    }
    at = stop;
  }
}

/**
 * What the metadata chunks of RIFF and IFF audio files hold, for the report.
 *   LIST/INFO (RIFF 1.0): IART artist, ICRD date, ISFT software, ICMT comment, INAM title…
 *   bext (EBU Tech 3285): description 256, originator 32, originator reference 32, date 10,
 *   time 8, time reference u64, version u16, UMID 64, loudness 10, reserved 180, coding history.
 *   iXML (production recorders), _PMX (XMP), cart (AES46 radio traffic), ID3 tags in "id3 "/"ID3 ".
 */
import type { ByteSource } from '../../bytes/source.js';
import { MAX_AUDIO_METADATA_READ_BYTES } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import { isFormatError } from '../../issues.js';
import { listId3v2Frames, readId3v2Header } from '../mp3/id3v2.js';
import { classifyTagName } from '../ogg/vorbis-comment.js';
import { chunkData, fourcc, listSubchunkIds, type Chunk } from './riff.js';

function filled(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte !== 0 && byte !== 0x20);
}

export async function metadataChunkItems(source: ByteSource, chunk: Chunk, littleEndian: boolean, where: string): Promise<MetadataItem[]> {
  const at = chunk.offset;
  const read = (): Promise<Uint8Array | undefined> => chunkData(source, chunk, MAX_AUDIO_METADATA_READ_BYTES);
  switch (chunk.id) {
    case 'LIST': {
      const data = await read();
      if (data === undefined || data.length < 4) return [{ category: 'other', label: `${where} LIST chunk`, offset: at }];
      const type = fourcc(data);
      if (type === 'INFO') {
        const ids = listSubchunkIds(data, littleEndian);
        return ids.length > 0 ? ids.map((id) => ({ category: classifyTagName(id), label: `${where} INFO ${id}`, offset: at })) : [{ category: 'other', label: `${where} LIST/INFO (empty)`, offset: at }];
      }
      if (type === 'exif') {
        return [
          { category: 'device', label: `${where} LIST/exif (camera make and model)`, offset: at },
          { category: 'time', label: `${where} LIST/exif (capture time)`, offset: at },
        ];
      }
      if (type === 'adtl') return [{ category: 'other', label: `${where} LIST/adtl (cue labels and notes)`, offset: at }];
      return [{ category: 'other', label: `${where} LIST/${type}`, offset: at }];
    }
    case 'bext': {
      const data = await read();
      if (data === undefined || data.length < 346) return [{ category: 'other', label: 'bext broadcast extension', offset: at }];
      const items: MetadataItem[] = [];
      if (filled(data.subarray(0, 256))) items.push({ category: 'other', label: 'bext description', offset: at });
      if (filled(data.subarray(256, 320))) items.push({ category: 'person', label: 'bext originator and reference', offset: at });
      if (filled(data.subarray(320, 338))) items.push({ category: 'time', label: 'bext origination date and time', offset: at });
      if (data.length > 602 && filled(data.subarray(602))) items.push({ category: 'software', label: 'bext coding history', offset: at });
      if (data.length >= 412 && filled(data.subarray(348, 412))) items.push({ category: 'other', label: 'bext UMID', offset: at });
      return items.length > 0 ? items : [{ category: 'other', label: 'bext broadcast extension (empty)', offset: at }];
    }
    case 'id3 ':
    case 'ID3 ':
    case 'ID32': {
      const data = await read();
      try {
        const header = data === undefined ? undefined : readId3v2Header(data, 0, at + 8);
        if (data !== undefined && header !== undefined && header.totalSize <= data.length) return listId3v2Frames(data, header, at + 8);
      } catch (error) {
        if (!isFormatError(error)) throw error;
      }
      return [{ category: 'other', label: `${where} "${chunk.id}" ID3 chunk`, offset: at }];
    }
    case 'iXML':
      return [{ category: 'other', label: 'iXML production metadata', offset: at }];
    case '_PMX':
    case 'XMP ':
      return [{ category: 'other', label: 'XMP packet', offset: at }];
    case 'NAME':
      return [{ category: 'other', label: `${where} NAME (title)`, offset: at }];
    case 'AUTH':
      return [{ category: 'person', label: `${where} AUTH (author)`, offset: at }];
    case '(c) ':
      return [{ category: 'person', label: `${where} (c) (copyright)`, offset: at }];
    case 'ANNO':
    case 'COMT':
      return [{ category: 'other', label: `${where} ${chunk.id} (annotation)`, offset: at }];
    case 'JUNK':
    case 'junk':
    case 'PAD ':
    case 'FLLR':
      return [{ category: 'other', label: `${where} ${chunk.id} padding (may hold old bytes)`, offset: at }];
    default:
      return [{ category: classifyTagName(chunk.id), label: `${where} "${chunk.id}" chunk`, offset: at }];
  }
}

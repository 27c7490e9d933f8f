/** Media exposure: photos and videos whose own metadata carries GPS, device serials or faces. */
import type { DossierRecord } from '../dossier/model.js';

export interface MediaExposure {
  readonly ref: string;
  readonly path: string;
  readonly platform: string;
  readonly archive: string;
  readonly time?: string;
  /** The time is a camera's local wall clock (EXIF without an offset), not UTC. */
  readonly timeIsLocal?: boolean;
  readonly gps?: { readonly lat: number; readonly lon: number };
  readonly device?: string;
  readonly deviceSerial?: string;
  readonly faces?: number;
  readonly exposes: ('gps' | 'serial' | 'device' | 'faces')[];
  /** The post/photo record is public on a platform (as opposed to a local photo folder). */
  readonly published: boolean;
}

export interface MediaSummary {
  readonly total: number;
  readonly withGps: number;
  readonly withSerial: number;
  readonly withDevice: number;
  readonly withFaces: number;
  readonly facesChecked: boolean;
  readonly devices: string[];
  readonly items: MediaExposure[];
}

export function analyseMedia(records: readonly DossierRecord[]): MediaSummary {
  const items: MediaExposure[] = [];
  let total = 0;
  let facesChecked = false;
  const devices = new Set<string>();
  for (const record of records) {
    for (const media of record.media ?? []) {
      total++;
      const exposes: MediaExposure['exposes'] = [];
      if (media.gps !== undefined) exposes.push('gps');
      if (media.deviceSerial !== undefined) exposes.push('serial');
      if (media.device !== undefined) {
        exposes.push('device');
        devices.add(media.device);
      }
      if (media.faces !== undefined) facesChecked = true;
      if (media.faces !== undefined && media.faces > 0) exposes.push('faces');
      if (exposes.length === 0) continue;
      items.push({
        ref: record.id,
        path: media.path,
        platform: record.source.platform,
        archive: record.source.archive,
        ...(record.time !== undefined ? { time: new Date(record.time.epochMs).toISOString(), timeIsLocal: record.time.basis === 'local-wall-clock' } : {}),
        ...(media.gps !== undefined ? { gps: { lat: media.gps.lat, lon: media.gps.lon } } : {}),
        ...(media.device !== undefined ? { device: media.device } : {}),
        ...(media.deviceSerial !== undefined ? { deviceSerial: media.deviceSerial } : {}),
        ...(media.faces !== undefined ? { faces: media.faces } : {}),
        exposes,
        published: record.source.platform !== 'photo-folder',
      });
    }
  }
  const rank = (m: MediaExposure): number => (m.exposes.includes('gps') ? 4 : 0) + (m.exposes.includes('serial') ? 2 : 0) + (m.exposes.includes('faces') ? 2 : 0) + (m.published ? 1 : 0);
  items.sort((a, b) => rank(b) - rank(a) || (a.time ?? '').localeCompare(b.time ?? ''));
  return {
    total,
    withGps: items.filter((m) => m.exposes.includes('gps')).length,
    withSerial: items.filter((m) => m.exposes.includes('serial')).length,
    withDevice: items.filter((m) => m.exposes.includes('device')).length,
    withFaces: items.filter((m) => m.exposes.includes('faces')).length,
    facesChecked,
    devices: [...devices],
    items,
  };
}

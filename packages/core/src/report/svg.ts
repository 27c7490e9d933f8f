/** SVG pieces of the report: map of places, routine heatmap, people/identity graph. Pure strings. */
import { fitProjection, ringsToPath, type Ring } from '../geo/basemap.js';
import { distanceM } from '../geo/distance.js';
import { formatDistance, type Strings } from './strings.js';
import type { DossierReport, ReportPlace } from './model.js';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export const ROLE_COLOUR: Readonly<Record<ReportPlace['role'], string>> = { home: '#c0392b', work: '#1f6fb2', other: '#6b7280' };

function niceLength(maxM: number): number {
  const steps = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000];
  let best = steps[0] as number;
  for (const s of steps) if (s <= maxM) best = s;
  return best;
}

export function markerLabel(p: ReportPlace): string {
  return p.role === 'home' ? 'H' : p.role === 'work' ? 'W' : String(p.id);
}

/** The places on the bundled outlines, fitted to the places, with a scale bar and an overview inset. */
export function mapSvg(places: readonly ReportPlace[], s: Strings, basemap?: { detail?: readonly Ring[]; overview?: readonly Ring[] }): string {
  if (places.length === 0) return '';
  const W = 720;
  const H = 420;
  // The detail map shows the home area (places within 60 km of the first place, which is home when
  // there is one); far places (trips) appear on the overview inset only.
  const anchor = places[0] as ReportPlace;
  const local = places.filter((p) => distanceM(anchor.lat, anchor.lon, p.lat, p.lon) <= 60_000);
  const far = places.filter((p) => !local.includes(p));
  let west = Math.min(...local.map((p) => p.lon));
  let east = Math.max(...local.map((p) => p.lon));
  let south = Math.min(...local.map((p) => p.lat));
  let north = Math.max(...local.map((p) => p.lat));
  const padLat = Math.max(0.01, (north - south) * 0.15);
  const padLon = Math.max(0.012, (east - west) * 0.15);
  west -= padLon; east += padLon; south -= padLat; north += padLat;
  const proj = fitProjection({ west, east, south, north }, W, H);
  const land = basemap?.detail ? ringsToPath(basemap.detail, proj) : '';
  const bar = niceLength(proj.metresPerPixel * 160);
  const barPx = bar / proj.metresPerPixel;
  const marks = [...local].reverse().map((p) => {
    const [x, y] = proj.project(p.lon, p.lat);
    const r = Math.max(9, Math.min(60, p.radiusM / proj.metresPerPixel));
    const c = ROLE_COLOUR[p.role];
    return `<g><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${c}" fill-opacity="0.14" stroke="${c}" stroke-opacity="0.5"/>`
      + `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="11" fill="${c}" stroke="#fff" stroke-width="2"/>`
      + `<text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${esc(markerLabel(p))}</text>`
      + `<title>${esc(`${s.roles[p.role]} — ${p.near ? p.near.name : ''} ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}`)}</title></g>`;
  }).join('');
  // Overview: the region around everything, on country outlines, with the detail box drawn in.
  let inset = '';
  if (basemap?.overview) {
    const lons = places.map((p) => p.lon);
    const lats = places.map((p) => p.lat);
    const cx = (Math.min(...lons) + Math.max(...lons)) / 2;
    const cy = (Math.min(...lats) + Math.max(...lats)) / 2;
    const halfLon = Math.max(18, (Math.max(...lons) - Math.min(...lons)) * 0.65);
    const halfLat = Math.max(12, (Math.max(...lats) - Math.min(...lats)) * 0.65);
    const ow = 200;
    const oh = 130;
    const op = fitProjection({ west: cx - halfLon, east: cx + halfLon, south: cy - halfLat, north: cy + halfLat }, ow, oh);
    const [bx0, by0] = op.project(west, north);
    const [bx1, by1] = op.project(east, south);
    const bw = Math.max(6, bx1 - bx0);
    const bh = Math.max(6, by1 - by0);
    const farDots = far.map((p) => {
      const [x, y] = op.project(p.lon, p.lat);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${ROLE_COLOUR[p.role]}" stroke="#fff"/><text x="${x.toFixed(1)}" y="${(y + 3.5).toFixed(1)}" text-anchor="middle" font-size="8" font-weight="700" fill="#fff">${esc(markerLabel(p))}</text>`;
    }).join('');
    inset = `<g transform="translate(${W - ow - 10},10)"><rect width="${ow}" height="${oh}" fill="#dbe8f3" stroke="#9ca3af"/>`
      + `<svg width="${ow}" height="${oh}" viewBox="0 0 ${ow} ${oh}"><path d="${ringsToPath(basemap.overview, op)}" fill="#f4f1ea" stroke="#a8a29e" stroke-width="0.5"/>`
      + `<rect x="${((bx0 + bx1) / 2 - bw / 2).toFixed(1)}" y="${((by0 + by1) / 2 - bh / 2).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="none" stroke="#c0392b" stroke-width="1.5"/>${farDots}</svg></g>`;
  }
  return `<svg class="map" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(s.headings.map)}" xmlns="http://www.w3.org/2000/svg">`
    + `<rect width="${W}" height="${H}" fill="${land ? '#dbe8f3' : '#f4f1ea'}"/>`
    + (land ? `<path d="${land}" fill="#f4f1ea" stroke="#a8a29e" stroke-width="1"/>` : '')
    + gridLines(W, H)
    + marks + inset
    + `<g transform="translate(16,${H - 20})"><rect x="-6" y="-16" width="${(barPx + 70).toFixed(1)}" height="26" fill="#fff" fill-opacity="0.8" rx="4"/><line x1="0" y1="0" x2="${barPx.toFixed(1)}" y2="0" stroke="#111" stroke-width="3"/><text x="${(barPx + 8).toFixed(1)}" y="4" font-size="12">${formatDistance(bar)}</text></g>`
    + `</svg><p class="note">${esc(s.mapNote(formatDistance(bar)))}</p>`;
}

function gridLines(W: number, H: number): string {
  let out = '<g stroke="#000" stroke-opacity="0.05">';
  for (let x = 0; x < W; x += 60) out += `<line x1="${x}" y1="0" x2="${x}" y2="${H}"/>`;
  for (let y = 0; y < H; y += 60) out += `<line x1="0" y1="${y}" x2="${W}" y2="${y}"/>`;
  return `${out}</g>`;
}

/** 7 × 24 heatmap of one place's hour-of-week presence. */
export function heatmapSvg(place: ReportPlace, s: Strings): string {
  const cell = 22;
  const left = 40;
  const top = 18;
  const max = Math.max(1e-9, ...place.routine);
  const c = ROLE_COLOUR[place.role];
  let out = `<svg class="heat" viewBox="0 0 ${left + 24 * cell + 4} ${top + 7 * cell + 4}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(s.roles[place.role])}">`;
  for (let h = 0; h < 24; h += 3) out += `<text x="${left + h * cell + 2}" y="12" font-size="10" fill="#555">${String(h).padStart(2, '0')}</text>`;
  for (let d = 0; d < 7; d++) {
    out += `<text x="0" y="${top + d * cell + 15}" font-size="11" fill="#333">${esc(s.days[d] ?? '')}</text>`;
    for (let h = 0; h < 24; h++) {
      const v = (place.routine[d * 24 + h] ?? 0) / max;
      out += `<rect x="${left + h * cell}" y="${top + d * cell}" width="${cell - 2}" height="${cell - 2}" rx="3" fill="${v > 0 ? c : '#eef0f3'}" fill-opacity="${v > 0 ? (0.12 + 0.88 * Math.sqrt(v)).toFixed(2) : 1}"/>`;
    }
  }
  return `${out}</svg>`;
}

/** You in the middle, your accounts around you (linked ones joined), the most exposed people outside. */
export function graphSvg(report: DossierReport, s: Strings): string {
  const W = 720;
  const H = 440;
  const cx = W / 2;
  const cy = H / 2;
  const platforms = [...new Set([...report.identities.items.flatMap((i) => i.platforms), ...report.people.slice(0, 12).flatMap((p) => p.platforms)])];
  if (platforms.length === 0) return '';
  const pos = new Map<string, [number, number]>();
  platforms.forEach((p, i) => {
    const a = (2 * Math.PI * i) / platforms.length - Math.PI / 2;
    pos.set(p, [cx + Math.cos(a) * 120, cy + Math.sin(a) * 95]);
  });
  const linked = new Set(report.identities.linkedPlatforms.flat());
  let edges = '';
  let nodes = '';
  for (const p of platforms) {
    const [x, y] = pos.get(p) as [number, number];
    edges += `<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="#9ca3af" stroke-width="1.5"/>`;
  }
  for (const group of report.identities.linkedPlatforms) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = pos.get(group[i] as string);
        const b = pos.get(group[j] as string);
        if (a && b) edges += `<line x1="${a[0]}" y1="${a[1]}" x2="${b[0]}" y2="${b[1]}" stroke="#c0392b" stroke-width="3" stroke-dasharray="6 4"/>`;
      }
    }
  }
  const people = report.people.slice(0, 12);
  const maxScore = Math.max(1, ...people.map((p) => p.score));
  people.forEach((person, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, people.length) - Math.PI / 2 + 0.2;
    const x = cx + Math.cos(a) * 300;
    const y = cy + Math.sin(a) * 185;
    for (const p of person.platforms) {
      const at = pos.get(p);
      if (at) edges += `<line x1="${at[0]}" y1="${at[1]}" x2="${x}" y2="${y}" stroke="#f59e0b" stroke-opacity="0.55" stroke-width="${(1 + 3 * (person.score / maxScore)).toFixed(1)}"/>`;
    }
    const r = 6 + 10 * Math.sqrt(person.score / maxScore);
    const label = person.name ?? (person.handles[0] ? `@${person.handles[0]}` : person.key);
    nodes += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="#f59e0b" stroke="#fff" stroke-width="2"/><text x="${x.toFixed(1)}" y="${(y + r + 12).toFixed(1)}" text-anchor="middle" font-size="11">${esc(label.length > 22 ? `${label.slice(0, 21)}…` : label)}</text>`;
  });
  for (const p of platforms) {
    const [x, y] = pos.get(p) as [number, number];
    const tie = linked.has(p as never);
    nodes += `<rect x="${x - 52}" y="${y - 13}" width="104" height="26" rx="13" fill="${tie ? '#fdecea' : '#fff'}" stroke="${tie ? '#c0392b' : '#6b7280'}" stroke-width="1.5"/><text x="${x}" y="${y + 4}" text-anchor="middle" font-size="11" font-weight="600">${esc(p)}</text>`;
  }
  nodes += `<circle cx="${cx}" cy="${cy}" r="26" fill="#111827"/><text x="${cx}" y="${cy + 5}" text-anchor="middle" font-size="13" font-weight="700" fill="#fff">${esc(s.you)}</text>`;
  return `<svg class="graph" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(s.headings.graph)}">${edges}${nodes}</svg>`;
}

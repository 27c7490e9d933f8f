/**
 * A bundled basemap: country outlines from Natural Earth via `world-atlas` TopoJSON (110m ≈ 108 KB,
 * 50m ≈ 756 KB). Core decodes TopoJSON itself (arcs, delta-encoded quantised positions) so it needs
 * no extra dependency; the CLI or web app passes the parsed JSON in. Rendering is plain SVG paths:
 * no tiles, no network.
 */

export interface Topology {
  readonly type: 'Topology';
  readonly transform?: { readonly scale: [number, number]; readonly translate: [number, number] };
  readonly arcs: readonly (readonly (readonly [number, number])[])[];
  readonly objects: Record<string, TopoObject>;
}

type TopoObject =
  | { readonly type: 'GeometryCollection'; readonly geometries: readonly TopoObject[] }
  | { readonly type: 'Polygon'; readonly arcs: readonly (readonly number[])[] }
  | { readonly type: 'MultiPolygon'; readonly arcs: readonly (readonly (readonly number[])[])[] }
  | { readonly type: string; readonly arcs?: unknown; readonly geometries?: unknown };

/** A closed ring of [lon, lat] positions. */
export type Ring = [number, number][];

/** Every polygon ring of an object in a topology (outer rings and holes alike). */
export function topologyRings(topology: Topology, objectName: string): Ring[] {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const decoded: Ring[] = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (topology.transform) {
        x += dx;
        y += dy;
        return [x * sx + tx, y * sy + ty] as [number, number];
      }
      return [dx, dy] as [number, number];
    });
  });
  const arcPoints = (index: number): Ring => {
    const arc = decoded[index < 0 ? ~index : index] ?? [];
    return index < 0 ? [...arc].reverse() : arc;
  };
  const ring = (indices: readonly number[]): Ring => {
    const out: Ring = [];
    for (const index of indices) {
      const pts = arcPoints(index);
      out.push(...(out.length > 0 ? pts.slice(1) : pts));
    }
    return out;
  };
  const rings: Ring[] = [];
  const walk = (object: TopoObject): void => {
    if (object.type === 'GeometryCollection') for (const g of (object as { geometries: readonly TopoObject[] }).geometries) walk(g);
    else if (object.type === 'Polygon') for (const r of (object as { arcs: readonly (readonly number[])[] }).arcs) rings.push(ring(r));
    else if (object.type === 'MultiPolygon') for (const p of (object as { arcs: readonly (readonly (readonly number[])[])[] }).arcs) for (const r of p) rings.push(ring(r));
  };
  const root = topology.objects[objectName];
  if (root !== undefined) walk(root);
  return rings;
}

/** Equirectangular projection of a lon/lat box onto a width × height canvas (aspect kept). */
export interface Projection {
  readonly project: (lon: number, lat: number) => [number, number];
  readonly width: number;
  readonly height: number;
  /** Metres per pixel at the box centre. */
  readonly metresPerPixel: number;
}

export function fitProjection(box: { west: number; east: number; south: number; north: number }, width: number, height: number): Projection {
  const midLat = (box.south + box.north) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max(1e-6, (box.east - box.west) * k);
  const spanY = Math.max(1e-6, box.north - box.south);
  const scale = Math.min(width / spanX, height / spanY);
  const cx = (box.west + box.east) / 2;
  const cy = midLat;
  return {
    width,
    height,
    metresPerPixel: 111_195 / scale,
    project: (lon, lat) => [width / 2 + (lon - cx) * k * scale, height / 2 - (lat - cy) * scale],
  };
}

/** SVG path data of the rings that touch the projected canvas. */
export function ringsToPath(rings: readonly Ring[], projection: Projection): string {
  const parts: string[] = [];
  const { width, height } = projection;
  for (const ring of rings) {
    const pts = ring.map(([lon, lat]) => projection.project(lon, lat));
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of pts) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (maxX < 0 || maxY < 0 || minX > width || minY > height) continue;
    parts.push(`M${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`);
  }
  return parts.join('');
}

/**
 * An in-memory box tree for the header boxes we rewrite (`moov`, HEIF `meta`), and the writer that
 * serialises it back. Only the containers we need to descend into are parsed; every other box is a
 * leaf kept byte for byte unless a box module replaced its payload.
 */
import { ByteView } from '../bytes/view.js';
import { concatBytes } from '../bytes/view.js';
import { fail } from '../issues.js';
import { payloadStart, walkChildren, type Box } from './box.js';
import { metaChildrenStart } from './boxes/meta.js';

export interface BoxNode {
  readonly box: Box;
  /** Absolute offset where children start (after a full-box header or a count), when a container. */
  readonly childrenStart?: number;
  children?: BoxNode[];
  /** Zero bytes after the last child (QuickTime list terminator), kept. */
  readonly tail?: number;
  /** New payload (everything after the header) for a rewritten leaf, or new prefix for a container. */
  replacement?: Uint8Array;
}

/** Containers whose children start right after the header. */
const PLAIN_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex', 'tref', 'iprp', 'ipco', 'moof', 'traf', 'gmhd']);

export class BoxData {
  /** `bytes` holds the file from absolute offset `base`. */
  constructor(readonly bytes: Uint8Array, readonly base: number) {}

  /** The payload of a box (after its header), as a view. */
  payload(box: Box): Uint8Array {
    return this.range(payloadStart(box), box.end);
  }

  range(start: number, end: number): Uint8Array {
    if (start < this.base || end - this.base > this.bytes.length || end < start) fail('truncated', start, 'range outside the data read');
    return this.bytes.subarray(start - this.base, end - this.base);
  }

  view(box: Box): ByteView {
    return new ByteView(this.payload(box));
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Parses `box` and, for known containers, its descendants. `stsd` and `iinf` have a count before
 * their children; `iref` is a full box. Types in `opaque` are kept as leaves below the root: the
 * movie code drops `meta` boxes whole, so a malformed one must not stop the scrub.
 */
export function parseTree(data: BoxData, box: Box, depth: number, opaque: ReadonlySet<string> = NONE): BoxNode {
  let childrenStart: number | undefined;
  const start = payloadStart(box);
  if (depth > 0 && opaque.has(box.type)) return { box };
  if (PLAIN_CONTAINERS.has(box.type)) childrenStart = start;
  else if (box.type === 'meta') childrenStart = metaChildrenStart(data.range(start, box.end), start);
  else if (box.type === 'stsd') childrenStart = start + 8;
  else if (box.type === 'iref') childrenStart = start + 4;
  else if (box.type === 'iinf') childrenStart = start + (data.range(start, start + 1)[0] === 0 ? 6 : 8);
  if (childrenStart === undefined) return { box };
  if (childrenStart > box.end) fail('truncated', box.start, `'${box.type}' is too short for its own header fields`);
  const { children, tail } = walkChildren(data.bytes, data.base, childrenStart, box.end, depth + 1);
  // Sample entries and iinf/iref entries are leaves for us: their insides are rendering data.
  const descend = box.type !== 'stsd' && box.type !== 'iinf' && box.type !== 'iref' && box.type !== 'tref';
  return { box, childrenStart, children: children.map((child) => (descend ? parseTree(data, child, depth + 1, opaque) : { box: child })), tail };
}

export function findChild(node: BoxNode, type: string): BoxNode | undefined {
  return node.children?.find((child) => child.box.type === type);
}

export function findPath(node: BoxNode, path: readonly string[]): BoxNode | undefined {
  let current: BoxNode | undefined = node;
  for (const type of path) current = current === undefined ? undefined : findChild(current, type);
  return current;
}

/** Serialises a node: a fresh header sized for the new content (32-bit when it fits), then content. */
export function writeNode(data: BoxData, node: BoxNode): Uint8Array {
  const parts: Uint8Array[] = [];
  if (node.children !== undefined && node.childrenStart !== undefined) {
    parts.push(node.replacement ?? data.range(payloadStart(node.box), node.childrenStart));
    for (const child of node.children) parts.push(writeNode(data, child));
    if (node.tail) parts.push(new Uint8Array(node.tail));
  } else {
    parts.push(node.replacement ?? data.payload(node.box));
  }
  return withHeader(node.box, concatBytes(parts));
}

export function withHeader(box: Pick<Box, 'type' | 'uuid'>, content: Uint8Array): Uint8Array {
  const uuidBytes = box.uuid === undefined ? new Uint8Array(0) : hexBytes(box.uuid);
  let size = 8 + uuidBytes.length + content.length;
  const large = size > 0xffff_ffff;
  if (large) size += 8;
  const header = new Uint8Array(large ? 16 : 8);
  const view = new DataView(header.buffer);
  view.setUint32(0, large ? 1 : size);
  for (let index = 0; index < 4; index++) header[4 + index] = box.type.charCodeAt(index) & 0xff;
  if (large) view.setBigUint64(8, BigInt(size));
  return concatBytes([header, uuidBytes, content]);
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let index = 0; index < out.length; index++) out[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return out;
}

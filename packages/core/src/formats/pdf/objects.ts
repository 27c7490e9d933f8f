/**
 * Walking pdf-lib's object model: every dictionary an indirect object holds (streams' dictionaries
 * and direct nested dictionaries included), and the set of objects reachable from the catalog.
 */
import { PDFArray, PDFDict, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { fail } from '../../issues.js';
import { MAX_PDF_NESTING } from './limits.js';

/** Calls `visit` on each dictionary directly inside `object` (not following references). */
export function forEachDict(object: PDFObject, visit: (dict: PDFDict) => void): void {
  const stack: [PDFObject, number][] = [[object, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > MAX_PDF_NESTING) fail('limit_exceeded', 0, `objects nested deeper than ${MAX_PDF_NESTING} levels`);
    if (current instanceof PDFStream) {
      stack.push([current.dict, depth + 1]);
    } else if (current instanceof PDFDict) {
      visit(current);
      for (const value of current.values()) if (value instanceof PDFDict || value instanceof PDFArray) stack.push([value, depth + 1]);
    } else if (current instanceof PDFArray) {
      for (const value of current.asArray()) if (value instanceof PDFDict || value instanceof PDFArray) stack.push([value, depth + 1]);
    }
  }
}

/** References reachable from `roots`, following every reference in dictionaries, arrays and stream dictionaries. */
export function reachableRefs(context: PDFContext, roots: readonly PDFObject[]): Set<string> {
  const seen = new Set<string>();
  const stack: PDFObject[] = [...roots];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current instanceof PDFRef) {
      const key = current.toString();
      if (seen.has(key)) continue; // reference cycles (parent links) end here
      seen.add(key);
      const target = context.lookup(current);
      if (target !== undefined) stack.push(target);
    } else if (current instanceof PDFStream) {
      stack.push(current.dict);
    } else if (current instanceof PDFDict) {
      for (const value of current.values()) stack.push(value);
    } else if (current instanceof PDFArray) {
      for (const value of current.asArray()) stack.push(value);
    }
  }
  return seen;
}

/**
 * Text-level XML editing for document parts. Parts are edited as text, not parsed and re-serialised,
 * so everything but the removed attributes and elements stays byte for byte as it was (namespace
 * declarations, whitespace, entity spelling). A small well-formedness check runs on every part we
 * read or write, so a damaged part is refused instead of being half-edited.
 */
import { fail } from '../issues.js';
import { MAX_NESTING_DEPTH } from '../bytes/limits.js';

/** How deep XML elements may nest (Word tables in tables can go deep; bombs go deeper). */
const MAX_XML_DEPTH = MAX_NESTING_DEPTH * 32;

const NAME = '[A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?';
/** One start or empty-element tag with its attributes (values may hold '>' but not their quote). */
const START_TAG_SOURCE = `<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`;
/** A fresh global regex each time: a shared one carries `lastIndex` from one use into the next. */
const startTags = (): RegExp => new RegExp(START_TAG_SOURCE, 'g');
const ATTRIBUTE = new RegExp(`(\\s+)(${NAME})(\\s*=\\s*)("[^"]*"|'[^']*')`, 'g');

/** Throws `invalid` unless `text` is well-formed enough to edit safely: balanced tags, no DTD. */
export function checkWellFormed(text: string, part: string, options: { allowDoctype?: boolean } = {}): void {
  const stack: string[] = [];
  let at = 0;
  let root = false;
  while (true) {
    const open = text.indexOf('<', at);
    if (open === -1) break;
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end === -1) fail('invalid', open, `${part}: unterminated comment`);
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open);
      if (end === -1) fail('invalid', open, `${part}: unterminated CDATA`);
      at = end + 3;
    } else if (text.startsWith('<?', open)) {
      const end = text.indexOf('?>', open);
      if (end === -1) fail('invalid', open, `${part}: unterminated processing instruction`);
      at = end + 2;
    } else if (text.startsWith('<!DOCTYPE', open) && options.allowDoctype === true && !root) {
      // Only an external DOCTYPE (SVG 1.1's public identifier); an internal subset could define entities.
      const end = text.indexOf('>', open);
      if (end === -1) fail('invalid', open, `${part}: unterminated DOCTYPE`);
      if (text.slice(open, end).includes('[')) fail('unsupported_feature', open, `${part}: DOCTYPE with an internal subset (entities) is not supported`);
      at = end + 1;
    } else if (text.startsWith('<!', open)) {
      fail('unsupported_feature', open, `${part}: document type declarations are not allowed in document parts`);
    } else if (text[open + 1] === '/') {
      const end = text.indexOf('>', open);
      if (end === -1) fail('invalid', open, `${part}: unterminated end tag`);
      const name = text.slice(open + 2, end).trim();
      if (stack.pop() !== name) fail('invalid', open, `${part}: end tag </${name}> does not match`);
      at = end + 1;
    } else {
      const tag = startTags();
      tag.lastIndex = open;
      const match = tag.exec(text);
      if (match === null || match.index !== open) fail('invalid', open, `${part}: malformed tag`);
      if (stack.length === 0 && root) fail('invalid', open, `${part}: more than one root element`);
      root = true;
      if (match[3] !== '/') {
        stack.push(match[1]!);
        if (stack.length > MAX_XML_DEPTH) fail('limit_exceeded', open, `${part}: elements nested deeper than ${MAX_XML_DEPTH}`);
      }
      at = open + match[0].length;
    }
  }
  if (stack.length > 0) fail('invalid', text.length, `${part}: element <${stack[stack.length - 1]}> is never closed`);
  if (!root) fail('invalid', 0, `${part}: no root element`);
}

export interface AttributeRule {
  /** Qualified attribute name → 'remove' or 'blank' (value emptied), or undefined to keep. */
  (element: string, attribute: string): 'remove' | 'blank' | undefined;
}

/** Applies `rule` to every attribute of every start tag. Returns the new text and how many attributes changed. */
export function editAttributes(text: string, rule: AttributeRule): { text: string; changed: Map<string, number> } {
  const changed = new Map<string, number>();
  const out = text.replace(startTags(), (tag: string, element: string, attributes: string, close: string) => {
    if (attributes.length === 0) return tag;
    let touched = false;
    const edited = attributes.replace(ATTRIBUTE, (whole: string, space: string, name: string, equals: string, value: string) => {
      const action = rule(element, name);
      if (action === undefined) return whole;
      if (action === 'blank' && value.length === 2) return whole;
      touched = true;
      changed.set(name, (changed.get(name) ?? 0) + 1);
      return action === 'remove' ? '' : `${space}${name}${equals}${value[0]}${value[0]}`;
    });
    if (!touched) return tag;
    return `<${element}${edited}${tag.slice(1 + element.length + attributes.length, tag.length - 1 - close.length)}${close}>`;
  });
  return { text: out, changed };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes every `<name …/>` and `<name …>…</name>` element (not nested in itself). */
export function removeElements(text: string, name: string): { text: string; count: number } {
  const n = escapeRegExp(name);
  let count = 0;
  const out = text.replace(new RegExp(`<${n}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${n}\\s*>)`, 'g'), () => {
    count++;
    return '';
  });
  return { text: out, count };
}

/** Empties the text of every `<name …>text</name>` element (keeps the element). */
export function blankElementText(text: string, name: string): { text: string; count: number } {
  const n = escapeRegExp(name);
  let count = 0;
  const out = text.replace(new RegExp(`(<${n}(?:\\s[^>]*?)?>)([^<]+)(</${n}\\s*>)`, 'g'), (_whole: string, open: string, _value: string, close: string) => {
    count++;
    return `${open}${close}`;
  });
  return { text: out, count };
}

/** Counts start tags named `name`. */
export function countElements(text: string, name: string): number {
  const matches = text.match(new RegExp(`<${escapeRegExp(name)}[\\s/>]`, 'g'));
  return matches === null ? 0 : matches.length;
}

/** Attribute values of every `<element …>` tag, as name → value maps. */
export function elementsWithAttributes(text: string, element: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const match of text.matchAll(startTags())) {
    if (match[1] !== element) continue;
    const attributes = new Map<string, string>();
    for (const attribute of match[2]!.matchAll(ATTRIBUTE)) attributes.set(attribute[2]!, decodeEntities(attribute[4]!.slice(1, -1)));
    out.push(attributes);
  }
  return out;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_whole: string, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

/** Local names of the non-empty child elements of the root (for reporting docProps/meta.xml fields). */
export function filledChildElements(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(new RegExp(`<(${NAME})(?:\\s[^>]*)?>([^<]*\\S[^<]*)</\\1>`, 'g'))) names.push(match[1]!);
  for (const match of text.matchAll(new RegExp(`<(${NAME})\\s[^>]*/>`, 'g'))) names.push(match[1]!);
  return names;
}

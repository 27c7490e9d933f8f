/**
 * Edits to the XML parts of DOCX, XLSX and PPTX. Each edit removes or empties attributes and
 * elements that identify people, machines, times or editing sessions; the document's text and
 * formatting are left as they are, character for character.
 */
import type { Category, MetadataItem } from '../../categories.js';
import { blankElementText, countElements, editAttributes, removeElements, type AttributeRule } from '../../zip/xml.js';
import type { PartEdit } from '../../zip/document.js';

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/** WordprocessingML: revision-session ids, author names, initials and dates. */
const wordRule: AttributeRule = (_element, attribute) => {
  if (/^w:rsid/.test(attribute)) return 'remove';
  if (attribute === 'w:author' || attribute === 'w:initials') return 'blank';
  if (attribute === 'w:date' || attribute === 'w16cex:dateUtc') return 'remove';
  return undefined;
};

/** People lists and comment dates in SpreadsheetML and PresentationML (classic and modern comments). */
const peopleRule: AttributeRule = (element, attribute) => {
  const el = localName(element);
  if ((el === 'person' || el === 'author' || el === 'cmAuthor') && ['displayName', 'name', 'initials', 'userId', 'providerId'].includes(attribute)) return 'blank';
  if (el === 'threadedComment' && attribute === 'dT') return 'remove';
  if (el === 'cm' && (attribute === 'dt' || attribute === 'created')) return 'remove';
  return undefined;
};

const ATTRIBUTE_CATEGORY = (attribute: string): Category => {
  if (/rsid/.test(attribute)) return 'other';
  if (/date|dT|dt|created/i.test(localName(attribute))) return 'time';
  return 'person';
};

/** Elements removed whole, per part family, with what they are. */
const WORD_ELEMENTS: [string, Category, string][] = [
  ['w:rsids', 'other', 'revision session ids (w:rsids)'],
  ['w:rsid', 'other', 'style revision session ids (w:rsid)'],
  ['w:nsid', 'other', 'numbering ids (w:nsid)'],
  ['w15:docId', 'other', 'document id (w15:docId)'],
  ['w:attachedTemplate', 'other', 'attached template path'],
];
const SHEET_ELEMENTS: [string, Category, string][] = [
  ['x15ac:absPath', 'person', 'folder the workbook was saved in (x15ac:absPath)'],
  ['xr:revisionPtr', 'other', 'workbook revision document id (xr:revisionPtr)'],
];

export function editPart(name: string, original: string): PartEdit {
  let text = original;
  const removed: MetadataItem[] = [];
  const reviewable: MetadataItem[] = [];
  const family = name.split('/')[0];
  const elements = family === 'word' ? WORD_ELEMENTS : family === 'xl' ? SHEET_ELEMENTS : [];
  for (const [element, category, label] of elements) {
    const result = removeElements(text, element);
    if (result.count > 0) removed.push({ category, label: `${label} in ${name}` });
    text = result.text;
  }
  if (family === 'xl' && /^xl\/comments[^/]*\.xml$/.test(name)) {
    const result = blankElementText(text, 'author');
    if (result.count > 0) removed.push({ category: 'person', label: `${result.count} comment author names in ${name}` });
    text = result.text;
  }
  const rule = family === 'word' ? wordRule : peopleRule;
  const attributes = editAttributes(text, rule);
  text = attributes.text;
  for (const [attribute, count] of attributes.changed) removed.push({ category: ATTRIBUTE_CATEGORY(attribute), label: `${count}× ${attribute} in ${name}` });

  const count = (element: string): number => countElements(text, element);
  if (family === 'word') {
    const comments = count('w:comment');
    const changes = count('w:ins') + count('w:del') + count('w:moveFrom') + count('w:moveTo') + count('w:rPrChange') + count('w:pPrChange');
    if (comments > 0) reviewable.push({ category: 'other', label: `${comments} comments in ${name} (text kept; authors and dates removed)` });
    if (changes > 0) reviewable.push({ category: 'other', label: `${changes} tracked changes in ${name} (kept; authors and dates removed)` });
  } else if (family === 'xl') {
    const comments = count('comment') + count('threadedComment');
    if (comments > 0) reviewable.push({ category: 'other', label: `${comments} comments in ${name} (text kept; authors removed)` });
  } else if (family === 'ppt') {
    const comments = count('p:cm') + count('p188:cm');
    if (comments > 0) reviewable.push({ category: 'other', label: `${comments} comments in ${name} (text kept; authors and dates removed)` });
  }
  return { text, removed, reviewable };
}

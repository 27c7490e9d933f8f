/** "Clean photos and videos": scrub in workers, show what was removed and kept, download. */
import type { Category } from '@lowprofile/core';
import { announce, clear, h } from '../dom.js';
import { expandZips, type InputFile } from '../files.js';
import { formatSize, t, type MessageKey } from '../i18n/index.js';
import { saveBlob, saveZip } from '../save.js';
import type { ItemView, ScrubResult } from '../work/protocol.js';
import { scrubInWorker } from '../work/scrub-client.js';
import { dropzone } from './dropzone.js';

interface Entry {
  readonly key: number;
  readonly input: InputFile;
  result?: ScrubResult;
}

const state = { entries: [] as Entry[], keepColour: true, notices: [] as string[] /* zip paths that could not be opened */ };
let nextKey = 1;
let listElement: HTMLElement | undefined;
let summaryElement: HTMLElement | undefined;

export function cleanScreen(): HTMLElement {
  const keep = h('input', { type: 'checkbox', id: 'keep-colour', checked: state.keepColour });
  keep.addEventListener('change', () => (state.keepColour = keep.checked));
  listElement = h('ul', { class: 'results', 'aria-live': 'polite', 'data-testid': 'clean-results' });
  summaryElement = h('div', { class: 'summary' });
  const screen = h(
    'section',
    { class: 'screen', 'aria-labelledby': 'clean-title' },
    h('h2', { id: 'clean-title', tabindex: -1 }, t('clean.title')),
    h('p', { class: 'intro' }, t('clean.intro')),
    dropzone({ hint: t('drop.hint'), filesLabel: t('drop.files'), folderLabel: t('drop.folder'), multiple: true, testId: 'clean-drop', onFiles: (files) => void add(files) }),
    h('p', { class: 'option' }, keep, h('label', { for: 'keep-colour' }, t('clean.keepColour'))),
    summaryElement,
    listElement,
  );
  renderList();
  return screen;
}

async function add(inputs: InputFile[]): Promise<void> {
  const files = await expandZips(inputs, (path) => {
    state.notices.push(path);
    renderList();
  });
  const entries = files.map((input): Entry => ({ key: nextKey++, input }));
  state.entries.push(...entries);
  renderList();
  await Promise.all(
    entries.map(async (entry) => {
      entry.result = await scrubInWorker(entry.input.file, state.keepColour);
      renderList();
    }),
  );
  const clean = state.entries.filter((entry) => entry.result?.output !== undefined).length;
  announce(t('clean.summary', { done: state.entries.length, total: state.entries.length, clean, problems: state.entries.length - clean }));
}

function renderList(): void {
  if (listElement === undefined || summaryElement === undefined) return;
  clear(listElement);
  clear(summaryElement);
  for (const notice of state.notices) summaryElement.appendChild(h('p', { class: 'notice' }, t('drop.zipFailed', { name: notice })));
  if (state.entries.length === 0) {
    listElement.appendChild(h('li', { class: 'empty' }, t('clean.empty')));
    return;
  }
  const done = state.entries.filter((entry) => entry.result !== undefined);
  const ready = done.filter((entry) => entry.result?.output !== undefined);
  summaryElement.append(
    h('p', { 'data-testid': 'clean-summary' }, t('clean.summary', { done: done.length, total: state.entries.length, clean: ready.length, problems: done.length - ready.length })),
    h(
      'div',
      { class: 'actions' },
      ready.length > 1 && h('button', { type: 'button', class: 'primary', on: { click: () => void saveZip(ready.map((entry) => ({ path: entry.input.path, blob: entry.result!.output! })), t('clean.zipName')) } }, t('clean.downloadAll')),
      h('button', { type: 'button', on: { click: clearAll } }, t('clean.clear')),
    ),
  );
  for (const entry of state.entries) listElement.appendChild(renderEntry(entry));
}

function clearAll(): void {
  state.entries = [];
  state.notices = [];
  renderList();
}

function renderEntry(entry: Entry): HTMLElement {
  const result = entry.result;
  const name = entry.input.path;
  if (result === undefined) return h('li', { class: 'file working' }, h('h3', {}, name), h('p', { class: 'status' }, t('clean.status.working')));
  const statusKey = `clean.status.${result.status}` as MessageKey;
  const output = result.output;
  return h(
    'li',
    { class: `file status-${result.status}`, 'data-status': result.status },
    h('h3', {}, name),
    h('p', { class: 'status' }, h('span', { class: 'badge' }, t(statusKey)), result.format !== undefined ? ` · ${result.format}` : ''),
    result.issueCode !== undefined && h('p', { class: 'problem' }, problemText(result)),
    result.detail !== undefined && h('p', { class: 'detail' }, result.detail),
    (result.status === 'clean' || result.status === 'already-clean') &&
      h(
        'div',
        { class: 'compare' },
        h('div', { class: 'before' }, h('h4', {}, t('clean.removed')), itemList(result.removed, t('clean.nothingRemoved')), h('p', { class: 'size' }, t('clean.before', { size: formatSize(entry.input.file.size) }))),
        h('div', { class: 'after' }, h('h4', {}, t('clean.kept')), itemList(result.kept, t('clean.nothingKept')), output !== undefined && h('p', { class: 'size' }, t('clean.after', { size: formatSize(output.size) }))),
      ),
    result.status === 'clean' && h('p', { class: 'verified' }, t('clean.verified')),
    output !== undefined &&
      h('button', { type: 'button', class: 'primary', 'aria-label': t('clean.downloadNamed', { name }), on: { click: () => void saveBlob(output, entry.input.file.name) } }, t('clean.download')),
  );
}

function problemText(result: ScrubResult): string {
  switch (result.issueCode) {
    case undefined:
      return '';
    case 'unknown-format':
      return t('issue.unknownFormat');
    case 'crashed':
      return t('issue.crashed');
    case 'not-verified':
      return t('clean.notVerified', { reason: result.detail ?? '' });
    default:
      return t(`issue.${result.issueCode}` as MessageKey);
  }
}

/** Items arrive sorted by category (most revealing first) from the worker. */
function itemList(items: readonly ItemView[], empty: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'none' }, empty);
  const groups = new Map<Category, Set<string>>();
  for (const item of items) {
    const labels = groups.get(item.category) ?? new Set<string>();
    labels.add(item.label);
    groups.set(item.category, labels);
  }
  return h(
    'ul',
    { class: 'items' },
    ...[...groups].map(([category, labels]) => h('li', { 'data-category': category }, h('strong', {}, t(`category.${category}` as MessageKey)), h('span', { class: 'labels' }, [...labels].join(', ')))),
  );
}

/**
 * "See my dossier": import one's own exports and show the same report as `lowprofile audit` writes,
 * built in a worker on this device. The report can be saved as the same self-contained HTML file.
 */
import { announce, append, clear, h } from '../dom.js';
import { lang, t } from '../i18n/index.js';
import { buildDossier, dossierAvailable, renderDossier, type DossierProgress, type DossierResult } from '../dossier-engine.js';
import { showReport } from '../dossier/report-view.js';
import type { InputFile } from '../files.js';
import { saveBlob } from '../save.js';
import { dropzone } from './dropzone.js';

const state = {
  busy: false,
  progress: undefined as DossierProgress | undefined,
  result: undefined as DossierResult | undefined,
  error: undefined as string | undefined,
};
let body: HTMLElement | undefined;

export function dossierScreen(): HTMLElement {
  body = h('div', { class: 'dossier-body', 'data-testid': 'dossier-body' });
  const available = dossierAvailable();
  if (!available) body.appendChild(h('p', { class: 'notice', 'data-testid': 'dossier-unavailable' }, t('dossier.unavailable')));
  else renderBody();
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'dossier-title' },
    h('h2', { id: 'dossier-title', tabindex: -1 }, t('dossier.title')),
    h('p', { class: 'intro' }, t('dossier.intro')),
    available && dropzone({ hint: t('dossier.drop'), filesLabel: t('dossier.pickFiles'), folderLabel: t('dossier.pickFolder'), multiple: true, testId: 'dossier-drop', onFiles: (files) => void audit(files) }),
    body,
  );
}

async function audit(files: InputFile[]): Promise<void> {
  if (state.busy) return;
  Object.assign(state, { busy: true, progress: undefined, result: undefined, error: undefined });
  renderBody();
  announce(t('dossier.working'));
  try {
    state.result = await buildDossier({ files: files.map(({ file, path }) => ({ file, path })), language: lang(), generatedAt: new Date().toISOString() }, (progress) => {
      state.progress = progress;
      renderProgress();
    });
    announce(t('dossier.ready'));
  } catch (error) {
    state.error = error instanceof Error ? error.message : String(error);
    announce(t('dossier.failed', { reason: state.error }));
  } finally {
    state.busy = false;
  }
  renderBody();
}

function progressText(): string {
  const progress = state.progress;
  if (progress === undefined) return t('dossier.working');
  const counts = t('dossier.counts', { records: progress.records.toLocaleString(lang()), points: progress.points.toLocaleString(lang()) });
  if (progress.phase === 'reading') return `${t('dossier.reading', { file: progress.file ?? '' })} ${counts}`;
  return `${t(progress.phase === 'analysing' ? 'dossier.analysing' : 'dossier.writing')} ${counts}`;
}

function renderProgress(): void {
  const element = body?.querySelector('[data-testid="dossier-progress"]');
  if (element) element.textContent = progressText();
}

function renderBody(): void {
  if (body === undefined) return;
  clear(body);
  if (state.busy) {
    body.appendChild(h('p', { class: 'notice', role: 'status', 'data-testid': 'dossier-progress' }, progressText()));
    return;
  }
  if (state.error !== undefined) {
    body.appendChild(h('p', { class: 'notice error', role: 'alert' }, t('dossier.failed', { reason: state.error })));
    return;
  }
  const result = state.result;
  if (result === undefined) return;
  if (result.language !== lang()) {
    // The app's language changed since the report was made: show it again in the new one.
    const wanted = lang();
    state.busy = true;
    state.progress = undefined;
    body.appendChild(h('p', { class: 'notice', role: 'status', 'data-testid': 'dossier-progress' }, t('dossier.writing')));
    void renderDossier(wanted)
      .then((again) => (state.result = again))
      .catch((error: unknown) => (state.error = error instanceof Error ? error.message : String(error)))
      .finally(() => {
        state.busy = false;
        renderBody();
      });
    return;
  }
  const report = h('div', { class: 'report', 'data-testid': 'dossier-report' });
  append(body, [
    h('p', { class: 'notice ok' }, t('dossier.counts', { records: result.records.toLocaleString(lang()), points: result.points.toLocaleString(lang()) }), ' ', t('dossier.private')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', on: { click: () => void saveBlob(new Blob([result.html], { type: 'text/html' }), 'lowprofile-report.html') } }, t('dossier.download')),
    ),
    result.issues.length > 0 &&
      h('details', { class: 'skipped' }, h('summary', {}, t('dossier.skipped', { count: result.issues.length })), h('ul', {}, ...result.issues.map((issue) => h('li', {}, issue)))),
    report,
  ]);
  showReport(report, result.html);
}

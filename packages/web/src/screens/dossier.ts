/**
 * "See my dossier": import one's own exports and show the report. Reading exports and rendering
 * the report are core features; this screen plugs them in through `dossier-engine.ts` and says so
 * plainly while they are not in this build.
 */
import { clear, h } from '../dom.js';
import { t } from '../i18n/index.js';
import { dossierAvailable } from '../dossier-engine.js';
import { dropzone } from './dropzone.js';

let body: HTMLElement | undefined;

export function dossierScreen(): HTMLElement {
  body = h('div', { class: 'dossier-body', 'data-testid': 'dossier-body' });
  const available = dossierAvailable();
  if (!available) body.appendChild(h('p', { class: 'notice', 'data-testid': 'dossier-unavailable' }, t('dossier.unavailable')));
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'dossier-title' },
    h('h2', { id: 'dossier-title', tabindex: -1 }, t('dossier.title')),
    h('p', { class: 'intro' }, t('dossier.intro')),
    available &&
      dropzone({
        hint: t('dossier.drop'),
        filesLabel: t('dossier.pickFiles'),
        folderLabel: t('dossier.pickFolder'),
        multiple: true,
        testId: 'dossier-drop',
        onFiles: () => {
          if (body !== undefined) clear(body);
        },
      }),
    body,
  );
}

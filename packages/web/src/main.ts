/**
 * The app shell: header (language, consent to remember), navigation between the four screens
 * (hash routes, so any static host works), and the offline status from the service worker.
 */
import './styles.css';
import { clear, h } from './dom.js';
import { isLang, lang, LANGS, setLang, t, type Lang, type MessageKey } from './i18n/index.js';
import { remembering, savedLang, saveLang, setRemembering } from './settings.js';
import { cleanScreen } from './screens/clean.js';
import { redactScreen } from './screens/redact.js';
import { dossierScreen } from './screens/dossier.js';
import { planScreen } from './screens/plan.js';

const ROUTES = ['clean', 'redact', 'dossier', 'plan'] as const;
type Route = (typeof ROUTES)[number];
const SCREENS: Record<Route, () => HTMLElement> = { clean: cleanScreen, redact: redactScreen, dossier: dossierScreen, plan: () => planScreen(render) };

type OfflineState = 'preparing' | 'ready' | 'unsupported';
let offline: OfflineState = 'serviceWorker' in navigator ? 'preparing' : 'unsupported';

function route(): Route {
  const name = location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'clean';
}

function skipLink(): HTMLElement {
  // A button-like link that moves focus, so the hash (the route) is left alone.
  return h('a', { class: 'skip', href: '#', on: { click: (event: Event) => (event.preventDefault(), document.getElementById('main')?.focus()) } }, t('app.skip'));
}

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const saved = savedLang();
  if (isLang(saved)) return saved;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('es')) ? 'es' : 'en';
}

function header(): HTMLElement {
  const select = h('select', { id: 'lang', 'data-testid': 'lang' }, ...LANGS.map((code) => h('option', { value: code, selected: code === lang(), lang: code }, t(`lang.${code}` as MessageKey))));
  select.addEventListener('change', () => {
    if (!isLang(select.value)) return;
    setLang(select.value);
    saveLang(select.value);
    // Keep an explicit ?lang= in the address in step with the choice, without storing anything.
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', select.value);
      history.replaceState(null, '', url);
    }
    render();
    document.getElementById('lang')?.focus();
  });
  const remember = h('input', { type: 'checkbox', id: 'remember', checked: remembering(), 'aria-describedby': 'remember-help', 'data-testid': 'remember' });
  remember.addEventListener('change', () => {
    setRemembering(remember.checked, lang());
    render();
    document.getElementById('remember')?.focus();
  });
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('h1', {}, t('app.name')), h('p', { class: 'tagline' }, t('app.tagline'))),
    h(
      'div',
      { class: 'prefs' },
      h('p', { class: 'field' }, h('label', { for: 'lang' }, t('lang.label')), select),
      h('p', { class: 'field check' }, remember, h('label', { for: 'remember' }, t('remember.label'))),
      h('p', { id: 'remember-help', class: 'hint' }, t('remember.help')),
    ),
  );
}

function nav(current: Route): HTMLElement {
  return h(
    'nav',
    { 'aria-label': t('nav.label') },
    h('ul', {}, ...ROUTES.map((name) => h('li', {}, h('a', { href: `#/${name}`, 'aria-current': name === current ? 'page' : undefined, 'data-testid': `nav-${name}` }, t(`nav.${name}` as MessageKey))))),
  );
}

function footer(): HTMLElement {
  return h(
    'footer',
    {},
    h('p', { class: `offline offline-${offline}`, 'data-testid': 'offline-status', role: 'status' }, t(`offline.${offline}` as MessageKey)),
    h('p', {}, t('footer.privacy')),
  );
}

function render(): void {
  const app = document.getElementById('app')!;
  const current = route();
  document.title = `${t(`nav.${current}` as MessageKey)} · ${t('app.name')}`;
  clear(app);
  app.append(skipLink(), header(), nav(current), h('main', { id: 'main', tabindex: -1 }, SCREENS[current]()), footer());
}

function setOffline(state: OfflineState): void {
  offline = state;
  const element = document.querySelector('[data-testid="offline-status"]');
  if (element !== null) {
    element.className = `offline offline-${state}`;
    element.textContent = t(`offline.${state}` as MessageKey);
  }
}

function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // The worker precaches every built file, so the app opens and works with the network off.
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => setOffline('ready'))
    .catch(() => setOffline('unsupported'));
}

window.addEventListener('hashchange', () => {
  render();
  document.querySelector<HTMLElement>('main h2')?.focus();
});

setLang(initialLang());
render();
registerServiceWorker();

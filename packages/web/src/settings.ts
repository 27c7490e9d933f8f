/**
 * What the app may keep on the device. Nothing is written unless the person turns on "Remember my
 * choices on this device"; turning it off erases everything the app stored. Reading is harmless.
 */
const KEY_REMEMBER = 'lowprofile.remember';
const KEY_LANG = 'lowprofile.lang';
const KEY_PLAN = 'lowprofile.plan';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (private mode, file policy): behave as "not remembering"
  }
}

let remember = storage()?.getItem(KEY_REMEMBER) === '1';
let planDone = new Set<string>(remember ? parseList(storage()?.getItem(KEY_PLAN)) : []);

function parseList(raw: string | null | undefined): string[] {
  if (raw === null || raw === undefined) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function remembering(): boolean {
  return remember;
}

export function setRemembering(on: boolean, currentLang: string): void {
  remember = on;
  const store = storage();
  if (store === undefined) return;
  if (on) {
    store.setItem(KEY_REMEMBER, '1');
    store.setItem(KEY_LANG, currentLang);
    store.setItem(KEY_PLAN, JSON.stringify([...planDone]));
  } else {
    for (const key of [KEY_REMEMBER, KEY_LANG, KEY_PLAN]) store.removeItem(key);
  }
}

export function savedLang(): string | undefined {
  return remember ? (storage()?.getItem(KEY_LANG) ?? undefined) : undefined;
}

export function saveLang(lang: string): void {
  if (remember) storage()?.setItem(KEY_LANG, lang);
}

export function planProgress(): ReadonlySet<string> {
  return planDone;
}

export function setPlanStep(id: string, done: boolean): void {
  if (done) planDone.add(id);
  else planDone.delete(id);
  if (remember) storage()?.setItem(KEY_PLAN, JSON.stringify([...planDone]));
}

export function resetPlan(): void {
  planDone = new Set();
  if (remember) storage()?.setItem(KEY_PLAN, '[]');
}

/**
 * Where the dossier engine (core's export importers, analysis and report renderer) plugs in. It
 * runs in a worker created on first use, so none of it (nor the place names and map outlines it
 * loads) is part of the initial download. The worker keeps the last analysis, so the report can be
 * shown again in the other language without reading the exports again.
 */
import type { DossierBuild, DossierReply, DossierRequest } from './dossier/protocol.js';

export function dossierAvailable(): boolean {
  return true;
}

export type DossierProgress = Extract<DossierReply, { type: 'progress' }>;
export type DossierResult = Extract<DossierReply, { type: 'done' }>;

let worker: Worker | undefined;

function ask(request: DossierRequest, onProgress: (progress: DossierProgress) => void = () => undefined): Promise<DossierResult> {
  const active = (worker ??= new Worker(new URL('./dossier/dossier-worker.ts', import.meta.url), { type: 'module' }));
  return new Promise<DossierResult>((resolve, reject) => {
    active.onmessage = (event: MessageEvent<DossierReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply);
      else if (reply.type === 'done') resolve(reply);
      else reject(new Error(reply.message));
    };
    active.onerror = (event) => {
      active.terminate();
      worker = undefined;
      reject(new Error(event.message || 'the dossier worker stopped'));
    };
    active.postMessage(request);
  });
}

/** The latest dossier made in this page (kept in memory only). */
let latest: DossierResult | undefined;

export function latestDossier(): DossierResult | undefined {
  return latest;
}

export async function buildDossier(request: Omit<DossierBuild, 'type'>, onProgress: (progress: DossierProgress) => void): Promise<DossierResult> {
  latest = undefined;
  latest = await ask({ type: 'build', ...request }, onProgress);
  return latest;
}

/** The last dossier again, in another language. */
export async function renderDossier(language: 'en' | 'es'): Promise<DossierResult> {
  latest = await ask({ type: 'render', language });
  return latest;
}

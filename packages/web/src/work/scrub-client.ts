/** A small pool of cleaning workers (one per core, at most 4), fed from one queue. */
import type { ScrubRequest, ScrubResult } from './protocol.js';

interface Job {
  readonly request: ScrubRequest;
  readonly resolve: (result: ScrubResult) => void;
}

const queue: Job[] = [];
const idle: Worker[] = [];
const busy = new Map<Worker, Job>();
let created = 0;
let nextId = 1;
const MAX_WORKERS = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

function spawn(): Worker {
  const worker = new Worker(new URL('./scrub-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<ScrubResult>) => {
    busy.get(worker)?.resolve(event.data);
    busy.delete(worker);
    idle.push(worker);
    pump();
  };
  worker.onerror = (event) => {
    const job = busy.get(worker);
    busy.delete(worker);
    worker.terminate();
    created--;
    job?.resolve({ id: job.request.id, status: 'failed', removed: [], kept: [], notes: [], issueCode: 'crashed', detail: event.message });
    pump();
  };
  created++;
  return worker;
}

function pump(): void {
  while (queue.length > 0) {
    const worker = idle.pop() ?? (created < MAX_WORKERS ? spawn() : undefined);
    if (worker === undefined) return;
    const job = queue.shift()!;
    busy.set(worker, job);
    worker.postMessage(job.request);
  }
}

export function scrubInWorker(file: Blob, keepColourProfile: boolean): Promise<ScrubResult> {
  return new Promise((resolve) => {
    queue.push({ request: { id: nextId++, file, keepColourProfile }, resolve });
    pump();
  });
}

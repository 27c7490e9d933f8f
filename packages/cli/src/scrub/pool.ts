/**
 * Runs scrub tasks on worker threads, so a batch uses every core: parsing and verification are CPU
 * work, and each worker also overlaps its own file I/O by keeping a few tasks in flight.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileReport } from './report.js';
import { scrubFile, type ScrubTask } from './scrub-file.js';

/** Tasks in flight per worker: enough to hide file-system latency, few enough to bound memory. */
const TASKS_IN_FLIGHT_PER_WORKER = 4;
/** Below this many files, worker start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

export async function runScrubTasks(tasks: readonly ScrubTask[], onDone: (report: FileReport, index: number) => void, threads = availableParallelism()): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(tasks.length);
  if (tasks.length < MIN_FILES_FOR_WORKERS || threads <= 1) {
    for (let index = 0; index < tasks.length; index++) {
      reports[index] = await scrubFile(tasks[index]!);
      onDone(reports[index]!, index);
    }
    return reports;
  }
  const workerCount = Math.min(threads, Math.ceil(tasks.length / MIN_FILES_FOR_WORKERS));
  let next = 0;
  await Promise.all(
    Array.from({ length: workerCount }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.js', import.meta.url));
        const pending = new Map<number, number>();
        const feed = (): void => {
          while (pending.size < TASKS_IN_FLIGHT_PER_WORKER && next < tasks.length) {
            const index = next++;
            pending.set(index, index);
            worker.postMessage({ id: index, task: tasks[index] });
          }
          if (pending.size === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', (message: { id: number; report: FileReport }) => {
          pending.delete(message.id);
          reports[message.id] = message.report;
          onDone(message.report, message.id);
          feed();
        });
        worker.on('error', reject);
        feed();
      }),
    ),
  );
  return reports;
}

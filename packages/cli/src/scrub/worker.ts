import { parentPort } from 'node:worker_threads';
import { scrubFile, type ScrubTask } from './scrub-file.js';

if (parentPort === null) throw new Error('scrub worker started outside a worker thread');
const port = parentPort;
port.on('message', (message: { id: number; task: ScrubTask }) => {
  void scrubFile(message.task).then((report) => port.postMessage({ id: message.id, report }));
});

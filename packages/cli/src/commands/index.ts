import type { Command } from './command.js';

/** A subcommand as `--help` lists it; its module (and heavy dependencies such as sharp or the
 * ONNX runtime) is loaded only when the command runs, so every command starts fast. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'scrub', summary: 'remove metadata from photos, videos, documents and audio, losslessly', load: async () => (await import('./scrub.js')).scrubCommand },
  { name: 'audit', summary: 'build your private dossier from your own exports, with a plan', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'redact', summary: 'cover faces in photos with opaque blocks, in new metadata-free copies', load: async () => (await import('./redact.js')).redactCommand },
  { name: 'app', summary: 'open the web app (served on 127.0.0.1 only)', load: async () => (await import('./app.js')).appCommand },
];

import type { Command } from './command.js';
import { scrubCommand } from './scrub.js';
import { auditCommand } from './audit.js';
import { redactCommand } from './redact.js';
import { appCommand } from './app.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [scrubCommand, auditCommand, redactCommand, appCommand];

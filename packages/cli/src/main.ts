import { readFileSync } from 'node:fs';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './commands/command.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `lowprofile ${VERSION}: see what your own data gives away, and remove it. Everything runs on
this machine; nothing is ever sent anywhere.

Usage: lowprofile <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run "lowprofile <command> --help" for a command's options.
`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    process.stderr.write(`lowprofile: unknown command "${name}". Run "lowprofile --help" for the list.\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      process.stderr.write(`lowprofile ${command.name}: ${(error as Error).message}\n(see "lowprofile ${command.name} --help")\n`);
      return 2;
    }
    // Never a stack trace for people; the message and a hint are enough.
    process.stderr.write(`lowprofile ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

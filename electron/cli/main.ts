/**
 * `carnet`: the command-line tool. Parses `carnet COMMAND [options] [args]`
 * with node:util parseArgs against the options each command declares, and
 * maps failures to exit codes: 0 success, 1 failure (bad file, invalid
 * document), 2 wrong usage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, UsageError, type Command, type Io, type Parsed } from './command.js';
import * as registry from './commands/index.js';
import { PROJECT_ROOT } from './projectRoot.js';

export const COMMANDS: readonly Command[] = Object.values(registry).sort((a, b) => a.name.localeCompare(b.name));

/** Runs the tool; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(toolHelp());
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.out(toolHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${version()}\n`);
    return 0;
  }
  if (first === 'help') {
    const target = rest[0] === undefined ? undefined : find(rest[0]);
    if (rest[0] !== undefined && !target) return unknownCommand(rest[0], io);
    io.out(target ? commandHelp(target) : toolHelp());
    return 0;
  }
  const command = find(first);
  if (!command) return unknownCommand(first, io);
  try {
    const parsed = parse(command, rest);
    if (parsed.values.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(parsed, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`carnet ${command.name}: ${e.message}\nUsage: carnet ${command.name} ${command.usage}\nRun 'carnet ${command.name} --help' for details.\n`);
      return 2;
    }
    if (e instanceof CliError) {
      io.err(`carnet ${command.name}: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`carnet ${command.name}: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}

function find(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function unknownCommand(name: string, io: Io): number {
  io.err(`carnet: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\nRun 'carnet --help' for details.\n`);
  return 2;
}

function parse(command: Command, args: string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs' messages already name the option ("Unknown option '--x'"); drop its advice about '--' for flags.
    throw new UsageError((e as Error).message.split('. To specify a positional')[0]!);
  }
  // No option is declared `multiple`, so every value is a single string or boolean.
  const values = parsed.values as Parsed['values'];
  if (values.help === true) return { values, positionals: parsed.positionals };
  const { min, max, names } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`missing ${names}`);
  if (count > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  return { values, positionals: parsed.positionals };
}

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = [
    'Carnet: your professional network as a map. Local-first: nothing leaves your machine.',
    '',
    'Usage: carnet COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: carnet COMMAND --help)',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 success, 1 failure (unreadable or invalid file…), 2 wrong usage.',
    '',
  ];
  return lines.join('\n');
}

/** The help of one command, built from its declared options. */
export function commandHelp(command: Command): string {
  const rows: [string, string][] = Object.entries(command.options).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`,
    spec.description,
  ]);
  rows.push(['-h, --help', 'Show this help']);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `Usage: carnet ${command.name} ${command.usage}`,
    '',
    command.description.trim(),
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    '',
  ].join('\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

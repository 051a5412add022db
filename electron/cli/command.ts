/**
 * What a `carnet` sub-command is. Each command lives in its own file in
 * commands/ and is listed by one line in commands/index.ts; main.ts parses
 * the arguments from the declared options, prints help, and maps errors to
 * exit codes. Commands import heavy modules inside `run`, so that
 * `carnet --help` stays quick.
 */

/** Where a command writes; tests and main.ts provide it. */
export type Io = {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
};

export type OptionSpec = {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help: `--port N`. */
  valueName?: string;
  description: string;
};

export type Parsed = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
};

export type Command = {
  name: string;
  /** One line, shown in `carnet --help`. */
  summary: string;
  /** Arguments after the command name, e.g. `FILE [--json]`. */
  usage: string;
  /** Paragraphs shown in `carnet NAME --help`. */
  description: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments: how many are accepted. */
  positionals: { min: number; max: number; names: string };
  /** Resolves to the exit code. */
  run(args: Parsed, io: Io): Promise<number>;
};

/** Wrong arguments: exit code 2 and a pointer to the command's help. */
export class UsageError extends Error {}

/** A failure the user must read (unreadable file, invalid document): exit code 1 by default. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Identity function that checks a command against the type. */
export function defineCommand(command: Command): Command {
  return command;
}

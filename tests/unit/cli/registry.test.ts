import { describe, expect, it } from 'vitest';
import type { Io } from '../../../electron/cli/command.js';
import * as registry from '../../../electron/cli/commands/index.js';
import { COMMANDS, commandHelp, main } from '../../../electron/cli/main.js';
import { systemLanguage } from '../../../electron/cli/commands/web.js';

function memoryIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    cwd: process.cwd(),
    env: {},
  };
  return io;
}

describe('command registry', () => {
  it('lists every export of commands/index.ts as a command, by name', () => {
    const names = Object.values(registry).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(COMMANDS.map((c) => c.name)).toEqual([...names].sort());
    for (const [key, command] of Object.entries(registry)) {
      expect(command.name, key).toMatch(/^[a-z][a-z-]*$/);
      expect(command.summary.length, key).toBeGreaterThan(10);
      expect(commandHelp(command), key).toMatch(new RegExp(`^Usage: carnet ${command.name}`));
    }
  });

  it('shows a command’s help in process, and `help NAME` too', async () => {
    const io = memoryIo();
    expect(await main(['help', 'stats'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Usage: carnet stats FILE \[--json\]/);
    expect(io.stdout).toMatch(/--now DATE\s+Count ages from this date/);
    const unknown = memoryIo();
    expect(await main(['help', 'nope'], unknown)).toBe(2);
  });

  it('reads the system language from the locale variables', () => {
    expect(systemLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(systemLanguage({ LC_ALL: 'fr_CA', LANG: 'en_US' })).toBe('fr');
    expect(systemLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'fr_FR' })).toBe('en');
    expect(systemLanguage({ LC_MESSAGES: 'fr_BE', LANG: 'en_US' })).toBe('fr');
    expect(systemLanguage({})).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { LAUNCH_CODE_TTL_MS, MAX_SESSIONS, WebSessions } from '../../../electron/services/webSessions.js';

const TOKEN = 'f'.repeat(64);

describe('WebSessions', () => {
  it('gives a new session for the launch token every time', () => {
    const s = new WebSessions(TOKEN);
    const a = s.exchange(TOKEN)!;
    const b = s.exchange(TOKEN)!;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe(a);
    expect(s.isSession(a) && s.isSession(b)).toBe(true);
    expect(s.isSession(TOKEN)).toBe(false);
  });

  it('lets a launch code in once, and not after it expired', () => {
    let now = 1_000;
    const s = new WebSessions(TOKEN, () => now);
    const code = s.newLaunchCode();
    expect(s.exchange(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(s.exchange(code)).toBeNull();
    const late = s.newLaunchCode();
    now += LAUNCH_CODE_TTL_MS + 1;
    expect(s.exchange(late)).toBeNull();
    expect(s.isSession(late)).toBe(false);
  });

  it('refuses anything that is not a string it gave', () => {
    const s = new WebSessions(TOKEN);
    for (const v of [undefined, null, 1, {}, [], '', 'x'.repeat(201), TOKEN.toUpperCase(), `${TOKEN} `]) expect(s.exchange(v)).toBeNull();
    for (const v of [undefined, null, '', 'abc']) expect(s.isSession(v)).toBe(false);
  });

  it(`keeps the last ${MAX_SESSIONS} sessions`, () => {
    const s = new WebSessions(TOKEN);
    const first = s.exchange(TOKEN)!;
    const later = Array.from({ length: MAX_SESSIONS }, () => s.exchange(TOKEN)!);
    expect(s.isSession(first)).toBe(false);
    expect(later.every((x) => s.isSession(x))).toBe(true);
  });
});

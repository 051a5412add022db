import { describe, expect, it } from 'vitest';
import { duplicatedHeader, isAllowedOrigin, isLoopbackHost } from '../../../electron/services/originCheck.js';
import { mimeType } from '../../../electron/services/staticFiles.js';

describe('originCheck', () => {
  it('accepts only loopback hosts with the right port', () => {
    expect(isLoopbackHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isLoopbackHost('localhost:5000', 5000)).toBe(true);
    expect(isLoopbackHost('[::1]:5000', 5000)).toBe(true);
    expect(isLoopbackHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(isLoopbackHost('127.0.0.1', 5000)).toBe(false);
    expect(isLoopbackHost('localhost.evil.example:5000', 5000)).toBe(false);
    expect(isLoopbackHost('', 5000)).toBe(false);
    expect(isLoopbackHost(undefined, 5000)).toBe(false);
  });

  it('accepts a missing Origin or a loopback http origin with the right port', () => {
    expect(isAllowedOrigin(undefined, 5000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedOrigin('http://[::1]:5000', 5000)).toBe(true);
    expect(isAllowedOrigin('null', 5000)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5000/', 5000)).toBe(false);
    expect(isAllowedOrigin('https://localhost:5000', 5000)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', 5000)).toBe(false);
  });

  it('finds a header sent twice, whatever its case', () => {
    expect(duplicatedHeader(['Host', 'a', 'Origin', 'b'], ['host', 'origin'])).toBeNull();
    expect(duplicatedHeader(['Host', 'a', 'X', '1', 'HOST', 'b'], ['host', 'origin'])).toBe('host');
    expect(duplicatedHeader(['Accept', 'a', 'accept', 'b'], ['host'])).toBeNull();
  });

  it('knows the MIME types of a Vite build', () => {
    expect(mimeType('index.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeType('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('worker.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeType('x.wasm')).toBe('application/wasm');
    expect(mimeType('noext')).toBe('application/octet-stream');
  });
});

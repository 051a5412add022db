import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electron, lastArg } from './fakeElectron.js';

vi.mock('electron', () => import('./fakeElectron.js').then((m) => m.electron));

const { createAppRequestHandler, installAppProtocol, registerAppScheme } = await import('../../../electron/main/protocol.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security.js');

let base: string;
let root: string;
let handler: ReturnType<typeof createAppRequestHandler>;
const get = (url: string) => handler({ url, method: 'GET' });

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'carnet-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Carnet</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
  handler = createAppRequestHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('carnet:// scheme', () => {
  it('is registered as standard, secure and fetch-capable, without CORS opening', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'carnet', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled with protocol.handle', async () => {
    installAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('carnet', expect.any(Function));
    const installed = lastArg<typeof handler>(electron.protocol.handle, 1);
    expect((await installed({ url: 'carnet://app/index.html', method: 'GET' })).status).toBe(200);
  });
});

describe('app request handler', () => {
  it('serves index.html for / and by name, as HTML with the CSP', async () => {
    for (const url of ['carnet://app/', 'carnet://app/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Carnet</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves assets with their content type', async () => {
    const response = await get('carnet://app/assets/app.js?v=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses path traversal in every spelling', async () => {
    for (const url of [
      'carnet://app/..%2fsecret.txt',
      'carnet://app/%2e%2e%2fsecret.txt',
      'carnet://app/assets/..%2f..%2fsecret.txt',
      'carnet://app/..%5csecret.txt',
      'carnet://app/index.html%00.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain('outside the renderer');
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('keeps absolute-looking and dot-segment paths inside the renderer folder', async () => {
    for (const url of ['carnet://app/../../secret.txt', 'carnet://app/%2f..%2fsecret.txt', 'carnet://app//secret.txt']) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    expect((await get('carnet://app/%2fassets%2fapp.js')).status).toBe(200);
  });

  it('refuses a symlink that points outside the renderer folder', async () => {
    // Answered like a missing file, as the browser-mode server does: nothing about the outside is revealed.
    const response = await get('carnet://app/link.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('answers 404 for missing files and folders, and 403 for another host', async () => {
    expect((await get('carnet://app/nope.js')).status).toBe(404);
    expect((await get('carnet://app/assets/')).status).toBe(404);
    expect((await get('carnet://other/index.html')).status).toBe(403);
  });

  it('accepts only GET and HEAD', async () => {
    expect((await handler({ url: 'carnet://app/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'carnet://app/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

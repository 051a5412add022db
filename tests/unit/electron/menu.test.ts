import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu.js';

function template(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn();
  const menu = buildMenuTemplate({ language: 'en', recentFiles: [], isPackaged: true, platform: 'linux', send, ...overrides });
  return { menu, send };
}

function items(menu: MenuItemConstructorOptions[], label: RegExp): MenuItemConstructorOptions[] {
  const top = menu.find((m) => label.test(String(m.label)));
  if (!top) throw new Error(`no menu ${label}`);
  return top.submenu as MenuItemConstructorOptions[];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error(`menu item ${item?.label} has no click`);
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has File with New, Open…, Open Recent, Save As…, Import…, Export… and Quit, sent to the renderer', () => {
    const { menu, send } = template({ recentFiles: ['/home/me/a.json', '/home/me/b.json'] });
    const file = items(menu, /File/);
    expect(file.map((i) => i.label ?? i.type)).toEqual([
      '&New', '&Open…', 'Open &Recent', 'Save &As…', 'separator', '&Import…', '&Export…', 'separator', '&Quit',
    ]);
    click(file[0]);
    click(file[1]);
    click(file[3]);
    const recent = file[2]!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['/home/me/a.json', '/home/me/b.json']);
    click(recent[1]);
    click(file[5]);
    click(file[6]);
    expect(send.mock.calls).toEqual([['new'], ['open'], ['saveAs'], ['recent:/home/me/b.json'], ['import'], ['export']]);
    expect(file[8]!.role).toBe('quit');
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = items(template().menu, /File/)[2]!.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('sends Undo and Redo to the renderer as menu events', () => {
    const { menu, send } = template();
    const edit = items(menu, /Edit/);
    click(edit[0]);
    click(edit[1]);
    expect(send.mock.calls).toEqual([['undo'], ['redo']]);
    expect(edit[0]!.accelerator).toBe('CmdOrCtrl+Z');
    // The page's own shortcut handler owns the keys, so typing in a field keeps its native undo.
    expect(edit.slice(0, 2).map((i) => i.registerAccelerator)).toEqual([false, false]);
    expect(edit.slice(3, 7).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('opens the user\'s profile from Edit ▸ My Profile…, in the menu\'s language', () => {
    const { menu, send } = template({ language: 'fr' });
    const edit = items(menu, /Édition/);
    const profile = edit.find((i) => i.label === '&Mon profil…');
    click(profile);
    expect(send.mock.calls).toEqual([['profile']]);
  });

  it('offers reload and DevTools only in development builds', () => {
    expect(template({ isPackaged: true }).menu.some((m) => /View/.test(String(m.label)))).toBe(false);
    const view = items(template({ isPackaged: false }).menu, /View/);
    expect(view.map((i) => i.role)).toEqual(['reload', 'toggleDevTools']);
  });

  it('speaks French when the language is fr', () => {
    const { menu } = template({ language: 'fr' });
    expect(menu.map((m) => m.label)).toEqual(['&Fichier', '&Édition']);
    expect(items(menu, /Fichier/)[1]!.label).toBe('&Ouvrir…');
  });

  it('starts with the application menu on macOS', () => {
    expect(template({ platform: 'darwin' }).menu[0]).toEqual({ role: 'appMenu' });
  });
});

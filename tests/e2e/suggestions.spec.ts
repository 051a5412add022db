import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { AnalysisResult } from '../../shared/analysis/analyze.js';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

const run = promisify(execFile);

/** "Today" as the page computes it (local time zone), which is also what the analysis runs with. */
function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Opens the diagnosis drawer (unless open) and waits for an analysis of the current document. */
async function openDrawer(page: Page): Promise<Locator> {
  const drawer = page.getByRole('region', { name: 'Network diagnosis' });
  if (!(await drawer.isVisible())) await page.getByRole('toolbar').getByRole('button', { name: 'Diagnosis', exact: true }).click();
  await expect(drawer).toBeVisible();
  await settled(drawer);
  return drawer;
}

async function settled(drawer: Locator): Promise<void> {
  await expect(drawer).toHaveAttribute('aria-busy', 'false');
  await expect(drawer.getByRole('status')).toHaveText('Up to date');
}

/** Names of the dormant ties listed, in order. */
async function dormantNames(drawer: Locator): Promise<string[]> {
  return drawer.getByRole('list', { name: 'Dormant ties' }).getByRole('article').getByRole('heading', { level: 4 }).allTextContents();
}

async function contactId(page: Page, name: string): Promise<string> {
  const ids = await page.evaluate((n) => window.__carnet?.contactIds(n) ?? [], name);
  expect(ids, `one contact named ${name}`).toHaveLength(1);
  return ids[0]!;
}

test('dormant ties come with reasons and a give-first step; logging an interaction revives one, Ctrl+Z undoes it', async ({ page, carnet }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, carnet.server);
  const drawer = await openDrawer(page);
  await expect(page.getByRole('button', { name: 'Diagnosis', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const dormant = drawer.getByRole('list', { name: 'Dormant ties' });
  const first = dormant.getByRole('article').first();
  const name = (await first.getByRole('heading', { level: 4 }).textContent())!;
  await expect(first.getByRole('list', { name: `Why ${name}` }).getByRole('listitem').first()).toHaveText(/^Last interaction: .+ on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d+ years ago/);
  await expect(first).toContainText(/You interacted (once|\d+ times)/);
  await expect(first).toContainText('First step, give first');
  await expect(first).toContainText(/ask for nothing|bring something to share|introduce them to/);
  expect((await dormantNames(drawer)).length).toBeGreaterThan(3);
  await page.screenshot({ path: join(ROOT, 'test-results/suggestions.png') });

  // Show on map opens the contact's panel (and selects it on the map).
  await first.getByRole('button', { name: `Show on map: ${name}` }).click();
  await expect(page.getByRole('complementary', { name })).toBeVisible();

  await first.getByRole('button', { name: `Log interaction: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Log an interaction with ${name}` });
  await expect(dialog.getByLabel('Date')).toHaveValue(today());
  await dialog.getByLabel('Channel').selectOption('call');
  await dialog.getByRole('radio', { name: 'I gave' }).check();
  await dialog.getByLabel('Note').fill('Sent them the article on open banking');
  await page.screenshot({ path: join(ROOT, 'test-results/log-interaction.png') });
  await dialog.getByRole('button', { name: 'Log interaction' }).click();
  await expect(dialog).toBeHidden();
  await waitForIdle(page);
  await settled(drawer);
  expect(await dormantNames(drawer)).not.toContain(name);

  const id = await contactId(page, name);
  const logged = Object.values((await callApi(carnet.server, 'getState')).doc.interactions).filter((i) => i.contacts.includes(id) && i.date === today());
  expect(logged).toMatchObject([{ channel: 'call', direction: 'gave', note: 'Sent them the article on open banking' }]);

  await pressShortcut(page, 'Control+z');
  await settled(drawer);
  expect(await dormantNames(drawer)).toContain(name);
});

test('dismiss and snooze hide a suggestion, are undoable, and last after a reload', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  let drawer = await openDrawer(page);
  const [a, b] = await dormantNames(drawer);
  expect(a && b).toBeTruthy();
  const [idA, idB] = [await contactId(page, a!), await contactId(page, b!)];

  await drawer.getByRole('button', { name: `Dismiss: ${a}` }).click();
  await expect(drawer.getByRole('heading', { name: a, exact: true, level: 4 })).toHaveCount(0);
  // The focus stays in the list, on the next item.
  await expect(drawer.getByRole('button', { name: `Show on map: ${b}` })).toBeFocused();
  await drawer.getByRole('button', { name: `Snooze 30 days: ${b}` }).click();
  await expect(drawer.getByRole('heading', { name: b, exact: true, level: 4 })).toHaveCount(0);
  await waitForIdle(page);
  await expect(page.getByRole('button', { name: 'Undo: snooze suggestion' })).toBeEnabled();

  const stored = (await callApi(carnet.server, 'getState')).doc.suggestions;
  expect(stored[`dormant:${idA}`]).toEqual({ id: `dormant:${idA}`, status: 'dismissed' });
  expect(stored[`dormant:${idB}`]).toEqual({ id: `dormant:${idB}`, status: 'snoozed', until: addDays(today(), 30) });

  await page.reload();
  await waitForIdle(page);
  drawer = await openDrawer(page);
  let names = await dormantNames(drawer);
  expect(names).not.toContain(a);
  expect(names).not.toContain(b);

  await pressShortcut(page, 'Control+z');
  await settled(drawer);
  names = await dormantNames(drawer);
  expect(names).toContain(b);
  expect(names).not.toContain(a);
  await pressShortcut(page, 'Control+z');
  await settled(drawer);
  expect((await dormantNames(drawer)).slice(0, 2)).toEqual([a, b]);
});

test('the dashboard shows the stage and the give-and-take of `carnet analyze` on the same document', async ({ page, carnet }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, carnet.server);
  const drawer = await openDrawer(page);
  await drawer.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(drawer.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');

  const { doc } = await callApi(carnet.server, 'getState');
  const file = join(carnet.dirs.dataDir, 'dashboard-check.json');
  await writeFile(file, JSON.stringify(doc));
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin/carnet.js'), 'analyze', file, '--json', '--now', today()], { maxBuffer: 64 << 20 });
  const cli = JSON.parse(stdout) as AnalysisResult;

  const stageWord = { development: 'Development', consolidation: 'Consolidation', maintenance: 'Maintenance' } as const;
  await expect(drawer.getByTestId('stage-name')).toHaveText(cli.stage.stage ? stageWord[cli.stage.stage] : 'No recent activity');
  await expect(drawer.getByTestId('stage-new')).toHaveText(String(cli.stage.counts.new));
  await expect(drawer.getByTestId('stage-strengthening')).toHaveText(String(cli.stage.counts.strengthening));
  await expect(drawer.getByTestId('stage-maintained')).toHaveText(String(cli.stage.counts.maintained));
  await expect(drawer).toContainText(cli.stage.message.text);
  const r = cli.reciprocity.overall;
  await expect(drawer.getByTestId('reciprocity-gave')).toHaveText(String(r.gave));
  await expect(drawer.getByTestId('reciprocity-received')).toHaveText(String(r.received));
  await expect(drawer.getByTestId('reciprocity-mutual')).toHaveText(String(r.mutual));
  await expect(drawer.getByTestId('reciprocity-balance')).toHaveText(r.balance > 0 ? `+${r.balance}` : String(r.balance));
  await expect(drawer.getByTestId('count-overdue')).toHaveText(String(cli.overdueTotal));
  await expect(drawer.getByTestId('count-dormant')).toHaveText(String(cli.dormantTotal));
  await expect(drawer.getByTestId('count-clusters')).toHaveText(String(cli.summary.clusters));
  for (const d of cli.diversity) await expect(drawer).toContainText(d.message.text);
  await page.screenshot({ path: join(ROOT, 'test-results/dashboard.png') });

  // The gaps the engine found are listed under Suggestions, each with its sentence.
  await drawer.getByRole('tab', { name: 'Suggestions' }).click();
  const gaps = drawer.getByRole('list', { name: 'Gaps' });
  for (const u of cli.gaps.unbridged.slice(0, 3)) await expect(gaps).toContainText(u.message.text);
  await drawer.getByRole('heading', { name: /^Gaps/, level: 3 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, 'test-results/suggestions-gaps.png') });
});

test('the drawer shares the window with the contact panel at 1024 pixels wide', async ({ page, carnet }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, carnet.server);
  const drawer = await openDrawer(page);
  const first = drawer.getByRole('list', { name: 'Dormant ties' }).getByRole('article').first();
  const name = (await first.getByRole('heading', { level: 4 }).textContent())!;
  await first.getByRole('button', { name: `Show on map: ${name}` }).click();
  const panel = page.getByRole('complementary', { name });
  await expect(panel).toBeVisible();
  const [d, p, m] = await Promise.all([drawer.boundingBox(), panel.boundingBox(), page.getByRole('region', { name: 'Network map' }).boundingBox()]);
  expect(d!.x + d!.width).toBeLessThanOrEqual(m!.x + 1);
  expect(m!.x + m!.width).toBeLessThanOrEqual(p!.x + 1);
  expect(m!.width).toBeGreaterThan(200);
  await expect(first.getByRole('button', { name: `Dismiss: ${name}` })).toBeInViewport();
  const lastTab = await drawer.getByRole('tab', { name: 'Objectives' }).boundingBox();
  expect(lastTab!.x + lastTab!.width, 'the tabs fit in the drawer').toBeLessThanOrEqual(d!.x + d!.width);
  await page.screenshot({ path: join(ROOT, 'test-results/suggestions-1024.png') });
});

/** Serious and critical axe violations inside `selector`, each as "rule: target". */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}

test('every tab of the drawer, the log dialog and the persona form pass axe, in French and English', async ({ page, carnet }) => {
  for (const language of ['fr', 'en'] as const) {
    await openApp(page, carnet.server, language);
    const toggle = page.getByRole('toolbar').locator('button[aria-pressed]');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const drawer = page.locator('#analysis-drawer');
    await expect(drawer).toHaveAttribute('aria-busy', 'false');
    const tabs = drawer.getByRole('tab');
    await expect(tabs).toHaveCount(5);
    for (let i = 0; i < 5; i++) {
      await tabs.nth(i).click();
      expect(await seriousViolations(page, '#analysis-drawer'), `tab ${i} (${language})`).toEqual([]);
      if (language === 'fr' && i === 0) await page.screenshot({ path: join(ROOT, 'test-results/suggestions-fr.png') });
    }
    // Arrow keys move between tabs.
    await tabs.nth(4).press('ArrowRight');
    await expect(tabs.nth(0)).toBeFocused();
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');

    await drawer.locator('.sugg-button.primary').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page, 'dialog'), `log dialog (${language})`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await tabs.nth(1).click();
    await drawer.locator('.personas-head .button').click();
    await drawer.locator('.persona-editor button[type=submit]').click();
    expect(await seriousViolations(page, '#analysis-drawer'), `persona form with errors (${language})`).toEqual([]);
    await drawer.locator('.persona-editor-actions .button:not(.primary)').click();
  }
});

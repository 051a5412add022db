// The routine, end to end in browser mode: a week's plan carried out (marking
// done logs the interaction), an objective edited twice with its history, a
// keyboard-only review of 20 imported contacts resumed after a reload, and a
// map selection archived in one step.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import ical, { type VEvent } from 'node-ical';
import { callApi } from '../helpers/api.js';
import { expect, test, type Carnet } from '../helpers/fixtures.js';
import { ROOT } from '../helpers/server.js';
import { openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

const run = promisify(execFile);
const shot = (name: string) => join(ROOT, `test-results/routine-${name}`);

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function openTab(page: Page, name: 'This week' | 'Objectives'): Promise<Locator> {
  const drawer = page.getByRole('region', { name: 'Network diagnosis' });
  if (!(await drawer.isVisible())) await page.getByRole('toolbar').getByRole('button', { name: 'Diagnosis', exact: true }).click();
  await drawer.getByRole('tab', { name }).click();
  await expect(drawer.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  return drawer;
}

/** The action cards of the week, once the plan is made. */
async function weekActions(drawer: Locator): Promise<Locator> {
  const list = drawer.getByRole('list', { name: 'Actions of the week' });
  await expect(list).toBeVisible({ timeout: 60_000 });
  return list.getByRole('article');
}

test("a week's plan carried out end to end: if-then, done (which logs the interaction), snooze, next week, skip; it holds after a reload", async ({ page, carnet }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, carnet.server);
  const drawer = await openTab(page, 'This week');
  const cards = await weekActions(drawer);
  await expect(cards).toHaveCount(5);
  await page.screenshot({ path: shot('week-1440-en.png') });
  const stored = (await callApi(carnet.server, 'getState')).doc.plans;
  const week = Object.keys(stored).sort().at(-1)!;
  const plan = stored[week]!;
  expect(plan.actions).toHaveLength(5);
  const names = await cards.getByRole('heading', { level: 4 }).allTextContents();

  // Each action says who, why and a first step that gives.
  const person = plan.actions.find((a) => a.contacts.length > 0)!;
  const card = cards.nth(plan.actions.indexOf(person));
  const who = names[plan.actions.indexOf(person)]!;
  await expect(card.getByRole('list', { name: `Why: ${who}` }).getByRole('listitem').first()).not.toBeEmpty();
  await expect(card).toContainText('First step, give first:');

  // The if-then plan is saved as typed, and reads back as a sentence.
  await card.getByRole('textbox', { name: `When: ${who}` }).fill('Thursday at noon');
  await card.getByRole('textbox', { name: `Where: ${who}` }).fill('Café du Commerce');
  await card.getByRole('textbox', { name: `Where: ${who}` }).press('Enter');
  await expect(card).toContainText('If it is Thursday at noon, at Café du Commerce, then I take the first step.');
  await waitForIdle(page);

  // Done: the log dialog comes prefilled with the action's channel and first step; submitting logs the interaction.
  await card.getByRole('button', { name: `Done: ${who}` }).click();
  const dialog = page.getByRole('dialog', { name: `Done: ${who}` });
  await expect(dialog.getByLabel('Date')).toHaveValue(today());
  await expect(dialog.getByLabel('Channel')).toHaveValue(person.channel);
  await expect(dialog.getByLabel('Note')).not.toHaveValue('');
  await dialog.getByLabel('Kind').selectOption('coffee');
  await dialog.getByLabel('Note').fill('Coffee, brought the regatta photos');
  await page.screenshot({ path: shot('done-dialog.png') });
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog).toBeHidden();
  await waitForIdle(page);
  await expect(card).toContainText(/Done on /);
  let doc = (await callApi(carnet.server, 'getState')).doc;
  const done = doc.plans[week]!.actions.find((a) => a.key === person.key)!;
  expect(done).toMatchObject({ status: 'done', doneAt: today(), when: 'Thursday at noon', where: 'Café du Commerce' });
  expect(doc.interactions[done.interaction!]).toMatchObject({ date: today(), contacts: person.contacts, kind: 'coffee', direction: 'gave', note: 'Coffee, brought the regatta photos' });
  await expect(page.getByRole('button', { name: `Undo: done: ${who}` })).toBeEnabled();

  // Snooze, next week and skip, one action each; the rest stays to do.
  const others = plan.actions.map((a, i) => ({ a, name: names[i]! })).filter((x) => x.a.key !== person.key);
  await cards.nth(plan.actions.indexOf(others[0]!.a)).getByRole('button', { name: `Snooze 2 days: ${others[0]!.name}` }).click();
  await expect(cards.nth(plan.actions.indexOf(others[0]!.a))).toContainText('Snoozed until');
  await cards.nth(plan.actions.indexOf(others[1]!.a)).getByRole('button', { name: `Next week: ${others[1]!.name}` }).click();
  await expect(cards.nth(plan.actions.indexOf(others[1]!.a))).toContainText('Postponed to next week.');
  await cards.nth(plan.actions.indexOf(others[2]!.a)).getByRole('button', { name: `Skip: ${others[2]!.name}` }).click();
  await expect(cards.nth(plan.actions.indexOf(others[2]!.a))).toContainText('Skipped this week.');
  await waitForIdle(page);
  await expect(drawer.getByRole('heading', { name: /^Week of .* 1 of 5 done$/ })).toBeVisible();

  // Undo takes back the skip (one step), Redo does it again.
  await pressShortcut(page, 'Control+z');
  await expect(cards.nth(plan.actions.indexOf(others[2]!.a)).getByRole('button', { name: `Skip: ${others[2]!.name}` })).toBeVisible();
  await pressShortcut(page, 'Control+Shift+z');
  await expect(cards.nth(plan.actions.indexOf(others[2]!.a))).toContainText('Skipped this week.');

  // The calendar file holds the actions still to do, read back by an iCalendar parser.
  const download = page.waitForEvent('download');
  await drawer.getByRole('button', { name: 'Add to my calendar (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`carnet-${week}.ics`);
  const events = Object.values(ical.sync.parseICS(await readFile((await file.path())!, 'utf8'))).filter((c): c is VEvent => c?.type === 'VEVENT');
  const planned = events.filter((e) => String(e.uid).startsWith(`plan-${week}-`)).map((e) => String(e.uid));
  expect(planned.sort()).toEqual([others[0]!.a.key, others[3]!.a.key].map((k) => `plan-${week}-${k}@carnet.local`).sort());

  // The plan holds: a reload, and an edit elsewhere in the network, do not reshuffle it.
  await page.reload();
  await waitForIdle(page);
  const again = await weekActions(await openTab(page, 'This week'));
  expect(await again.getByRole('heading', { level: 4 }).allTextContents()).toEqual(names);
  doc = (await callApi(carnet.server, 'getState')).doc;
  expect(doc.plans[week]!.actions.map((a) => a.key)).toEqual(plan.actions.map((a) => a.key));
});

test('an objective edited twice keeps and shows its history; the stage aimed for is shown beside the one measured', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const drawer = await openTab(page, 'Objectives');
  await drawer.getByRole('button', { name: 'New objective' }).click();
  const form = drawer.getByRole('form', { name: 'New objective' });
  await form.getByLabel('What').fill('Move into UX research');
  await form.getByLabel('Why').fill('A research role in a fintech team');
  await form.getByLabel('By when').fill('2027-03-31');
  await form.getByLabel('Stage aimed for').selectOption('development');
  await form.getByText('UX lead en fintech').click();
  await form.getByRole('button', { name: 'Add a step' }).click();
  await form.getByLabel('Step 1', { exact: true }).fill('Coffee with two UX researchers');
  await form.getByLabel('Due (Step 1)').fill('2027-01-15');
  await form.getByRole('button', { name: 'Save' }).click();
  const card = drawer.getByRole('article', { name: 'Move into UX research' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('You aim for: Development');
  await expect(card).toContainText(/Carnet measures: (Development|Consolidation|Maintenance)/);
  await waitForIdle(page);

  await card.getByRole('button', { name: 'Edit: Move into UX research' }).click();
  const edit = drawer.getByRole('form', { name: 'Edit objective' });
  await edit.getByLabel('What').fill('Move into UX research in fintech');
  await edit.getByRole('button', { name: 'Save' }).click();
  const renamed = drawer.getByRole('article', { name: 'Move into UX research in fintech' });
  await expect(renamed).toBeVisible();
  await waitForIdle(page);

  await renamed.getByRole('button', { name: 'Edit: Move into UX research in fintech' }).click();
  await drawer.getByRole('form', { name: 'Edit objective' }).getByLabel('Stage aimed for').selectOption('consolidation');
  await drawer.getByRole('form', { name: 'Edit objective' }).getByRole('button', { name: 'Save' }).click();
  await waitForIdle(page);

  await renamed.getByText('History (3 revisions)').click();
  const history = renamed.getByRole('list', { name: 'History (3 revisions): Move into UX research in fintech' });
  const entries = history.locator(':scope > li');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText(/^Edited on .*Stage aimed for\s*Development → Consolidation/);
  await expect(entries.nth(1)).toContainText(/^Edited on .*What\s*Move into UX research → Move into UX research in fintech/);
  await expect(entries.nth(2)).toContainText(/^Created on .*What\s*Move into UX research.*Personas\s*UX lead en fintech.*Steps\s*Coffee with two UX researchers/);
  await renamed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('objective-history.png') });

  // Kept in the document, and undoable: the last edit comes off, with its revision.
  await page.reload();
  await waitForIdle(page);
  const drawer2 = await openTab(page, 'Objectives');
  const card2 = drawer2.getByRole('article', { name: 'Move into UX research in fintech' });
  await card2.getByText('History (3 revisions)').click();
  await pressShortcut(page, 'Control+z');
  await expect(card2.getByText('History (2 revisions)')).toBeVisible();
  await expect(card2).toContainText('You aim for: Development');
});

/** Replaces the server's document by one built from a LinkedIn export of `n` connections (through `carnet import`). */
async function importedNetwork(carnet: Carnet, n: number): Promise<void> {
  await carnet.server.stop();
  const doc = join(carnet.dirs.dataDir, 'carnet.json');
  await rm(doc, { force: true });
  await rm(`${doc}.journal`, { force: true });
  const given = ['Aline', 'Bruno', 'Chloé', 'David', 'Élodie', 'Fabien', 'Gaëlle', 'Hugo', 'Inès', 'Julien', 'Karima', 'Loïc', 'Margaux', 'Nathan', 'Océane', 'Pierre', 'Quentin', 'Rose', 'Samir', 'Thaïs', 'Ugo', 'Valérie'];
  const rows = Array.from({ length: n }, (_, i) => [given[i]!, `Nom${String(i + 1).padStart(2, '0')}`, `https://www.linkedin.com/in/p${i}`, i % 3 === 0 ? '' : `p${i}@example.org`, `Société ${i % 4}`, i % 2 ? 'Designer' : 'Chef de projet', '15 Mar 2026']);
  const csv = ['Notes:', '"When exporting your connection data, you may notice that some of your connections don\'t have an email address."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows.map((r) => r.join(','))].join('\n');
  const file = join(carnet.dirs.dataDir, 'Connections.csv');
  await writeFile(file, csv);
  await run(process.execPath, [join(ROOT, 'bin/carnet.js'), 'import', file, '--into', doc], { cwd: ROOT });
  await carnet.restart();
}

test('a review of 20 imported contacts from the keyboard only, resumed after a reload, with a greetings list', async ({ page, carnet }) => {
  await importedNetwork(carnet, 20);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, carnet.server);
  const drawer = await openTab(page, 'This week');
  // The import asks for a review of its own; the reminder opens it on the imported contacts.
  const remind = drawer.getByRole('button', { name: /^Review them: 20 contacts imported on / });
  await remind.focus();
  await page.keyboard.press('Enter');
  const review = page.getByRole('dialog', { name: 'Review contacts' });
  await expect(review.getByRole('radio', { name: /The contacts just imported/ })).toBeChecked();
  await expect(review.getByRole('radio', { name: /The contacts just imported/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const progress = review.locator('.review-progress');
  await expect(progress).toHaveText('1 of 20');
  const name = () => review.locator('.review-name').textContent();
  const seen: string[] = [];

  // 1: closeness 4, keep. 2: archive. 3: cadence every month (D then 2), keep. 4: category "Clients" (C), keep.
  seen.push((await name())!);
  await page.keyboard.press('4');
  await expect(review.getByTestId('review-closeness')).toHaveText('4 / 5');
  await page.keyboard.press('k');
  await expect(progress).toHaveText('2 of 20');
  seen.push((await name())!);
  await page.keyboard.press('a');
  await expect(progress).toHaveText('3 of 20');
  seen.push((await name())!);
  await page.keyboard.press('d');
  await expect(review.getByRole('group', { name: `Cadence for ${seen[2]}` })).toBeVisible();
  await page.keyboard.press('2');
  await expect(review.getByTestId('review-cadence')).toHaveText('every 30 days');
  await page.keyboard.press('k');
  await expect(progress).toHaveText('4 of 20');
  seen.push((await name())!);
  await page.keyboard.press('c');
  const picker = page.getByRole('dialog', { name: /Categorize/ });
  await expect(picker).toBeVisible();
  await page.keyboard.type('Clients');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(review.getByTestId('review-categories')).toHaveText('Clients');
  await page.screenshot({ path: shot('review-card.png') });
  await page.keyboard.press('k');
  // 5: skip with →, then ← back to it, and archive; then keep 6 to 10.
  await expect(progress).toHaveText('5 of 20');
  seen.push((await name())!);
  await page.keyboard.press('ArrowRight');
  await expect(progress).toHaveText('6 of 20');
  await page.keyboard.press('ArrowLeft');
  await expect(progress).toHaveText('5 of 20');
  await page.keyboard.press('a');
  for (let i = 6; i <= 10; i++) {
    await expect(progress).toHaveText(`${i} of 20`);
    seen.push((await name())!);
    await page.keyboard.press('k');
  }
  await expect(progress).toHaveText('11 of 20');
  await waitForIdle(page);

  // A reload: the review comes back on the 11th contact.
  const eleventh = await name();
  await page.reload();
  await waitForIdle(page);
  const back = page.getByRole('dialog', { name: 'Review contacts' });
  await expect(back.locator('.review-progress')).toHaveText('11 of 20');
  await expect(back.locator('.review-name')).toHaveText(eleventh!);
  for (let i = 11; i <= 20; i++) {
    await expect(back.locator('.review-progress')).toHaveText(`${i} of 20`);
    await page.keyboard.press(i % 5 === 0 ? 'a' : 'k');
  }
  const summary = back.getByRole('region', { name: 'Review done' });
  await expect(summary).toBeVisible();
  // Archived: 2, 5, 15, 20.
  await expect(back.getByTestId('review-counts')).toHaveText('Reviewed 20: kept 16, archived 4.');
  await page.screenshot({ path: shot('review-summary.png') });

  // Ctrl+Z takes the last archive back, and the review back to that contact.
  await page.keyboard.press('Control+z');
  await expect(summary).toBeHidden();
  await expect(back.locator('.review-name')).toBeVisible();
  await expect(back.locator('.review-progress')).toHaveText('20 of 20');
  await page.keyboard.press('k');
  await expect(back.getByTestId('review-counts')).toHaveText('Reviewed 20: kept 17, archived 3.');

  const doc = (await callApi(carnet.server, 'getState')).doc;
  const byName = new Map(Object.values(doc.contacts).map((c) => [c.name, c]));
  expect(byName.get(seen[0]!)).toMatchObject({ strength: 4 });
  expect(byName.get(seen[1]!)!.archived).toBe(true);
  expect(byName.get(seen[2]!)).toMatchObject({ cadenceDays: 30 });
  const clients = Object.values(doc.categories).find((c) => c.name === 'Clients')!;
  expect(byName.get(seen[3]!)!.categories).toEqual([clients.id]);
  expect(byName.get(seen[4]!)!.archived).toBe(true);
  expect(Object.values(doc.contacts).filter((c) => c.archived)).toHaveLength(3);

  // The greetings list: the 17 kept, with their e-mails.
  const download = page.waitForEvent('download');
  await summary.getByRole('button', { name: 'Export as CSV' }).focus();
  await page.keyboard.press('Enter');
  const csv = (await readFile((await (await download).path())!, 'utf8')).replace(/^\ufeff/, '').trim().split('\r\n');
  expect(csv[0]).toBe('Name,Given Name,Family Name,E-mail,Other E-mails,Street,Postal Code,City,Region,Country');
  expect(csv).toHaveLength(18);
  expect(csv.some((line) => line.startsWith(`${seen[1]},`))).toBe(false);
  expect(csv.filter((line) => /@example\.org/.test(line)).length).toBeGreaterThan(8);

  await page.keyboard.press('Escape');
  await expect(back).toBeHidden();
});

test('contacts selected on the map are archived in one step, and Ctrl+Z brings them back', async ({ page, carnet }) => {
  await openApp(page, carnet.server);
  const state = await callApi(carnet.server, 'getState');
  const map = (await page.getByRole('region', { name: 'Network map' }).boundingBox())!;
  const points: { id: string; x: number; y: number }[] = [];
  for (const id of Object.keys(state.doc.contacts)) {
    const at = await page.evaluate((i) => window.__carnet?.nodePosition(i) ?? null, id);
    if (at && !state.doc.contacts[id]!.archived) points.push({ id, x: map.x + at.x, y: map.y + at.y });
  }
  const centre = { x: map.x + map.width / 2, y: map.y + map.height / 2 };
  const first = [...points].sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y))[0]!;
  const near = [...points].sort((a, b) => Math.hypot(a.x - first.x, a.y - first.y) - Math.hypot(b.x - first.x, b.y - first.y)).slice(0, 3);
  // The box takes the contacts whose whole disc it holds: a margin wider than the biggest disc.
  const box = { x1: Math.min(...near.map((p) => p.x)) - 30, y1: Math.min(...near.map((p) => p.y)) - 30, x2: Math.max(...near.map((p) => p.x)) + 30, y2: Math.max(...near.map((p) => p.y)) + 30 };
  // Shift+press on a contact would select that one contact, not start a box: the corner moves out onto the background.
  while ((await page.evaluate(([x, y]) => window.__carnet!.mapHitTest(x!, y!), [box.x1, box.y1]))?.kind === 'contact') {
    box.x1 -= 4;
    box.y1 -= 4;
  }
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await page.evaluate(() => window.__carnet?.mapSelected() ?? [])).length).toBeGreaterThanOrEqual(3);
  const selected = await page.evaluate(() => window.__carnet?.mapSelected() ?? []);
  const live = selected.filter((id) => !state.doc.contacts[id]!.archived);
  expect(live.length).toBeGreaterThanOrEqual(2);
  const bar = page.getByRole('group', { name: `${live.length} contacts selected` });
  await bar.getByRole('button', { name: 'Archive' }).click();
  await waitForIdle(page);
  let doc = (await callApi(carnet.server, 'getState')).doc;
  for (const id of live) expect(doc.contacts[id]!.archived).toBe(true);
  await expect(page.getByRole('button', { name: `Undo: archive ${live.length} contacts` })).toBeEnabled();
  await pressShortcut(page, 'Control+z');
  doc = (await callApi(carnet.server, 'getState')).doc;
  for (const id of live) expect(doc.contacts[id]!.archived).toBeUndefined();
});

test('desktop notifications are opt-in; once on, a few are shown through the browser’s Notification API, each once', async ({ page, carnet }) => {
  // The page's Notification, recorded: Chromium headless shows none, and the test must see what was asked.
  await page.addInitScript(() => {
    const shown: { title: string; body: string; tag: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    // The permission outlives a reload, as the browser's does.
    class Recorded {
      static permission: NotificationPermission = sessionStorage.getItem('granted') ? 'granted' : 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        sessionStorage.setItem('granted', '1');
        Recorded.permission = 'granted';
        return 'granted';
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        shown.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true });
  });
  await openApp(page, carnet.server);
  const drawer = await openTab(page, 'This week');
  await weekActions(drawer);
  const shown = () => page.evaluate(() => (window as unknown as { __shown: { title: string; body: string; tag: string }[] }).__shown);
  expect(await shown()).toEqual([]);
  await drawer.getByRole('checkbox', { name: 'Desktop notifications' }).check();
  await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
  const first = await shown();
  expect(first.length).toBeLessThanOrEqual(3);
  // The demo's design objective is up for review: that comes first, and names it.
  expect(first[0]).toMatchObject({ title: 'Time to look again', body: 'Your objective “Recruter l’équipe design” is up for review: is it still the right one?' });
  expect(new Set(first.map((n) => n.title)).size).toBe(first.length);
  await expect.poll(async () => (await callApi(carnet.server, 'getSettings')).routine.sent.length).toBe(first.length);
  // A reload, permission still granted, sends nothing again the same day.
  await page.reload();
  await waitForIdle(page);
  await openTab(page, 'This week');
  await page.waitForTimeout(1000);
  expect(await shown()).toEqual([]);
  expect((await callApi(carnet.server, 'getSettings')).routine.notifications).toBe(true);
});

// The Diagnosis drawer on a network a new user builds from their own files
// (a LinkedIn export run through the real importers), not on the demo: it
// must name dormant ties, first steps, missing kinds of people and gaps,
// each with its reasons, in English and in French.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { callApi } from '../helpers/api.js';
import { importedNetwork, linkedinExport } from '../helpers/exports.js';
import { expect, test } from '../helpers/fixtures.js';
import { ROOT, makeDirs, startServer, type CarnetServer } from '../helpers/server.js';
import { waitForIdle } from '../helpers/ui.js';

/** "Today" as the page computes it (local time zone), which is what the analysis runs with. */
function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function openDrawer(page: Page, server: CarnetServer, language: 'en' | 'fr'): Promise<Locator> {
  await callApi(server, 'setLanguage', language);
  await page.goto(server.url);
  await waitForIdle(page);
  await page.waitForFunction(() => window.__carnet?.analysed() === true, null, { timeout: 60_000 });
  const title = language === 'en' ? 'Network diagnosis' : 'Diagnostic du réseau';
  const drawer = page.getByRole('region', { name: title });
  if (!(await drawer.isVisible())) await page.getByRole('toolbar').getByRole('button', { name: language === 'en' ? 'Diagnosis' : 'Diagnostic', exact: true }).click();
  await expect(drawer).toBeVisible();
  await expect(drawer).toHaveAttribute('aria-busy', 'false');
  return drawer;
}

test('a network imported from a LinkedIn export gets a diagnosis with real content, in English and in French', async ({ page }) => {
  test.setTimeout(180_000);
  const dirs = await makeDirs();
  await mkdir(dirs.dataDir, { recursive: true });
  const file = join(dirs.dataDir, 'linkedin.json');
  const now = today();
  const { files, recent } = linkedinExport({ connections: 300, messaged: 0.25, recent: 6, now, seed: 11 });
  await writeFile(file, JSON.stringify(importedNetwork(files, now)));
  const server = await startServer(dirs, ['--doc', file]);
  try {
    for (const [language, size] of [['en', { width: 1440, height: 900 }], ['fr', { width: 1024, height: 700 }]] as const) {
      await page.setViewportSize(size);
      const drawer = await openDrawer(page, server, language);
      const en = language === 'en';

      // Dormant: connections of three years and more with nothing since, explained from the connection date.
      const dormant = drawer.getByRole('list', { name: en ? 'Dormant ties' : 'Liens dormants' }).getByRole('article');
      await expect(dormant.first()).toBeVisible();
      await expect(drawer.getByText(en ? /^Connected on .+ years ago; nothing logged since\.$/ : /^Connexion le .+ ans ; rien de noté depuis\.$/).first()).toBeVisible();

      // First steps: the new connections, with a give-first step.
      const first = drawer.getByRole('list', { name: en ? 'First steps' : 'Premiers pas' }).getByRole('article');
      await expect(first.first()).toBeVisible();
      const names = await first.getByRole('heading', { level: 4 }).allTextContents();
      expect(names.some((n) => recent.includes(n))).toBe(true);
      await expect(first.first().getByText(en ? /ask for nothing/ : /sans rien demander/)).toBeVisible();

      // Kinds of people missing, proposed by Carnet, and the gaps between circles.
      await expect(drawer.getByRole('list', { name: en ? 'Suggested profiles' : 'Profils suggérés' }).getByRole('article').first()).toBeVisible();
      await expect(drawer.getByRole('list', { name: en ? 'Gaps' : 'Lacunes' }).getByRole('article').first()).toBeVisible();

      await page.screenshot({ path: join(ROOT, `test-results/diagnosis-linkedin-${language}-${size.width}.png`) });
      await drawer.getByRole('heading', { name: en ? 'First steps' : 'Premiers pas' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ROOT, `test-results/diagnosis-linkedin-${language}-${size.width}-first.png`) });
    }

    // Making a suggested profile a persona is one undoable step: it leaves the suggestions, joins the personas.
    const drawer = await openDrawer(page, server, 'en');
    const suggested = drawer.getByRole('list', { name: 'Suggested profiles' }).getByRole('article');
    const name = (await suggested.first().getByRole('heading', { level: 4 }).textContent())!;
    await suggested.first().getByRole('button', { name: `Make it a persona: ${name}` }).click();
    await expect.poll(async () => Object.values((await callApi(server, 'getState')).doc.personas).map((p) => p.name)).toEqual([name]);
    await expect(drawer.getByRole('heading', { level: 4, name })).toHaveCount(1);
  } finally {
    await server.stop();
    await dirs.remove();
  }
});

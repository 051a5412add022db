// A big document opens on the clusters stored with it, before the fresh analysis answers; the analysis then
// keeps every bubble (same ids), and the app stores nothing new and adds no undo step.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterPicture } from '../../shared/analysis/clusterPicture.js';
import { setClusterCache } from '../../shared/document/clusterCache.js';
import { placeByCluster } from '../../shared/document/clusterPlacement.js';
import { applyChangeSet } from '../../shared/document/operations.js';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { largeDocument } from '../helpers/largeDocument.js';
import { makeDirs, startServer } from '../helpers/server.js';

test('a big document is drawn as its stored clusters at once, and the fresh analysis moves no bubble', async ({ page }) => {
  test.setTimeout(120_000);
  const doc = largeDocument({ contacts: 4000, ties: 16_000, interactions: 4000 });
  // Ids the analysis would never make: the page can only have them from the document.
  applyChangeSet(doc, setClusterCache(doc, clusterPicture(doc, 'en').map((c, k) => ({ ...c, id: `stored_${k}` })))!);
  // The picture again, under those ids (colours follow ids): what the app's analysis will find.
  const stored = clusterPicture(doc, 'en');
  const again = setClusterCache(doc, stored);
  if (again) applyChangeSet(doc, again);
  applyChangeSet(doc, { label: { key: 'labels.layout' }, changes: placeByCluster(doc, Object.keys(doc.contacts), stored) });
  const dirs = await makeDirs();
  await mkdir(dirs.dataDir, { recursive: true });
  const file = join(dirs.dataDir, 'stored-clusters.json');
  await writeFile(file, JSON.stringify(doc));
  const server = await startServer(dirs, ['--doc', file]);
  try {
    await callApi(server, 'setLanguage', 'en');
    // What the map drew by the first frame it was ready (a big document's bubbles come a few a frame, the
    // biggest first), and whether any analysis had answered when the first of them was drawn.
    await page.addInitScript(`(() => {
      let analysedAtFirst = null;
      const tick = () => {
        const c = window.__carnet;
        if (c && analysedAtFirst === null && c.mapBubbles().length > 0) analysedAtFirst = c.analysed();
        if (c && performance.getEntriesByName('carnet:map-ready').length > 0) {
          window.__firstBubbles = { ids: c.mapBubbles().map((b) => b.clusterId), analysed: analysedAtFirst ?? c.analysed() };
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __firstBubbles?: unknown }).__firstBubbles !== undefined, null, { timeout: 60_000 });
    const first = await page.evaluate(() => (window as unknown as { __firstBubbles: { ids: string[]; analysed: boolean } }).__firstBubbles);
    expect(first.analysed).toBe(false);
    expect(first.ids.length).toBeGreaterThan(5);
    expect(first.ids.every((id) => id.startsWith('stored_'))).toBe(true);
    await expect(page.getByRole('region', { name: 'Network map' })).toBeVisible();

    await page.waitForFunction(() => window.__carnet?.analysed() === true && window.__carnet.idle(), null, { timeout: 90_000 });
    const after = await page.evaluate(() => window.__carnet!.mapBubbles().map((b) => b.clusterId));
    expect(after.filter((id) => id !== 'loose').sort()).toEqual(first.ids.filter((id) => id !== 'loose').sort());
    // The fresh clusters are the stored ones: past the writer's delay, nothing was written and no undo step made.
    await page.waitForTimeout(3000);
    const state = await callApi(server, 'getState');
    expect(state.undo.canUndo).toBe(false);
    // (The routine's week plan is the one edit the first analysis makes.)
    const cached = Object.values(state.doc.clusterCache).map((c) => ({ id: c.id, label: c.label, color: c.color, members: c.members }));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(cached.sort(byId)).toEqual([...stored].sort(byId));
    expect(stored.every((c) => c.id.startsWith('stored_'))).toBe(true);
  } finally {
    await server.stop();
    await dirs.remove();
  }
});

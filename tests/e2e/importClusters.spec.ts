// An import confirmed in the app that makes a big document carries its clusters and positions: the open
// window draws those clusters at once (not one grey bubble of newcomers), and its fresh analysis finds
// the same ones, lays out no one and stores nothing new.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyDocument } from '../../shared/document/schema.js';
import { callApi } from '../helpers/api.js';
import { expect, test } from '../helpers/fixtures.js';
import { importThroughApi } from '../helpers/importApi.js';
import { largeDocument } from '../helpers/largeDocument.js';
import { ROOT, makeDirs, startServer } from '../helpers/server.js';
import { openApp } from '../helpers/ui.js';

test('a big import is drawn as the clusters it stored at once, and the fresh analysis moves no bubble and no contact', async ({ page }) => {
  test.setTimeout(120_000);
  const dirs = await makeDirs();
  await mkdir(dirs.dataDir, { recursive: true });
  const file = join(dirs.dataDir, 'empty.json');
  await writeFile(file, JSON.stringify(emptyDocument(new Date().toISOString(), 'Empty')));
  const server = await startServer(dirs, ['--doc', file]);
  try {
    await openApp(page, server);
    const before = await page.evaluate(() => window.__carnet!.revision());
    // What the map draws in the first frame after the import arrived.
    await page.evaluate(`(() => {
      const tick = () => {
        const c = window.__carnet;
        if (c.revision() > ${before}) {
          window.__afterImport = { ids: c.mapBubbles().map((b) => b.clusterId), analysed: c.analysed() };
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    // A network exported from another Carnet, without positions: the import places it.
    const network = largeDocument({ contacts: 4000, ties: 16_000, interactions: 2000 });
    const result = await importThroughApi(server, [{ name: 'network.json', bytes: new TextEncoder().encode(JSON.stringify(network)) }]);
    expect(result.applied).not.toBeNull();
    const imported = (await callApi(server, 'getState')).doc;
    const stored = Object.keys(imported.clusterCache).sort();
    expect(stored.length).toBeGreaterThan(5);

    await page.waitForFunction(() => (window as unknown as { __afterImport?: unknown }).__afterImport !== undefined, null, { timeout: 60_000 });
    const first = await page.evaluate(() => (window as unknown as { __afterImport: { ids: string[]; analysed: boolean } }).__afterImport);
    expect(first.analysed).toBe(false);
    // Bubbles of the stored clusters (those big enough on screen are opened into their contacts instead).
    const drawn = first.ids.filter((id) => id !== 'loose').sort();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.filter((id) => !stored.includes(id))).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-results/import-clusters-before-analysis.png') });

    await page.waitForFunction(() => window.__carnet?.analysed() === true && window.__carnet.idle(), null, { timeout: 90_000 });
    const after = await page.evaluate(() => window.__carnet!.mapBubbles().map((b) => b.clusterId));
    expect(after.filter((id) => id !== 'loose').sort()).toEqual(drawn);
    await page.screenshot({ path: join(ROOT, 'test-results/import-clusters-analysed.png') });
    // Past the cluster writer's delay: no layout stored, the clusters stored are those the analysis found.
    await page.waitForTimeout(3000);
    const later = (await callApi(server, 'getState')).doc;
    expect(later.positions).toEqual(imported.positions);
    expect(later.clusterCache).toEqual(imported.clusterCache);
  } finally {
    await server.stop();
    await dirs.remove();
  }
});

// The user's own profile, on a network built only from a LinkedIn export (which leaves it empty): edited
// from the toolbar or by clicking "Me" on the map, saved in one undoable step, and then used by the common
// points of the contacts' cards and by "Me in the middle". In French and in English.
import type { Language } from '../../shared/api/contract.js';
import { expect, test } from '../helpers/fixtures.js';
import { translator } from '../../shared/i18n/index.js';
import { openImportedNetwork } from '../helpers/importedNetwork.js';
import { openCard, serverDoc, uncovered, undoButton } from '../helpers/panel.js';
import { openSection, pressShortcut, waitForIdle } from '../helpers/ui.js';

const ME = '__me';

for (const lang of ['en', 'fr'] as Language[]) {
  const t = translator(lang);

  test(`the profile editor fills the user's profile, which common points and "Me in the middle" then use (${lang})`, async ({ page, carnet }) => {
    await openImportedNetwork(page, carnet, lang);
    const emptyMe = (await serverDoc(carnet)).me;
    expect(emptyMe).toEqual({ organizations: [], schools: [], tags: [] });

    await page.getByRole('toolbar').getByRole('button', { name: t('profile.open'), exact: true }).click();
    const panel = page.getByRole('complementary', { name: t('profile.untitled') });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(t('profile.eyebrow'), { exact: true })).toBeVisible();
    await expect(panel.getByRole('textbox', { name: t('profile.name') })).toBeFocused();

    await panel.getByRole('textbox', { name: t('profile.name') }).fill('Camille Laurent');
    await panel.getByRole('textbox', { name: t('profile.headline') }).fill('Head of Product');
    await panel.getByRole('textbox', { name: t('profile.city') }).fill('Rennes');
    await panel.getByRole('textbox', { name: t('profile.sector') }).fill('fintech');

    await panel.getByRole('button', { name: t('profile.addOrganization') }).click();
    const first = panel.getByRole('group', { name: t('profile.organizationN', { n: 1 }) });
    await first.getByRole('textbox', { name: `${t('profile.orgName')} 1` }).fill('Atelier Nord');
    await first.getByRole('textbox', { name: `${t('profile.orgTitle')} 1` }).fill('Designer');
    await first.getByLabel(`${t('profile.start')} 1`).fill('2019-09-01');
    await expect(first.getByRole('checkbox', { name: t('profile.current') })).toBeChecked();

    await panel.getByRole('button', { name: t('profile.addOrganization') }).click();
    const second = panel.getByRole('group', { name: t('profile.organizationN', { n: 2 }) });
    await second.getByRole('textbox', { name: `${t('profile.orgName')} 2` }).fill('Studio Brume');
    await second.getByRole('checkbox', { name: t('profile.current') }).uncheck();
    await second.getByLabel(`${t('profile.start')} 2`).fill('2016-01-04');
    await second.getByLabel(`${t('profile.end')} 2`).fill('2015-06-30');

    await panel.getByRole('button', { name: t('panel.addSchool') }).click();
    await panel.getByRole('textbox', { name: `${t('panel.schoolName')} 1` }).fill('ESAC');
    await panel.getByRole('textbox', { name: `${t('panel.schoolYear')} 1` }).fill('2013');
    await panel.getByRole('textbox', { name: t('profile.tags') }).fill('voile');
    await panel.getByRole('textbox', { name: t('profile.tags') }).press('Enter');
    await panel.getByRole('textbox', { name: t('profile.profileUrl') }).fill('javascript:alert(1)');

    // Each mistake is named where it is; nothing is saved until they are fixed.
    await panel.getByRole('button', { name: t('panel.save') }).click();
    await expect(panel.getByRole('alert')).toHaveText([t('profile.errors.endBeforeStart'), t('profile.errors.url', { value: 'javascript:alert(1)' })]);
    await second.getByLabel(`${t('profile.end')} 2`).fill('2019-06-30');
    await panel.getByRole('textbox', { name: t('profile.profileUrl') }).fill('linkedin.com/in/camille-laurent');
    await panel.getByRole('button', { name: t('panel.save') }).click();
    await expect(page.getByRole('complementary', { name: 'Camille Laurent' })).toBeVisible();
    await waitForIdle(page);

    expect((await serverDoc(carnet)).me).toEqual({
      name: 'Camille Laurent',
      headline: 'Head of Product',
      city: 'Rennes',
      sector: 'fintech',
      organizations: [
        { name: 'Atelier Nord', title: 'Designer', current: true, start: '2019-09-01' },
        { name: 'Studio Brume', current: false, start: '2016-01-04', end: '2019-06-30' },
      ],
      schools: [{ name: 'ESAC', year: 2013 }],
      tags: ['voile'],
      profileUrl: 'https://linkedin.com/in/camille-laurent',
    });
    await expect(undoButton(page, t, 'profile.labels.edit')).toBeEnabled();

    // A contact of the same employer now shows it as a common point.
    const jeanne = await openCard(page, 'Jeanne Moreau');
    const common = jeanne.getByRole('region', { name: t('common.title') });
    await expect(common).toContainText('Atelier Nord');

    // "Me in the middle" draws the user under their name; clicking it opens the profile.
    // The map options are a section of the side dock, folded while a card is open: the user unfolds them.
    const options = await openSection(page, t('map.options'), t('workspace.unfoldSide'));
    await options.getByRole('checkbox', { name: t('map.showMe') }).check();
    await expect.poll(() => page.evaluate((id) => window.__carnet!.nodePosition(id) !== null, ME)).toBe(true);
    await jeanne.getByRole('button', { name: t('panel.close') }).first().click();
    await expect(jeanne).toBeHidden();
    await page.getByRole('toolbar').getByRole('button', { name: t('toolbar.fit') }).click();
    await expect.poll(() => uncovered(page, ME)).toBe(true);
    const at = (await page.evaluate((id) => window.__carnet!.nodePosition(id), ME))!;
    const box = (await page.locator('.map').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect(page.getByRole('complementary', { name: 'Camille Laurent' })).toBeVisible();

    // Undo gives the empty profile back, and the open editor follows it.
    await pressShortcut(page, 'Control+z');
    expect((await serverDoc(carnet)).me).toEqual(emptyMe);
    await expect(page.getByRole('complementary', { name: t('profile.untitled') })).toBeVisible();
    await expect(page.getByRole('complementary').getByRole('textbox', { name: t('profile.name') })).toHaveValue('');
  });
}

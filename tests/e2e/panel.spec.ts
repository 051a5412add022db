// The contact panel does everything about a contact, on a network built only from a LinkedIn export (no
// interactions, no known ties, no profile): log, edit and delete interactions, tie two contacts, archive,
// closeness, cadence and schools; and leaving unsaved changes asks first. In French and in English.
import { join } from 'node:path';
import type { Language } from '../../shared/api/contract.js';
import { formatDay } from '../../renderer/src/panels/formatDay.js';
import { seriousViolations } from '../helpers/axe.js';
import { expect, test } from '../helpers/fixtures.js';
import { translator } from '../../shared/i18n/index.js';
import { openImportedNetwork } from '../helpers/importedNetwork.js';
import { idOf, openCard, serverDoc, uncoveredOnMap, undoButton } from '../helpers/panel.js';
import { ROOT } from '../helpers/server.js';
import { clickContact, openApp, pressShortcut, waitForIdle } from '../helpers/ui.js';

const LANGUAGES: Language[] = ['en', 'fr'];

for (const lang of LANGUAGES) {
  const t = translator(lang);

  test(`logs, edits and deletes an interaction from the contact's card, each undoable (${lang})`, async ({ page, carnet }) => {
    await openImportedNetwork(page, carnet, lang);
    const id = await idOf(page, 'Jeanne Moreau');
    const panel = await openCard(page, 'Jeanne Moreau');
    await expect(panel.getByText(t('panel.noInteractions'))).toBeVisible();

    await panel.getByRole('button', { name: t('panel.logInteraction') }).click();
    const editor = panel.getByRole('group', { name: t('panel.interaction.newTitle') });
    await editor.getByLabel(t('panel.interaction.date')).fill('2025-11-20');
    await editor.getByLabel(t('panel.interaction.channel')).selectOption('in-person');
    await editor.getByRole('radio', { name: t('panel.interaction.directions.received') }).check();
    await editor.getByLabel(t('panel.interaction.note')).fill('Déjeuner : conseils sur la levée de fonds');
    await editor.getByRole('button', { name: t('panel.interaction.log') }).click();
    await expect(editor).toBeHidden();
    await waitForIdle(page);

    const logged = Object.values((await serverDoc(carnet)).interactions);
    expect(logged).toEqual([expect.objectContaining({ date: '2025-11-20', contacts: [id], channel: 'in-person', direction: 'received', note: 'Déjeuner : conseils sur la levée de fonds' })]);
    const day = formatDay('2025-11-20', lang);
    expect(day).toBe(lang === 'fr' ? '20 nov. 2025' : 'Nov 20, 2025');
    const row = panel.getByRole('listitem').filter({ hasText: day });
    await expect(row).toContainText(t('channels.in-person'));
    await expect(row).toContainText(t('directions.received'));
    await expect(undoButton(page, t, 'labels.logInteraction')).toBeEnabled();

    await row.getByRole('button', { name: t('panel.interaction.edit', { date: day }) }).click();
    const edit = panel.getByRole('group', { name: t('panel.interaction.editTitle') });
    await expect(edit.getByLabel(t('panel.interaction.date'))).toHaveValue('2025-11-20');
    await edit.getByLabel(t('panel.interaction.date')).fill('2025-11-21');
    await edit.getByLabel(t('panel.interaction.channel')).selectOption('video');
    await edit.getByRole('radio', { name: t('panel.interaction.directions.gave') }).check();
    // Enter in a field of the little form saves the interaction, not the card around it.
    await edit.getByLabel(t('panel.interaction.date')).press('Enter');
    await expect(edit).toBeHidden();
    await waitForIdle(page);
    const [edited] = Object.values((await serverDoc(carnet)).interactions);
    expect(edited).toMatchObject({ id: logged[0]!.id, date: '2025-11-21', channel: 'video', direction: 'gave', note: 'Déjeuner : conseils sur la levée de fonds' });
    await expect(undoButton(page, t, 'panel.labels.editInteraction')).toBeEnabled();

    const newDay = formatDay('2025-11-21', lang);
    await panel.getByRole('button', { name: t('panel.interaction.delete', { date: newDay }) }).click();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).interactions).toEqual({});
    await expect(panel.getByText(t('panel.noInteractions'))).toBeVisible();

    await pressShortcut(page, 'Control+z');
    expect(Object.values((await serverDoc(carnet)).interactions)).toEqual([edited]);
    await expect(panel.getByRole('listitem').filter({ hasText: newDay })).toContainText(t('channels.video'));
    await pressShortcut(page, 'Control+z');
    expect(Object.values((await serverDoc(carnet)).interactions)).toEqual([expect.objectContaining({ date: '2025-11-20', channel: 'in-person' })]);
  });

  test(`ties two contacts found by searching, with a type, shown on both cards (${lang})`, async ({ page, carnet }) => {
    await openImportedNetwork(page, carnet, lang);
    const jeanne = await idOf(page, 'Jeanne Moreau');
    const eloise = await idOf(page, 'Éloïse Bernard');
    const panel = await openCard(page, 'Jeanne Moreau');
    await expect(panel.getByText(t('panel.noTies', { name: 'Jeanne Moreau' }))).toBeVisible();

    await panel.getByRole('button', { name: t('panel.addTie') }).click();
    const picker = panel.getByRole('combobox', { name: t('panel.pickContact', { name: 'Jeanne Moreau' }) });
    await expect(picker).toBeFocused();
    // Accents and case do not matter; Jeanne herself is never offered.
    await picker.fill('eloise');
    const options = panel.getByRole('listbox').getByRole('option');
    await expect(options).toHaveText([/Éloïse Bernard/]);
    await picker.fill('jeanne');
    await expect(panel.getByRole('listbox')).toHaveText(t('panel.pickNone'));
    await expect(options).toHaveCount(0);
    await picker.fill('elo');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect(picker).toHaveValue('Éloïse Bernard');
    await panel.getByRole('combobox', { name: t('panel.tieType') }).fill('anciens collègues');
    await panel.getByRole('button', { name: t('panel.addTieSubmit') }).click();
    await waitForIdle(page);

    expect(Object.values((await serverDoc(carnet)).ties)).toEqual([expect.objectContaining({ from: jeanne, to: eloise, type: 'anciens collègues' })]);
    await expect(undoButton(page, t, 'panel.labels.addTie', { a: 'Jeanne Moreau', b: 'Éloïse Bernard' })).toBeEnabled();
    const item = panel.getByRole('listitem').filter({ hasText: 'Éloïse Bernard' });
    await expect(item).toContainText('anciens collègues');

    // The other end's card lists the tie too.
    await item.getByRole('button', { name: 'Éloïse Bernard', exact: true }).click();
    const other = page.getByRole('complementary', { name: 'Éloïse Bernard' });
    await expect(other).toBeVisible();
    const back = other.getByRole('listitem').filter({ hasText: 'Jeanne Moreau' });
    await expect(back).toContainText('anciens collègues');

    await back.getByRole('button', { name: t('panel.editTie', { name: 'Jeanne Moreau' }) }).click();
    await other.getByRole('combobox', { name: t('panel.tieType') }).fill('famille');
    await other.getByRole('button', { name: t('panel.saveTie') }).click();
    await waitForIdle(page);
    expect(Object.values((await serverDoc(carnet)).ties)).toEqual([expect.objectContaining({ type: 'famille' })]);

    await other.getByRole('button', { name: t('panel.removeTie', { name: 'Jeanne Moreau' }) }).click();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).ties).toEqual({});
    await pressShortcut(page, 'Control+z');
    expect(Object.values((await serverDoc(carnet)).ties)).toEqual([expect.objectContaining({ from: jeanne, to: eloise, type: 'famille' })]);
  });

  test(`archives and unarchives a contact, sets closeness, cadence and schools (${lang})`, async ({ page, carnet }) => {
    await openImportedNetwork(page, carnet, lang);
    const id = await idOf(page, 'Paul Durand');
    const panel = await openCard(page, 'Paul Durand');

    await panel.getByRole('button', { name: t('panel.archive') }).click();
    await expect(panel.getByText(t('panel.archived'), { exact: true })).toBeVisible();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).contacts[id]!.archived).toBe(true);
    await expect(undoButton(page, t, 'panel.labels.archive', { count: 1 })).toBeEnabled();
    await panel.getByRole('button', { name: t('panel.unarchive') }).click();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).contacts[id]!.archived).toBeUndefined();
    await expect(panel.getByRole('button', { name: t('panel.archive') })).toBeVisible();

    await panel.getByLabel(t('panel.closeness')).selectOption('4');
    await panel.getByLabel(t('panel.cadence'), { exact: true }).selectOption('custom');
    await panel.getByLabel(t('panel.cadenceDays')).fill('45');
    await panel.getByRole('button', { name: t('panel.addSchool') }).click();
    await panel.getByRole('textbox', { name: `${t('panel.schoolName')} 1` }).fill('ESAC');
    await panel.getByRole('textbox', { name: `${t('panel.schoolYear')} 1` }).fill('12');
    await panel.getByRole('button', { name: t('panel.save') }).click();
    await expect(panel.getByRole('alert')).toHaveText(t('panel.errors.schoolYear', { value: '12' }));
    await panel.getByRole('textbox', { name: `${t('panel.schoolYear')} 1` }).fill('2012');
    await panel.getByRole('button', { name: t('panel.save') }).click();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).contacts[id]).toMatchObject({ strength: 4, cadenceDays: 45, schools: [{ name: 'ESAC', year: 2012 }] });
    await expect(undoButton(page, t, 'labels.editContact')).toBeEnabled();
    await expect(panel.getByRole('button', { name: t('panel.save') })).toBeDisabled();
  });

  test(`closing or leaving a card with unsaved changes asks: keep editing, discard or save (${lang})`, async ({ page, carnet }) => {
    await openImportedNetwork(page, carnet, lang);
    const sofia = await idOf(page, 'Sofia Rossi');
    const ask = page.getByRole('dialog', { name: t('panel.unsavedTitle') });
    let panel = await openCard(page, 'Sofia Rossi');
    const city = panel.getByRole('textbox', { name: t('panel.city') });
    await city.fill('Lyon');

    // ×: keep editing leaves the card as it was, typed text included.
    await panel.getByRole('button', { name: t('panel.close') }).first().click();
    await expect(ask).toBeVisible();
    await expect(ask.getByRole('button', { name: t('panel.keepEditing') })).toBeFocused();
    await ask.getByRole('button', { name: t('panel.keepEditing') }).click();
    await expect(ask).toBeHidden();
    await expect(city).toHaveValue('Lyon');

    // Escape asks too; Escape in the question keeps editing.
    await city.press('Escape');
    await expect(ask).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    await expect(panel).toBeVisible();

    // Escape, then discard: the card closes and nothing was saved.
    await city.press('Escape');
    await ask.getByRole('button', { name: t('panel.discard') }).click();
    await expect(panel).toBeHidden();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).contacts[sofia]!.city).toBeUndefined();

    // Switching to another contact on the map, then save: the change is stored and the other card opens.
    panel = await openCard(page, 'Sofia Rossi');
    await panel.getByRole('textbox', { name: t('panel.city') }).fill('Lyon');
    const otherId = await uncoveredOnMap(page, ['Lucas Petit', 'Karim Haddad', 'Jeanne Moreau', 'Éloïse Bernard', 'Paul Durand']);
    const otherName = (await serverDoc(carnet)).contacts[otherId]!.name;
    await clickContact(page, otherId);
    await expect(ask).toBeVisible();
    await expect(ask).toContainText('Sofia Rossi');
    await ask.getByRole('button', { name: t('panel.save') }).click();
    await expect(page.getByRole('complementary', { name: otherName })).toBeVisible();
    await waitForIdle(page);
    expect((await serverDoc(carnet)).contacts[sofia]!.city).toBe('Lyon');

    // Switching with the search asks as well.
    await page.getByRole('complementary', { name: otherName }).getByRole('textbox', { name: t('panel.city') }).fill('Nice');
    const search = page.getByRole('search').getByRole('combobox');
    await search.fill('Sofia Rossi');
    await expect(page.getByRole('search').getByRole('option').first()).toContainText('Sofia Rossi');
    await search.press('Enter');
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: t('panel.discard') }).click();
    await expect(page.getByRole('complementary', { name: 'Sofia Rossi' })).toBeVisible();
    expect((await serverDoc(carnet)).contacts[otherId]!.city).toBeUndefined();

    // A card with nothing unsaved closes at once.
    await expect(page.getByRole('complementary', { name: 'Sofia Rossi' }).getByRole('textbox', { name: /^(Name|Nom)/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary')).toBeHidden();
    await expect(ask).toBeHidden();

    // An interaction typed but not yet logged counts as unsaved too; Save in the question logs it.
    panel = await openCard(page, 'Sofia Rossi');
    await panel.getByRole('button', { name: t('panel.logInteraction') }).click();
    await panel.getByRole('group', { name: t('panel.interaction.newTitle') }).getByLabel(t('panel.interaction.note')).fill('Café à la gare');
    await panel.getByRole('button', { name: t('panel.close') }).first().click();
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: t('panel.save') }).click();
    await expect(panel).toBeHidden();
    await waitForIdle(page);
    expect(Object.values((await serverDoc(carnet)).interactions)).toEqual([expect.objectContaining({ contacts: [sofia], note: 'Café à la gare' })]);

    // The profile editor asks the same way, and switching from it to a contact too.
    await page.getByRole('toolbar').getByRole('button', { name: t('profile.open'), exact: true }).click();
    const profile = page.getByRole('complementary', { name: t('profile.untitled') });
    await profile.getByRole('textbox', { name: t('profile.headline') }).fill('Product lead');
    await clickContact(page, await uncoveredOnMap(page, ['Sofia Rossi', 'Lucas Petit', 'Karim Haddad', 'Jeanne Moreau']));
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: t('panel.keepEditing') }).click();
    await expect(profile).toBeVisible();
    await expect(profile.getByRole('textbox', { name: t('profile.headline') })).toHaveValue('Product lead');
  });
}

for (const [width, height] of [[1024, 700], [1440, 900]] as const) {
  for (const lang of LANGUAGES) {
    test(`Save stays visible and clickable at ${width} × ${height} with a long card (${lang})`, async ({ page, carnet }) => {
      const t = translator(lang);
      await page.setViewportSize({ width, height });
      await openApp(page, carnet.server, lang);
      // The demo contact with the longest log makes the longest card.
      const doc = await serverDoc(carnet);
      const counts = new Map<string, number>();
      for (const it of Object.values(doc.interactions)) for (const c of it.contacts) counts.set(c, (counts.get(c) ?? 0) + 1);
      const [id] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      const panel = await openCard(page, doc.contacts[id]!.name);
      await panel.getByRole('button', { name: t('panel.logInteraction') }).click();
      await panel.getByRole('textbox', { name: t('panel.city') }).fill('Quimper');
      const save = panel.getByRole('button', { name: t('panel.save'), exact: true });
      await expect(save).toBeEnabled();
      const box = (await save.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent, [box.x + box.width / 2, box.y + box.height / 2]);
      expect(hit).toBe(t('panel.save'));
      await expect(panel.getByRole('button', { name: t('panel.revert') })).toBeInViewport();
      await page.screenshot({ path: join(ROOT, `test-results/panel-${width}-${lang}.png`) });
    });
  }
}

test('the card, its small forms, the question and the profile editor pass axe, in both languages', async ({ page, carnet }) => {
  await openImportedNetwork(page, carnet, 'en');
  for (const lang of LANGUAGES) {
    const t = translator(lang);
    await openApp(page, carnet.server, lang);
    const panel = await openCard(page, 'Jeanne Moreau');
    await panel.getByRole('button', { name: t('panel.logInteraction') }).click();
    await panel.getByRole('button', { name: t('panel.addTie') }).click();
    await panel.getByRole('combobox', { name: t('panel.pickContact', { name: 'Jeanne Moreau' }) }).fill('a');
    await panel.getByRole('button', { name: t('panel.addSchool') }).click();
    await panel.getByLabel(t('panel.cadence'), { exact: true }).selectOption('custom');
    expect(await seriousViolations(page), `card with its forms open (${lang})`).toEqual([]);
    await panel.getByRole('button', { name: t('panel.close') }).first().click();
    await expect(page.getByRole('dialog', { name: t('panel.unsavedTitle') })).toBeVisible();
    expect(await seriousViolations(page), `unsaved changes question (${lang})`).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: t('panel.discard') }).click();
    await page.getByRole('toolbar').getByRole('button', { name: t('profile.open'), exact: true }).click();
    const me = page.getByRole('complementary', { name: t('profile.untitled') });
    await me.getByRole('button', { name: t('profile.addOrganization') }).click();
    await me.getByRole('textbox', { name: `${t('profile.orgTitle')} 1` }).fill('CTO');
    await me.getByRole('button', { name: t('panel.save'), exact: true }).click();
    await expect(me.getByRole('alert')).toHaveText(t('profile.errors.orgName'));
    expect(await seriousViolations(page), `profile editor with an error (${lang})`).toEqual([]);
  }
});

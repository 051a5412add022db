import { CliError, defineCommand } from '../command.js';
import { invalidLine, loadDocument } from '../loadDocument.js';
import { langOption, nowOption, weekOf } from '../weekOptions.js';

export const plan = defineCommand({
  name: 'plan',
  summary: "Print this week's plan: about five actions, why, and a first step that gives",
  usage: 'DOC [--json] [--now YYYY-MM-DD] [--lang fr|en]',
  description: `
Prints the plan of the week holding today (or --now): the same actions as
Carnet's "This week" tab. If Carnet already made that week's plan, it is
printed as stored, with what was done, snoozed, postponed or skipped;
otherwise, the plan Carnet will make when it opens: what was not done the
week before first, then overdue ties, dormant ties worth reviving, people who
can introduce you to a missing profile, objective steps, online-only ties to
meet and birthdays. Due reminders follow (review dates, steps, goals).
The file is not changed. With --json, prints one JSON object.`,
  options: {
    json: { type: 'boolean', description: 'Print the plan as one JSON object' },
    now: { type: 'string', valueName: 'YYYY-MM-DD', description: 'Plan the week of this day instead of today' },
    lang: { type: 'string', valueName: 'fr|en', description: 'Language of the text (default: from LANG)' },
  },
  positionals: { min: 1, max: 1, names: 'DOC' },
  async run({ positionals, values }, io) {
    const today = nowOption(values);
    const lang = await langOption(values, io);
    const { path, result } = await loadDocument(positionals[0]!, io.cwd);
    if (!result.ok) throw new CliError(`not a valid Carnet document: ${invalidLine(result.error, path)}`);
    const doc = result.doc;
    const week = await weekOf(doc, today);
    const [{ formatPlan }, { sayPhrase }, { actionState, lastContactSince }] = await Promise.all([
      import('../../../shared/routine/report.js'),
      import('../../../shared/routine/phrases.js'),
      import('../../../shared/routine/plan.js'),
    ]);
    if (values.json !== true) {
      io.out(formatPlan(doc, week.plan, { lang, today, stored: week.stored, reminders: week.reminders }));
      return 0;
    }
    const recent = lastContactSince(doc, week.plan.id);
    const known = (id: string) => Object.hasOwn(doc.contacts, id);
    const json = {
      week: week.plan.id,
      today,
      size: week.plan.size,
      stored: week.stored,
      actions: week.plan.actions.map((a) => ({
        key: a.key,
        kind: a.kind,
        state: actionState(doc, week.plan, a, today, recent),
        who: a.contacts.map((id) => ({ id, name: known(id) ? doc.contacts[id]!.name : null })),
        ...(a.objective && Object.hasOwn(doc.objectives, a.objective) ? { objective: { id: a.objective, title: doc.objectives[a.objective]!.title } } : {}),
        why: a.why.map((p) => sayPhrase(lang, p)),
        firstStep: sayPhrase(lang, a.firstStep),
        ...(a.when ? { when: a.when } : {}),
        ...(a.where ? { where: a.where } : {}),
        ...(a.carriedFrom ? { carriedFrom: a.carriedFrom } : {}),
      })),
      reminders: week.reminders.map((r) => ({ key: r.key, kind: r.kind, when: r.when, text: sayPhrase(lang, r.phrase) })),
    };
    io.out(`${JSON.stringify(json)}\n`);
    return 0;
  },
});

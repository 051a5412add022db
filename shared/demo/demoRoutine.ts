/**
 * The demo's routine: two objectives (one whose review date has come, so
 * the prompt shows on first run) and three activity goals, dated from the
 * demo's "now" like everything else. Interactions get a kind from their
 * note ("Déjeuner" is a lunch), so the goals count something.
 */
import type { ActivityGoal, Interaction, Objective } from '../document/schema.js';
import type { Clock } from './demoDates.js';

const KIND_OF_NOTE: Readonly<Record<string, Interaction['kind']>> = {
  Déjeuner: 'lunch',
  'Déjeuner près du bureau': 'lunch',
  Lunch: 'lunch',
  Café: 'coffee',
  Coffee: 'coffee',
  'Mise en relation': 'introduction',
  'Intro à un recruteur': 'introduction',
  'Intro à un investisseur': 'introduction',
  'Démo produit': 'meeting',
  'Point trimestriel': 'meeting',
};

/** The kind a demo note stands for, if any. */
export function kindOfNote(note: string | undefined): Interaction['kind'] | undefined {
  return note !== undefined && Object.hasOwn(KIND_OF_NOTE, note) ? KIND_OF_NOTE[note] : undefined;
}

export function demoObjectives(clock: Clock): Record<string, Objective> {
  const created = clock.stamp(40);
  const seed: Objective = {
    id: 'o_seed_rennes',
    title: 'Préparer la levée de fonds de la filiale de Rennes',
    personas: ['p_investor_rennes'],
    clusters: [],
    categories: [],
    why: 'La filiale de Rennes veut lever 2 M€ l’an prochain : rencontrer des investisseurs bretons avant l’été.',
    by: clock.day(-180),
    stage: 'development',
    steps: [
      { id: 's_list', text: 'Lister dix business angels rennais', due: clock.day(3) },
      { id: 's_coffee', text: 'Prendre un café avec deux associés de fonds à Rennes', due: clock.day(-4) },
      { id: 's_pitch', text: 'Présenter le projet au Salon Tech Ouest', due: clock.day(-45) },
    ],
    reviewDate: clock.day(-21),
    status: 'active',
    history: [{ at: created, kind: 'created', changes: [] }],
    createdAt: created,
    updatedAt: created,
  };
  const design: Objective = {
    id: 'o_design_team',
    title: 'Recruter l’équipe design',
    personas: ['p_ux_fintech'],
    clusters: [],
    categories: [],
    why: 'Trois postes de designers ouvrent au prochain trimestre.',
    by: clock.day(-120),
    stage: 'consolidation',
    steps: [{ id: 's_brief', text: 'Écrire la fiche de poste avec l’équipe', due: clock.day(-10) }],
    reviewDate: clock.day(2),
    status: 'active',
    history: [{ at: clock.stamp(95), kind: 'created', changes: [] }],
    createdAt: clock.stamp(95),
    updatedAt: clock.stamp(95),
  };
  return { [seed.id]: seed, [design.id]: design };
}

export function demoGoals(clock: Clock): Record<string, ActivityGoal> {
  const since = clock.day(70);
  const goals: ActivityGoal[] = [
    { id: 'g_lunch', channels: [], kinds: ['lunch'], count: 1, every: 1, unit: 'week', since },
    { id: 'g_events', channels: ['event'], kinds: [], count: 1, every: 15, unit: 'day', since, objective: 'o_seed_rennes' },
    { id: 'g_meetings', channels: ['in-person'], kinds: [], count: 2, every: 1, unit: 'month', since },
  ];
  return Object.fromEntries(goals.map((g) => [g.id, g]));
}

/**
 * Every sentence the analysis produces, in English and French. Results carry
 * the message key and its parameters next to the rendered text, so a UI can
 * re-render them through its own i18n layer (keys are i18next-compatible,
 * `{{x}}` is not used: parameters are written `{x}`).
 */

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

type Template = string | { one: string; other: string };

const en = {
  'channel.in-person': 'meeting',
  'channel.call': 'call',
  'channel.video': 'video call',
  'channel.message': 'message',
  'channel.email': 'e-mail',
  'channel.event': 'event',
  'channel.other': 'exchange',

  'point.orgNow': 'both at {value}',
  'point.org': '{value} (shared employer)',
  'point.school': '{value} (same school)',
  'point.city': 'both in {value}',
  'point.sector': 'the {value} sector',
  'point.tag': 'an interest in {value}',
  'point.category': 'your “{value}” group',

  'cluster.around': 'Around {name}',

  'dormant.last': 'Last interaction: {channel} on {date}, {years} years ago.',
  'dormant.lastNote': 'Last interaction: {channel} on {date}, {years} years ago (“{note}”).',
  'dormant.history': { one: 'You interacted once, on {from}.', other: 'You interacted {count} times between {from} and {to}.' },
  'dormant.opensNone': 'Reopens {cluster}, where you have no active tie.',
  'dormant.opensFew': { one: 'Reopens {cluster}, where you have only one active tie.', other: 'Reopens {cluster}, where you have only {count} active ties.' },
  'dormant.bridge': 'Linked to {count} of your clusters: a bridge between circles.',
  'dormant.novel': 'Brings a world your active ties do not cover: {values}.',
  'dormant.opener': 'Open with what you share: {points}.',

  'action.congratulate': 'Send a note about their role at {org} and share something useful to them — ask for nothing.',
  'action.share': 'Share an article, an event or a contact about {topic} with them — ask for nothing.',
  'action.introduce': 'Offer to introduce them to {name}, who shares their interest in {topic}.',
  'action.thank': 'Thank them again for their past help and share your news — ask for nothing.',
  'action.news': 'Send a short note with your news and ask how they are doing — ask for nothing.',
  'action.meet': 'You have only met online: suggest a coffee or a call and bring something to share.',

  'overdue.reason': 'Last contact {days} days ago; your cadence is every {cadence} days.',
  'overdue.never': 'No interaction logged in {days} days; your cadence is every {cadence} days.',

  'gaps.broker': '{name} links {count} of your clusters.',
  'gaps.fragile': '{cluster} is tied to the rest of your network only through {name}.',
  'gaps.noBridge': 'Nobody links {a} and {b}.',
  'gaps.isolated': { one: 'One contact shares nothing known with anyone else.', other: '{count} contacts share nothing known with anyone else.' },

  'diversity.org.concentrated': '{share} % of {who} work at one company ({value}).',
  'diversity.org.spread': 'Across {count} companies, the largest ({value}) holds {share} % of {who}.',
  'diversity.sector.concentrated': '{share} % of {who} work in one sector ({value}).',
  'diversity.sector.spread': 'Across {count} sectors, the largest ({value}) holds {share} % of {who}.',
  'diversity.city.concentrated': '{share} % of {who} live in one place ({value}).',
  'diversity.city.spread': 'Across {count} places, the largest ({value}) holds {share} % of {who}.',
  'diversity.unknown': 'Not enough known {dimension} among {who} to judge diversity.',
  'who.active': 'your active ties',
  'who.all': 'your contacts',
  'dimension.org': 'companies',
  'dimension.sector': 'sectors',
  'dimension.city': 'places',

  'persona.missing': '{name}: {count} of {target} — {missing} missing.',
  'persona.met': '{name}: {count} of {target} — target met.',
  'persona.introducer': '{name} could introduce you ({shared}).',
  'persona.warmUp': '{name} shares {shared}, but you are not close yet: give first before asking.',

  'stage.development': 'You are developing your network: {share} % of the ties you worked on in the last 90 days are new.',
  'stage.consolidation': 'You are consolidating your network: {share} % of the ties you worked on in the last 90 days are being strengthened.',
  'stage.maintenance': 'You are maintaining your network: {share} % of the ties you worked on in the last 90 days are kept at their usual pace.',
  'stage.inactive': 'No interaction logged in the last 90 days.',

  'reciprocity.overall': 'In your log you gave {gave} times, received {received} times, and shared {mutual} times.',
  'reciprocity.owe': '{name} helped you {received} times; you gave back {gave}: your turn to give.',
  'reciprocity.gave': '{name}: you gave {gave}, received {received}.',

  'report.title': 'Network diagnosis on {date}',
  'report.overview': '{contacts} contacts, {clusters} affinity clusters, {active} active ties (last 12 months).',
  'report.me': 'Your effective size: {effectiveSize} non-redundant contacts; constraint {constraint}.',
  'report.clusters': 'Affinity clusters',
  'report.dormant': 'Dormant ties to revive',
  'report.overdue': 'Overdue ties',
  'report.gaps': 'Gaps',
  'report.diversity': 'Diversity',
  'report.personas': 'Missing profiles',
  'report.stage': 'Stage',
  'report.reciprocity': 'Give and take',
  'report.none': 'Nothing to report.',
  'report.score': 'score {score}',
  'report.members': { one: 'one member', other: '{count} members' },
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, Template> = {
  'channel.in-person': 'rencontre',
  'channel.call': 'appel',
  'channel.video': 'visio',
  'channel.message': 'message',
  'channel.email': 'e-mail',
  'channel.event': 'événement',
  'channel.other': 'échange',

  'point.orgNow': 'tous deux chez {value}',
  'point.org': '{value} (employeur commun)',
  'point.school': '{value} (même école)',
  'point.city': 'tous deux à {value}',
  'point.sector': 'le secteur {value}',
  'point.tag': 'un intérêt pour {value}',
  'point.category': 'votre groupe « {value} »',

  'cluster.around': 'Autour de {name}',

  'dormant.last': 'Dernière interaction : {channel} le {date}, il y a {years} ans.',
  'dormant.lastNote': 'Dernière interaction : {channel} le {date}, il y a {years} ans (« {note} »).',
  'dormant.history': { one: 'Vous avez échangé une fois, le {from}.', other: 'Vous avez échangé {count} fois entre le {from} et le {to}.' },
  'dormant.opensNone': 'Rouvre {cluster}, où vous n’avez aucun lien actif.',
  'dormant.opensFew': { one: 'Rouvre {cluster}, où vous n’avez qu’un lien actif.', other: 'Rouvre {cluster}, où vous n’avez que {count} liens actifs.' },
  'dormant.bridge': 'Relié à {count} de vos groupes : un pont entre des cercles.',
  'dormant.novel': 'Apporte un monde que vos liens actifs ne couvrent pas : {values}.',
  'dormant.opener': 'Pour renouer, vos points communs : {points}.',

  'action.congratulate': 'Envoyez un mot sur son poste chez {org} et partagez quelque chose d’utile — sans rien demander.',
  'action.share': 'Partagez un article, un événement ou un contact sur {topic} — sans rien demander.',
  'action.introduce': 'Proposez de lui présenter {name}, qui partage son intérêt pour {topic}.',
  'action.thank': 'Remerciez-le encore pour son aide passée et donnez de vos nouvelles — sans rien demander.',
  'action.news': 'Envoyez un mot avec vos nouvelles et demandez des siennes — sans rien demander d’autre.',
  'action.meet': 'Vous ne vous êtes vus qu’en ligne : proposez un café ou un appel, avec quelque chose à partager.',

  'overdue.reason': 'Dernier contact il y a {days} jours ; votre rythme est tous les {cadence} jours.',
  'overdue.never': 'Aucune interaction depuis {days} jours ; votre rythme est tous les {cadence} jours.',

  'gaps.broker': '{name} relie {count} de vos groupes.',
  'gaps.fragile': '{cluster} n’est relié au reste de votre réseau que par {name}.',
  'gaps.noBridge': 'Personne ne relie {a} et {b}.',
  'gaps.isolated': { one: 'Un contact n’a aucun point commun connu avec les autres.', other: '{count} contacts n’ont aucun point commun connu avec les autres.' },

  'diversity.org.concentrated': '{share} % de {who} travaillent dans une même entreprise ({value}).',
  'diversity.org.spread': 'Sur {count} entreprises, la plus représentée ({value}) réunit {share} % de {who}.',
  'diversity.sector.concentrated': '{share} % de {who} travaillent dans un même secteur ({value}).',
  'diversity.sector.spread': 'Sur {count} secteurs, le plus représenté ({value}) réunit {share} % de {who}.',
  'diversity.city.concentrated': '{share} % de {who} vivent au même endroit ({value}).',
  'diversity.city.spread': 'Sur {count} lieux, le plus représenté ({value}) réunit {share} % de {who}.',
  'diversity.unknown': 'Pas assez de {dimension} connus parmi {who} pour juger de la diversité.',
  'who.active': 'vos liens actifs',
  'who.all': 'vos contacts',
  'dimension.org': 'employeurs',
  'dimension.sector': 'secteurs',
  'dimension.city': 'lieux',

  'persona.missing': '{name} : {count} sur {target} — il en manque {missing}.',
  'persona.met': '{name} : {count} sur {target} — objectif atteint.',
  'persona.introducer': '{name} pourrait vous présenter ({shared}).',
  'persona.warmUp': '{name} partage {shared}, mais vous n’êtes pas encore proches : donnez d’abord avant de demander.',

  'stage.development': 'Vous développez votre réseau : {share} % des liens travaillés ces 90 derniers jours sont nouveaux.',
  'stage.consolidation': 'Vous consolidez votre réseau : {share} % des liens travaillés ces 90 derniers jours se renforcent.',
  'stage.maintenance': 'Vous entretenez votre réseau : {share} % des liens travaillés ces 90 derniers jours gardent leur rythme habituel.',
  'stage.inactive': 'Aucune interaction notée ces 90 derniers jours.',

  'reciprocity.overall': 'Dans votre journal, vous avez donné {gave} fois, reçu {received} fois et échangé {mutual} fois.',
  'reciprocity.owe': '{name} vous a aidé {received} fois et vous avez donné {gave} fois : à vous de donner.',
  'reciprocity.gave': '{name} : vous avez donné {gave} fois, reçu {received} fois.',

  'report.title': 'Diagnostic du réseau au {date}',
  'report.overview': '{contacts} contacts, {clusters} groupes d’affinité, {active} liens actifs (12 derniers mois).',
  'report.me': 'Votre taille effective : {effectiveSize} contacts non redondants ; contrainte {constraint}.',
  'report.clusters': 'Groupes d’affinité',
  'report.dormant': 'Liens dormants à raviver',
  'report.overdue': 'Liens en retard',
  'report.gaps': 'Trous',
  'report.diversity': 'Diversité',
  'report.personas': 'Profils manquants',
  'report.stage': 'Étape',
  'report.reciprocity': 'Donner et recevoir',
  'report.none': 'Rien à signaler.',
  'report.score': 'score {score}',
  'report.members': { one: 'un membre', other: '{count} membres' },
};

const CATALOG: Record<Lang, Record<MessageKey, Template>> = { en, fr };

export type MessageParams = Record<string, string | number>;
/** A sentence as data (for a UI's own i18n) and as text in the requested language. */
export type Message = { key: MessageKey; params: MessageParams; text: string };

/** Renders a message; `count` picks the singular or plural form. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const tpl = CATALOG[lang][key];
  const text = typeof tpl === 'string' ? tpl : params.count === 1 ? tpl.one : tpl.other;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A message with its rendered text. */
export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): Message {
  return { key, params, text: t(lang, key, params) };
}

/** Checks a language code from the outside world (CLI flag, LANG variable), defaulting to English. */
export function toLang(value: string | undefined | null): Lang {
  const v = (value ?? '').toLowerCase();
  return v.startsWith('fr') ? 'fr' : 'en';
}

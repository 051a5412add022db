/**
 * Column names in English, French and German, as the exports and hand-made
 * spreadsheets write them, mapped to Carnet fields. Format files
 * (google.ts, outlook.ts…) only add what differs from these.
 */
import type { ColumnTarget } from './mapping.js';

const LABELS: Record<string, string> = {
  business: 'work', work: 'work', bureau: 'work', pro: 'work', professional: 'work', professionnel: 'work', arbeit: 'work', geschaftlich: 'work',
  home: 'home', domicile: 'home', private: 'home', personal: 'home', perso: 'home', personnel: 'home', privat: 'home',
  other: 'other', autre: 'other', andere: 'other',
  mobile: 'mobile', mobil: 'mobile', cell: 'mobile', cellulaire: 'mobile', portable: 'mobile', handy: 'mobile',
};

function label(words: string[]): string | undefined {
  const out = words.map((w) => LABELS[w] ?? w).filter((w) => w && w.length > 1 && !/^\d+$/.test(w));
  return out.length ? out.join(' ') : undefined;
}

const PHONE = /\b(phone|telephone|tel|telefon|telefonnummer|fax|telefax|mobile|mobil|handy|portable|cell|cellulaire|pager|callback|isdn|telex|tty|tdd)\b/;
const PHONE_FILLER = new Set(['phone', 'telephone', 'tel', 'telefon', 'telefonnummer', 'number', 'numero', 'de', 'nummer', 'tdd']);

const ADDRESS_PART: [RegExp, 'street' | 'city' | 'region' | 'postalCode' | 'country'][] = [
  [/^(street|address|adresse|rue|strasse|anschrift|street address)$/, 'street'],
  [/^(city|ville|stadt|ort)$/, 'city'],
  [/^(state|region|province|county|departement|bundesland)$/, 'region'],
  [/^(postal code|zip|zipcode|zip code|code postal|cp|postleitzahl|plz)$/, 'postalCode'],
  [/^(country|country region|pays|land)$/, 'country'],
];

const SCALARS: [RegExp, ColumnTarget][] = [
  [/^(carnet id|id)$/, { field: 'id' }],
  [/^(name|full name|display name|nom complet|nom affiche|nom et prenom|contact|vollstandiger name|anzeigename|label)$/, { field: 'name' }],
  [/^(first name|firstname|given name|prenom|vorname)$/, { field: 'givenName' }],
  [/^(last name|lastname|family name|surname|nom|nom de famille|nachname|familienname)$/, { field: 'familyName' }],
  [/^(middle name|additional name|second prenom|deuxieme prenom|zweiter vorname)$/, { field: 'middleName' }],
  [/^(name prefix|prefix|civilite|anrede)$/, { field: 'prefix' }],
  [/^(suffix|name suffix)$/, { field: 'suffix' }],
  [/^(nickname|nick name|surnom|spitzname)$/, { field: 'nickname' }],
  [/^(company|organization|organisation|organization name|organisation name|entreprise|societe|employer|employeur|firma|unternehmen)$/, { field: 'organization' }],
  [/^(job title|title|position|organization title|poste|fonction|titre|intitule du poste|role|berufsbezeichnung|stellung)$/, { field: 'title' }],
  [/^(department|organization department|service|departement|abteilung)$/, { field: 'department' }],
  [/^(notes|note|remarques|remarque|commentaire|commentaires|description|notizen|bemerkungen)$/, { field: 'notes' }],
  [/^(birthday|date of birth|anniversaire|date de naissance|geburtstag|geburtsdatum)$/, { field: 'birthday' }],
  [/^(birth year)$/, { field: 'birthYear' }],
  [/^(birth month)$/, { field: 'birthMonth' }],
  [/^(birth day)$/, { field: 'birthDay' }],
  [/^(connected on|connecte le|connecte e le|date de connexion|verbunden am|verbunden seit)$/, { field: 'connectedOn' }],
  [/^(profile url|linkedin|linkedin url|linkedin profile|profil linkedin|url du profil|profil url)$/, { field: 'profileUrl' }],
  [/^(categories|category|categorie|labels|group membership|groups|groupes|groupe|kategorien|kategorie|gruppen)$/, { field: 'categories' }],
  [/^(tags|etiquettes|schlagworter)$/, { field: 'tags' }],
  [/^(city|ville|location|lieu|localisation|stadt|ort)$/, { field: 'city' }],
  [/^(strength|force)$/, { field: 'strength' }],
];

/** The target of a column known under a common name, or null when the name says nothing. */
export function commonColumn(norm: string): ColumnTarget | null {
  for (const [re, target] of SCALARS) if (re.test(norm)) return target;

  const email = /^(?:(\w+) )?(?:e ?mail|courriel|mail)(?: (\d))?(?: (?:address|adresse))?(?: (\w+))?$/.exec(norm) ?? /^(?:adresse|addresse) (?:e ?mail|mail|courriel)(?: (\w+))?$/.exec(norm);
  if (email && !/\b(type|display|anzeige)\b/.test(norm)) {
    const words = [email[1], email[3]].filter((w): w is string => !!w && !['primary', 'secondary', 'address', 'adresse'].includes(w));
    return { field: 'email', label: label(words) };
  }

  if (/^(web ?page|website|site web|site internet|site|homepage|home page|url|webseite|internet)( \d)?$/.test(norm) || /^(\w+ )?(web ?page|website)( \w+)*$/.test(norm)) {
    const words = norm.split(' ').filter((w) => !['web', 'page', 'webpage', 'website', 'site', 'url'].includes(w));
    return { field: 'url', label: label(words) };
  }

  const addr = /^(home|business|work|other|private|domicile|bureau|privat|geschaftlich)? ?(.+?)( \d)?$/.exec(norm);
  if (addr) {
    const part = ADDRESS_PART.find(([re]) => re.test(addr[2]!))?.[1];
    if (part && (addr[1] || part !== 'city')) {
      const l = addr[1] ? LABELS[addr[1]] ?? addr[1] : undefined;
      return { field: 'address', part: part === 'street' && addr[3] ? 'street2' : part, label: l, group: l ?? '' };
    }
  }

  if (PHONE.test(norm)) {
    return { field: 'phone', label: label(norm.split(' ').filter((w) => !PHONE_FILLER.has(w))) };
  }
  return null;
}

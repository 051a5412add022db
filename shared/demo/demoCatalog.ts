/**
 * The fictional world the demo network lives in: names, organizations,
 * schools. Every organization and school is invented; e-mail domains use the
 * reserved `.example` top-level domain (RFC 2606) and phone numbers come from
 * the ranges French (ARCEP) and British (Ofcom) regulators keep for fiction,
 * so the demo can never point at a real person.
 */

export const FRENCH_GIVEN = [
  'Julien', 'Sophie', 'Thomas', 'Claire', 'Nicolas', 'Élodie', 'Antoine', 'Marion', 'Mathieu', 'Aurélie',
  'Pierre', 'Céline', 'Guillaume', 'Émilie', 'Maxime', 'Laura', 'Romain', 'Pauline', 'Hugo', 'Léa',
  'Alexandre', 'Chloé', 'Benoît', 'Manon', 'Vincent', 'Sarah', 'Olivier', 'Julie', 'Sébastien', 'Anne',
  'François', 'Hélène', 'Yann', 'Gwenaëlle', 'Erwan', 'Nolwenn', 'Karim', 'Yasmine', 'Mehdi', 'Inès',
  'Samir', 'Nadia', 'Théo', 'Lucie', 'Quentin', 'Margaux', 'Arnaud', 'Isabelle', 'Loïc', 'Anaïs',
  'Damien', 'Agathe', 'Bastien', 'Jeanne', 'Rémi', 'Sandrine', 'Fabien', 'Mélanie', 'Adrien', 'Nathalie',
  'Cédric', 'Laetitia', 'Florian', 'Amandine', 'Gaëlle', 'Tristan', 'Solène', 'Matthias', 'Ophélie', 'Jérôme',
] as const;

export const FRENCH_FAMILY = [
  'Martin', 'Bernard', 'Dubois', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
  'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'Martinez', 'Le Gall', 'Le Goff', 'Kerjean', 'Tanguy',
  'Le Bihan', 'Morvan', 'Rivière', 'Lemoine', 'Gauthier', 'Chevalier', 'Perrin', 'Masson', 'Marchand', 'Duval',
  'Denis', 'Lemaire', 'Brun', 'Blanc', 'Guérin', 'Faure', 'Rousseau', 'Benali', 'Haddad', 'Nguyen',
  'Traoré', 'Diallo', 'Mendes', 'Ferreira', 'Cohen', 'Meyer', 'Schmitt', 'Le Roux', 'Besnard', 'Joly',
  'Hamon', 'Renaud', 'Picard', 'Aubert', 'Barbier', 'Colin', 'Giraud', 'Lacroix', 'Fabre', 'Boyer',
] as const;

export const ENGLISH_GIVEN = [
  'Oliver', 'Emma', 'James', 'Charlotte', 'Harry', 'George', 'Amelia', 'Jack', 'Olivia', 'William',
  'Isla', 'Grace', 'Daniel', 'Priya', 'Samuel', 'Hannah', 'Rohan', 'Chloe', 'Benjamin', 'Ella',
  'Lucy', 'Aidan', 'Fiona', 'Ravi', 'Megan',
] as const;

export const ENGLISH_FAMILY = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Evans',
  'Roberts', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood',
  'Harris', 'Clarke', 'Shah', 'Khan', 'Murphy', "O'Brien", 'Campbell', 'Kelly', 'Bennett', 'Okafor',
] as const;

export type DemoOrg = { name: string; sector: string; domain: string; city: string };

function org(name: string, sector: string, domain: string, city: string): DemoOrg {
  return { name, sector, domain: `${domain}.example`, city };
}

export const ORGS = {
  lumiere: org('Banque Lumière', 'Fintech', 'banque-lumiere', 'Paris'),
  telecomOuest: org('Télécom Ouest', 'Télécommunications', 'telecom-ouest', 'Rennes'),
  brume: org('Studio Brume', 'Design', 'studio-brume', 'Nantes'),
  reseauxAtlantique: org('Réseaux Atlantique', 'Télécommunications', 'reseaux-atlantique', 'Nantes'),
  breizhCloud: org('Breizh Cloud', 'Logiciel', 'breizh-cloud', 'Rennes'),
  armorData: org('Armor Data', 'Logiciel', 'armor-data', 'Rennes'),
  mobilis: org('Mobilis Conseil', 'Conseil', 'mobilis-conseil', 'Paris'),
  atelierLoire: org('Atelier Loire', 'Design', 'atelier-loire', 'Nantes'),
  pixelSel: org('Pixel & Sel', 'Design', 'pixel-et-sel', 'Nantes'),
  aubier: org('Aubier Conseil', 'Conseil', 'aubier-conseil', 'Paris'),
  vauban: org('Vauban Partners', 'Conseil', 'vauban-partners', 'Paris'),
  hexa: org('Groupe Hexa Retail', 'Distribution', 'hexa-retail', 'Lyon'),
  sainteClaire: org('Assurances Sainte-Claire', 'Assurance', 'sainte-claire-assurances', 'Paris'),
  energieRhone: org('Énergie Rhône-Alpes', 'Énergie', 'energie-rhone-alpes', 'Lyon'),
  caradec: org('Maison Caradec', 'Luxe', 'maison-caradec', 'Paris'),
  nordlys: org('Nordlys Consulting', 'Conseil', 'nordlys-consulting', 'London'),
  garonne: org('Transports Garonne', 'Logistique', 'transports-garonne', 'Bordeaux'),
  vernet: org('Laboratoires Vernet', 'Santé', 'laboratoires-vernet', 'Lyon'),
  flandre: org('Coopérative Flandre Agri', 'Agroalimentaire', 'flandre-agri', 'Lille'),
  horizon: org('Capital Horizon', 'Capital-risque', 'capital-horizon', 'Paris'),
  seine: org('Seine Ventures', 'Capital-risque', 'seine-ventures', 'Paris'),
  armorique: org('Armorique Innovation', 'Capital-risque', 'armorique-innovation', 'Rennes'),
  thames: org('Thames Bridge Partners', 'Capital-risque', 'thamesbridge', 'London'),
  santeConnect: org('SantéConnect', 'Santé', 'santeconnect', 'Paris'),
  klaxon: org('Klaxon Mobilité', 'Mobilité', 'klaxon-mobilite', 'Lyon'),
  lumenAi: org('Lumen AI', 'Logiciel', 'lumen-ai', 'London'),
  quaiApps: org('Quai des Apps', 'Logiciel', 'quai-des-apps', 'Nantes'),
  paylette: org('Paylette', 'Fintech', 'paylette', 'London'),
  tresorio: org('Trésorio', 'Fintech', 'tresorio', 'Paris'),
  talentBridge: org('TalentBridge', 'Recrutement', 'talentbridge', 'London'),
  chasseurs: org('Cabinet Lenoir Recrutement', 'Recrutement', 'lenoir-recrutement', 'Paris'),
  lenoirArchi: org('Atelier Lenoir Architectes', 'Architecture', 'lenoir-architectes', 'Rennes'),
  cliniqueLilas: org('Clinique des Lilas', 'Santé', 'clinique-des-lilas', 'Nantes'),
  collegeVerne: org('Collège Jules-Verne', 'Éducation', 'college-jules-verne', 'Rennes'),
  fournil: org('Le Fournil de Saint-Aubin', 'Artisanat', 'fournil-saint-aubin', 'Rennes'),
  voileClub: org('Club Nautique de Saint-Malo', 'Associatif', 'cn-saint-malo', 'Saint-Malo'),
} as const satisfies Record<string, DemoOrg>;

export const SCHOOLS = {
  esac: { name: 'ESAC Business School', degree: 'Master Grande École' },
  rennes: { name: 'Université Rennes Armorique', degree: "Licence d'économie" },
  eir: { name: "École d'Ingénieurs de Rennes", degree: "Diplôme d'ingénieur" },
  lyon: { name: 'Université Lyon Confluence', degree: 'Master' },
  design: { name: 'Institut Supérieur de Design de Nantes', degree: 'Mastère design numérique' },
  kingsbridge: { name: 'Kingsbridge University', degree: 'MSc' },
  sciences: { name: 'Institut des Sciences Politiques de Paris', degree: 'Master' },
} as const;

export const PERSONAL_MAIL_DOMAIN = 'courriel.example';

import type { Random } from '../random.ts';
import { type City, digits, type Locale, latin, namesFrom, wordsFrom } from './locale.ts';

// French numbers are ten digits written in pairs: `01 42 68 53 00`, `+33 1 42 68 53 00`.
const pairs = (nine: string): string => nine.slice(1).replace(/(\d\d)(?=\d)/g, '$1 ');

const draft = (nine: string) => ({
  national: `0${nine[0]} ${pairs(nine)}`,
  international: `+33 ${nine[0]} ${pairs(nine)}`,
});

const city = (name: string, postal: (random: Random) => string, prefixes: string): City => ({
  name,
  postalCode: postal,
  landline: (random) => {
    const prefix = random.pick(prefixes.split(' '));
    return draft(`${prefix}${digits(random, 9 - prefix.length)}`);
  },
});

const streets = wordsFrom(
  'rue de la République|avenue Victor Hugo|boulevard Haussmann|rue du Faubourg Saint-Antoine|' +
    'place Bellecour|rue Nationale|avenue Jean Jaurès|rue des Lilas|quai de la Loire|' +
    'rue Paradis|cours Mirabeau|rue Sainte-Catherine',
);
const places = wordsFrom('Atlantique|Provence|Lumière|Horizon|Riviera|Azur|Loire');
const trades = wordsFrom(
  'Conseil|Logistique|Ingénierie|Architecture|Distribution|Transports|Expertise Comptable|' +
    'Électricité',
);

/** Customers from France. */
export const fr: Locale = {
  code: 'FR',
  weight: 16,
  utcOffsetHours: 1,
  language: 'fr-FR',
  givenNames: namesFrom(
    'Gabriel Louise Léo Jade Raphaël Ambre Arthur Emma Louis Alice Jules Chloé Adam Lina Hugo ' +
      'Rose Lucas Léa Nathan Manon Théo Camille Mathis Inès Antoine Juliette François Hélène ' +
      'Benoît Élodie',
  ),
  familyNames: namesFrom(
    'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel ' +
      'Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine ' +
      'Rousseau Vincent Muller Lefebvre Faure Mercier',
  ),
  cities: [
    city('Paris', (random) => `750${String(random.int(1, 20)).padStart(2, '0')}`, '14 15 17 18'),
    city('Lyon', (random) => `6900${random.int(1, 9)}`, '472 478 437'),
    city('Marseille', (random) => `130${String(random.int(1, 16)).padStart(2, '0')}`, '491'),
    city(
      'Toulouse',
      (random) => `31${random.pick(['000', '100', '200', '300', '400', '500'])}`,
      '561 562',
    ),
    city(
      'Bordeaux',
      (random) => `33${random.pick(['000', '100', '200', '300', '800'])}`,
      '556 557',
    ),
    city('Lille', (random) => `59${random.pick(['000', '160', '260', '800'])}`, '320 328'),
  ],
  streetLines: (random) => [`${random.int(1, 160)} ${random.pick(streets)}`],
  mobile: (random) =>
    draft(
      random.chance(0.8)
        ? `6${random.int(10, 79)}${digits(random, 6)}`
        : `7${random.int(50, 89)}${digits(random, 6)}`,
    ),
  companyName: (random, family) =>
    random.weighted([
      [latin(`${family.native} ${random.pick(trades)} SAS`), 4],
      [latin(`${random.pick(places)} ${random.pick(trades)} SARL`), 3],
      [latin(`Cabinet ${family.native}`), 1],
    ]),
  companyMailboxes: ['contact', 'achats', 'comptabilite', 'info'],
  currencies: [['EUR', 100]],
};

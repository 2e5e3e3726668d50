import type { Random } from '../random.ts';
import {
  type City,
  digitFrom2,
  digits,
  type Locale,
  latin,
  namesFrom,
  wordsFrom,
} from './locale.ts';

const postalRange = (from: number, to: number) => (random: Random) =>
  String(random.int(from, to)).padStart(5, '0');

// Area codes of 2 digits take 8 more digits, those of 3 take 7.
const city = (name: string, areaCode: string, from: number, to: number): City => ({
  name,
  postalCode: postalRange(from, to),
  landline: (random) => {
    const rest = `${digitFrom2(random)}${digits(random, areaCode.length === 2 ? 7 : 6)}`;
    return { national: `0${areaCode} ${rest}`, international: `+49 ${areaCode} ${rest}` };
  },
});

const mobilePrefixes: ReadonlyArray<readonly [string, number]> = [
  ['151', 8],
  ['152', 8],
  ['157', 8],
  ['160', 7],
  ['170', 7],
  ['171', 7],
  ['175', 7],
  ['176', 8],
  ['177', 8],
  ['179', 7],
];

const familyNames = namesFrom(
  'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch ' +
    'Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann ' +
    'Hartmann Lange Schmitt Werner Krause Meier Lehmann',
);
const streets = wordsFrom(
  'Hauptstraße|Bahnhofstraße|Gartenstraße|Schillerstraße|Goethestraße|Lindenallee|Am Markt|' +
    'Kirchweg|Friedrichstraße|Berliner Straße|Mozartstraße|Schulstraße',
);
const places = wordsFrom('Rhein|Alpen|Nordlicht|Spree|Isar|Elbe|Taunus');
const trades = wordsFrom(
  'Maschinenbau|Logistik|Steuerberatung|Elektrotechnik|Immobilien|Architekten|Medizintechnik|' +
    'Haustechnik|Druckerei|Software',
);

/** Customers from Germany. */
export const de: Locale = {
  code: 'DE',
  weight: 20,
  utcOffsetHours: 1,
  language: 'de-DE',
  givenNames: namesFrom(
    'Lukas Anna Leon Lena Finn Marie Jonas Sophie Paul Emilia Felix Hannah Maximilian Lea ' +
      'Elias Mia Ben Laura Niklas Julia Tobias Katharina Sebastian Sarah Jürgen Ursula Stefan ' +
      'Sabine Matthias Jörg',
  ),
  familyNames,
  cities: [
    city('Berlin', '30', 10115, 14199),
    city('München', '89', 80331, 81929),
    city('Hamburg', '40', 20095, 22769),
    city('Köln', '221', 50667, 51149),
    city('Frankfurt am Main', '69', 60311, 60599),
    city('Stuttgart', '711', 70173, 70619),
    city('Düsseldorf', '211', 40210, 40629),
  ],
  streetLines: (random) => [`${random.pick(streets)} ${random.int(1, 180)}`],
  mobile: (random) => {
    const [prefix, length] = random.pick(mobilePrefixes);
    const rest = digits(random, length);
    return { national: `0${prefix} ${rest}`, international: `+49 ${prefix} ${rest}` };
  },
  companyName: (random, family) =>
    random.weighted([
      [latin(`${family.native} ${random.pick(trades)} GmbH`), 5],
      [latin(`${random.pick(places)} ${random.pick(trades)} AG`), 2],
      [latin(`${family.native} & ${random.pick(familyNames).native} GmbH & Co. KG`), 2],
    ]),
  companyMailboxes: ['info', 'einkauf', 'buchhaltung', 'kontakt'],
  currencies: [['EUR', 100]],
};

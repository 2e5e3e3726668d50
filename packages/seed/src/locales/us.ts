import type { Random } from '../random.ts';
import {
  type City,
  digitFrom2,
  digits,
  type Locale,
  latin,
  namesFrom,
  type PhoneDraft,
  wordsFrom,
} from './locale.ts';

// North American numbers: area code, a 3-digit exchange not starting with 0 or 1, 4 digits.
const number = (random: Random, areaCodes: ReadonlyArray<string>): PhoneDraft => {
  const area = random.pick(areaCodes);
  const exchange = `${digitFrom2(random)}${digits(random, 2)}`;
  const line = digits(random, 4);
  return {
    national: `(${area}) ${exchange}-${line}`,
    international: `+1 ${area}-${exchange}-${line}`,
  };
};

const city = (name: string, zipPrefix: string, areaCodes: string): City => ({
  name,
  postalCode: (random) => `${zipPrefix}${digits(random, 5 - zipPrefix.length)}`,
  landline: (random) => number(random, areaCodes.split(' ')),
});

const cities: ReadonlyArray<City> = [
  city('New York, NY', '100', '212 646 718'),
  city('San Francisco, CA', '941', '415 628'),
  city('Chicago, IL', '606', '312 773'),
  city('Boston, MA', '021', '617 857'),
  city('Seattle, WA', '981', '206'),
  city('Austin, TX', '787', '512 737'),
  city('Denver, CO', '802', '303 720'),
];

const streets = wordsFrom(
  'Main Street|Oak Avenue|Maple Street|Washington Boulevard|Park Place|Lake Shore Drive|' +
    'Market Street|Elm Street|Pine Street|Cedar Lane|Madison Avenue|Sunset Boulevard',
);
const places = wordsFrom('Summit|Redwood|Lakeshore|Ironclad|Bluepeak|Granite|Prairie|Liberty');
const trades = wordsFrom(
  'Analytics|Health Partners|Logistics|Capital|Dental Group|Software|Builders|Media',
);

/** Customers from the United States. */
export const us: Locale = {
  code: 'US',
  weight: 14,
  utcOffsetHours: -5,
  language: 'en-US',
  givenNames: namesFrom(
    'Liam Olivia Noah Emma Elijah Charlotte James Sophia Benjamin Mia Lucas Harper Mason ' +
      'Evelyn Ethan Abigail Logan Madison Jacob Avery Michael Ella Carter Scarlett Tyler ' +
      'Brooklyn Jackson Savannah Aiden Zoey',
  ),
  familyNames: namesFrom(
    'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez ' +
      'Gonzalez Wilson Anderson Thomas Taylor Moore Martin Lee Thompson White Harris Clark ' +
      'Lewis Robinson Walker Young Nguyen Kim',
  ),
  cities,
  streetLines: (random, company) => {
    const street = `${random.int(10, 9800)} ${random.pick(streets)}`;
    return company ? [street, `Suite ${random.int(1, 40) * 10}`] : [street];
  },
  mobile: (random) => number(random, ['212', '415', '312', '617', '206', '512', '303', '646']),
  companyName: (random, family) =>
    random.weighted([
      [latin(`${random.pick(places)} ${random.pick(trades)} Inc.`), 5],
      [latin(`${family.native} & Sons LLC`), 2],
      [latin(`${random.pick(places)} ${random.pick(trades)} Corp.`), 2],
    ]),
  companyMailboxes: ['info', 'purchasing', 'sales', 'ap'],
  currencies: [
    ['USD', 75],
    ['EUR', 25],
  ],
};

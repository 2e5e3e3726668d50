import type { Random } from '../random.ts';
import { type City, digits, type Locale, latin, namesFrom, wordsFrom } from './locale.ts';

const inwardLetters = [...'ABDEFGHJLNPQRSTUWXYZ'];

const postcode = (districts: string) => (random: Random) =>
  `${random.pick(districts.split(' '))} ${random.int(1, 9)}${random.pick(inwardLetters)}${random.pick(inwardLetters)}`;

// A London number has 8 digits after the 20; other big cities have 7 after a 3-digit code.
const london: City = {
  name: 'London',
  postalCode: postcode('EC1A EC2M SW1A SW6 N1 E14 W1T SE1 NW3 WC2H'),
  landline: (random) => {
    const a = `${random.pick(['7', '8', '3'])}${digits(random, 3)}`;
    const b = digits(random, 4);
    return { national: `020 ${a} ${b}`, international: `+44 20 ${a} ${b}` };
  },
};

const city = (name: string, code: string, districts: string): City => ({
  name,
  postalCode: postcode(districts),
  landline: (random) => {
    const a = `${random.int(2, 4)}${digits(random, 2)}`;
    const b = digits(random, 4);
    return { national: `0${code} ${a} ${b}`, international: `+44 ${code} ${a} ${b}` };
  },
});

const streets = wordsFrom(
  'High Street|Station Road|Church Lane|Victoria Road|Mill Lane|Kings Road|Park Avenue|' +
    'Queen Street|Albert Road|The Crescent|Manor Way|Chapel Street',
);
const places = wordsFrom(
  'Northbridge|Kestrel|Thames|Pennine|Harbour|Oakfield|Brightwater|Castlegate|Greystone|Ashford',
);
const trades = wordsFrom(
  'Logistics|Consulting|Engineering|Design|Solutions|Architects|Dental Care|Accountants|' +
    'Interiors|Print',
);

/** Customers from the United Kingdom. */
export const gb: Locale = {
  code: 'GB',
  weight: 22,
  utcOffsetHours: 0,
  language: 'en-GB',
  givenNames: namesFrom(
    'Oliver Amelia George Isla Harry Ava Jack Emily Charlie Sophie Thomas Grace James Lily ' +
      'William Freya Alfie Evie Henry Poppy Samuel Eleanor Joshua Hannah Daniel Chloe Matthew ' +
      'Ruby Arthur Imogen',
  ),
  familyNames: namesFrom(
    'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans ' +
      "Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Hughes Edwards Turner O'Brien " +
      'Harrington Whitfield Ashworth MacDonald',
  ),
  cities: [
    london,
    city('Manchester', '161', 'M1 M2 M4 M15 M20'),
    city('Birmingham', '121', 'B1 B3 B15 B29'),
    city('Leeds', '113', 'LS1 LS2 LS6 LS11'),
    city('Bristol', '117', 'BS1 BS8 BS6'),
    city('Edinburgh', '131', 'EH1 EH3 EH8 EH10'),
  ],
  streetLines: (random, company) => {
    const street = `${random.int(1, 240)} ${random.pick(streets)}`;
    return company ? [`Unit ${random.int(1, 30)}`, street] : [street];
  },
  mobile: (random) => {
    const a = `7${random.pick(['4', '5', '7', '8', '9'])}${digits(random, 2)}`;
    const b = digits(random, 6);
    return { national: `0${a} ${b}`, international: `+44 ${a} ${b}` };
  },
  companyName: (random, family) =>
    random.weighted([
      [latin(`${random.pick(places)} ${random.pick(trades)} Ltd`), 5],
      [latin(`${family.native} & ${random.pick(['Sons', 'Partners', 'Co'])} Ltd`), 3],
      [latin(`${family.native} ${random.pick(trades)} plc`), 1],
    ]),
  companyMailboxes: ['info', 'purchasing', 'accounts', 'office'],
  currencies: [
    ['GBP', 55],
    ['EUR', 45],
  ],
};

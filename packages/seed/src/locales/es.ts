import type { Random } from '../random.ts';
import { type City, digits, type Locale, latin, namesFrom, wordsFrom } from './locale.ts';

// Spanish numbers have nine digits: `912 345 678` at home, `+34 912 34 56 78` abroad.
const draft = (nine: string) => ({
  national: `${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}`,
  international: `+34 ${nine.slice(0, 3)} ${nine.slice(3, 5)} ${nine.slice(5, 7)} ${nine.slice(7)}`,
});

const city = (name: string, from: number, to: number, prefixes: string): City => ({
  name,
  postalCode: (random: Random) => String(random.int(from, to)).padStart(5, '0'),
  landline: (random) => {
    const prefix = random.pick(prefixes.split(' '));
    return draft(`${prefix}${digits(random, 9 - prefix.length)}`);
  },
});

const streets = wordsFrom(
  'Calle Mayor|Gran Vía|Calle de Alcalá|Avenida de la Constitución|Paseo de Gracia|' +
    'Calle Serrano|Avenida del Puerto|Calle Real|Plaza de España|Calle San Fernando|' +
    'Rambla de Catalunya|Calle Larios',
);
const places = wordsFrom('Ibérica|Mediterráneo|Levante|Cantábrica|Atlántica|Meseta');
const trades = wordsFrom(
  'Construcciones|Transportes|Asesoría|Distribuciones|Ingeniería|Clínica Dental|Reformas|' +
    'Inmobiliaria',
);

/** Customers from Spain; most carry two family names (`García López`). */
export const es: Locale = {
  code: 'ES',
  weight: 12,
  utcOffsetHours: 1,
  language: 'es-ES',
  givenNames: namesFrom(
    'Hugo Lucía Martín Sofía Pablo María Daniel Paula Alejandro Valeria Javier Carmen Sergio ' +
      'Laura Álvaro Marta David Elena Jorge Ana Manuel Isabel Raúl Cristina Adrián Nuria Iker ' +
      'Ainhoa José_Luis María_José',
  ),
  familyNames: namesFrom(
    'García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez ' +
      'Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres ' +
      'Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Núñez',
  ),
  cities: [
    city('Madrid', 28001, 28055, '91'),
    city('Barcelona', 8001, 8042, '93'),
    city('Valencia', 46001, 46026, '96'),
    city('Sevilla', 41001, 41020, '954 955'),
    city('Bilbao', 48001, 48015, '944'),
    city('Málaga', 29001, 29018, '952'),
  ],
  streetLines: (random, company) => {
    const street = `${random.pick(streets)}, ${random.int(1, 120)}`;
    return company || random.chance(0.4)
      ? [street]
      : [street, `${random.int(1, 8)}º ${random.pick(['A', 'B', 'C', 'D', 'izq.', 'dcha.'])}`];
  },
  mobile: (random) =>
    draft(
      random.chance(0.85) ? `6${digits(random, 8)}` : `7${random.int(1, 4)}${digits(random, 7)}`,
    ),
  companyName: (random, family) =>
    random.weighted([
      [latin(`${random.pick(trades)} ${family.native} S.L.`), 5],
      [latin(`${random.pick(places)} ${random.pick(trades)} S.A.`), 2],
    ]),
  companyMailboxes: ['info', 'compras', 'administracion', 'contacto'],
  currencies: [['EUR', 100]],
  doubleFamilyNames: 0.6,
};

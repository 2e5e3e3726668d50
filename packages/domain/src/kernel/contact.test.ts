import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { EmailAddress, normaliseEmail, normalisePhone, PhoneE164, PhoneRegion } from './contact.ts';

const region = (code: string): PhoneRegion => {
  if (!PhoneRegion.is(code)) throw new Error(`not a region: ${code}`);
  return code;
};

describe('PhoneE164', () => {
  it.each(['+442071838750', '+14155552671', '+8613800138000', '+4930901820'])('accepts %s', (s) => {
    expect(PhoneE164.is(s)).toBe(true);
  });

  it.each([
    '442071838750',
    '+0442071838750',
    '+44 20 7183 8750',
    '+12345',
    '+1234567890123456',
    '',
  ])('rejects %j', (s) => {
    expect(PhoneE164.is(s)).toBe(false);
  });
});

describe('PhoneRegion', () => {
  it('is two upper-case letters', () => {
    expect(PhoneRegion.is('GB')).toBe(true);
    expect(PhoneRegion.is('gb')).toBe(false);
    expect(PhoneRegion.is('GBR')).toBe(false);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['+44 20 7183 8750', undefined, '+442071838750'],
    ['+442071838750', undefined, '+442071838750'],
    ['+44 (0)20 7183 8750', undefined, '+442071838750'],
    ['020 7183 8750', 'GB', '+442071838750'],
    ['00 44 20 7183 8750', 'DE', '+442071838750'],
    ['011 44 20 7183 8750', 'US', '+442071838750'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['1 415 555 2671', 'US', '+14155552671'],
    ['+1-415-555-2671', undefined, '+14155552671'],
    ['+1 415 555 2671', 'GB', '+14155552671'],
    ['+49 30 901820', undefined, '+4930901820'],
    ['030 901820', 'DE', '+4930901820'],
    ['(030) 901820', 'DE', '+4930901820'],
    ['+86 138 0013 8000', undefined, '+8613800138000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['  +33 1 42 68 53 00  ', undefined, '+33142685300'],
    ['+81 3-1234-5678', undefined, '+81312345678'],
    ['03-1234-5678', 'JP', '+81312345678'],
  ])('reads %j (region %s) as %s', (input, regionCode, e164) => {
    const options = regionCode === undefined ? {} : { region: region(regionCode) };
    expect(normalisePhone(input, options)).toEqual(E.right(e164));
  });

  it.each([
    ['12345', undefined],
    ['abc', undefined],
    ['', undefined],
    ['+44 20 7183', undefined],
    ['+999 1234567', undefined],
    ['+1 415 555 267', undefined],
    ['+44 20 7183 8750 1234 5678', undefined],
    ['+4420718387a0', undefined],
    ['tel:+442071838750', undefined],
    ['555-2671', 'US'],
    ['(415) 555-2671', 'GB'],
  ])('rejects %j (region %s)', (input, regionCode) => {
    const options = regionCode === undefined ? {} : { region: region(regionCode) };
    expect(normalisePhone(input, options)).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidPhoneNumber', field: 'phone', input })),
    );
  });

  it('cannot read a national number without a region, and says how to fix it', () => {
    const result = normalisePhone('020 7183 8750');
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result)) expect(result.left.message).toContain('+country form');
  });

  it('names the field and the region in the error', () => {
    const result = normalisePhone('555-2671', { region: region('US'), field: 'data.phone' });
    expect(result).toEqual(
      E.left({
        _tag: 'InvalidPhoneNumber',
        field: 'data.phone',
        input: '555-2671',
        message: 'data.phone: "555-2671" is not a valid phone number (read in region US).',
      }),
    );
  });

  it('returns a value the PhoneE164 codec accepts', () => {
    const result = normalisePhone('020 7183 8750', { region: region('GB') });
    expect(E.isRight(result) && PhoneE164.is(result.right)).toBe(true);
  });
});

describe('EmailAddress', () => {
  it('accepts only the normalised form', () => {
    expect(EmailAddress.is('ana@example.com')).toBe(true);
    expect(EmailAddress.is('Ana@example.com')).toBe(false);
    expect(EmailAddress.is(' ana@example.com')).toBe(false);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['ana@example.com', 'ana@example.com'],
    ['Ana@Example.COM', 'ana@example.com'],
    ['  bo.li@mail.co.uk \n', 'bo.li@mail.co.uk'],
    ['\tCHRIS+crm@Example.org', 'chris+crm@example.org'],
    ['dana_k@sub-domain.example.io', 'dana_k@sub-domain.example.io'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseEmail(input)).toEqual(E.right(expected));
  });

  it.each([
    '',
    '   ',
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana@@example.com',
    'a..b@example.com',
    '.ana@example.com',
    'ana.@example.com',
    'ana@exa mple.com',
    'ana @example.com',
    'ana@-example.com',
    'ana@example-.com',
    'ana@example..com',
    'änä@example.com',
    `${'a'.repeat(250)}@x.com`,
  ])('rejects %j', (input) => {
    expect(normaliseEmail(input)).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidEmailAddress', field: 'email', input })),
    );
  });

  it('names the field in the error', () => {
    expect(normaliseEmail('nope', { field: 'data.contact.email' })).toEqual(
      E.left({
        _tag: 'InvalidEmailAddress',
        field: 'data.contact.email',
        input: 'nope',
        message: 'data.contact.email: "nope" is not a valid email address.',
      }),
    );
  });

  it('accepts up to 254 characters and no more', () => {
    const address = (lastLabel: number) =>
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(lastLabel)}.com`;
    expect(address(57)).toHaveLength(254);
    expect(normaliseEmail(address(57))).toEqual(E.right(address(57)));
    expect(E.isLeft(normaliseEmail(address(58)))).toBe(true);
  });
});

import type { PhoneRegion } from '@crm/domain';
import { describe, expect, it } from 'vitest';
import { type ContactRegistry, makeIdentity } from './identities.ts';
import { locales } from './locales/index.ts';
import { e164Of, newPhone, retyped, typedAs } from './phone-numbers.ts';
import { createRandom } from './random.ts';

describe.each(locales.map((locale) => [locale.code, locale] as const))(
  'phone numbers from %s',
  (code, locale) => {
    const region = code as PhoneRegion;

    it('are mostly valid as drafted (so a retry is rare), mobile and landline in every city', () => {
      const random = createRandom(`phones-${code}`);
      const drafts = [locale.mobile, ...locale.cities.map((city) => city.landline)];
      for (const draft of drafts) {
        let valid = 0;
        for (let i = 0; i < 100; i += 1)
          if (e164Of(draft(random).national, region) !== undefined) valid += 1;
        expect(valid).toBeGreaterThan(90);
      }
    });

    it('read the same typed nationally, internationally or run together', () => {
      const random = createRandom(`styles-${code}`);
      const used = new Set<string>();
      for (let i = 0; i < 50; i += 1) {
        const { phone, draft, style } = newPhone(locale.mobile, region, used, random);
        expect(used.has(phone.e164)).toBe(true);
        for (const other of ['national', 'international', 'compact'] as const) {
          const typed = typedAs(draft, region, other);
          expect(e164Of(typed.typed, typed.region)).toBe(phone.e164);
        }
        const again = retyped(draft, region, style, random);
        expect(again.e164).toBe(phone.e164);
        expect(again.typed).not.toBe(phone.typed);
      }
    });

    it('belong to believable people and companies with unique emails', () => {
      const random = createRandom(`people-${code}`);
      const registry: ContactRegistry = { phones: new Set(), emails: new Set() };
      for (let i = 0; i < 100; i += 1) {
        const identity = makeIdentity(random, locale, i % 2 === 0 ? 'person' : 'company', registry);
        expect(identity.address.country).toBe(code);
        expect(identity.email.toLowerCase()).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+$/);
      }
      expect(registry.emails.size).toBe(100);
      expect(registry.phones.size).toBe(100);
    });
  },
);

describe('newPhone', () => {
  it('gives up with a RangeError on drafts that are never valid', () => {
    const bad = () => ({ national: '123', international: '+0 123' });
    expect(() => newPhone(bad, 'GB' as PhoneRegion, new Set(), createRandom(1))).toThrow(
      RangeError,
    );
  });
});

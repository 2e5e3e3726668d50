import { describe, expect, it } from 'vitest';
import { eventIdFor, uuidV5 } from './event-ids.ts';

describe('uuidV5', () => {
  it('matches the RFC example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});

describe('eventIdFor', () => {
  it('is a version-5 UUID that depends only on the command id and the index', () => {
    const id = eventIdFor('cmd-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor('cmd-1', 0)).toBe(id);
    expect(new Set([id, eventIdFor('cmd-1', 1), eventIdFor('cmd-2', 0)]).size).toBe(3);
  });
});

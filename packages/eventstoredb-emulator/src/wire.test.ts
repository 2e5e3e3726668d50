import { describe, expect, it } from 'vitest';
import { uuidMessage, uuidText } from './wire.ts';

describe('UUIDs on the wire', () => {
  it('round-trips both forms, structured halves as signed 64-bit numbers', () => {
    const id = 'f3b2a1c0-9e8d-4c7b-a6f5-e4d3c2b1a099';
    expect(uuidText(uuidMessage(id, false))).toBe(id);
    const structured = uuidMessage(id, true);
    expect(structured.hasStructured()).toBe(true);
    expect(structured.getStructured()?.getMostSignificantBits().startsWith('-')).toBe(true);
    expect(uuidText(structured)).toBe(id);
  });

  it('lower-cases a string id', () => {
    expect(uuidText(uuidMessage('ABCDEF00-0000-4000-8000-000000000001', false))).toBe(
      'abcdef00-0000-4000-8000-000000000001',
    );
  });
});

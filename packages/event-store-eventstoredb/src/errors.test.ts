import { isEventStoreError } from '@crm/event-store';
import {
  MaxAppendSizeExceededError,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { isTransient, translateError } from './errors.ts';

// gRPC status codes, as a raw error from @grpc/grpc-js carries them.
const status = { INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, UNAVAILABLE: 14 } as const;
const serviceError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details });

describe('translateError', () => {
  it('keeps expected and actual of a wrong expected version', () => {
    const error = translateError(
      new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 5n, current: 1n }),
      { streamName: 'deal-1', expected: 5 },
    );
    expect(isEventStoreError(error, 'WrongExpectedRevision')).toBe(true);
    expect(error.details).toEqual({ streamName: 'deal-1', expected: 5, actual: 1 });
  });

  it('reports a stream with no events as no_stream, whether the server says no_stream or -1', () => {
    for (const current of ['no_stream', -1n] as const) {
      const error = translateError(
        new WrongExpectedVersionError(undefined, {
          streamName: 'deal-1',
          expected: 'stream_exists',
          current: current as 'no_stream',
        }),
        { streamName: 'deal-1', expected: 'stream_exists' },
      );
      expect(error.details).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
    }
  });

  it('maps a deleted stream, an oversized batch, and everything else', () => {
    expect(
      translateError(StreamDeletedError.fromStreamName('deal-1'), { streamName: 'deal-1' }),
    ).toMatchObject({
      code: 'StreamDeleted',
      details: { streamName: 'deal-1' },
    });
    expect(translateError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), {})).toMatchObject({
      code: 'InvalidInput',
      details: { field: 'events' },
    });
    const unavailable = translateError(new UnavailableError(undefined, 'no connection'), {});
    expect(unavailable.code).toBe('Unavailable');
    expect(unavailable.cause).toBeInstanceOf(UnavailableError);
    expect(translateError(new UnknownError(undefined, 'boom'), {}).code).toBe('Unavailable');
    expect(translateError(new TypeError('bug'), {}).code).toBe('Unavailable');
  });

  it('converts raw gRPC errors the client did not convert', () => {
    expect(translateError(serviceError(status.UNAVAILABLE, 'refused'), {}).code).toBe(
      'Unavailable',
    );
  });
});

describe('isTransient', () => {
  it('retries connection trouble, never request errors', () => {
    expect(isTransient(new UnavailableError(undefined, 'x'))).toBe(true);
    expect(isTransient(serviceError(status.UNAVAILABLE, 'x'))).toBe(true);
    expect(isTransient(serviceError(status.DEADLINE_EXCEEDED, 'x'))).toBe(true);
    expect(isTransient(StreamDeletedError.fromStreamName('x'))).toBe(false);
    expect(isTransient(serviceError(status.INVALID_ARGUMENT, 'x'))).toBe(false);
    expect(isTransient(new TypeError('bug'))).toBe(false);
  });
});

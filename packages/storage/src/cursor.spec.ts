import { AppError } from '@switchboard/errors';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor encoding', () => {
  it('round-trips dates, numbers and strings with the tie-breaking id', () => {
    const at = new Date('2026-11-23T12:00:00.123Z');
    expect(decodeCursor(encodeCursor(at, 'id-1'))).toEqual({ value: at, id: 'id-1' });
    expect(decodeCursor(encodeCursor(42, 'id-2'))).toEqual({ value: 42, id: 'id-2' });
    expect(decodeCursor(encodeCursor('Zoe', 'id-3'))).toEqual({ value: 'Zoe', id: 'id-3' });
  });

  it('is opaque and URL-safe', () => {
    const cursor = encodeCursor('a/b+c', 'x');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('answers validation_failed for anything it did not issue', () => {
    for (const bad of [
      'garbage',
      Buffer.from('{"v":{"$gt":1},"t":"s","id":"x"}').toString('base64url'),
      '',
    ]) {
      let thrown: unknown;
      try {
        decodeCursor(bad);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: 'validation_failed', errors: [{ path: 'cursor' }] });
    }
  });

  it("refuses a cursor whose sort key is not of the list's type, or not a valid date", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as AppError).code;
      }
      return 'none';
    };
    expect(code(() => decodeCursor(encodeCursor('abc', 'x'), 'date'))).toBe('validation_failed');
    expect(code(() => decodeCursor(encodeCursor(12, 'x'), 'string'))).toBe('validation_failed');
    expect(code(() => decodeCursor(encodeCursor(new Date(0), 'x'), 'date'))).toBe('none');
    const invalidDate = Buffer.from('{"v":"yesterday","t":"d","id":"x"}').toString('base64url');
    expect(code(() => decodeCursor(invalidDate))).toBe('validation_failed');
    expect(code(() => decodeCursor(`${encodeCursor('a', 'x')}.`))).toBe('validation_failed');
  });
});

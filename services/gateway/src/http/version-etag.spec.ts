import { expectedVersion, versionOfIfMatch } from './version-etag';

describe('If-Match versions', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
    ['*', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %p as %p', (header, version) => {
    expect(versionOfIfMatch(header)).toBe(version);
  });

  it.each(['banana', '"0"', '"1", "2"', 'W/3x', '"-1"', '"99999999999999999"'])(
    'refuses %p with validation_failed',
    (header) => {
      expect(() => versionOfIfMatch(header)).toThrow(
        expect.objectContaining({ code: 'validation_failed' }),
      );
    },
  );

  it('takes either the header or the body version, and refuses two that disagree', () => {
    expect(expectedVersion(2, undefined)).toBe(2);
    expect(expectedVersion(undefined, 2)).toBe(2);
    expect(expectedVersion(2, 2)).toBe(2);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(() => expectedVersion(1, 2)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});

import fc from 'fast-check';
import {
  CUSTOM_FIELDS,
  NOW,
  exactCondition,
  filterArb,
  inexactCondition,
  profileArb,
} from '../test/arbitraries';
import { compile } from './compile';
import { explain } from './explain';
import { validate } from './validate';

// Pure properties; the agreement with MongoDB/FerretDB is test/agreement.medium.spec.ts.
describe('properties', () => {
  const anyFilter = filterArb(fc.oneof(exactCondition, inexactCondition), 5);

  it('explain holds at the root exactly when the predicate does', () => {
    fc.assert(
      fc.property(anyFilter, profileArb('c1'), (filter, profile) => {
        const { predicate } = compile(filter, { now: NOW });
        expect(explain(filter, profile, { now: NOW }).held).toBe(predicate(profile));
      }),
      { numRuns: 300 },
    );
  });

  it('not flips the answer; and/or of one filter are that filter', () => {
    fc.assert(
      fc.property(anyFilter, profileArb('c1'), (filter, profile) => {
        const holds = (f: typeof filter) => compile(f, { now: NOW }).predicate(profile);
        expect(holds({ not: filter })).toBe(!holds(filter));
        expect(holds({ and: [filter] })).toBe(holds(filter));
        expect(holds({ or: [filter] })).toBe(holds(filter));
      }),
      { numRuns: 200 },
    );
  });

  it('validate answers any JSON without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = validate(value, { customFields: CUSTOM_FIELDS });
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

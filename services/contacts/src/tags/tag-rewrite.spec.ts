import { rewriteTags } from './tag-rewrite';

describe('rewriteTags', () => {
  it('renames in place, merges without doubling, deletes', () => {
    expect(rewriteTags(['a', 'old', 'b'], { kind: 'rename', tag: 'old', into: 'new' })).toEqual([
      'a',
      'new',
      'b',
    ]);
    expect(rewriteTags(['into', 'old'], { kind: 'merge', tag: 'old', into: 'into' })).toEqual([
      'into',
    ]);
    expect(rewriteTags(['a', 'old'], { kind: 'delete', tag: 'old', into: null })).toEqual(['a']);
    const tags = ['a'];
    expect(rewriteTags(tags, { kind: 'delete', tag: 'old', into: null })).toBe(tags);
  });
});

import type { Channel } from '@switchboard/contracts';
import {
  foldText,
  nameSortKeyOf,
  prefixPattern,
  searchKeysOf,
  searchTermsOf,
  withDerivedFields,
} from './contact-search';
import { buildContactDoc } from './contact-builder';

const ch = (type: Channel['type'], value: string): Channel => ({
  type,
  value,
  primary: true,
  subscribed: true,
});

/** What a query finds, the way the stored filter does: every term prefixes some key. */
const finds = (keys: string[], q: string): boolean =>
  searchTermsOf(q).every((t) => keys.some((k) => new RegExp(prefixPattern(t)).test(k)));

describe('contact search keys', () => {
  it('folds case, accents and special letters', () => {
    expect(foldText('  Élodie  ŁUKASZ Straße Øre ')).toBe('elodie lukasz strasse ore');
    expect(nameSortKeyOf('Zoë')).toBe('zoe');
  });

  it('keys names by word, compound words by their parts too', () => {
    const keys = searchKeysOf({
      displayName: 'Jean-Pierre O’Brien',
      firstName: 'Jean-Pierre',
      lastName: 'O’Brien',
      channels: [],
    });
    expect(keys).toEqual(
      expect.arrayContaining(['jean-pierre', 'jean', 'pierre', 'jeanpierre', 'obrien', 'brien']),
    );
    expect(finds(keys, 'pierre')).toBe(true);
    expect(finds(keys, 'brien jean')).toBe(true);
    expect(finds(keys, 'JEAN-P')).toBe(true);
    expect(finds(keys, 'paul')).toBe(false);
    const odd = searchKeysOf({ displayName: '=HYPERLINK("x")', channels: [] });
    expect(finds(odd, 'hyperl')).toBe(true);
  });

  it('keys e-mails by address, local part (and its parts) and domain', () => {
    const keys = searchKeysOf({
      displayName: 'Ada',
      channels: [ch('email', 'ada.lovelace@example.com')],
    });
    expect(keys).toEqual(
      expect.arrayContaining([
        'ada.lovelace@example.com',
        'ada.lovelace',
        'lovelace',
        'example.com',
      ]),
    );
    expect(finds(keys, 'ada.lovelace@exa')).toBe(true);
    expect(finds(keys, 'lovel')).toBe(true);
    expect(finds(keys, 'example.c')).toBe(true);
    expect(finds(keys, 'adaXlovelace')).toBe(false);
  });

  it('finds phones in international, national and bare forms', () => {
    const keys = searchKeysOf({ displayName: 'x', channels: [ch('phone', '+33612345678')] });
    for (const q of ['+33 6 12', '33612345678', '06 12 34 56 78', '(0)6-12', '612345', '+33612']) {
      expect([q, finds(keys, q)]).toEqual([q, true]);
    }
    expect(finds(keys, '07 12')).toBe(false);
    const us = searchKeysOf({ displayName: 'x', channels: [ch('phone', '+14155550100')] });
    expect(finds(us, '(415) 555-01')).toBe(true);
    expect(finds(us, '+1 415 555')).toBe(true);
  });

  it('keys handles without their @ and profile URLs by their last segment', () => {
    const keys = searchKeysOf({
      displayName: 'x',
      channels: [ch('telegram', '@AdaL'), ch('linkedin', 'https://linkedin.com/in/ada-l/')],
    });
    expect(finds(keys, 'adal')).toBe(true);
    expect(finds(keys, '@ada')).toBe(true);
    expect(finds(keys, 'ada-l')).toBe(true);
  });

  it('escapes regex metacharacters in query terms', () => {
    expect(prefixPattern('a.b*(c)[d]')).toBe('^a\\.b\\*\\(c\\)\\[d\\]');
    expect(new RegExp(prefixPattern('a.b')).test('axb')).toBe(false);
    expect(searchTermsOf('  ...  ')).toEqual(['...']);
    expect(searchTermsOf('Ada  ada LOVE')).toEqual(['ada', 'love']);
  });

  it('is part of every built document and recomputed by withDerivedFields', () => {
    const doc = buildContactDoc(
      { firstName: 'Ada', channels: [{ type: 'email', value: 'Ada@Example.com' }] },
      {
        id: 'c1',
        workspaceId: 'w1',
        actor: { type: 'user', id: 'u1' },
        now: new Date(),
        dedupRule: 'email',
      },
    );
    expect(doc.searchKeys).toEqual(expect.arrayContaining(['ada', 'ada@example.com']));
    expect(doc.nameSortKey).toBe('ada');
    // Never touched: sorts by its creation (decision 0125).
    expect(doc.lastTouchSortKey).toEqual(doc.createdAt);
    const touched = new Date('2026-01-02T03:04:05Z');
    const next = withDerivedFields({ ...doc, displayName: 'Grace', lastTouchAt: touched });
    expect(next.nameSortKey).toBe('grace');
    expect(next.searchKeys).toContain('grace');
    expect(next.lastTouchSortKey).toEqual(touched);
  });
});

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channel } from '@switchboard/contracts';
import type { ContactDoc } from './contact.schema';

/**
 * Free-text search without a text index (none is portable to FerretDB): every contact stores
 * `searchKeys`, normalised words it can be found by, and a query matches when each of its words
 * is a prefix of some key (an anchored regex on the array, which MongoDB answers from the
 * multikey index). Keys and query words go through the same folding, so "Élodie", "elodie" and
 * "ELODIE" find each other; phone numbers are keyed by digits in international and national
 * forms, so "+33 6 12", "06 12 34" and "612345678" all find +33612345678.
 */

/** Letters NFKD does not decompose into a base letter and a mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-cased, accents removed, whitespace collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßłøæœđðþı]/g, (c) => SPECIAL[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

const MAX_KEYS = 64;
const WORD_PARTS = /[^\p{L}\p{N}]+/u;

/**
 * A folded word and, when it holds punctuation (jean-pierre, o'brien, ada.lovelace, "=x(y)"),
 * its letter-and-digit parts and those parts joined.
 */
function wordKeys(word: string): string[] {
  const parts = word.split(WORD_PARTS).filter(Boolean);
  if (parts.length === 1 && parts[0] === word) return [word];
  return [word, ...parts, parts.join('')];
}

const nameKeys = (name: string | undefined): string[] =>
  name ? foldText(name).split(' ').filter(Boolean).flatMap(wordKeys) : [];

const digits = (s: string): string => s.replace(/\D/g, '');

function phoneKeys(value: string): string[] {
  const phone = parsePhoneNumberFromString(value);
  if (!phone) return [digits(value)];
  return [digits(phone.number), phone.nationalNumber, digits(phone.formatNational())];
}

function emailKeys(value: string): string[] {
  const email = foldText(value);
  const [local = '', domain = ''] = email.split('@');
  return [email, ...wordKeys(local), domain];
}

function channelKeys(channel: Channel): string[] {
  switch (channel.type) {
    case 'email':
      return emailKeys(channel.value);
    case 'phone':
    case 'sms':
    case 'whatsapp':
      return phoneKeys(channel.value);
    case 'linkedin':
    case 'telegram':
    case 'other': {
      // Handles and profile URLs: the value, without a leading @, and its last path segment.
      const value = foldText(channel.value);
      const last = value.replace(/\/+$/, '').split('/').pop() ?? value;
      return [value, value.replace(/^@/, ''), last];
    }
  }
}

export interface SearchableContact {
  firstName?: string;
  lastName?: string;
  displayName: string;
  channels: Channel[];
}

/** The normalised words a contact can be found by (deduplicated, bounded). */
export function searchKeysOf(contact: SearchableContact): string[] {
  const keys = [
    ...nameKeys(contact.displayName),
    ...nameKeys(contact.firstName),
    ...nameKeys(contact.lastName),
    ...contact.channels.flatMap(channelKeys),
  ].filter((k) => k.length > 0);
  return [...new Set(keys)].slice(0, MAX_KEYS);
}

/** The stored key `sort=displayName` orders by: collation is not portable, folding is. */
export const nameSortKeyOf = (displayName: string): string => foldText(displayName);

const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;
const MAX_TERMS = 8;

/**
 * The prefixes a query must all match: its folded words, or, for a phone-like query (digits
 * and separators only), its digits as one term.
 */
export function searchTermsOf(q: string): string[] {
  const text = q.trim();
  if (PHONE_LIKE.test(text) && digits(text).length >= 2) return [digits(text)];
  const words = foldText(text).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** `^` + the term with every regex metacharacter escaped (same meaning in PCRE, RE2 and JS). */
export const prefixPattern = (term: string): string =>
  `^${term.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`;

/**
 * What contacts never touched sorted by before decision 0125 (the epoch); the backfill rewrites
 * the ones still carrying it. They now sort by their creation.
 */
export const NEVER_TOUCHED = new Date(0);

/** The stored fields derived from the rest of the contact; fields the list searches and sorts by. */
export type DerivedFields = Pick<ContactDoc, 'searchKeys' | 'nameSortKey' | 'lastTouchSortKey'>;

/**
 * The contact with its derived fields recomputed. Every write applies it (buildContactDoc for
 * new contacts, ContactsService.mutate before each replace), so no write path can leave stale
 * search or sort keys behind.
 */
export function withDerivedFields<D extends Omit<ContactDoc, keyof DerivedFields>>(
  doc: D,
): D & DerivedFields {
  return {
    ...doc,
    searchKeys: searchKeysOf(doc),
    nameSortKey: nameSortKeyOf(doc.displayName),
    lastTouchSortKey: new Date(doc.lastTouchAt ?? doc.createdAt),
  };
}

import { contactOf, matchesEvent, matchesSegment } from './event-match';

describe('event matching', () => {
  it('takes exact types, families and everything', () => {
    expect(matchesEvent(['deal.won'], 'deal.won')).toBe(true);
    expect(matchesEvent(['deal.won'], 'deal.lost')).toBe(false);
    expect(matchesEvent(['contact.*'], 'contact.tag.added')).toBe(true);
    expect(matchesEvent(['contact.*'], 'contacts.x')).toBe(false);
    expect(matchesEvent(['contact.*'], 'company.created')).toBe(false);
    expect(matchesEvent(['*'], 'task.due')).toBe(true);
  });

  it('narrows only segment membership events by segment id', () => {
    expect(matchesSegment(['s1'], 'segment.member.joined', { segmentId: 's1' })).toBe(true);
    expect(matchesSegment(['s1'], 'segment.member.joined', { segmentId: 's2' })).toBe(false);
    expect(matchesSegment(['s1'], 'deal.won', {})).toBe(true);
    expect(matchesSegment(null, 'segment.member.left', { segmentId: 's2' })).toBe(true);
  });

  it('finds the contact in the data, else a contact aggregate', () => {
    expect(contactOf({ aggregate: { type: 'deal', id: 'd' }, data: { contactId: 'c' } })).toBe('c');
    expect(contactOf({ aggregate: { type: 'contact', id: 'c2' }, data: {} })).toBe('c2');
    expect(contactOf({ aggregate: { type: 'deal', id: 'd' }, data: {} })).toBeNull();
  });
});

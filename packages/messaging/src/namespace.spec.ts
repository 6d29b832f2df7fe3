import { SubjectNamespace } from './namespace';

describe('SubjectNamespace', () => {
  it('without a prefix builds exactly the contract subjects', () => {
    const ns = new SubjectNamespace();
    expect(ns.rpc('rpc.contacts.create')).toBe('rpc.contacts.create');
    expect(ns.event('ws1', 'contact.tag.added')).toBe('crm.ws1.contact.tag.added');
    expect(ns.eventFilter('contact.>')).toBe('crm.*.contact.>');
    expect(ns.messaging('ws1', 'email', 'opened')).toBe('messaging.ws1.email.opened');
    expect(ns.deadLetter('activity-timeline', 'crm.ws1.contact.created')).toBe(
      'dlq.activity-timeline.crm.ws1.contact.created',
    );
    expect(ns.stream('events')).toEqual({ name: 'CRM_EVENTS', subjects: ['crm.>'] });
  });

  it('with a prefix namespaces subjects and streams, and strips it back', () => {
    const ns = new SubjectNamespace('staging.');
    expect(ns.event('ws1', 'contact.created')).toBe('staging.crm.ws1.contact.created');
    expect(ns.deadLetter('c', 'staging.crm.ws1.contact.created')).toBe(
      'staging.dlq.c.crm.ws1.contact.created',
    );
    expect(ns.stream('deadLetters')).toEqual({
      name: 'staging_DEAD_LETTERS',
      subjects: ['staging.dlq.>'],
    });
    expect(ns.strip('staging.crm.ws1.contact.created')).toBe('crm.ws1.contact.created');
  });

  it('refuses prefixes that would break subject tokens', () => {
    expect(() => new SubjectNamespace('staging')).toThrow(/name\./);
    expect(() => new SubjectNamespace('a.b.')).toThrow();
    expect(() => new SubjectNamespace('*.')).toThrow();
  });
});

import type { Channel } from '@switchboard/contracts';
import type { ContactDoc } from '../contacts/contact.schema';
import { attachLead, contactIdOfLead, contactInputOf, withCaptureConsent } from './lead-conversion';
import { mayMove } from './lead-workflow';
import type { LeadDoc } from './lead.schema';

const actor = { type: 'user' as const, id: 'u1' };
const at = new Date('2026-11-01T10:00:00.000Z');

const lead = (over: Partial<LeadDoc> = {}): LeadDoc => ({
  _id: '01a24407-2ddd-773b-8de2-1937625a33ff',
  workspaceId: 'ws',
  firstName: 'Ada',
  displayName: 'Ada',
  email: 'ada@example.com',
  phone: '+12025550143',
  tags: ['webinar'],
  source: 'website',
  formId: 'f1',
  status: 'qualified',
  reason: null,
  assigneeId: null,
  capture: {
    fields: {},
    source: 'website',
    formId: 'f1',
    utm: null,
    consent: { given: true, at, source: 'f1', ip: '192.0.2.1', text: null },
    receivedAt: at,
    by: actor,
  },
  statusHistory: [],
  assignments: [],
  conversion: null,
  version: 2,
  createdAt: at,
  updatedAt: at,
  ...over,
});

const email = (over: Partial<Channel> = {}): Channel => ({
  type: 'email',
  value: 'ada@example.com',
  primary: true,
  subscribed: true,
  ...over,
});

describe('lead conversion rules', () => {
  it('derives the same contact id on every attempt, never a generated (v7) one', () => {
    const id = contactIdOfLead('01a24407-2ddd-773b-8de2-1937625a33ff');
    expect(id).toBe('01a24407-2ddd-873b-8de2-1937625a33ff');
    expect(contactIdOfLead('01a24407-2ddd-773b-8de2-1937625a33ff')).toBe(id);
  });

  it('puts the capture consent on the lead email, not on other channels', () => {
    const other = email({ value: 'other@example.com', primary: false });
    const [mine, theirs] = withCaptureConsent([email(), other], lead());
    expect(mine).toMatchObject({
      subscribed: true,
      consent: {
        status: 'opted_in',
        at: at.toISOString(),
        optInAt: at.toISOString(),
        source: 'f1',
        ip: '192.0.2.1',
      },
    });
    expect(theirs).toBe(other);
  });

  it('keeps a later unsubscribe and never lifts a suppression', () => {
    const later = email({
      subscribed: false,
      consent: { unsubscribedAt: '2026-11-02T00:00:00.000Z' },
    });
    expect(withCaptureConsent([later], lead())[0]).toBe(later);
    const suppressed = email({ suppression: { reason: 'bounce', at: '2026-10-01T00:00:00.000Z' } });
    expect(withCaptureConsent([suppressed], lead())[0]).toMatchObject({
      suppression: { reason: 'bounce' },
    });
    const refused = lead({
      capture: { ...lead().capture, consent: { ...lead().capture.consent!, given: false } },
    });
    expect(withCaptureConsent([email()], refused)[0]).toMatchObject({
      subscribed: false,
      consent: { status: 'opted_out', source: 'f1' },
    });
  });

  it('builds the contact input from the lead; leadSource only when configured', () => {
    const input = contactInputOf(lead({ companyName: 'ACME' }), (s) => s === 'website');
    expect(input).toMatchObject({
      firstName: 'Ada',
      source: 'website',
      leadSource: 'website',
      tags: ['webinar'],
      leadId: lead()._id,
      metadata: { lead: { formId: 'f1', companyName: 'ACME' } },
    });
    expect(contactInputOf(lead(), () => false)).not.toHaveProperty('leadSource');
  });

  it('attaches: tags united, blanks filled, leadId kept when the contact has one', () => {
    const contact = {
      _id: 'c1',
      lastName: 'Known',
      tags: ['customer'],
      channels: [email()],
      leadId: 'older-lead',
    } as unknown as ContactDoc;
    const next = attachLead(contact, lead());
    expect(next).toMatchObject({
      firstName: 'Ada',
      lastName: 'Known',
      tags: ['customer', 'webinar'],
      leadId: 'older-lead',
    });
    expect(attachLead(next, lead())).toBe(next);
  });

  it('follows the workflow: converted only from qualified, nothing after it', () => {
    expect(mayMove('new', 'qualified')).toBe(true);
    expect(mayMove('working', 'converted')).toBe(false);
    expect(mayMove('qualified', 'converted')).toBe(true);
    expect(mayMove('disqualified', 'qualified')).toBe(false);
    expect(mayMove('converted', 'working')).toBe(false);
  });
});

import { workspaceMismatch } from './dead-letter';

describe('workspaceMismatch', () => {
  it('is undefined when the subject and the envelope name the same workspace', () => {
    expect(workspaceMismatch('crm.ws-a.contact.created', { workspaceId: 'ws-a' })).toBeUndefined();
  });

  it('names both workspaces when they differ, or when the envelope names none properly', () => {
    expect(workspaceMismatch('crm.ws-a.contact.created', { workspaceId: 'ws-b' })).toBe(
      'subject names workspace "ws-a", envelope "ws-b"',
    );
    expect(workspaceMismatch('crm.ws-a.contact.created', { workspaceId: null })).toBe(
      'subject names workspace "ws-a", envelope null',
    );
  });

  it('leaves payloads without a workspaceId to the subject (inbound messaging events)', () => {
    expect(workspaceMismatch('messaging.ws-a.email.sent', { id: 'm1' })).toBeUndefined();
    expect(workspaceMismatch('messaging.ws-a.email.sent', 'text')).toBeUndefined();
    expect(workspaceMismatch('messaging.ws-a.email.sent', null)).toBeUndefined();
  });
});

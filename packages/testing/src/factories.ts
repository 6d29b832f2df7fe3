import { randomBytes } from 'node:crypto';
import type { Contact, Session } from '@switchboard/contracts';
import { http } from './http-client';

const unique = () => randomBytes(4).toString('hex');

/** Signs up a new workspace and its owner through the gateway, like a new customer would. */
export async function signUp(
  gatewayUrl: string,
  overrides: Partial<Record<'email' | 'password' | 'name' | 'workspaceName', string>> = {},
): Promise<Session> {
  const res = await http<Session>(gatewayUrl, 'POST', '/v1/auth/signup', {
    body: {
      email: `owner-${unique()}@example.com`,
      password: 'correct horse battery staple',
      name: 'Owner',
      workspaceName: `Workspace ${unique()}`,
      ...overrides,
    },
  });
  if (res.status !== 201)
    throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a contact through the gateway; fails loudly on anything but 201. */
export async function newContact(
  gatewayUrl: string,
  token: string,
  body: Record<string, unknown> = {},
): Promise<Contact> {
  const res = await http<Contact>(gatewayUrl, 'POST', '/v1/contacts', {
    token,
    body: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      channels: [{ type: 'email', value: `ada-${unique()}@example.com` }],
      ...body,
    },
  });
  if (res.status !== 201)
    throw new Error(`create contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

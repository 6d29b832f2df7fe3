import type { Capability, Session } from '@switchboard/contracts';
import { http, waitFor } from '@switchboard/testing';
import { unique, type MatrixWorld, type OwnerVariant, type WorkspaceSide } from './matrix-world';

/**
 * THE registry of the authorization matrix: every route of the gateway has an entry here (the
 * matrix fails on a route without one, and on an entry without a route). An entry restates the
 * access the route must declare, says what record it acts on and builds its request; the
 * expected answer for every role comes from the capability map, never from the entry.
 *
 * Adding a route: add `'<METHOD> <path as in the controller>': { … }` to ROUTES; if it acts on
 * a new kind of record, add a factory to RECORDS (created through the API as the workspace
 * owner, with the owner id the variant asks for).
 */

export interface RecordFactory {
  /** Owned records (contacts, deals, tasks) get own/other/unowned variants. */
  owned: boolean;
  create(w: MatrixWorld, side: WorkspaceSide, ownerId: string | null): Promise<string>;
}

export const RECORDS = {
  contact: {
    owned: true,
    create: (w, side, ownerId) =>
      w.create(w.ownerOf(side), '/v1/contacts', {
        displayName: `Fixture ${unique()}`,
        ...(ownerId ? { ownerId } : {}),
      }),
  },
  /** `<contactId>/<channelId>` of a contact with an email channel (what consent takes). */
  contact_channel: {
    owned: true,
    create: async (w, side, ownerId) => {
      const email = `m-${unique()}@example.com`;
      const id = await w.create(w.ownerOf(side), '/v1/contacts', {
        displayName: `Fixture ${unique()}`,
        channels: [{ type: 'email', value: email }],
        ...(ownerId ? { ownerId } : {}),
      });
      return `${id}/${encodeURIComponent(`email:${email}`)}`;
    },
  },
  /** An address on the workspace suppression list. */
  suppression: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/suppressions', {
        address: `s-${unique()}@example.com`,
        channelType: 'email',
      }),
  },
  /** A contact nobody owns: what a claim takes. */
  unowned_contact: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/contacts', { displayName: `Pool ${unique()}` }),
  },
  /** A viewer of the workspace: any role that may manage members may manage it. */
  member: {
    owned: false,
    create: async (w, side) => (await w.h.addMember(w.ownerOf(side), 'viewer')).user.id,
  },
  /** The offboarding of a fresh viewer (its records go to the pool). */
  offboarding: {
    owned: false,
    create: async (w, side) => {
      const member = await w.h.addMember(w.ownerOf(side), 'viewer');
      const res = await http<{ id: string }>(w.url, 'DELETE', `/v1/members/${member.user.id}`, {
        token: w.ownerOf(side).accessToken,
      });
      if (res.status !== 202) throw new Error(`fixture offboarding: ${res.status}`);
      return res.body.id;
    },
  },
  invitation: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/invitations', {
        email: `i-${unique()}@example.com`,
        role: 'viewer',
      }),
  },
  api_key: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/api-keys', { name: `k-${unique()}`, role: 'viewer' }),
  },
  integration: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/integrations', { name: `i-${unique()}`, kind: 'campaign' }),
  },
  /** A custom role with no members (its name is its key). */
  role: {
    owned: false,
    create: async (w, side) => {
      const name = `r-${unique()}`;
      const res = await http(w.url, 'POST', '/v1/roles', {
        token: w.ownerOf(side).accessToken,
        body: { name, capabilities: ['contacts.read'], scope: 'own' },
      });
      if (res.status !== 201) throw new Error(`fixture role: ${res.status}`);
      return name;
    },
  },
  team: {
    owned: false,
    create: (w, side) => w.create(w.ownerOf(side), '/v1/teams', { name: `t-${unique()}` }),
  },
  pipeline: { owned: false, create: (w, side) => newPipeline(w, side).then((p) => p.id) },
  deal: {
    owned: true,
    create: async (w, side, ownerId) => {
      const { pipelineId, contactId } = await dealParents(w, side);
      return w.create(w.ownerOf(side), '/v1/deals', {
        title: `Deal ${unique()}`,
        pipelineId,
        contactId,
        ...(ownerId ? { ownerId } : {}),
      });
    },
  },
  /** Tasks are owned by their assignee; anchored to a company (no existence check yet). */
  task: {
    owned: true,
    create: (w, side, ownerId) =>
      w.create(w.ownerOf(side), '/v1/tasks', {
        ...newTaskBody(),
        ...(ownerId ? { assigneeId: ownerId } : {}),
      }),
  },
  pool_task: {
    owned: false,
    create: (w, side) => w.create(w.ownerOf(side), '/v1/tasks', newTaskBody()),
  },
  /**
   * Notes and communications belong to the user who wrote them; written with an API key they
   * belong to nobody, which is what the matrix needs (scope "own" is covered by the activity
   * service's medium tests).
   */
  note: {
    owned: false,
    create: async (w, side) =>
      createAs(w, await apiKeyOf(w, side), '/v1/notes', {
        anchor: { type: 'contact', id: await activityContact(w, side) },
        body: `Note ${unique()}`,
      }),
  },
  communication: {
    owned: false,
    create: async (w, side) =>
      createAs(
        w,
        await apiKeyOf(w, side),
        `/v1/contacts/${await activityContact(w, side)}/communications`,
        newCommunicationBody(),
      ),
  },
  /** Companies are owned like contacts. */
  company: {
    owned: true,
    create: (w, side, ownerId) =>
      w.create(w.ownerOf(side), '/v1/companies', {
        name: `Company ${unique()}`,
        ...(ownerId ? { ownerId } : {}),
      }),
  },
  custom_field: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/custom-fields', {
        entity: 'contact',
        slug: `f_${unique()}`,
        label: 'Fixture',
        type: 'text',
      }),
  },
  segment: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/segments', { name: `Segment ${unique()}`, type: 'static' }),
  },
  /** A contact import (a one-row CSV file). */
  import: {
    owned: false,
    create: async (w, side) => {
      const res = await http<{ id: string }>(w.url, 'POST', '/v1/imports', {
        token: w.ownerOf(side).accessToken,
        ...csvUpload(),
      });
      if (res.status !== 202) throw new Error(`fixture import: ${res.status}`);
      return res.body.id;
    },
  },
  /** Leads are owned by their assignee; `qualified_lead` is one ready to convert. */
  lead: {
    owned: true,
    create: (w, side, ownerId) =>
      w.create(w.ownerOf(side), '/v1/leads', {
        email: `lead-${unique()}@example.com`,
        source: 'website',
        ...(ownerId ? { assigneeId: ownerId } : {}),
      }),
  },
  qualified_lead: {
    owned: true,
    create: async (w, side, ownerId) => {
      const id = await w.create(w.ownerOf(side), '/v1/leads', {
        email: `lead-${unique()}@example.com`,
        source: 'website',
        ...(ownerId ? { assigneeId: ownerId } : {}),
      });
      const res = await http(w.url, 'PATCH', `/v1/leads/${id}`, {
        token: w.ownerOf(side).accessToken,
        body: { status: 'qualified' },
      });
      if (res.status !== 200) throw new Error(`fixture qualified lead: ${res.status}`);
      return id;
    },
  },
  product: {
    owned: false,
    create: (w, side) =>
      w.create(w.ownerOf(side), '/v1/products', {
        name: `Product ${unique()}`,
        slug: `p_${unique()}`,
        criteria: [{ key: 'budget', label: 'Budget', weight: 1 }],
      }),
  },
  webhook: { owned: false, create: (w, side) => newWebhook(w, side) },
  /** A tag of the library (its name is its key), defined and carried by no contact. */
  tag: {
    owned: false,
    create: async (w, side) => {
      const name = `tag-${unique()}`;
      const res = await http(w.url, 'POST', '/v1/tags', {
        token: w.ownerOf(side).accessToken,
        body: { name, color: '#336699' },
      });
      if (res.status !== 201) throw new Error(`fixture tag: ${res.status}`);
      return name;
    },
  },
  /** A tag operation: the delete of a tag one contact carries. */
  tag_operation: {
    owned: false,
    create: async (w, side) => {
      const name = `gone-${unique()}`;
      await w.create(w.ownerOf(side), '/v1/contacts', { displayName: 'Tagged', tags: [name] });
      const res = await http<{ operation: { id: string } }>(w.url, 'DELETE', `/v1/tags/${name}`, {
        token: w.ownerOf(side).accessToken,
      });
      if (res.status !== 202) throw new Error(`fixture tag operation: ${res.status}`);
      return res.body.operation.id;
    },
  },
  /** `<webhookId>/<deliveryId>` of a delivery that failed for good (what a retry takes). */
  failed_delivery: { owned: false, create: (w, side) => failedDelivery(w, side) },
} satisfies Record<string, RecordFactory>;

/** An endpoint on a closed local port: the harness allows loopback and plain http. */
function newWebhook(w: MatrixWorld, side: WorkspaceSide): Promise<string> {
  return w.create(w.ownerOf(side), '/v1/webhooks', {
    url: 'http://127.0.0.1:9/hook',
    events: ['deal.won'],
  });
}

async function failedDelivery(w: MatrixWorld, side: WorkspaceSide): Promise<string> {
  const token = w.ownerOf(side).accessToken;
  const webhookId = await newWebhook(w, side);
  const sent = await http<{ id: string }>(w.url, 'POST', `/v1/webhooks/${webhookId}/test`, {
    token,
  });
  if (sent.status !== 202) throw new Error(`test delivery: ${sent.status}`);
  // The harness retries within a zero window: two refused attempts, then it is given up.
  await waitFor(async () => {
    const log = await http<{ items: { id: string; status: string }[] }>(
      w.url,
      'GET',
      `/v1/webhooks/${webhookId}/deliveries?status=failed`,
      { token },
    );
    return log.body.items.some((d) => d.id === sent.body.id) || undefined;
  });
  return `${webhookId}/${sent.body.id}`;
}

export type RecordKind = keyof typeof RECORDS;

export interface CaseContext {
  w: MatrixWorld;
  actor: Session;
  /** The target record (routes with `record`). */
  id: string;
  /** The owner id the variant asks for (routes with `ownerInBody`). */
  ownerId: string | null;
}

export interface Req {
  path: string;
  body?: unknown;
  /** A body sent as it is, not as JSON (CSV imports), with its content type. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Another token than the actor's (routes that end the session they run in). */
  token?: string;
}

export interface RouteFixture {
  access: 'public' | 'signed_in' | Capability;
  /** The record the route acts on; `fresh` for routes that consume it (one per allowed case). */
  record?: { kind: RecordKind; fresh?: boolean };
  /** A create whose body names an owner: runs own/other/unowned, subject to scope "own". */
  ownerInBody?: boolean;
  /** A write on an owned record: subject to scope "own". */
  writesOwned?: boolean;
  /** Beyond the capability, only the owner role may (others: 403). */
  ownerOnly?: boolean;
  request?: (c: CaseContext) => Req | Promise<Req>;
}

const PUBLIC: RouteFixture = { access: 'public' };

/** A one-row CSV file, as `POST /v1/imports` takes it. */
const csvUpload = () => ({
  rawBody: `email,name\nm-${unique()}@example.com,Matrix\n`,
  headers: { 'content-type': 'text/csv' },
});

const newTaskBody = () => ({ title: `Task ${unique()}`, anchor: { type: 'company', id: 'co-1' } });

/** A pipeline of side `side`, with its stage ids (an open stage first, then another). */
async function newPipeline(w: MatrixWorld, side: WorkspaceSide) {
  const res = await http<{ id: string; stages: { id: string }[] }>(w.url, 'POST', '/v1/pipelines', {
    token: w.ownerOf(side).accessToken,
    body: {
      name: `P ${unique()}`,
      stages: [
        { name: 'A', category: 'open' },
        { name: 'B', category: 'open' },
      ],
    },
  });
  if (res.status !== 201) throw new Error(`fixture pipeline: ${res.status}`);
  pipelineStages.set(
    res.body.id,
    res.body.stages.map((s) => s.id),
  );
  return res.body;
}
/** Stage ids of fixture pipelines, and the second stage of each fixture deal's pipeline. */
const pipelineStages = new Map<string, string[]>();
const parents = new Map<WorkspaceSide, Promise<{ pipelineId: string; contactId: string }>>();
const dealParents = (w: MatrixWorld, side: WorkspaceSide) => {
  if (!parents.has(side)) {
    parents.set(
      side,
      Promise.all([
        newPipeline(w, side),
        w.create(w.ownerOf(side), '/v1/contacts', { displayName: `Deal contact ${unique()}` }),
      ]).then(([p, contactId]) => ({ pipelineId: p.id, contactId })),
    );
  }
  return parents.get(side)!;
};
const secondStageOfDeals = async (w: MatrixWorld) =>
  pipelineStages.get((await dealParents(w, 'same')).pipelineId)![1];

/** One contact per side for notes and communications, and an admin API key per side. */
const activityContacts = new Map<WorkspaceSide, Promise<string>>();
const activityContact = (w: MatrixWorld, side: WorkspaceSide) => {
  if (!activityContacts.has(side)) {
    activityContacts.set(
      side,
      w.create(w.ownerOf(side), '/v1/contacts', { displayName: `Activity ${unique()}` }),
    );
  }
  return activityContacts.get(side)!;
};
const apiKeys = new Map<WorkspaceSide, Promise<string>>();
const apiKeyOf = (w: MatrixWorld, side: WorkspaceSide) => {
  if (!apiKeys.has(side)) {
    apiKeys.set(
      side,
      http<{ key: string }>(w.url, 'POST', '/v1/api-keys', {
        token: w.ownerOf(side).accessToken,
        body: { name: `activity-${unique()}`, role: 'admin' },
      }).then((res) => {
        if (res.status !== 201) throw new Error(`fixture api key: ${res.status}`);
        return res.body.key;
      }),
    );
  }
  return apiKeys.get(side)!;
};
async function createAs(w: MatrixWorld, token: string, path: string, body: unknown) {
  const res = await http<{ id: string }>(w.url, 'POST', path, { token, body });
  if (res.status !== 201)
    throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
const newCommunicationBody = () => ({
  channel: 'call',
  direction: 'outbound',
  occurredAt: new Date().toISOString(),
  summary: `Call ${unique()}`,
});

export const ROUTES: Record<string, RouteFixture> = {
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /health/db-commands': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /openapi.json': PUBLIC,
  'GET /docs': PUBLIC,
  'POST /v1/auth/signup': PUBLIC,
  'POST /v1/auth/login': PUBLIC,
  'POST /v1/auth/refresh': PUBLIC,
  'POST /v1/auth/accept-invitation': PUBLIC,

  'GET /v1/me': { access: 'signed_in', request: () => ({ path: '/v1/me' }) },
  'POST /v1/auth/logout': {
    access: 'signed_in',
    request: async ({ w, actor }) => ({
      path: '/v1/auth/logout',
      body: {},
      token: (await w.login(actor)).accessToken,
    }),
  },

  'POST /v1/invitations': {
    access: 'members.manage',
    request: () => ({
      path: '/v1/invitations',
      body: { email: `i-${unique()}@example.com`, role: 'viewer' },
    }),
  },
  'GET /v1/invitations': { access: 'members.manage', request: () => ({ path: '/v1/invitations' }) },
  'DELETE /v1/invitations/:invitationId': {
    access: 'members.manage',
    record: { kind: 'invitation', fresh: true },
    request: ({ id }) => ({ path: `/v1/invitations/${id}` }),
  },
  'GET /v1/members': { access: 'members.read', request: () => ({ path: '/v1/members' }) },
  'GET /v1/members/:userId': {
    access: 'members.read',
    record: { kind: 'member' },
    request: ({ id }) => ({ path: `/v1/members/${id}` }),
  },
  'PATCH /v1/members/:userId': {
    access: 'members.manage',
    record: { kind: 'member' },
    request: ({ id }) => ({ path: `/v1/members/${id}`, body: { role: 'viewer' } }),
  },
  'DELETE /v1/members/:userId': {
    access: 'members.manage',
    record: { kind: 'member', fresh: true },
    request: ({ id }) => ({ path: `/v1/members/${id}` }),
  },
  'GET /v1/offboardings/:id': {
    access: 'members.manage',
    record: { kind: 'offboarding' },
    request: ({ id }) => ({ path: `/v1/offboardings/${id}` }),
  },
  'GET /v1/roles': { access: 'members.read', request: () => ({ path: '/v1/roles' }) },
  'POST /v1/roles': {
    access: 'members.manage',
    request: () => ({
      path: '/v1/roles',
      body: { name: `r-${unique()}`, capabilities: ['contacts.read'], scope: 'own' },
    }),
  },
  'PUT /v1/roles/:key': {
    access: 'members.manage',
    record: { kind: 'role' },
    request: ({ id }) => ({
      path: `/v1/roles/${id}`,
      body: { capabilities: ['contacts.read'], scope: 'own', readScope: 'own' },
    }),
  },
  'DELETE /v1/roles/:key': {
    access: 'members.manage',
    record: { kind: 'role', fresh: true },
    request: ({ id }) => ({ path: `/v1/roles/${id}`, body: { moveMembersTo: 'viewer' } }),
  },
  'POST /v1/teams': {
    access: 'members.manage',
    request: () => ({ path: '/v1/teams', body: { name: `t-${unique()}` } }),
  },
  'GET /v1/teams': { access: 'members.read', request: () => ({ path: '/v1/teams' }) },
  'GET /v1/teams/:id': {
    access: 'members.read',
    record: { kind: 'team' },
    request: ({ id }) => ({ path: `/v1/teams/${id}` }),
  },
  'PATCH /v1/teams/:id': {
    access: 'members.manage',
    record: { kind: 'team' },
    request: ({ id }) => ({ path: `/v1/teams/${id}`, body: { name: `t-${unique()}` } }),
  },
  'DELETE /v1/teams/:id': {
    access: 'members.manage',
    record: { kind: 'team', fresh: true },
    request: ({ id }) => ({ path: `/v1/teams/${id}` }),
  },
  'GET /v1/api-keys': { access: 'api_keys.manage', request: () => ({ path: '/v1/api-keys' }) },
  'POST /v1/api-keys': {
    access: 'api_keys.manage',
    request: () => ({ path: '/v1/api-keys', body: { name: `k-${unique()}`, role: 'viewer' } }),
  },
  'DELETE /v1/api-keys/:id': {
    access: 'api_keys.manage',
    record: { kind: 'api_key', fresh: true },
    request: ({ id }) => ({ path: `/v1/api-keys/${id}` }),
  },
  'GET /v1/dead-letters': {
    access: 'integrations.manage',
    ownerOnly: true,
    request: () => ({ path: '/v1/dead-letters' }),
  },
  'POST /v1/dead-letters/replay': {
    access: 'integrations.manage',
    ownerOnly: true,
    // No such dead letter: 200 with outcome not_found for an owner, 403 for everyone else.
    request: () => ({ path: '/v1/dead-letters/replay', body: { ids: ['999999999'] } }),
  },
  'GET /v1/integrations': {
    access: 'integrations.manage',
    request: () => ({ path: '/v1/integrations' }),
  },
  'POST /v1/integrations': {
    access: 'integrations.manage',
    request: () => ({
      path: '/v1/integrations',
      body: { name: `i-${unique()}`, kind: 'messaging' },
    }),
  },
  'DELETE /v1/integrations/:id': {
    access: 'integrations.manage',
    record: { kind: 'integration', fresh: true },
    request: ({ id }) => ({ path: `/v1/integrations/${id}` }),
  },

  'POST /v1/contacts': {
    access: 'contacts.create',
    ownerInBody: true,
    request: ({ ownerId }) => ({
      path: '/v1/contacts',
      body: { displayName: `New ${unique()}`, ...(ownerId ? { ownerId } : {}) },
    }),
  },
  'GET /v1/contacts': {
    access: 'contacts.read',
    request: () => ({ path: '/v1/contacts?q=fixture&tags=a,b&tagMode=none&sort=displayName' }),
  },
  'GET /v1/contacts/export': {
    access: 'contacts.export',
    request: () => ({ path: '/v1/contacts/export?q=fixture&sort=-lastTouchAt' }),
  },
  'GET /v1/contacts/:id': {
    access: 'contacts.read',
    record: { kind: 'contact' },
    request: ({ id }) => ({ path: `/v1/contacts/${id}` }),
  },
  'PATCH /v1/contacts/:id': {
    access: 'contacts.update',
    record: { kind: 'contact' },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/contacts/${id}`, body: { lastName: `L ${unique()}` } }),
  },
  'DELETE /v1/contacts/:id': {
    access: 'contacts.delete',
    record: { kind: 'contact', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/contacts/${id}` }),
  },
  'POST /v1/contacts/:id/erase': {
    access: 'contacts.erase',
    record: { kind: 'contact', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/contacts/${id}/erase`, body: {} }),
  },
  'GET /v1/contacts/:id/data-export': {
    access: 'contacts.export',
    record: { kind: 'contact' },
    request: ({ id }) => ({ path: `/v1/contacts/${id}/data-export` }),
  },
  'POST /v1/contacts/:id/restore': {
    access: 'contacts.restore',
    record: { kind: 'contact' },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/contacts/${id}/restore` }),
  },
  'POST /v1/contacts/:id/tags': {
    access: 'contacts.tag',
    record: { kind: 'contact' },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/contacts/${id}/tags`, body: { add: [`t-${unique()}`] } }),
  },
  'POST /v1/contacts/:id/channels/:channelId/consent': {
    access: 'contacts.update',
    record: { kind: 'contact_channel' },
    writesOwned: true,
    request: ({ id }) => {
      const [contactId, channelId] = id.split('/');
      return {
        path: `/v1/contacts/${contactId}/channels/${channelId}/consent`,
        body: { status: 'opted_in', source: 'matrix' },
      };
    },
  },
  'POST /v1/contacts/:id/claim': {
    access: 'contacts.update',
    record: { kind: 'unowned_contact', fresh: true },
    request: ({ id }) => ({ path: `/v1/contacts/${id}/claim` }),
  },
  'POST /v1/contacts/:id/release': {
    access: 'contacts.update',
    record: { kind: 'contact', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/contacts/${id}/release` }),
  },
  'POST /v1/contacts/bulk': {
    access: 'contacts.update',
    request: async ({ w }) => ({
      path: '/v1/contacts/bulk',
      body: {
        ids: [await w.create(w.a.owner, '/v1/contacts', { displayName: `Bulk ${unique()}` })],
        action: 'tag',
        tags: ['bulk'],
      },
    }),
  },
  'POST /v1/contacts/merge': {
    access: 'contacts.merge',
    request: async ({ w }) => {
      const [survivorId, duplicateId] = await Promise.all(
        ['Survivor', 'Duplicate'].map((n) =>
          w.create(w.a.owner, '/v1/contacts', { displayName: `${n} ${unique()}` }),
        ),
      );
      return { path: '/v1/contacts/merge', body: { survivorId, duplicateId } };
    },
  },
  'POST /v1/companies': {
    access: 'contacts.create',
    ownerInBody: true,
    request: ({ ownerId }) => ({
      path: '/v1/companies',
      body: { name: `New ${unique()}`, ...(ownerId ? { ownerId } : {}) },
    }),
  },
  'GET /v1/companies': {
    access: 'contacts.read',
    request: () => ({ path: '/v1/companies?q=company&status=active&limit=5' }),
  },
  'GET /v1/companies/:id': {
    access: 'contacts.read',
    record: { kind: 'company' },
    request: ({ id }) => ({ path: `/v1/companies/${id}` }),
  },
  'PATCH /v1/companies/:id': {
    access: 'contacts.update',
    record: { kind: 'company' },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/companies/${id}`, body: { name: `Co ${unique()}` } }),
  },
  'DELETE /v1/companies/:id': {
    access: 'contacts.delete',
    record: { kind: 'company', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/companies/${id}` }),
  },
  'GET /v1/companies/:id/contacts': {
    access: 'contacts.read',
    record: { kind: 'company' },
    request: ({ id }) => ({ path: `/v1/companies/${id}/contacts?limit=5` }),
  },
  /** The record is the duplicate; the survivor is a new unowned company of the caller's side. */
  'POST /v1/companies/merge': {
    access: 'contacts.merge',
    record: { kind: 'company', fresh: true },
    writesOwned: true,
    request: async ({ w, id }) => ({
      path: '/v1/companies/merge',
      body: {
        survivorId: await w.create(w.ownerOf('same'), '/v1/companies', { name: `S ${unique()}` }),
        duplicateId: id,
      },
    }),
  },
  'POST /v1/custom-fields': {
    access: 'custom_fields.configure',
    request: () => ({
      path: '/v1/custom-fields',
      body: { entity: 'company', slug: `f_${unique()}`, label: 'F', type: 'number' },
    }),
  },
  'GET /v1/custom-fields': {
    access: 'contacts.read',
    request: () => ({ path: '/v1/custom-fields?entity=contact' }),
  },
  'PATCH /v1/custom-fields/:id': {
    access: 'custom_fields.configure',
    record: { kind: 'custom_field' },
    request: ({ id }) => ({ path: `/v1/custom-fields/${id}`, body: { label: `L ${unique()}` } }),
  },
  'DELETE /v1/custom-fields/:id': {
    access: 'custom_fields.configure',
    record: { kind: 'custom_field', fresh: true },
    request: ({ id }) => ({ path: `/v1/custom-fields/${id}` }),
  },
  'GET /v1/settings/contacts': {
    access: 'contacts.read',
    request: () => ({ path: '/v1/settings/contacts' }),
  },
  /** Sets the default stages again: harmless to the other fixtures. */
  'PATCH /v1/settings/contacts': {
    access: 'custom_fields.configure',
    request: () => ({
      path: '/v1/settings/contacts',
      body: { stages: ['lead', 'prospect', 'customer', 'churned'] },
    }),
  },
  'GET /v1/tags': { access: 'contacts.read', request: () => ({ path: '/v1/tags?prefix=fix' }) },
  'POST /v1/tags': {
    access: 'tags.manage',
    request: () => ({ path: '/v1/tags', body: { name: `t-${unique()}`, color: '#aabbcc' } }),
  },
  'GET /v1/tags/operations/:id': {
    access: 'tags.manage',
    record: { kind: 'tag_operation' },
    request: ({ id }) => ({ path: `/v1/tags/operations/${id}` }),
  },
  'GET /v1/tags/:name': {
    access: 'contacts.read',
    record: { kind: 'tag' },
    request: ({ id }) => ({ path: `/v1/tags/${id}` }),
  },
  'PATCH /v1/tags/:name': {
    access: 'tags.manage',
    record: { kind: 'tag' },
    request: ({ id }) => ({ path: `/v1/tags/${id}`, body: { color: '#112233' } }),
  },
  'POST /v1/tags/:name/merge': {
    access: 'tags.manage',
    record: { kind: 'tag', fresh: true },
    request: ({ id }) => ({ path: `/v1/tags/${id}/merge`, body: { into: `m-${unique()}` } }),
  },
  'DELETE /v1/tags/:name': {
    access: 'tags.manage',
    record: { kind: 'tag', fresh: true },
    request: ({ id }) => ({ path: `/v1/tags/${id}` }),
  },
  'POST /v1/segments': {
    access: 'segments.manage',
    request: () => ({
      path: '/v1/segments',
      body: {
        name: `S ${unique()}`,
        type: 'dynamic',
        filter: { field: 'stage', op: 'eq', value: 'customer' },
      },
    }),
  },
  'GET /v1/segments': { access: 'segments.read', request: () => ({ path: '/v1/segments' }) },
  'POST /v1/admin/projections/segments/rebuild': {
    access: 'segments.manage',
    ownerOnly: true,
    request: () => ({ path: '/v1/admin/projections/segments/rebuild' }),
  },
  'POST /v1/segments/preview': {
    access: 'segments.read',
    request: () => ({
      path: '/v1/segments/preview',
      body: { filter: { field: 'tags', op: 'has_any', value: ['vip'] } },
    }),
  },
  'GET /v1/segments/:id': {
    access: 'segments.read',
    record: { kind: 'segment' },
    request: ({ id }) => ({ path: `/v1/segments/${id}` }),
  },
  'PATCH /v1/segments/:id': {
    access: 'segments.manage',
    record: { kind: 'segment' },
    request: ({ id }) => ({ path: `/v1/segments/${id}`, body: { name: `S ${unique()}` } }),
  },
  'DELETE /v1/segments/:id': {
    access: 'segments.manage',
    record: { kind: 'segment', fresh: true },
    request: ({ id }) => ({ path: `/v1/segments/${id}` }),
  },
  'GET /v1/segments/:id/members': {
    access: 'segments.read',
    record: { kind: 'segment' },
    request: ({ id }) => ({ path: `/v1/segments/${id}/members` }),
  },
  'POST /v1/segments/:id/members': {
    access: 'segments.manage',
    record: { kind: 'segment' },
    request: async ({ w, id }) => ({
      path: `/v1/segments/${id}/members`,
      body: { add: [await activityContact(w, 'same')] },
    }),
  },
  'GET /v1/segments/:id/explain/:contactId': {
    access: 'segments.read',
    record: { kind: 'segment' },
    request: async ({ w, id }) => ({
      path: `/v1/segments/${id}/explain/${await activityContact(w, 'same')}`,
    }),
  },
  'GET /v1/contacts/:id/segments': {
    access: 'segments.read',
    record: { kind: 'contact' },
    request: ({ id }) => ({ path: `/v1/contacts/${id}/segments` }),
  },
  'POST /v1/pipelines': {
    access: 'pipelines.configure',
    request: () => ({
      path: '/v1/pipelines',
      body: { name: `P ${unique()}`, stages: [{ name: 'Open', category: 'open' }] },
    }),
  },
  'GET /v1/pipelines': { access: 'deals.read', request: () => ({ path: '/v1/pipelines' }) },
  'GET /v1/pipelines/:id': {
    access: 'deals.read',
    record: { kind: 'pipeline' },
    request: ({ id }) => ({ path: `/v1/pipelines/${id}` }),
  },
  'PATCH /v1/pipelines/:id': {
    access: 'pipelines.configure',
    record: { kind: 'pipeline' },
    request: ({ id }) => ({ path: `/v1/pipelines/${id}`, body: { name: `P ${unique()}` } }),
  },
  'DELETE /v1/pipelines/:id/stages/:stageId': {
    access: 'pipelines.configure',
    record: { kind: 'pipeline', fresh: true },
    request: ({ id }) => ({ path: `/v1/pipelines/${id}/stages/${pipelineStages.get(id)![1]}` }),
  },
  'GET /v1/pipelines/:id/board': {
    access: 'deals.read',
    record: { kind: 'pipeline' },
    request: ({ id }) => ({ path: `/v1/pipelines/${id}/board` }),
  },
  'GET /v1/pipelines/:id/board/stages/:stageId': {
    access: 'deals.read',
    record: { kind: 'pipeline' },
    request: ({ id }) => ({
      path: `/v1/pipelines/${id}/board/stages/${pipelineStages.get(id)![0]}`,
    }),
  },
  'POST /v1/deals': {
    access: 'deals.write',
    ownerInBody: true,
    request: async ({ w, ownerId }) => ({
      path: '/v1/deals',
      body: { title: 'New', ...(await dealParents(w, 'same')), ...(ownerId ? { ownerId } : {}) },
    }),
  },
  'GET /v1/deals': { access: 'deals.read', request: () => ({ path: '/v1/deals' }) },
  'GET /v1/deals/:id': {
    access: 'deals.read',
    record: { kind: 'deal' },
    request: ({ id }) => ({ path: `/v1/deals/${id}` }),
  },
  'PATCH /v1/deals/:id': {
    access: 'deals.write',
    record: { kind: 'deal' },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/deals/${id}`, body: { title: `T ${unique()}` } }),
  },
  'POST /v1/deals/:id/move': {
    access: 'deals.write',
    record: { kind: 'deal' },
    writesOwned: true,
    request: async ({ w, id }) => ({
      path: `/v1/deals/${id}/move`,
      body: { stageId: await secondStageOfDeals(w) },
    }),
  },
  'POST /v1/tasks': {
    access: 'tasks.write',
    ownerInBody: true,
    request: ({ ownerId }) => ({
      path: '/v1/tasks',
      body: { ...newTaskBody(), ...(ownerId ? { assigneeId: ownerId } : {}) },
    }),
  },
  'GET /v1/tasks': { access: 'tasks.read', request: () => ({ path: '/v1/tasks?pool=true' }) },
  'GET /v1/tasks/:id': {
    access: 'tasks.read',
    record: { kind: 'task' },
    request: ({ id }) => ({ path: `/v1/tasks/${id}` }),
  },
  'PATCH /v1/tasks/:id': {
    access: 'tasks.write',
    record: { kind: 'task' },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/tasks/${id}`, body: { title: `T ${unique()}` } }),
  },
  'DELETE /v1/tasks/:id': {
    access: 'tasks.write',
    record: { kind: 'task', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/tasks/${id}` }),
  },
  'POST /v1/tasks/:id/claim': {
    access: 'tasks.write',
    record: { kind: 'pool_task', fresh: true },
    request: ({ id }) => ({ path: `/v1/tasks/${id}/claim` }),
  },
  'POST /v1/tasks/:id/complete': {
    access: 'tasks.write',
    record: { kind: 'task', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/tasks/${id}/complete` }),
  },
  'POST /v1/leads': {
    access: 'leads.capture',
    ownerInBody: true,
    request: ({ ownerId }) => ({
      path: '/v1/leads',
      body: {
        email: `lead-${unique()}@example.com`,
        source: 'website',
        ...(ownerId ? { assigneeId: ownerId } : {}),
      },
    }),
  },
  'GET /v1/leads': { access: 'leads.read', request: () => ({ path: '/v1/leads' }) },
  'GET /v1/leads/:id': {
    access: 'leads.read',
    record: { kind: 'lead' },
    request: ({ id }) => ({ path: `/v1/leads/${id}` }),
  },
  'PATCH /v1/leads/:id': {
    access: 'leads.manage',
    record: { kind: 'lead', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/leads/${id}`, body: { status: 'working' } }),
  },
  'POST /v1/leads/:id/convert': {
    access: 'leads.manage',
    record: { kind: 'qualified_lead', fresh: true },
    writesOwned: true,
    request: ({ id }) => ({ path: `/v1/leads/${id}/convert` }),
  },
  'GET /v1/settings/leads': {
    access: 'leads.read',
    request: () => ({ path: '/v1/settings/leads' }),
  },
  'PATCH /v1/settings/leads': {
    access: 'custom_fields.configure',
    request: () => ({ path: '/v1/settings/leads', body: { roundRobin: [] } }),
  },
  'POST /v1/products': {
    access: 'fit.configure',
    request: () => ({
      path: '/v1/products',
      body: {
        name: `Product ${unique()}`,
        slug: `p_${unique()}`,
        criteria: [{ key: 'budget', label: 'Budget', weight: 1 }],
      },
    }),
  },
  'GET /v1/products': { access: 'fit.read', request: () => ({ path: '/v1/products' }) },
  'GET /v1/products/:id': {
    access: 'fit.read',
    record: { kind: 'product' },
    request: ({ id }) => ({ path: `/v1/products/${id}` }),
  },
  'PATCH /v1/products/:id': {
    access: 'fit.configure',
    record: { kind: 'product' },
    request: ({ id }) => ({ path: `/v1/products/${id}`, body: { name: `Product ${unique()}` } }),
  },
  'POST /v1/products/:id/assessments': {
    access: 'fit.assess',
    record: { kind: 'product' },
    request: async ({ w, id }) => ({
      path: `/v1/products/${id}/assessments`,
      body: { contactId: await activityContact(w, 'same'), scores: { budget: 70 } },
    }),
  },
  'GET /v1/products/:id/assessments': {
    access: 'fit.read',
    record: { kind: 'product' },
    request: ({ id }) => ({ path: `/v1/products/${id}/assessments` }),
  },
  'GET /v1/products/:id/ranking': {
    access: 'fit.read',
    record: { kind: 'product' },
    request: ({ id }) => ({ path: `/v1/products/${id}/ranking` }),
  },
  'PATCH /v1/products/:id/ranking/:contactId': {
    access: 'fit.assess',
    record: { kind: 'product' },
    request: async ({ w, id }) => {
      const contactId = await activityContact(w, 'same');
      // The contact must be ranked first: an assessment by the workspace owner.
      await http(w.url, 'POST', `/v1/products/${id}/assessments`, {
        token: w.ownerOf('same').accessToken,
        body: { contactId, scores: { budget: 40 } },
      });
      return {
        path: `/v1/products/${id}/ranking/${contactId}`,
        body: { review: 'approved' },
      };
    },
  },
  'POST /v1/imports': {
    access: 'contacts.import',
    request: () => ({ path: '/v1/imports?onDuplicate=skip', ...csvUpload() }),
  },
  'GET /v1/imports/:id': {
    access: 'contacts.import',
    record: { kind: 'import' },
    request: ({ id }) => ({ path: `/v1/imports/${id}` }),
  },
  'GET /v1/imports/:id/failed.csv': {
    access: 'contacts.import',
    record: { kind: 'import' },
    request: ({ id }) => ({ path: `/v1/imports/${id}/failed.csv` }),
  },
  'GET /v1/contacts/:id/timeline': {
    access: 'activity.read',
    record: { kind: 'contact' },
    request: ({ id }) => ({ path: `/v1/contacts/${id}/timeline` }),
  },
  'GET /v1/deals/:id/timeline': {
    access: 'activity.read',
    record: { kind: 'deal' },
    request: ({ id }) => ({ path: `/v1/deals/${id}/timeline?types=deal.*` }),
  },
  'GET /v1/companies/:id/timeline': {
    access: 'activity.read',
    record: { kind: 'company' },
    request: ({ id }) => ({ path: `/v1/companies/${id}/timeline` }),
  },
  'POST /v1/contacts/:id/communications': {
    access: 'activity.log',
    record: { kind: 'contact' },
    request: ({ id }) => ({
      path: `/v1/contacts/${id}/communications`,
      body: newCommunicationBody(),
    }),
  },
  'GET /v1/contacts/:id/communications': {
    access: 'activity.read',
    record: { kind: 'contact' },
    request: ({ id }) => ({ path: `/v1/contacts/${id}/communications?history=true` }),
  },
  'GET /v1/communications/:id': {
    access: 'activity.read',
    record: { kind: 'communication' },
    request: ({ id }) => ({ path: `/v1/communications/${id}` }),
  },
  'PATCH /v1/communications/:id': {
    access: 'activity.log',
    record: { kind: 'communication', fresh: true },
    request: ({ id }) => ({
      path: `/v1/communications/${id}`,
      body: { summary: `Edited ${unique()}` },
    }),
  },
  'DELETE /v1/communications/:id': {
    access: 'activity.log',
    record: { kind: 'communication', fresh: true },
    request: ({ id }) => ({ path: `/v1/communications/${id}` }),
  },
  'POST /v1/notes': {
    access: 'notes.write',
    request: async ({ w }) => ({
      path: '/v1/notes',
      body: { anchor: { type: 'contact', id: await activityContact(w, 'same') }, body: '**Hi**' },
    }),
  },
  'GET /v1/notes': {
    access: 'activity.read',
    record: { kind: 'contact' },
    request: ({ id }) => ({ path: `/v1/notes?anchorType=contact&anchorId=${id}` }),
  },
  'GET /v1/notes/:id': {
    access: 'activity.read',
    record: { kind: 'note' },
    request: ({ id }) => ({ path: `/v1/notes/${id}` }),
  },
  'PATCH /v1/notes/:id': {
    access: 'notes.write',
    record: { kind: 'note' },
    request: ({ id }) => ({ path: `/v1/notes/${id}`, body: { body: `Revised ${unique()}` } }),
  },
  'DELETE /v1/notes/:id': {
    access: 'notes.write',
    record: { kind: 'note', fresh: true },
    request: ({ id }) => ({ path: `/v1/notes/${id}` }),
  },
  'GET /v1/audit': {
    access: 'audit.read',
    request: () => ({ path: '/v1/audit?tag=contacts.pii_movement&limit=5' }),
  },
  'GET /v1/audit/export': {
    access: 'audit.read',
    request: () => ({ path: '/v1/audit/export?action=api_key.created' }),
  },

  'POST /v1/webhooks': {
    access: 'webhooks.manage',
    request: () => ({
      path: '/v1/webhooks',
      body: { url: 'http://127.0.0.1:9/hook', events: ['contact.*'] },
    }),
  },
  'POST /v1/suppressions': {
    access: 'suppressions.manage',
    request: () => ({
      path: '/v1/suppressions',
      body: { address: `s-${unique()}@example.com`, channelType: 'email' },
    }),
  },
  'GET /v1/suppressions': {
    access: 'suppressions.read',
    request: () => ({ path: '/v1/suppressions' }),
  },
  'GET /v1/suppressions/:id': {
    access: 'suppressions.read',
    record: { kind: 'suppression' },
    request: ({ id }) => ({ path: `/v1/suppressions/${id}` }),
  },
  'DELETE /v1/suppressions/:id': {
    access: 'suppressions.manage',
    record: { kind: 'suppression', fresh: true },
    request: ({ id }) => ({ path: `/v1/suppressions/${id}` }),
  },
  'GET /v1/webhooks': { access: 'webhooks.manage', request: () => ({ path: '/v1/webhooks' }) },
  'GET /v1/webhooks/:id': {
    access: 'webhooks.manage',
    record: { kind: 'webhook' },
    request: ({ id }) => ({ path: `/v1/webhooks/${id}` }),
  },
  'PATCH /v1/webhooks/:id': {
    access: 'webhooks.manage',
    record: { kind: 'webhook' },
    request: ({ id }) => ({ path: `/v1/webhooks/${id}`, body: { description: unique() } }),
  },
  'DELETE /v1/webhooks/:id': {
    access: 'webhooks.manage',
    record: { kind: 'webhook', fresh: true },
    request: ({ id }) => ({ path: `/v1/webhooks/${id}` }),
  },
  'POST /v1/webhooks/:id/secret/rotate': {
    access: 'webhooks.manage',
    record: { kind: 'webhook' },
    request: ({ id }) => ({ path: `/v1/webhooks/${id}/secret/rotate`, body: {} }),
  },
  'GET /v1/webhooks/:id/deliveries': {
    access: 'webhooks.manage',
    record: { kind: 'webhook' },
    request: ({ id }) => ({ path: `/v1/webhooks/${id}/deliveries` }),
  },
  'POST /v1/webhooks/:id/deliveries/:deliveryId/retry': {
    access: 'webhooks.manage',
    record: { kind: 'failed_delivery', fresh: true },
    request: ({ id }) => {
      const [webhookId, deliveryId] = id.split('/');
      return { path: `/v1/webhooks/${webhookId}/deliveries/${deliveryId}/retry` };
    },
  },
  'POST /v1/webhooks/:id/test': {
    access: 'webhooks.manage',
    record: { kind: 'webhook' },
    request: ({ id }) => ({ path: `/v1/webhooks/${id}/test` }),
  },
};

export type { OwnerVariant, WorkspaceSide };

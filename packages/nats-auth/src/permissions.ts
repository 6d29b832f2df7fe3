import { IMPORT_UPLOADS_BUCKET } from '@switchboard/contracts';
import { SubjectNamespace } from '@switchboard/messaging';

/**
 * Who may do what on NATS (decision 0068). Every Switchboard process connects as its own user
 * of the APP account; this file is the one place that says what each may publish and subscribe
 * to. Subjects and stream/bucket names carry the deployment's NATS_PREFIX exactly as
 * SubjectNamespace builds them (`<p>rpc.contacts.list`, stream `<np>CRM_EVENTS` where `<np>` is
 * the prefix with its dot turned into `_`).
 *
 * Reading the JetStream API subjects below:
 * - `$JS.API.INFO` (account info) and `$JS.API.STREAM.{INFO,CREATE,UPDATE}.<stream>`: every
 *   service creates or updates the three streams at boot (ensureStreams).
 * - `$JS.API.CONSUMER.{CREATE,INFO,MSG.NEXT}.<stream>.<durable>…` and `$JS.ACK.<stream>.<durable>.>`:
 *   a durable pull consumer (create or update with the 2.10 subject that carries the filter,
 *   look up, pull, acknowledge).
 * - `<p>dlq.<durable>.>`: where that consumer parks a poison message.
 * - Object store bucket `<np><bucket>` (CSV import uploads): stream `OBJ_<np><bucket>`, subjects
 *   `$O.<np><bucket>.>`, direct gets and purges on that stream only.
 */

export type RpcService = 'contacts' | 'segments' | 'activity' | 'deals' | 'tasks' | 'webhooks';
export type ServiceUser =
  | 'gateway'
  | 'contacts'
  | 'segments'
  | 'segment-worker'
  | 'deals'
  | 'tasks'
  | 'activity'
  | 'webhooks'
  | 'admin';
export type IntegrationKind = 'campaign' | 'messaging';

export interface ServiceGrant {
  /** `rpc.<service>.>` it may request (services it calls). */
  calls: RpcService[];
  /** `rpc.<self>.>` it answers (subscribes, queue group `svc.<self>`), if any. */
  serves?: RpcService;
  /** Event types it publishes, as patterns after `crm.<ws>.`: `contact.>` → `<p>crm.*.contact.>`. */
  publishesEvents: string[];
  /** Its durable consumers (stream key and durable name). */
  consumers: { stream: 'events' | 'messaging'; durable: string }[];
  /** Object store buckets it opens (contract name, prefixed here). */
  buckets: string[];
  /**
   * Reads `DEAD_LETTERS` by sequence and republishes a dead letter to its original subject
   * (`<p>crm.*.>`, `<p>messaging.*.>`): the gateway's dead-letter routes (decision 0148).
   */
  replaysDeadLetters?: boolean;
}

/**
 * The table. Durable names are the ones each service declares (`static readonly durable…`); a
 * unit test checks them against the services' sources.
 */
export const SERVICE_GRANTS: Record<Exclude<ServiceUser, 'admin'>, ServiceGrant> = {
  gateway: {
    calls: ['contacts', 'segments', 'activity', 'deals', 'tasks', 'webhooks'],
    publishesEvents: ['workspace.>', 'member.>', 'integration.>', 'api_key.>'],
    consumers: [],
    buckets: [IMPORT_UPLOADS_BUCKET],
    replaysDeadLetters: true,
  },
  contacts: {
    calls: [],
    serves: 'contacts',
    publishesEvents: [
      'contact.>',
      'company.>',
      'import.>',
      'export.>',
      'lead.>',
      'lead_settings.>',
      'product.>',
      'fit.>',
      'suppression.>',
    ],
    consumers: [
      { stream: 'events', durable: 'contacts-segment-joined' },
      { stream: 'events', durable: 'contacts-segment-left' },
      { stream: 'events', durable: 'contacts-last-touch' },
      { stream: 'events', durable: 'contacts-contact-merged' },
    ],
    buckets: [IMPORT_UPLOADS_BUCKET],
  },
  segments: {
    calls: ['contacts'],
    serves: 'segments',
    publishesEvents: ['segment.>'],
    consumers: [
      { stream: 'events', durable: 'segments-projection' },
      { stream: 'events', durable: 'segments-activity' },
    ],
    buckets: [],
  },
  'segment-worker': {
    calls: [],
    publishesEvents: ['segment.member.>'],
    consumers: [],
    buckets: [],
  },
  deals: {
    calls: ['contacts'],
    serves: 'deals',
    publishesEvents: ['deal.>'],
    consumers: [
      { stream: 'events', durable: 'deals-contact-merged' },
      { stream: 'events', durable: 'deals-company-merged' },
      { stream: 'events', durable: 'deals-contact-erased' },
    ],
    buckets: [],
  },
  tasks: {
    calls: ['contacts', 'deals'],
    serves: 'tasks',
    publishesEvents: ['task.>'],
    consumers: [
      { stream: 'events', durable: 'tasks-deal-updated' },
      { stream: 'events', durable: 'tasks-contact-merged' },
      { stream: 'events', durable: 'tasks-company-merged' },
      { stream: 'events', durable: 'tasks-contact-erased' },
      { stream: 'events', durable: 'tasks-webhook-disabled' },
    ],
    buckets: [],
  },
  activity: {
    calls: ['contacts', 'deals'],
    serves: 'activity',
    publishesEvents: ['activity.>', 'note.>', 'communication.>'],
    consumers: [
      { stream: 'events', durable: 'activity-timeline' },
      { stream: 'events', durable: 'activity-messaging-rematch' },
      // The only consumer of `messaging.>`.
      { stream: 'messaging', durable: 'activity-messaging' },
    ],
    buckets: [],
  },
  webhooks: {
    calls: [],
    serves: 'webhooks',
    publishesEvents: ['webhook.>'],
    consumers: [{ stream: 'events', durable: 'webhooks-events' }],
    buckets: [],
  },
};

export interface Permissions {
  pub: { allow: string[] };
  sub: { allow: string[] };
  /** Replies allowed to the reply subjects of requests received (RPC answers). */
  resp?: { max: number; ttl: number };
}

const TOKEN = /^[A-Za-z0-9_-]+$/;
function checkToken(what: string, value: string): void {
  if (!TOKEN.test(value)) {
    throw new Error(`${what} must be one NATS subject token ([A-Za-z0-9_-]+), got "${value}"`);
  }
}

/** `t1a2b3c4.` → `t1a2b3c4_`: how SubjectNamespace prefixes stream and bucket names. */
function namePrefix(prefix: string): string {
  return new SubjectNamespace(prefix).bucket('');
}

/**
 * The inbox prefix a user must connect with (`inboxPrefix` connection option): replies to its
 * requests come to `<inboxPrefix>.<id>`, and only it may subscribe there. `_INBOX.>` is given to
 * no one but admin: whoever may subscribe to it reads every client's replies.
 */
export function inboxPrefixFor(user: string, prefix: string): string {
  checkToken('user', user);
  return `_INBOX_${namePrefix(prefix)}${user}`;
}

/** Replies to RPC requests: up to 4 messages per request, for a minute (JWT ttl in ns). */
const RPC_RESPONSES = { max: 4, ttl: 60_000_000_000 };

function consumerSubjects(stream: string, durable: string): string[] {
  return [
    // With its filter in the subject (one filter), or without (several filter subjects).
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

function bucketSubjects(bucket: string): string[] {
  const stream = `OBJ_${bucket}`;
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.CREATE.${stream}`,
    `$JS.API.STREAM.UPDATE.${stream}`,
    `$JS.API.STREAM.PURGE.${stream}`,
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}.>`,
    `$O.${bucket}.>`,
  ];
}

/** What a service user may do (see SERVICE_GRANTS), or the broad admin user. */
export function servicePermissions(user: ServiceUser, prefix: string): Permissions {
  const ns = new SubjectNamespace(prefix);
  const inbox = `${inboxPrefixFor(user, prefix)}.>`;
  if (user === 'admin') {
    // Tests, benchmarks and tooling: everything within the prefix, the whole JetStream API of
    // the account, object stores and the standard inbox.
    const all = prefix ? `${prefix}>` : '>';
    return {
      pub: { allow: [all, '$JS.>', '$O.>', '$KV.>'] },
      sub: { allow: [all, '_INBOX.>', inbox, '$O.>', '$KV.>'] },
      // A test's own RPC service (connected as admin) answers its callers.
      resp: RPC_RESPONSES,
    };
  }
  const grant = SERVICE_GRANTS[user];
  if (!grant) throw new Error(`unknown NATS service user "${user}"`);
  const streams = (['events', 'messaging', 'deadLetters'] as const).map((k) => ns.stream(k).name);
  const pub = [
    '$JS.API.INFO',
    ...streams.flatMap((s) => [
      `$JS.API.STREAM.INFO.${s}`,
      `$JS.API.STREAM.CREATE.${s}`,
      `$JS.API.STREAM.UPDATE.${s}`,
    ]),
    ...grant.calls.map((svc) => ns.rpc(`rpc.${svc}.>`)),
    ...grant.publishesEvents.map((type) => ns.event('*', type)),
    // Its outbox relay parks an event that can never be published (decision 0071).
    ...(grant.publishesEvents.length > 0 ? [`${prefix}dlq.outbox.>`] : []),
    ...grant.consumers.flatMap(({ stream, durable }) => [
      ...consumerSubjects(ns.stream(stream).name, durable),
      `${prefix}dlq.${durable}.>`,
    ]),
    ...grant.buckets.flatMap((b) => bucketSubjects(ns.bucket(b))),
    ...(grant.replaysDeadLetters
      ? [
          `$JS.API.STREAM.MSG.GET.${ns.stream('deadLetters').name}`,
          ns.event('*', '>'),
          `${prefix}messaging.*.>`,
        ]
      : []),
  ];
  const sub = [inbox, ...(grant.serves ? [ns.rpc(`rpc.${grant.serves}.>`)] : [])];
  return {
    pub: { allow: pub },
    sub: { allow: sub },
    ...(grant.serves ? { resp: RPC_RESPONSES } : {}),
  };
}

export interface IntegrationIdentity {
  /** Also its durable consumer's name: one durable per integration. */
  integrationId: string;
  workspaceId: string;
  kind: IntegrationKind;
  /** The deployment's NATS_PREFIX (`''` in production). */
  prefix: string;
}

/**
 * What an outside system may do (issue 14):
 * - campaign: subscribe to its workspace's events `<p>crm.<ws>.>`; one durable pull consumer on
 *   CRM_EVENTS named after the integration id with its filter pinned to `<p>crm.<ws>.>` (the
 *   2.10 create subject carries the filter and the server refuses a body whose filter differs;
 *   durable names cannot be matched by prefix in permissions, hence exactly one durable, whose
 *   name is the integration id); replies only on its own inbox prefix `_INBOX_<id>`.
 * - messaging: all of campaign, plus publishing `<p>messaging.<ws>.>` (with JetStream acks,
 *   which come to its inbox).
 * Neither may request `rpc.>`, publish `crm.>`, see `dlq.>`, or use `$JS.API.STREAM.>`,
 * `$JS.API.INFO` or the legacy `$JS.API.CONSUMER.DURABLE.CREATE` (that one does not pin the
 * filter). Clients connect with `inboxPrefix: inboxPrefixFor(integrationId, prefix)` and open
 * the JetStream manager with `{ checkAPI: false }`.
 */
export function integrationPermissions(i: IntegrationIdentity): Permissions {
  checkToken('integrationId', i.integrationId);
  checkToken('workspaceId', i.workspaceId);
  if (i.kind !== 'campaign' && i.kind !== 'messaging') {
    throw new Error(`unknown integration kind "${String(i.kind)}"`);
  }
  const ns = new SubjectNamespace(i.prefix);
  const stream = ns.stream('events').name;
  const id = i.integrationId;
  const events = `${i.prefix}crm.${i.workspaceId}.>`;
  const pub = [
    `$JS.API.CONSUMER.CREATE.${stream}.${id}.${events}`,
    `$JS.API.CONSUMER.INFO.${stream}.${id}`,
    `$JS.API.CONSUMER.DELETE.${stream}.${id}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${id}`,
    `$JS.ACK.${stream}.${id}.>`,
    ...(i.kind === 'messaging' ? [`${i.prefix}messaging.${i.workspaceId}.>`] : []),
  ];
  return {
    pub: { allow: pub },
    sub: { allow: [events, `${inboxPrefixFor(id, i.prefix)}.>`] },
  };
}

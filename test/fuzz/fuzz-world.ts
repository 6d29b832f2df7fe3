import { randomBytes } from 'node:crypto';
import type { Session } from '@switchboard/contracts';
import {
  http,
  sleep,
  Platform,
  SERVICES,
  signUp,
  testNamespace,
  waitFor,
  type HttpResult,
  type ServiceName,
} from '@switchboard/testing';

/**
 * The world the fuzzer runs in: every process as a child process; workspace A with a user of
 * each default role, an API key per role and records of every kind (what the fuzzer's actors
 * act on); workspace B with records of every kind that carry a unique marker string. Half of
 * B's ids are "exposed" (the fuzzer uses them as hostile ids in A's requests), half "sealed"
 * (never sent): a sealed id or the marker in any answer to A is a leak across workspaces.
 */
export const PASSWORD = 'correct horse battery staple';
export const ROLES = ['owner', 'admin', 'manager', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Gateway settings for fuzzing: no rate limits (they would hide every route behind 429). */
const GATEWAY_ENV = {
  RATE_LIMIT_PER_ACTOR: '0',
  RATE_LIMIT_PER_WORKSPACE: '0',
  RATE_LIMIT_PER_IP: '0',
  ACCESS_TOKEN_TTL_S: String(24 * 60 * 60),
};

export type Kind =
  | 'contact'
  | 'company'
  | 'pipeline'
  | 'stage'
  | 'deal'
  | 'task'
  | 'segment'
  | 'note'
  | 'communication'
  | 'lead'
  | 'product'
  | 'custom_field'
  | 'invitation'
  | 'api_key'
  | 'user'
  | 'import';

export type Ids = Record<Kind, string[]>;
const noIds = (): Ids => ({
  contact: [],
  company: [],
  pipeline: [],
  stage: [],
  deal: [],
  task: [],
  segment: [],
  note: [],
  communication: [],
  lead: [],
  product: [],
  custom_field: [],
  invitation: [],
  api_key: [],
  user: [],
  import: [],
});

export interface Actor {
  name: string;
  /** The Authorization header value; undefined for anonymous requests. */
  authorization?: string;
  /** A user session (for routes that end it, the fuzzer logs in afresh). */
  session?: Session;
}

const unique = () => randomBytes(4).toString('hex');

export class FuzzWorld {
  readonly marker = `xwsmark${randomBytes(6).toString('hex')}`;
  /** Workspace A: its actors and records. */
  a!: { owner: Session; users: Record<Role, Session>; keys: Record<Role, string> };
  readonly actors: Actor[] = [];
  readonly aIds = noIds();
  /** Users and API keys of A that member and key routes may act on (never an actor). */
  readonly expendable = { users: [] as string[], keys: [] as string[] };
  readonly invitationTokens: string[] = [];
  readonly refreshTokens: string[] = [];
  readonly emails: string[] = [];
  /** Cursors real lists issued (A's and B's): replayed on other routes and across workspaces. */
  readonly cursors: string[] = [];
  b!: Session;
  readonly bExposed = noIds();
  readonly bSealed = noIds();
  /** B's records as B saw them after seeding, by path. */
  readonly bSnapshot = new Map<string, Record<string, unknown>>();

  /** How long the processes took to start (the rest of the set-up is seeding). */
  startedMs = 0;

  private constructor(readonly platform: Platform) {}

  static async start(): Promise<FuzzWorld> {
    const t0 = Date.now();
    const platform = new Platform(testNamespace());
    try {
      // Two at a time: seven processes booting at once on a busy 2-core machine can each miss
      // the 30 s readiness wait.
      const services = SERVICES.filter((s) => s !== 'gateway');
      for (let i = 0; i < services.length; i += 2)
        await Promise.all(services.slice(i, i + 2).map((s) => platform.startOne(s)));
      await platform.startOne('gateway', GATEWAY_ENV);
      const world = new FuzzWorld(platform);
      world.startedMs = Date.now() - t0;
      await world.seed();
      return world;
    } catch (err) {
      await platform.stop();
      throw err;
    }
  }

  get url(): string {
    return this.platform.gatewayUrl;
  }

  /** Every B id and the marker: what must never reach A's actors. */
  get sealedNeedles(): string[] {
    return [this.marker, this.b.workspace.id, ...Object.values(this.bSealed).flat()];
  }

  /** Starts again a process that no longer answers; the names of those restarted. */
  async restartDead(): Promise<ServiceName[]> {
    const dead: ServiceName[] = [];
    for (const name of SERVICES) {
      if (await this.answers(name)) continue;
      dead.push(name);
      await this.platform.processes.get(name)?.kill('SIGKILL');
      await this.platform.startOne(name, name === 'gateway' ? GATEWAY_ENV : {});
    }
    return dead;
  }

  /** Whether the process answers its readiness probe. */
  async answers(name: ServiceName): Promise<boolean> {
    const proc = this.platform.processes.get(name);
    if (!proc) return false;
    const res = await fetch(`${proc.url}/health/ready`, {
      signal: AbortSignal.timeout(5000),
    }).catch(() => undefined);
    return res?.status === 200;
  }

  async stop(): Promise<void> {
    await this.platform.stop();
  }

  // -------------------------------------------------------------------------------------------
  // Seeding

  private async seed(): Promise<void> {
    const [aOwner, b] = await Promise.all([
      signUp(this.url, { workspaceName: 'Fuzz A' }),
      signUp(this.url, {
        workspaceName: `Fuzz B ${this.marker}`,
        name: `Owner ${this.marker}`,
        email: `${this.marker}-owner@example.com`,
      }),
    ]);
    this.b = b;
    this.bSealed.user.push(b.user.id);
    const others = ROLES.filter((r) => r !== 'owner');
    const [members, keyList, spares, spareKeys] = await Promise.all([
      Promise.all(others.map((role) => this.addMember(aOwner, role))),
      Promise.all(ROLES.map((role) => this.apiKey(aOwner, role))),
      Promise.all((['viewer', 'member'] as const).map((role) => this.addMember(aOwner, role))),
      Promise.all((['viewer', 'member'] as const).map((role) => this.apiKey(aOwner, role))),
    ]);
    const users = { owner: aOwner } as Record<Role, Session>;
    others.forEach((role, i) => (users[role] = members[i]));
    const keys = {} as Record<Role, string>;
    ROLES.forEach((role, i) => (keys[role] = keyList[i].key));
    this.a = { owner: aOwner, users, keys };
    for (const role of ROLES) {
      this.actors.push({
        name: role,
        authorization: `Bearer ${users[role].accessToken}`,
        session: users[role],
      });
      this.actors.push({ name: `${role} API key`, authorization: `Bearer ${keys[role]}` });
      this.emails.push(users[role].user.email);
    }
    this.actors.push({ name: 'anonymous' });
    for (const spare of spares) {
      this.expendable.users.push(spare.user.id);
      this.aIds.user.push(spare.user.id);
      this.refreshTokens.push(spare.refreshToken);
    }
    for (const key of spareKeys) {
      this.expendable.keys.push(key.id);
      this.aIds.api_key.push(key.id);
    }
    await Promise.all([this.records(aOwner, this.aIds, ''), this.seedB()]);
    await this.harvestCursors();
  }

  private async seedB(): Promise<void> {
    // Two of every kind: the first exposed (used as hostile ids in A's requests), one sealed.
    const [member] = await Promise.all([
      this.addMember(this.b, 'member', `${this.marker}-member@example.com`),
      this.records(this.b, this.bExposed, this.marker),
      this.records(this.b, this.bSealed, this.marker),
    ]);
    this.bExposed.user.push(member.user.id);
    await Promise.all(
      [...this.snapshotPaths()].map(async ([path]) => {
        const res = await this.call<Record<string, unknown>>('GET', path, {
          token: this.b.accessToken,
        });
        if (res.status === 200) this.bSnapshot.set(path, res.body);
      }),
    );
  }

  /** GET paths of B's records, for the snapshot compared at the end. */
  *snapshotPaths(): Generator<[string]> {
    const all = (kind: Kind) => [...this.bExposed[kind], ...this.bSealed[kind]];
    const routes: [Kind, string][] = [
      ['contact', 'contacts'],
      ['company', 'companies'],
      ['pipeline', 'pipelines'],
      ['deal', 'deals'],
      ['task', 'tasks'],
      ['segment', 'segments'],
      ['note', 'notes'],
      ['communication', 'communications'],
      ['lead', 'leads'],
      ['product', 'products'],
      ['user', 'members'],
    ];
    for (const [kind, base] of routes) for (const id of all(kind)) yield [`/v1/${base}/${id}`];
  }

  /** One record of every kind in `as`'s workspace, names carrying `mark`. */
  private async records(as: Session, ids: Ids, mark: string): Promise<void> {
    const tag = `${mark}${unique()}`;
    const post = async <T extends { id: string }>(path: string, body: unknown): Promise<T> => {
      const res = await this.call<T>('POST', path, { token: as.accessToken, body });
      if (res.status !== 201)
        throw new Error(`seed ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const write = async (method: string, path: string, body: unknown) => {
      const res = await this.call(method, path, { token: as.accessToken, body });
      if (res.status >= 300) throw new Error(`seed ${method} ${path}: ${res.status}`);
    };
    // A's contacts: owned by the owner, the member, the viewer, and nobody.
    const owners = mark
      ? [as.user.id, undefined]
      : [as.user.id, this.a.users.member.user.id, this.a.users.viewer.user.id, undefined];
    const [contacts, company, pipeline, segments, leads, product, field, invitation, key, imp] =
      await Promise.all([
        Promise.all(
          owners.map((ownerId, i) =>
            post('/v1/contacts', {
              firstName: `Ada ${tag}`,
              lastName: `Lovelace${i}`,
              channels: [{ type: 'email', value: `${tag}-${i}@example.com` }],
              tags: ['vip', `t${tag}`],
              stage: 'customer',
              ...(ownerId ? { ownerId } : {}),
            }),
          ),
        ),
        post('/v1/companies', { name: `Company ${tag}`, ownerId: as.user.id }),
        post<{ id: string; stages: { id: string }[] }>('/v1/pipelines', {
          name: `Pipeline ${tag}`,
          stages: [
            { name: 'Open', category: 'open' },
            { name: 'Next', category: 'open' },
            { name: 'Won', category: 'won' },
          ],
        }),
        Promise.all([
          post('/v1/segments', { name: `Static ${tag}`, type: 'static' }),
          post('/v1/segments', {
            name: `Dynamic ${tag}`,
            type: 'dynamic',
            filter: { field: 'tags', op: 'has_any', value: ['vip'] },
          }),
        ]),
        Promise.all(
          ['new', 'qualified'].map((status) =>
            post('/v1/leads', {
              email: `lead-${tag}-${status}@example.com`,
              displayName: `Lead ${tag}`,
              source: 'website',
            }),
          ),
        ),
        post('/v1/products', {
          name: `Product ${tag}`,
          slug: `p${tag}`.slice(0, 40),
          criteria: [{ key: 'budget', label: 'Budget', weight: 1 }],
        }),
        post('/v1/custom-fields', {
          entity: 'contact',
          slug: `f${tag}`.slice(0, 60),
          label: `F ${tag}`,
          type: 'text',
        }),
        post<{ id: string; token: string }>('/v1/invitations', {
          email: `${tag}-invited@example.com`,
          role: 'viewer',
        }),
        mark ? this.apiKey(as, 'viewer', `Key ${tag}`) : undefined,
        this.call<{ id: string }>('POST', '/v1/imports', {
          token: as.accessToken,
          rawBody: `email,firstName\n${tag}-imported@example.com,Imported ${tag}\nnot-an-email,${tag}\n`,
          headers: { 'content-type': 'text/csv' },
        }),
      ]);
    if (imp.status !== 202) throw new Error(`seed import: ${imp.status}`);
    const contactId = contacts[0].id;
    ids.contact.push(...contacts.map((c) => c.id));
    ids.company.push(company.id);
    ids.pipeline.push(pipeline.id);
    ids.stage.push(...pipeline.stages.map((st) => st.id));
    ids.segment.push(...segments.map((sg) => sg.id));
    ids.lead.push(...leads.map((l) => l.id));
    ids.product.push(product.id);
    ids.custom_field.push(field.id);
    ids.invitation.push(invitation.id);
    if (!mark) this.invitationTokens.push(invitation.token);
    if (key) ids.api_key.push(key.id);
    ids.import.push(imp.body.id);
    const [deal, tasks, note, communication] = await Promise.all([
      post('/v1/deals', {
        title: `Deal ${tag}`,
        pipelineId: pipeline.id,
        contactId,
        ownerId: as.user.id,
      }),
      Promise.all(
        [
          { type: 'contact', id: contactId },
          { type: 'company', id: company.id },
        ].map((anchor) => post('/v1/tasks', { title: `Task ${tag}`, anchor })),
      ),
      post('/v1/notes', { anchor: { type: 'contact', id: contactId }, body: `Note ${tag}` }),
      post(`/v1/contacts/${contactId}/communications`, {
        channel: 'call',
        direction: 'outbound',
        occurredAt: new Date().toISOString(),
        summary: `Call ${tag}`,
      }),
      write('POST', `/v1/segments/${segments[0].id}/members`, { add: ids.contact.slice(-2) }),
      write('PATCH', `/v1/leads/${leads[1].id}`, { status: 'qualified' }),
      post(`/v1/products/${product.id}/assessments`, { contactId, scores: { budget: 60 } }),
    ]);
    ids.deal.push(deal.id);
    ids.task.push(...tasks.map((t) => t.id));
    ids.note.push(note.id);
    ids.communication.push(communication.id);
  }

  private async harvestCursors(): Promise<void> {
    const lists = [
      '/v1/contacts',
      '/v1/deals',
      '/v1/leads',
      '/v1/members',
      '/v1/companies',
      '/v1/tasks',
      '/v1/segments',
    ];
    const pages = await Promise.all(
      [this.a.owner, this.b].flatMap((session) =>
        lists.map((path) =>
          this.call<{ nextCursor?: string | null }>('GET', `${path}?limit=1`, {
            token: session.accessToken,
          }),
        ),
      ),
    );
    for (const res of pages) if (res.body?.nextCursor) this.cursors.push(res.body.nextCursor);
  }

  private async addMember(owner: Session, role: string, email?: string): Promise<Session> {
    const address = email ?? `${role}-${unique()}@example.com`;
    const invite = await this.call<{ token: string }>('POST', '/v1/invitations', {
      token: owner.accessToken,
      body: { email: address, role },
    });
    if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
    const accepted = await this.call<Session>('POST', '/v1/auth/accept-invitation', {
      body: {
        token: invite.body.token,
        password: PASSWORD,
        name: `${role} ${email ? this.marker : 'user'}`,
      },
    });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
    return accepted.body;
  }

  private async apiKey(owner: Session, role: string, name = `fuzz-${role}-${unique()}`) {
    const res = await this.call<{ id: string; key: string }>('POST', '/v1/api-keys', {
      token: owner.accessToken,
      body: { name, role },
    });
    if (res.status !== 201) throw new Error(`API key for ${role}: ${res.status}`);
    return res.body;
  }

  private slots = 4;
  private readonly queue: (() => void)[] = [];

  /**
   * Seeding's HTTP calls: four at a time, and a 5xx tried again (a loaded machine can miss the
   * 5 s RPC timeout; seeding is not what is under test).
   */
  private async call<T = unknown>(
    method: string,
    path: string,
    options: Parameters<typeof http>[3] = {},
  ): Promise<HttpResult<T>> {
    while (this.slots === 0) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.slots--;
    try {
      for (let attempt = 1; ; attempt++) {
        const res = await http<T>(this.url, method, path, options);
        if (res.status < 500 || attempt === 4) return res;
        await sleep(500 * attempt);
      }
    } finally {
      this.slots++;
      this.queue.shift()?.();
    }
  }

  /** A fresh session of `session`'s user (for logout, which ends the session it runs in). */
  async login(session: Session): Promise<Session | undefined> {
    const res = await http<Session>(this.url, 'POST', '/v1/auth/login', {
      body: { email: session.user.email, password: PASSWORD, workspaceId: session.workspace.id },
    });
    return res.status === 200 ? res.body : undefined;
  }

  /** Waits until the gateway answers (after a restart). */
  async ready(): Promise<void> {
    await waitFor(async () => this.answers('gateway'), { timeoutMs: 30_000, what: 'the gateway' });
  }
}

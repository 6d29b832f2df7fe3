import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decode, parseCreds, type ClaimsData } from '@nats-io/jwt';
import { fromPublic } from '@nats-io/nkeys';
import {
  appAccountJwt,
  authRootPublicKeys,
  createAuthRoot,
  inboxPrefixFor,
  integrationPermissions,
  integrationUserCreds,
  loadAuthRoot,
  operatorJwt,
  parseAuthRoot,
  serializeAuthRoot,
  serverAuthConfig,
  SERVICE_GRANTS,
  servicePermissions,
  serviceUserCreds,
  systemUserCreds,
} from './index';

const root = createAuthRoot();
const keys = authRootPublicKeys(root);

type Claims = ClaimsData<Record<string, unknown>>;

/** Decodes a JWT and checks its signature against its issuer's public key. */
function verified(jwt: string): Claims {
  const [header, payload, sig] = jwt.split('.');
  const ok = fromPublic(decode<unknown>(jwt).iss).verify(
    new TextEncoder().encode(`${header}.${payload}`),
    Buffer.from(sig, 'base64url'),
  );
  expect(ok).toBe(true);
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
    typ: 'JWT',
    alg: 'ed25519-nkey',
  });
  return decode<Record<string, unknown>>(jwt);
}

async function credsClaims(creds: string): Promise<Claims> {
  const parsed = await parseCreds(new TextEncoder().encode(creds));
  const claims = verified(parsed.jwt);
  expect(claims.sub).toBe(fromPublic(claims.sub).getPublicKey());
  expect(parsed.key).toMatch(/^SU/);
  return claims;
}

describe('auth root', () => {
  it('serializes and parses back the same keys', () => {
    const text = serializeAuthRoot(root);
    expect(parseAuthRoot(text)).toEqual(root);
    expect(loadAuthRoot(text)).toEqual(root);
  });

  it('refuses a root with a missing or wrong seed', () => {
    expect(() => parseAuthRoot('{}')).toThrow(/operatorSeed/);
    expect(() =>
      parseAuthRoot(JSON.stringify({ ...root, appSigningSeed: root.operatorSeed })),
    ).toThrow(/appSigningSeed/);
    expect(() => parseAuthRoot(JSON.stringify({ ...root, appAccountSeed: 'SAxyz' }))).toThrow(
      /appAccountSeed is not a valid/,
    );
  });
});

describe('operator and accounts', () => {
  it('the operator names its signing key and the system account', () => {
    const c = verified(operatorJwt(root));
    expect(c.iss).toBe(keys.operator);
    expect(c.nats).toMatchObject({
      type: 'operator',
      version: 2,
      signing_keys: [keys.operatorSigning],
      system_account: keys.systemAccount,
    });
  });

  it('the APP account has JetStream, its signing key and the revocations, signed by the operator signing key', async () => {
    const c = verified(await appAccountJwt(root, { UABC: 1700000000 }));
    expect(c.iss).toBe(keys.operatorSigning);
    expect(c.sub).toBe(keys.appAccount);
    expect(c.nats).toMatchObject({
      type: 'account',
      signing_keys: [keys.appSigning],
      revocations: { UABC: 1700000000 },
      limits: { disk_storage: -1, mem_storage: -1, streams: -1, consumer: -1 },
    });
    expect(c.iat).toBeGreaterThan(1_700_000_000);
  });

  it('the server config has the operator, the system account, a full resolver and both accounts preloaded with a fixed issue time', async () => {
    const conf = await serverAuthConfig(root, { resolverDir: '/data/jwt dir' });
    expect(conf).toContain(`operator: ${operatorJwt(root)}`);
    expect(conf).toContain(`system_account: ${keys.systemAccount}`);
    expect(conf).toMatch(
      /resolver: \{\n\s+type: full\n\s+dir: "\/data\/jwt dir"\n\s+allow_delete: false/,
    );
    const preload = Object.fromEntries(
      [...conf.matchAll(/^\s+(A[A-Z0-9]{55}): (\S+)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(preload).sort()).toEqual([keys.systemAccount, keys.appAccount].sort());
    const app = verified(preload[keys.appAccount]);
    expect(app.iat).toBe(1);
    expect(app.nats).not.toHaveProperty('revocations');
    // Same root, same preload: a restart never replaces a newer pushed JWT.
    expect(await serverAuthConfig(root, { resolverDir: '/data/jwt dir' })).toBe(conf);
  });
});

describe('service users', () => {
  it('are signed by the APP signing key on behalf of APP, with their table permissions', async () => {
    const c = await credsClaims(await serviceUserCreds(root, 'tasks', 't1a2b3c4.'));
    expect(c.iss).toBe(keys.appSigning);
    expect(c.nats).toMatchObject({
      type: 'user',
      issuer_account: keys.appAccount,
      pub: servicePermissions('tasks', 't1a2b3c4.').pub,
      sub: servicePermissions('tasks', 't1a2b3c4.').sub,
    });
  });

  it('tasks calls contacts and deals only, answers rpc.tasks, publishes task events', () => {
    const p = servicePermissions('tasks', 't1a2b3c4.');
    expect(p.pub.allow).toEqual(
      expect.arrayContaining([
        't1a2b3c4.rpc.contacts.>',
        't1a2b3c4.rpc.deals.>',
        't1a2b3c4.crm.*.task.>',
        '$JS.API.CONSUMER.CREATE.t1a2b3c4_CRM_EVENTS.tasks-deal-updated.>',
        '$JS.ACK.t1a2b3c4_CRM_EVENTS.tasks-deal-updated.>',
        't1a2b3c4.dlq.tasks-deal-updated.>',
        '$JS.API.STREAM.CREATE.t1a2b3c4_CRM_EVENTS',
      ]),
    );
    expect(p.pub.allow.filter((s) => s.includes('rpc.'))).toEqual([
      't1a2b3c4.rpc.contacts.>',
      't1a2b3c4.rpc.deals.>',
    ]);
    expect(p.pub.allow.some((s) => s.includes('crm.*.contact'))).toBe(false);
    expect(p.sub.allow).toEqual(['_INBOX_t1a2b3c4_tasks.>', 't1a2b3c4.rpc.tasks.>']);
    expect(p.resp).toBeDefined();
  });

  it('only the gateway and the calling services may request another service', () => {
    const callers = (svc: string) =>
      Object.keys(SERVICE_GRANTS).filter((u) =>
        servicePermissions(u as never, '').pub.allow.includes(`rpc.${svc}.>`),
      );
    expect(callers('contacts').sort()).toEqual([
      'activity',
      'deals',
      'gateway',
      'segments',
      'tasks',
    ]);
    expect(callers('activity')).toEqual(['gateway']);
    expect(callers('segments')).toEqual(['gateway']);
  });

  it('only the activity service consumes the MESSAGING stream', () => {
    const consumers = Object.entries(SERVICE_GRANTS)
      .filter(([, g]) => g.consumers.some((c) => c.stream === 'messaging'))
      .map(([u]) => u);
    expect(consumers).toEqual(['activity']);
    for (const user of Object.keys(SERVICE_GRANTS)) {
      const p = servicePermissions(user as never, '');
      expect(p.sub.allow.some((s) => s.startsWith('messaging.'))).toBe(false);
      expect(p.sub.allow).not.toContain('_INBOX.>');
    }
  });

  it('without a prefix, names are the contract ones', () => {
    const p = servicePermissions('contacts', '');
    expect(p.sub.allow).toEqual(['_INBOX_contacts.>', 'rpc.contacts.>']);
    expect(p.pub.allow).toContain('crm.*.contact.>');
    expect(p.pub.allow).toContain('$JS.API.STREAM.CREATE.OBJ_contact-imports');
    expect(p.pub.allow).toContain('$O.contact-imports.>');
  });

  it('admin has everything within the prefix and the standard inbox', () => {
    expect(servicePermissions('admin', 't9.')).toEqual({
      pub: { allow: ['t9.>', '$JS.>', '$O.>', '$KV.>'] },
      sub: { allow: ['t9.>', '_INBOX.>', '_INBOX_t9_admin.>', '$O.>', '$KV.>'] },
    });
  });

  it('the table names the durables the services declare', () => {
    const servicesDir = join(__dirname, '../../../services');
    const declared = new Map<string, Set<string>>();
    const walk = (dir: string, service: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path, service);
        else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(
            /(?:durable|activityDurable|joined|left) = '([a-z-]+)'|(?:joined|left): '([a-z-]+)'/g,
          )) {
            const set = declared.get(service) ?? new Set<string>();
            set.add(m[1] ?? m[2]);
            declared.set(service, set);
          }
        }
      }
    };
    for (const service of readdirSync(servicesDir))
      walk(join(servicesDir, service, 'src'), service);
    for (const [service, grant] of Object.entries(SERVICE_GRANTS)) {
      expect([...(declared.get(service) ?? [])].sort()).toEqual(
        grant.consumers.map((c) => c.durable).sort(),
      );
    }
  });
});

describe('integrations', () => {
  const campaign = {
    integrationId: 'int_abc',
    workspaceId: 'wsA',
    kind: 'campaign',
    prefix: 't1.',
  } as const;

  it('campaign: its workspace events, its own durable with the filter pinned, its own inbox', () => {
    expect(integrationPermissions(campaign)).toEqual({
      pub: {
        allow: [
          '$JS.API.CONSUMER.CREATE.t1_CRM_EVENTS.int_abc.t1.crm.wsA.>',
          '$JS.API.CONSUMER.INFO.t1_CRM_EVENTS.int_abc',
          '$JS.API.CONSUMER.DELETE.t1_CRM_EVENTS.int_abc',
          '$JS.API.CONSUMER.MSG.NEXT.t1_CRM_EVENTS.int_abc',
          '$JS.ACK.t1_CRM_EVENTS.int_abc.>',
        ],
      },
      sub: { allow: ['t1.crm.wsA.>', '_INBOX_t1_int_abc.>'] },
    });
    expect(inboxPrefixFor('int_abc', 't1.')).toBe('_INBOX_t1_int_abc');
  });

  it('messaging: campaign plus publishing its workspace messaging subjects', () => {
    const p = integrationPermissions({ ...campaign, kind: 'messaging', prefix: '' });
    expect(p.pub.allow).toContain('messaging.wsA.>');
    expect(p.pub.allow).toContain('$JS.API.CONSUMER.CREATE.CRM_EVENTS.int_abc.crm.wsA.>');
    expect(p.sub.allow).toEqual(['crm.wsA.>', '_INBOX_int_abc.>']);
  });

  it('never rpc, crm publish, dlq, the stream API, account info or the legacy durable create', () => {
    for (const kind of ['campaign', 'messaging'] as const) {
      const p = integrationPermissions({ ...campaign, kind });
      const all = [...p.pub.allow, ...p.sub.allow];
      expect(all.some((s) => /rpc\.|dlq\.|\$JS\.API\.STREAM|\$JS\.API\.INFO|DURABLE/.test(s))).toBe(
        false,
      );
      expect(p.pub.allow.some((s) => s.startsWith('t1.crm.') || s.startsWith('crm.'))).toBe(false);
      expect(p.sub.allow).not.toContain('_INBOX.>');
      expect(p.resp).toBeUndefined();
    }
  });

  it('refuses ids that are not one subject token (they would widen the permissions)', () => {
    expect(() => integrationPermissions({ ...campaign, workspaceId: 'a.>' })).toThrow(
      /workspaceId/,
    );
    expect(() => integrationPermissions({ ...campaign, workspaceId: '*' })).toThrow(/workspaceId/);
    expect(() => integrationPermissions({ ...campaign, integrationId: 'x y' })).toThrow(
      /integrationId/,
    );
  });

  it('creds carry the permissions and the user key that a revocation names', async () => {
    const { creds, userPublicKey } = await integrationUserCreds(root, campaign);
    const c = await credsClaims(creds);
    expect(c.sub).toBe(userPublicKey);
    expect(c.iss).toBe(keys.appSigning);
    expect(c.nats).toMatchObject({
      issuer_account: keys.appAccount,
      ...integrationPermissions(campaign),
    });
  });
});

it('the system user belongs to SYS', async () => {
  const c = await credsClaims(await systemUserCreds(root));
  expect(c.iss).toBe(keys.systemAccount);
  expect(c.nats).not.toHaveProperty('issuer_account');
});

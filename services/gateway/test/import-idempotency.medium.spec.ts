import type { ImportAccepted, Problem, Session } from '@switchboard/contracts';
import type { RunningService } from '@switchboard/runtime';
import { http, signUp, startInProcess, TEST_JWT_SECRET, testNamespace } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { gatewayService } from '../src/app.module';
import { GatewayConfig } from '../src/config';

const ns = testNamespace();
let contacts: RunningService;
let gw: RunningService;
let owner: Session;

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  gw = await startInProcess(ns, 'gateway', GatewayConfig, gatewayService, {
    JWT_SECRET: TEST_JWT_SECRET,
  });
  owner = await signUp(gw.url);
});
afterAll(async () => {
  await gw.stop();
  await contacts.stop();
});

const upload = (csv: string, key: string) =>
  http<Partial<ImportAccepted> & Pick<Partial<Problem>, 'code'>>(gw.url, 'POST', '/v1/imports', {
    token: owner.accessToken,
    rawBody: csv,
    headers: { 'content-type': 'text/csv', 'idempotency-key': key },
  });

describe('Idempotency-Key on an import', () => {
  it('identifies the file by its content, not its length', async () => {
    const a = 'Name,Email\nAda,ada@example.com\n';
    const b = 'Name,Email\nBob,bob@example.com\n';
    expect(a.length).toBe(b.length);

    const first = await upload(a, 'import-key-1');
    expect(first.status).toBe(202);
    // Another file of the same length under the same key: refused, not a replay of the first.
    const other = await upload(b, 'import-key-1');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_mismatch');
    // The same file again: the first answer, and no second import.
    const again = await upload(a, 'import-key-1');
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });
});

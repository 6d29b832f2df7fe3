import type { Readable } from 'node:stream';
import { AppError } from '@switchboard/errors';
import { RPC, type RequestContext } from '@switchboard/contracts';
import type { RpcClient } from '@switchboard/messaging';
import { ContactsExportService } from './contacts-export.service';

const ctx = { workspaceId: 'ws' } as RequestContext;
const columns = ['id', 'email'];

/** An RPC client whose export pages come from `pages`; `failures` are thrown before page 2. */
function rpcWith(failures: unknown[]) {
  const pages: Record<string, unknown> = {
    '': { columns, rows: [['1', 'a@x.io']], nextCursor: 'c2' },
    c2: { columns, rows: [['2', 'b@x.io']], nextCursor: null },
  };
  const call = jest.fn(async (operation: unknown, _ctx: unknown, body: { cursor?: string }) => {
    if (operation !== RPC.contacts.exportPage) return {};
    if (body.cursor && failures.length > 0) throw failures.shift();
    return pages[body.cursor ?? ''];
  });
  return { rpc: { call } as unknown as RpcClient };
}

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('ContactsExportService', () => {
  beforeEach(() => jest.useFakeTimers({ advanceTimers: true }));
  afterEach(() => jest.useRealTimers());

  it('retries a later page that failed on an unavailable dependency; the file is whole', async () => {
    const { rpc } = rpcWith([
      new AppError('timeout', 'contacts slow'),
      new AppError('unavailable', 'no responders'),
    ]);
    const csv = await new ContactsExportService(rpc).open(ctx, {} as never);
    expect(await text(csv)).toBe('id,email\n1,a@x.io\n2,b@x.io\n');
  });

  it('ends the stream with an error on a failure a retry will not fix', async () => {
    const { rpc } = rpcWith([new AppError('validation_failed', 'bad cursor')]);
    const csv = await new ContactsExportService(rpc).open(ctx, {} as never);
    await expect(text(csv)).rejects.toThrow('bad cursor');
  });
});

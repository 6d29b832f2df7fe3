import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unwrap } from '@switchboard/sdk';
import type { Command } from 'commander';
import { connect, type GlobalOptions } from '../context';
import { CliError, EXIT } from '../exit-codes';

export function registerIntegrations(program: Command, globals: () => GlobalOptions): void {
  const integrations = program
    .command('integrations')
    .description('NATS credentials for campaign systems and messaging services');
  integrations
    .command('create <name>')
    .description('issue NATS credentials and write the creds file (shown once, mode 0600)')
    .requiredOption('--kind <kind>', 'campaign | messaging')
    .option('--out <file>', 'where to write the creds file', '<name>.creds')
    .option('--force', 'overwrite an existing file')
    .action(async (name: string, opts: { kind: string; out: string; force?: boolean }) => {
      if (opts.kind !== 'campaign' && opts.kind !== 'messaging') {
        throw new CliError('--kind is campaign or messaging', EXIT.usage);
      }
      const file = resolve(
        opts.out === '<name>.creds' ? `${name.replace(/[^\w.-]+/g, '-')}.creds` : opts.out,
      );
      const { sb, out } = connect(globals());
      const created = await unwrap(
        sb.api.POST('/v1/integrations', { body: { name, kind: opts.kind } }),
      );
      try {
        // `wx`: never replace a file silently, unless asked to.
        writeFileSync(file, created.creds, { mode: 0o600, flag: opts.force ? 'w' : 'wx' });
      } catch (error) {
        throw new CliError(
          `integration ${created.id} created, but ${file} could not be written (${(error as Error).message}); ` +
            'delete the integration and try again',
          EXIT.failure,
        );
      }
      const { creds: _creds, ...shown } = created;
      out.result({ ...shown, credsFile: file }, (c) =>
        [
          `Integration ${c.id} (${c.kind}) created`,
          `NATS: ${c.natsUrl}`,
          `Credentials: ${file}  (nats --creds ${file} -s ${c.natsUrl} …)`,
        ].join('\n'),
      );
    });
}

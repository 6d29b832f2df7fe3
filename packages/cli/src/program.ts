import { Command } from 'commander';
import { registerAuth } from './commands/auth';
import { registerContactsExport } from './commands/contacts-export';
import { registerContactsImport } from './commands/contacts-import';
import { registerDlq } from './commands/dlq';
import { registerIntegrations } from './commands/integrations';
import { registerSegments } from './commands/segments';
import { registerWebhooks } from './commands/webhooks';
import type { GlobalOptions } from './context';

/** The `switchboard` command tree. */
export function buildProgram(): Command {
  const program = new Command('switchboard')
    .description('The Switchboard CRM from the command line')
    .option('-p, --profile <name>', 'the stored profile to use (SWITCHBOARD_PROFILE)')
    .option('--url <url>', 'the gateway (SWITCHBOARD_URL; login stores it in the profile)')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => program.opts<GlobalOptions>();

  registerAuth(program, globals);
  const contacts = program.command('contacts').description('contacts: CSV import and export');
  registerContactsImport(contacts, globals);
  registerContactsExport(contacts, globals);
  registerSegments(program, globals);
  registerWebhooks(program, globals);
  registerIntegrations(program, globals);
  registerDlq(program, globals);
  return program;
}

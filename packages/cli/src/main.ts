#!/usr/bin/env node
import { CommanderError } from 'commander';
import { SwitchboardError } from '@switchboard/sdk';
import { EXIT, exitCodeFor } from './exit-codes';
import { buildProgram } from './program';

function report(error: unknown): void {
  if (error instanceof SwitchboardError) {
    const fields = error.errors.map((e) => `\n  ${e.path}: ${e.message}`).join('');
    process.stderr.write(`error: ${error.message}${fields}\n`);
  } else {
    // fetch() hides the reason (refused, reset, timed out) in `cause`.
    const cause =
      error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(
      `error: ${error instanceof Error ? error.message : String(error)}${cause}\n`,
    );
  }
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; commander printed the usage problem already.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    report(error);
    process.exitCode = exitCodeFor(error);
  }
}

void main();

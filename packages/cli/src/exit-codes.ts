import { SwitchboardError } from '@switchboard/sdk';

/** Exit statuses a script can branch on (listed in the CLI's README). */
export const EXIT = {
  ok: 0,
  /** Anything unexpected. */
  failure: 1,
  /** Bad command line (unknown option, missing argument). */
  usage: 2,
  /** Not logged in, credentials refused (401) or not allowed (403). */
  auth: 3,
  /** No such record (404). */
  notFound: 4,
  /** The API refused the input (400, 409, 413, 415), or an import failed as a whole. */
  refused: 5,
  /** The work finished but some of it did not go through (an import with failed rows). */
  partial: 6,
  /** The API could not be reached, was rate limited or failed (429, 5xx). */
  unavailable: 7,
} as const;

/** A failure the CLI itself reports (no profile, a file it cannot write, …) with its status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof SwitchboardError) {
    if (error.status === 401 || error.status === 403) return EXIT.auth;
    if (error.status === 404) return EXIT.notFound;
    if (error.status === 429 || error.status >= 500) return EXIT.unavailable;
    if (error.status >= 400) return EXIT.refused;
  }
  // fetch() rejects with a TypeError when the gateway cannot be reached ('fetch failed') or
  // closes a streamed answer before its end ('terminated').
  if (error instanceof TypeError && ['fetch failed', 'terminated'].includes(error.message)) {
    return EXIT.unavailable;
  }
  return EXIT.failure;
}

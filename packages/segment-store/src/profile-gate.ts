/**
 * The version-gate key of a profile (`VersionGate` from @switchboard/storage, version = `rev`).
 * Every writer of `profiles` passes `gate.pass(profileGateKey(id), rev)` before writing
 * `rev: n` → `n + 1`, so that exactly one writer moves each revision on FerretDB 1.24, whose
 * updates are read-then-write (docs/architecture.md decision 25). The worker also inserts these
 * gates in bulk (`<key>:<rev>` as `_id` in `version_gates`) before its multi-profile updates.
 */
export const profileGateKey = (contactId: string): string => `profile:${contactId}`;

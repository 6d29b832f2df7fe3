import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CAPABILITIES, DEFAULT_ROLES } from '@switchboard/contracts';
import { DEFAULT_ROLE_GRANTS } from './roles';

// docs/capabilities.md documents the map; this keeps the page and the data in step.
const page = readFileSync(resolve(__dirname, '../../../../docs/capabilities.md'), 'utf8');
const rows = new Map(
  page
    .split('\n')
    .filter((l) => l.startsWith('| `') || l.startsWith('| scope'))
    .map((l) =>
      l
        .split('|')
        .map((c) => c.trim())
        .slice(1, -1),
    )
    .map(([name, ...cells]) => [name.replace(/`/g, ''), cells]),
);

describe('docs/capabilities.md', () => {
  it('lists every capability slug, in order', () => {
    expect([...rows.keys()].filter((k) => !k.startsWith('scope'))).toEqual([...CAPABILITIES]);
  });

  it.each(DEFAULT_ROLES.map((r, i) => [r, i] as const))('says what %s holds', (role, column) => {
    const grant = DEFAULT_ROLE_GRANTS[role];
    for (const capability of CAPABILITIES)
      expect({ capability, held: rows.get(capability)?.[column] === '✓' }).toEqual({
        capability,
        held: grant.capabilities.includes(capability),
      });
    expect(rows.get('scope (writes)')?.[column]).toBe(grant.scope);
    expect(rows.get('scope (reads)')?.[column]).toBe(grant.readScope);
  });
});

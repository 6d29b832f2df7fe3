import { auditCsvRow, csvCell } from './audit-csv';

describe('audit CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  });

  it('writes one row per entry, changes as JSON, tags ;-separated', () => {
    const row = auditCsvRow({
      id: 'e1',
      occurredAt: '2026-12-07T10:00:00.000Z',
      actor: { type: 'user', id: 'u1' },
      target: { type: 'member', id: 'u2' },
      action: 'member.role.changed',
      changes: [{ field: 'role', from: 'member', to: 'viewer' }],
      tags: ['a', 'b'],
      requestId: null,
    });
    expect(row).toBe(
      '2026-12-07T10:00:00.000Z,member.role.changed,user,u1,member,u2,' +
        '"[{""field"":""role"",""from"":""member"",""to"":""viewer""}]",a;b,',
    );
  });
});

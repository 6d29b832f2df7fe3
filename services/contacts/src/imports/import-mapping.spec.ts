import { describeErrors, resolveColumns, rowInput } from './import-mapping';

const fields = (header: string[], mapping?: Record<string, string>) =>
  resolveColumns(header, mapping as never).map((c) => c.field);

describe('import column mapping', () => {
  it('maps well-known headers whatever their spelling', () => {
    expect(
      fields([
        'First Name',
        'last_name',
        'E-Mail',
        'Mobile Phone',
        'WhatsApp',
        'Tags',
        'Lead Source',
        'Zip Code',
        'Job Title',
        'Date of Birth',
        'birthDay',
        'address.city',
      ]),
    ).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'whatsapp',
      'tags',
      'leadSource',
      'address.postalCode',
      'title',
      'birthDate',
      'birthDay',
      'address.city',
    ]);
  });

  it('maps custom.<slug> and metadata.<key>, ignores unknown headers', () => {
    expect(fields(['name', 'custom.Plan', 'metadata.crm_id', 'favourite colour'])).toEqual([
      'displayName',
      'custom.plan',
      'metadata.crm_id',
      null,
    ]);
  });

  it('lets an explicit mapping win, trimmed and case-insensitive; ignore drops a column', () => {
    expect(
      fields(['Courriel', ' Prénom ', 'name'], {
        courriel: 'email',
        Prénom: 'firstName',
        name: 'ignore',
      }),
    ).toEqual(['email', 'firstName', null]);
  });

  it('refuses a mapping naming a column the file lacks, and a file mapping nothing', () => {
    expect(() => resolveColumns(['email'], { Mail: 'email' })).toThrow(/Mail/);
    expect(() => resolveColumns(['a', 'b'])).toThrow(/no column/);
  });
});

describe('row input', () => {
  const columns = resolveColumns([
    'First Name',
    'Email',
    'Phone',
    'Tags',
    'City',
    'Company Id',
    'Title',
    'custom.seats',
    'custom.vip',
    'custom.products',
    'birthDay',
    'Notes',
  ]);
  const typeOf = (slug: string) =>
    ({ seats: 'number', vip: 'boolean', products: 'multi_select' })[slug];

  it('builds a create input: blank cells absent, lists split, typed custom fields', () => {
    const { input, errors } = rowInput(
      [
        ' Ada ',
        'ada@example.com; ada@work.example',
        '+44 20 7946 0000',
        'vip, b2b;beta',
        'London',
        'co-1',
        'CTO',
        '12',
        'yes',
        'a;b',
        '12',
        'ignored',
      ],
      columns,
      typeOf,
    );
    expect(errors).toEqual([]);
    expect(input).toEqual({
      firstName: 'Ada',
      channels: [
        { type: 'email', value: 'ada@example.com' },
        { type: 'email', value: 'ada@work.example' },
        { type: 'phone', value: '+44 20 7946 0000' },
      ],
      tags: ['vip', 'b2b', 'beta'],
      address: { city: 'London' },
      companyLinks: [{ companyId: 'co-1', title: 'CTO' }],
      customFields: { seats: 12, vip: true, products: ['a', 'b'] },
      birthDay: 12,
    });
    expect(
      rowInput(['', '', '', '', '', '', '', '', '', '', '', ''], columns, typeOf).input,
    ).toEqual({});
  });

  it('names the column of an error, channels included', () => {
    const read = rowInput(['Ada', 'x@y.z; nope'], columns, typeOf);
    expect(read.headerOf('channels.1.value')).toBe('Email');
    expect(read.headerOf('firstName')).toBe('First Name');
    expect(
      describeErrors([{ path: 'channels.1.value', message: 'not an email' }], read.headerOf),
    ).toBe('Email: not an email');
    expect(describeErrors([{ path: 'displayName', message: 'needs a name' }], read.headerOf)).toBe(
      'needs a name',
    );
  });

  it('keeps the company cell, its title and a per-row duplicate action beside the input', () => {
    const cols = resolveColumns(['Name', 'Company', 'Job Title', 'Duplicate Action']);
    expect(cols.map((c) => c.field)).toEqual(['displayName', 'company', 'title', 'onDuplicate']);
    const read = rowInput(['Ada', 'Acme Ltd', 'CTO', ' Overwrite '], cols, () => undefined);
    expect(read.errors).toEqual([]);
    expect(read.input).toEqual({ displayName: 'Ada' });
    expect(read.extras).toEqual({ company: 'Acme Ltd', title: 'CTO', onDuplicate: 'overwrite' });
    expect(rowInput(['Ada', '', '', ''], cols, () => undefined).extras).toEqual({});
    const bad = rowInput(['Ada', '', '', 'replace'], cols, () => undefined);
    expect(describeErrors(bad.errors, bad.headerOf)).toBe(
      'Duplicate Action: not skip, merge or overwrite',
    );
  });

  it('reads a birth date into month and day, and reports one it cannot read', () => {
    const cols = resolveColumns(['name', 'dob']);
    expect(rowInput(['A', '1990-07-14'], cols, () => undefined).input).toMatchObject({
      birthMonth: 7,
      birthDay: 14,
    });
    expect(rowInput(['A', '07/14'], cols, () => undefined).input).toMatchObject({
      birthMonth: 7,
      birthDay: 14,
    });
    const bad = rowInput(['A', 'July'], cols, () => undefined);
    expect(describeErrors(bad.errors, bad.headerOf)).toBe('dob: not a date (YYYY-MM-DD or MM-DD)');
  });
});

describe('consent columns', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const cols = resolveColumns([
    'name',
    'email',
    'Email Consent',
    'SMS consent',
    'consent date',
    'consent ip',
  ]);

  it('maps consent headers and reads their cells apart from the contact input', () => {
    expect(cols.slice(2).map((c) => c.field)).toEqual([
      'consent.email',
      'consent.sms',
      'consentAt',
      'consentIp',
    ]);
    const read = rowInput(
      ['A', 'a@b.co', 'yes', 'opted_out', '2026-11-01', '192.0.2.1'],
      cols,
      () => undefined,
      now,
    );
    expect(read.errors).toEqual([]);
    expect(read.input).not.toHaveProperty('consent');
    expect(read.consent).toEqual({
      byType: { email: 'opted_in', sms: 'opted_out' },
      at: '2026-11-01T00:00:00.000Z',
      ip: '192.0.2.1',
    });
  });

  it('records nothing for blank or unknown cells', () => {
    expect(
      rowInput(['A', 'a@b.co', '', 'unknown', '', ''], cols, () => undefined, now).consent,
    ).toEqual({
      byType: {},
    });
  });

  it('reports a cell it cannot read, a future consent time and a bad IP', () => {
    const bad = rowInput(
      ['A', 'a@b.co', 'maybe', '', '2027-01-01', 'nope'],
      cols,
      () => undefined,
      now,
    );
    expect(describeErrors(bad.errors, bad.headerOf)).toBe(
      'Email Consent: not a consent value (opted_in, opted_out, yes, no); consent date: must not ' +
        'be in the future; consent ip: not an IP address',
    );
  });
});

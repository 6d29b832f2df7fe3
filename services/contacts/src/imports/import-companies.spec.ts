import { readCompanyCell } from './import-companies';

describe('company cells', () => {
  it('reads a domain when the cell looks like one, a name otherwise', () => {
    expect(readCompanyCell(' Acme Ltd ')).toEqual({ name: 'Acme Ltd' });
    expect(readCompanyCell('acme.io')).toEqual({ name: 'acme.io', domain: 'acme.io' });
    expect(readCompanyCell('https://www.Acme.io/about')).toEqual({
      name: 'https://www.Acme.io/about',
      domain: 'acme.io',
    });
    expect(readCompanyCell('Acme Co. Ltd')).toEqual({ name: 'Acme Co. Ltd' });
    expect(readCompanyCell('ACME')).toEqual({ name: 'ACME' });
  });
});

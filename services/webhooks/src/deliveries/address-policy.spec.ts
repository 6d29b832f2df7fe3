import { AddressPolicy } from './address-policy';

describe('AddressPolicy', () => {
  const strict = new AddressPolicy([]);
  const loopback = new AddressPolicy(['loopback']);

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111'])('allows the public %s', (ip) => {
    expect(strict.refusal(ip)).toBeNull();
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.5', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00::5', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s by default as %s', (ip, what) => {
    expect(strict.refusal(ip)).toMatch(what);
  });

  it('allows loopback only when told, and still refuses private and link-local', () => {
    expect(loopback.refusal('127.0.0.1')).toBeNull();
    expect(loopback.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(loopback.refusal('10.0.0.1')).toMatch('private');
    expect(loopback.refusal('169.254.169.254')).toMatch('link-local');
  });

  it.each(['0.0.0.0', '224.0.0.1', '255.255.255.255', '::'])('never allows %s', (ip) => {
    expect(new AddressPolicy(['loopback', 'private', 'link_local']).refusal(ip)).not.toBeNull();
  });
});

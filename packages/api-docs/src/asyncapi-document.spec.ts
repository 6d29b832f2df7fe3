import { EVENT_CATALOG, MESSAGING_EVENT_TYPES } from '@switchboard/contracts';
import { asyncApiDocument } from './asyncapi-document';

describe('AsyncAPI document of the domain events', () => {
  const doc = asyncApiDocument('9.9.9');

  it('has one channel per catalogued event on crm.{workspaceId}.<type>', () => {
    const addresses = Object.values(doc.channels)
      .map((c) => c.address)
      .filter((a) => a.startsWith('crm.'));
    expect(addresses.sort()).toEqual(
      Object.keys(EVENT_CATALOG)
        .map((t) => `crm.{workspaceId}.${t}`)
        .sort(),
    );
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info.version).toBe('9.9.9');
  });

  it('has one channel per inbound messaging event on messaging.{workspaceId}.<channel>.<event>', () => {
    const addresses = Object.values(doc.channels)
      .map((c) => c.address)
      .filter((a) => a.startsWith('messaging.'));
    expect(addresses.sort()).toEqual(
      MESSAGING_EVENT_TYPES.map((t) => `messaging.{workspaceId}.${t}`).sort(),
    );
    expect(addresses).toContain('messaging.{workspaceId}.email.bounced');
    expect(doc.components.schemas.InboundMessagingEvent).toBeDefined();
  });

  it('resolves every $ref inside the document', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const path = ref.slice(8, -1).replace(/^#\//, '').split('/');
      let node: unknown = doc;
      for (const part of path) node = (node as Record<string, unknown>)?.[part];
      expect({ ref, found: node !== undefined }).toEqual({ ref, found: true });
    }
  });

  it("pins each message's type and version and names the contract schemas", () => {
    const payload = doc.components.schemas.ContactCreatedEvent as {
      properties: Record<string, { const?: unknown; enum?: unknown[] }>;
    };
    const literal = (p: { const?: unknown; enum?: unknown[] }) => p.const ?? p.enum?.[0];
    expect(literal(payload.properties.type)).toBe('contact.created');
    expect(literal(payload.properties.version)).toBe(1);
    expect(doc.components.schemas.Contact).toBeDefined();
  });
});

import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import {
  EVENT_CATALOG,
  EventEnvelope,
  InboundMessagingEvent,
  MESSAGING_EVENT_TYPES,
  STREAMS,
} from '@switchboard/contracts';
import { z } from 'zod';
import { nameContractSchemas } from './contract-schemas';

type Catalog = Record<string, { aggregate: string; version: number; data: z.ZodTypeAny }>;

/** Component key of an event's message and payload: `contact.tag.added` → `ContactTagAdded`. */
const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');

/** The envelope with this event's literal type/version and its data schema. */
const envelopeOf = (type: string, entry: Catalog[string]) =>
  EventEnvelope.extend({
    type: z.literal(type),
    version: z.literal(entry.version),
    aggregate: EventEnvelope.shape.aggregate.extend({ type: z.literal(entry.aggregate) }),
    data: entry.data,
  });

/** The document's shape, loosely typed: it is written out as JSON and checked by its tests. */
export interface AsyncApiDocument {
  asyncapi: string;
  info: { title: string; version: string; description: string };
  channels: Record<string, { address: string; [key: string]: unknown }>;
  operations: Record<string, unknown>;
  components: { messages: Record<string, unknown>; schemas: Record<string, unknown> };
  [key: string]: unknown;
}

const WORKSPACE_PARAM = {
  workspaceId: { description: 'The workspace (tenant) the event belongs to.' },
};

/**
 * The AsyncAPI 3.0 document of the domain events: one channel per catalogued event type on
 * `crm.{workspaceId}.<type>`, its message = the envelope with the event's data schema, payload
 * schemas generated from the zod contracts (the same names as in the OpenAPI document).
 */
export function asyncApiDocument(
  version: string,
  catalog: Catalog = EVENT_CATALOG,
): AsyncApiDocument {
  nameContractSchemas();
  const registry = new OpenAPIRegistry();
  const types = Object.keys(catalog).sort();
  for (const type of types)
    registry.register(`${pascal(type)}Event`, envelopeOf(type, catalog[type]));
  registry.register('InboundMessagingEvent', InboundMessagingEvent);
  const { components } = new OpenApiGeneratorV31(registry.definitions).generateComponents();

  const channels: AsyncApiDocument['channels'] = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const type of types) {
    const name = pascal(type);
    messages[name] = {
      name: type,
      title: `${type} v${catalog[type].version}`,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'Nats-Msg-Id': {
            type: 'string',
            description: 'Equals the envelope id: JetStream drops a republished duplicate.',
          },
        },
      },
      payload: { $ref: `#/components/schemas/${name}Event` },
    };
    channels[name] = {
      address: `crm.{workspaceId}.${type}`,
      parameters: WORKSPACE_PARAM,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`on${name}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${name}` },
      summary: `Receive ${type} (aggregate ${catalog[type].aggregate}) from stream ${STREAMS.events.name}`,
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
    };
  }
  addInboundMessaging(channels, operations, messages);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Switchboard domain events',
      version,
      description:
        'Domain events of the Switchboard CRM on NATS JetStream (stream ' +
        `${STREAMS.events.name}, subjects \`crm.>\`). At-least-once: consumers deduplicate by ` +
        'the envelope `id`, and order per aggregate by `aggregate.version`. Messaging ' +
        `services publish what happened to their messages on stream ${STREAMS.messaging.name} ` +
        '(`messaging.<workspaceId>.<channel>.<event>`, deduplicated by the payload `id`). A ' +
        'deployment may prefix every subject (NATS_PREFIX).',
    },
    defaultContentType: 'application/json',
    servers: { nats: { host: 'localhost:4222', protocol: 'nats' } },
    channels,
    operations,
    components: { messages, schemas: components?.schemas ?? {} },
  };
}

/**
 * The inbound subjects: one channel per `<channel>.<event>` on
 * `messaging.{workspaceId}.<channel>.<event>`, all carrying InboundMessagingEvent. Messaging
 * services send them; the activity service consumes them (durable `activity-messaging`).
 */
function addInboundMessaging(
  channels: AsyncApiDocument['channels'],
  operations: Record<string, unknown>,
  messages: Record<string, unknown>,
): void {
  for (const type of MESSAGING_EVENT_TYPES) {
    const name = `Messaging${pascal(type)}`;
    messages[name] = {
      name: `messaging.${type}`,
      title: `inbound ${type}`,
      contentType: 'application/json',
      payload: { $ref: '#/components/schemas/InboundMessagingEvent' },
    };
    channels[name] = {
      address: `messaging.{workspaceId}.${type}`,
      parameters: WORKSPACE_PARAM,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`send${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${name}` },
      summary:
        `A messaging service reports ${type} on stream ${STREAMS.messaging.name}: recorded once ` +
        'per `id` on the contact (named by `contactId` or `address`); invalid payloads are ' +
        'dead-lettered to `dlq.activity-messaging.<subject>`',
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
    };
  }
}

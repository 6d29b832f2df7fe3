import { Injectable } from '@nestjs/common';
import type { Contact, RecordConsentInput, RequestContext } from '@switchboard/contracts';
import { assertMayWrite } from '@switchboard/access';
import { assertNotFuture, channelIndexOf, withConsent } from './channel-consent';
import { channelsChangedEvents } from './channel-events';
import { assertActive, stamped } from './contact-writes';
import { ContactsService } from './contacts.service';

/**
 * `POST /v1/contacts/:id/channels/:channelId/consent` (decision 0120): records an opt-in or
 * opt-out on one channel with its time, source and IP, keeps the channel's history, and emits
 * `contact.updated` with the channel change. The same change recorded twice changes nothing.
 */
@Injectable()
export class ContactConsentService {
  constructor(private readonly contacts: ContactsService) {}

  async record(
    ctx: RequestContext,
    id: string,
    channelId: string,
    input: RecordConsentInput,
  ): Promise<Contact> {
    const now = new Date();
    assertNotFuture(input.at, now);
    const change = {
      status: input.status,
      at: input.at ? new Date(input.at).toISOString() : now.toISOString(),
      source: input.source,
      ...(input.ip ? { ip: input.ip } : {}),
      recordedAt: now.toISOString(),
    };
    return this.contacts.mutate(ctx.workspaceId, id, (doc) => {
      assertMayWrite(ctx, doc.ownerId, 'contact');
      assertActive(doc);
      const index = channelIndexOf(doc.channels, channelId);
      const channel = withConsent(doc.channels[index], change);
      if (channel === doc.channels[index]) return null;
      const channels = doc.channels.map((c, i) => (i === index ? channel : c));
      const next = stamped({ ...doc, channels }, now);
      return { next, events: (n) => channelsChangedEvents(ctx.actor, doc, n) };
    });
  }
}

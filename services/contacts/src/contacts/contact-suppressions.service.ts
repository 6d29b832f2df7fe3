import { Injectable } from '@nestjs/common';
import type { Actor, ChannelType } from '@switchboard/contracts';
import type { ContactDoc } from './contact.schema';
import { familyOf, searchKeyOf } from './channel-holders';
import {
  withoutSuppression,
  withSuppressions,
  type ActiveSuppression,
} from './channel-suppression';
import { channelsChangedEvents } from './channel-events';
import { stamped } from './contact-writes';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { suppressionKey } from '../suppressions/suppression-list';

/**
 * Puts a suppression-list change on the channels that hold the address (decision 0121): every
 * contact of the workspace with the address (archived ones too, so a restore keeps it) gets the
 * suppression, or loses it when the entry is lifted, each through a versioned write that emits
 * `contact.updated`. Idempotent: a contact already in that state is not written.
 */
@Injectable()
export class ContactSuppressionsService {
  constructor(
    private readonly repository: ContactsRepository,
    private readonly contacts: ContactsService,
  ) {}

  /** Suppresses (`active`) or unsuppresses (null) the address on every contact holding it. */
  async applyToHolders(
    workspaceId: string,
    actor: Actor,
    channelType: ChannelType,
    address: string,
    active: ActiveSuppression | null,
  ): Promise<string[]> {
    const key = suppressionKey(channelType, address);
    const ids = await this.holders(workspaceId, channelType, address);
    const changed: string[] = [];
    for (const id of ids) {
      await this.contacts.mutate(workspaceId, id, (doc) => {
        const channels = active
          ? withSuppressions(doc.channels, new Map([[key, active]]))
          : withoutSuppression(doc.channels, key);
        if (channels === doc.channels) return null;
        changed.push(id);
        const next = stamped({ ...doc, channels }, new Date());
        return { next, events: (n) => channelsChangedEvents(actor, doc, n) };
      });
    }
    return changed;
  }

  /** Ids of the contacts with a channel of the address's family and value. */
  private async holders(
    workspaceId: string,
    channelType: ChannelType,
    address: string,
  ): Promise<string[]> {
    const family = familyOf(channelType);
    const docs = await this.repository.model
      .find({ workspaceId, searchKeys: searchKeyOf(channelType, address) }, { channels: 1 })
      .lean<Pick<ContactDoc, '_id' | 'channels'>[]>();
    return docs
      .filter((d) => d.channels.some((c) => c.value === address && family.includes(c.type)))
      .map((d) => d._id);
  }
}

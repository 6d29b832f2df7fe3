import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { membership } from './contact-caches';
import { ContactCacheWriter } from './contact-cache-writer';

/**
 * Durable consumers `contacts-segment-joined` / `contacts-segment-left`
 * (`crm.*.segment.member.joined|left`): the contact's `segmentIds` cache, which the list's
 * `segmentId` filter reads. Idempotent and order-insensitive (see `membership`).
 */
@Injectable()
export class SegmentMembershipConsumer implements OnModuleInit {
  static readonly durables = {
    joined: 'contacts-segment-joined',
    left: 'contacts-segment-left',
  } as const;

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: ContactCacheWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    const { durables } = SegmentMembershipConsumer;
    await this.wiring.onEvent(durables.joined, 'segment.member.joined', (event) =>
      this.writer.apply(event.workspaceId, event.data.contactId, (c) =>
        membership(c, event.data.segmentId, true, new Date(event.occurredAt)),
      ),
    );
    await this.wiring.onEvent(durables.left, 'segment.member.left', (event) =>
      this.writer.apply(event.workspaceId, event.data.contactId, (c) =>
        membership(c, event.data.segmentId, false, new Date(event.occurredAt)),
      ),
    );
  }
}

import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactCacheWriter } from './contact-cache-writer';
import { LastTouchConsumer } from './last-touch.consumer';
import { SegmentMembershipConsumer } from './segment-membership.consumer';

/** Caches kept on contacts from activity and segment events (eventually consistent). */
@Module({
  imports: [ContactsModule],
  providers: [ContactCacheWriter, SegmentMembershipConsumer, LastTouchConsumer],
})
export class ContactCachesModule {}

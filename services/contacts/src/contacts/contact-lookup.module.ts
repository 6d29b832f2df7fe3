import { Module } from '@nestjs/common';
import { ContactLookupHandler } from './contact-lookup.handler';
import { ContactLookupService } from './contact-lookup.service';
import { ContactsModule } from './contacts.module';
import { SuppressionsModule } from '../suppressions/suppressions.module';

/** Lookups and channel effects for messaging ingestion (the activity service calls them). */
@Module({
  imports: [ContactsModule, SuppressionsModule],
  controllers: [ContactLookupHandler],
  providers: [ContactLookupService],
})
export class ContactLookupModule {}

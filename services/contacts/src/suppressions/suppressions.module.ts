import { Module } from '@nestjs/common';
import { ContactSuppressionsService } from '../contacts/contact-suppressions.service';
import { ContactsModule } from '../contacts/contacts.module';
import { SuppressionStoreModule } from './suppression-store.module';
import { SuppressionsHandler } from './suppressions.handler';
import { SuppressionsService } from './suppressions.service';

/** The workspace suppression list and its effect on the channels holding each address. */
@Module({
  imports: [ContactsModule, SuppressionStoreModule],
  controllers: [SuppressionsHandler],
  providers: [SuppressionsService, ContactSuppressionsService],
  exports: [SuppressionsService],
})
export class SuppressionsModule {}

import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { ContactsConfig } from './config';
import { SettingsModule } from './settings/settings.module';
import { CompaniesModule } from './companies/companies.module';
import { ContactCachesModule } from './caches/contact-caches.module';
import { ContactsModule } from './contacts/contacts.module';
import { ImportsModule } from './imports/imports.module';
import { ContactLookupModule } from './contacts/contact-lookup.module';
import { ContactListModule } from './contacts/contact-list.module';
import { LeadsModule } from './leads/leads.module';
import { FitModule } from './fit/fit.module';
import { TagsModule } from './tags/tags.module';
import { SuppressionsModule } from './suppressions/suppressions.module';
import { ErasureModule } from './erasure/erasure.module';
import { MergesModule } from './merges/merges.module';

@Module({})
export class AppModule {}

/** Everything needed to start the contacts service (used by main.ts and by the tests). */
export const contactsService = (config: ContactsConfig): ServiceOptions => ({
  service: 'contacts',
  config,
  rpc: true,
  module: {
    module: AppModule,
    imports: [
      InfraModule.forRoot('contacts', config),
      ContactsModule,
      ImportsModule,
      ContactLookupModule,
      ContactListModule,
      ContactCachesModule,
      SettingsModule,
      CompaniesModule,
      LeadsModule,
      FitModule,
      TagsModule,
      SuppressionsModule,
      ErasureModule,
      MergesModule,
    ],
  },
});

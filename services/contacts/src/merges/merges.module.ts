import { Module } from '@nestjs/common';
import { ContactMergedConsumer } from './contact-merged.consumer';
import { MergedReferencesRepository } from './merged-references.repository';

/** What a contact merge moves inside this service besides the contacts (decision 0130). */
@Module({ providers: [ContactMergedConsumer, MergedReferencesRepository] })
export class MergesModule {}

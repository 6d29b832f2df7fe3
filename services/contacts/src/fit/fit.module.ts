import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { AssessmentsService } from './assessments.service';
import { FitHandler } from './fit.handler';
import { FitRepository } from './fit.repository';
import { ProductsService } from './products.service';

/** Fit: products with criteria, assessments with history, rankings with review (decision 63). */
@Module({
  imports: [ContactsModule, ContactRulesModule],
  controllers: [FitHandler],
  providers: [FitRepository, ProductsService, AssessmentsService],
})
export class FitModule {}

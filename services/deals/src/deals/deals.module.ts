import { Module } from '@nestjs/common';
import { PipelinesHandler } from '../pipelines/pipelines.handler';
import { PipelinesRepository } from '../pipelines/pipelines.repository';
import { PipelinesService } from '../pipelines/pipelines.service';
import { BoardService } from './board.service';
import { ContactMergedConsumer } from './contact-merged.consumer';
import { CompanyMergedConsumer } from './company-merged.consumer';
import { ContactErasedConsumer } from './contact-erased.consumer';
import { DealsHandler } from './deals.handler';
import { DealsRepository } from './deals.repository';
import { DealsService } from './deals.service';

/** Pipelines, deals and boards: one module, since stage deletion moves deals. */
@Module({
  controllers: [DealsHandler, PipelinesHandler],
  providers: [
    PipelinesRepository,
    PipelinesService,
    DealsRepository,
    DealsService,
    BoardService,
    ContactMergedConsumer,
    CompanyMergedConsumer,
    ContactErasedConsumer,
  ],
})
export class DealsModule {}

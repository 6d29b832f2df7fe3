import { Module } from '@nestjs/common';
import { ContactDirectory } from './contact-directory';
import { FilterCheck } from './filter-check';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { PreviewService } from './preview.service';
import { SegmentsHandler } from './segments.handler';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

/**
 * The segments API: definitions, explicit members, member lists, preview and explain. Needs
 * `EvaluationQueue` (EvaluationQueueModule, global) and `RpcClient` (RpcClientModule).
 */
@Module({
  controllers: [SegmentsHandler],
  providers: [
    SegmentsRepository,
    MembersRepository,
    FilterCheck,
    ContactDirectory,
    SegmentsService,
    MembersService,
    PreviewService,
  ],
})
export class SegmentsModule {}

import { Module } from '@nestjs/common';
import { ContactSegmentsController, SegmentsController } from './segments.controller';

@Module({ controllers: [SegmentsController, ContactSegmentsController] })
export class SegmentsModule {}

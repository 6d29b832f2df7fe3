import { Module } from '@nestjs/common';
import { SegmentsAdminController } from './segments-admin.controller';
import { ContactSegmentsController, SegmentsController } from './segments.controller';

@Module({ controllers: [SegmentsController, ContactSegmentsController, SegmentsAdminController] })
export class SegmentsModule {}

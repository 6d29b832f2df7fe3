import { Module } from '@nestjs/common';
import { DealsController } from './deals.controller';
import { PipelinesController } from './pipelines.controller';

@Module({ controllers: [PipelinesController, DealsController] })
export class DealsModule {}

import { Module } from '@nestjs/common';
import { SuppressionsController } from './suppressions.controller';

@Module({ controllers: [SuppressionsController] })
export class SuppressionsModule {}

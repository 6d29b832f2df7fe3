import { Module } from '@nestjs/common';
import { SuppressionsRepository } from './suppressions.repository';

/** The suppression list's storage: contact writes read it to suppress channels they add. */
@Module({ providers: [SuppressionsRepository], exports: [SuppressionsRepository] })
export class SuppressionStoreModule {}

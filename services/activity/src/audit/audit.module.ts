import { Module } from '@nestjs/common';
import { AuditConsumer } from './audit.consumer';
import { AuditHandler } from './audit.handler';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditHandler],
  providers: [AuditRepository, AuditService, AuditConsumer],
})
export class AuditModule {}

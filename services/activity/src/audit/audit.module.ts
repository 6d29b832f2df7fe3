import { Module } from '@nestjs/common';
import { AuditHandler } from './audit.handler';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditHandler],
  providers: [AuditRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}

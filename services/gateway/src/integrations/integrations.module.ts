import { Module } from '@nestjs/common';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsRepository } from './integrations.repository';
import { IntegrationsService } from './integrations.service';
import { NatsAccountsRepository } from './nats-accounts.repository';
import { RevocationSync } from './revocation-sync.service';

/** NATS credentials for outside systems (decision 0069, docs/integrations.md). */
@Module({
  controllers: [IntegrationsController],
  providers: [IntegrationsRepository, NatsAccountsRepository, RevocationSync, IntegrationsService],
  exports: [IntegrationsService],
})
export class IntegrationsModule {}

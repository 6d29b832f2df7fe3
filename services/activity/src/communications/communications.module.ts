import { Module } from '@nestjs/common';
import { RecordRefs } from '../refs/record-refs.service';
import { CommunicationsHandler } from './communications.handler';
import { CommunicationsRepository } from './communications.repository';
import { CommunicationsService } from './communications.service';

@Module({
  controllers: [CommunicationsHandler],
  providers: [CommunicationsRepository, CommunicationsService, RecordRefs],
})
export class CommunicationsModule {}

import { Module } from '@nestjs/common';
import { PeopleHandler } from './people.handler';
import { PersonExportService } from './person-export.service';
import { PersonRecordsRepository } from './person-records.repository';

/** A person's records across notes, communications, timelines and audit (decision 0131). */
@Module({
  controllers: [PeopleHandler],
  providers: [PersonRecordsRepository, PersonExportService],
  exports: [PersonRecordsRepository],
})
export class PeopleModule {}

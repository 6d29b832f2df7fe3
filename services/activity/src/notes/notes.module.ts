import { Module } from '@nestjs/common';
import { RecordRefs } from '../refs/record-refs.service';
import { NotesHandler } from './notes.handler';
import { NotesRepository } from './notes.repository';
import { NotesService } from './notes.service';

@Module({
  controllers: [NotesHandler],
  providers: [NotesRepository, NotesService, RecordRefs],
})
export class NotesModule {}

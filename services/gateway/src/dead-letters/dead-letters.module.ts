import { Module } from '@nestjs/common';
import { DeadLetterReplaysRepository } from './dead-letter-replays.repository';
import { DeadLetterStreamRepository } from './dead-letter-stream.repository';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';

/** Dead letters over HTTP (decision 0148, docs/dead-letters in docs/webhooks.md). */
@Module({
  controllers: [DeadLettersController],
  providers: [DeadLetterStreamRepository, DeadLetterReplaysRepository, DeadLettersService],
})
export class DeadLettersModule {}

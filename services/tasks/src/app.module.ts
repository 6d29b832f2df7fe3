import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { TasksConfig } from './config';

/** Tasks and reminders arrive with the tasks issue; the process, config and health are in place. */
@Module({})
export class AppModule {}

export const tasksService = (config: TasksConfig): ServiceOptions => ({
  service: 'tasks',
  config,
  rpc: true,
  module: { module: AppModule, imports: [InfraModule.forRoot('tasks', config)] },
});

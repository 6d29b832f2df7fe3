import { Module } from '@nestjs/common';
import { InfraModule, RpcClientModule, type ServiceOptions } from '@switchboard/runtime';
import type { TasksConfig } from './config';
import { TasksModule } from './tasks/tasks.module';

@Module({})
export class AppModule {}

/** Everything needed to start the tasks service (used by main.ts and by the tests). */
export const tasksService = (config: TasksConfig): ServiceOptions => ({
  service: 'tasks',
  config,
  rpc: true,
  module: {
    module: AppModule,
    imports: [InfraModule.forRoot('tasks', config), RpcClientModule, TasksModule],
  },
});

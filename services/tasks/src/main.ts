import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { tasksService } from './app.module';
import { TasksConfig } from './config';

void runService(tasksService(loadConfig(TasksConfig)));

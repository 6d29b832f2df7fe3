import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { activityService } from './app.module';
import { ActivityConfig } from './config';

void runService(activityService(loadConfig(ActivityConfig)));

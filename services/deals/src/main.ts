import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { dealsService } from './app.module';
import { DealsConfig } from './config';

void runService(dealsService(loadConfig(DealsConfig)));

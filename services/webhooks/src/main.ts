import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { webhooksService } from './app.module';
import { WebhooksConfig } from './config';

void runService(webhooksService(loadConfig(WebhooksConfig)));

import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { gatewayService } from './app.module';
import { GatewayConfig } from './config';

void runService(gatewayService(loadConfig(GatewayConfig)));

import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { segmentWorkerService } from './app.module';
import { SegmentWorkerConfig } from './config';

void runService(segmentWorkerService(loadConfig(SegmentWorkerConfig)));

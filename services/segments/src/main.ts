import 'reflect-metadata';
import { loadConfig, runService } from '@switchboard/runtime';
import { segmentsService } from './app.module';
import { SegmentsConfig } from './config';

void runService(segmentsService(loadConfig(SegmentsConfig)));

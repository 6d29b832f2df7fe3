import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { currentCorrelation } from '@switchboard/messaging';
import { currentTraceIds } from '@switchboard/tracing';
import type { BaseConfig } from './config';

/** Paths whose values are replaced by `[redacted]` in every log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.key',
];

/** Correlation fields, and `trace_id`/`span_id` of the active span when traces are on. */
const mixin = () => {
  const c = currentCorrelation();
  const ids = currentTraceIds();
  return {
    ...(c
      ? { requestId: c.requestId, ...(c.workspaceId ? { workspaceId: c.workspaceId } : {}) }
      : {}),
    ...ids,
  };
};

/** A plain pino logger for code outside Nest's DI (relays, consumers, launchers). */
export const createLogger = (service: string, config: Pick<BaseConfig, 'LOG_LEVEL'>): Logger =>
  pino({ name: service, level: config.LOG_LEVEL, redact: REDACT_PATHS, mixin });

/** nestjs-pino: JSON logs, request ids from `X-Request-Id`, correlation fields on every line. */
export const loggingModule = (service: string, config: BaseConfig): DynamicModule =>
  LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: config.LOG_LEVEL,
      redact: REDACT_PATHS,
      mixin,
      autoLogging: { ignore: (req: IncomingMessage) => Boolean(req.url?.startsWith('/health')) },
      quietReqLogger: true,
      // One compact line per request: who, what, how it ended; never headers or bodies.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });

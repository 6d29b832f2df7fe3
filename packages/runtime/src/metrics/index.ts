export { Metrics, OUTBOX_SCAN_LIMIT, QUEUE_STATES } from './metrics';
export type { WatchedQueue } from './metrics';
export { MetricsController } from './metrics.controller';
export { observeHttp } from './http-metrics';
export { observeMongoPool } from './mongo-pool';

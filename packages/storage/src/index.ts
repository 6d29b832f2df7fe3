export { connectMongo, isMongoReady, mongoose, trusted } from './connection';
export type { MongoOptions } from './connection';
export { tenantGuard, CROSS_TENANT } from './tenant-guard.plugin';
export { outboxPlugin, stage, stageUpdate, MongoOutboxSource } from './outbox.plugin';
export type { StagedEvent, OutboxFields } from './outbox.plugin';
export { encodeCursor, decodeCursor, paginate } from './cursor';
export type { PageRequest } from './cursor';
export { idField, isDuplicateKeyError } from './id-field';
export { VersionGate } from './version-gate';

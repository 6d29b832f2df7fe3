export { connectMongo, isMongoReady, mongoose, trusted } from './connection';
export type { MongoOptions } from './connection';
export { CommandCounter } from './command-counter';
export { tenantGuard, CROSS_TENANT } from './tenant-guard.plugin';
export { outboxPlugin, stage, stageUpdate, MongoOutboxSource } from './outbox.plugin';
export type { StagedEvent, OutboxFields } from './outbox.plugin';
export { encodeCursor, decodeCursor, cursorKindOf, paginate, type CursorKind } from './cursor';
export type { PageRequest } from './cursor';
export { rowsWithinBudget, rowBytes } from './page-budget';
export { idField, insertIfAbsent, insertManyIfAbsent, isDuplicateKeyError } from './id-field';
export { VersionGate } from './version-gate';
export { VersionedWriter } from './versioned-writer';
export type { VersionedDoc } from './versioned-writer';
export { VersionedStore } from './versioned-store';
export type {
  Change,
  MutateOptions,
  RelayKick,
  VersionedStoreOptions,
  VersionedDoc as StoredVersionedDoc,
} from './versioned-store';
export { DocumentWriter, atRevision, type DocumentRef } from './document-write';
export {
  WRITE_STRATEGIES,
  detectWriteStrategy,
  useWriteStrategy,
  writeStrategyOf,
  type WriteStrategy,
} from './write-strategy';
export { onWriteConflict, reportWriteConflict } from './write-conflicts';
export type { WriteConflictListener, WriteConflictStage } from './write-conflicts';
export { updateStaged } from './staged-update';

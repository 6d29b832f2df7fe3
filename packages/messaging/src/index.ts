export { SubjectNamespace } from './namespace';
export {
  runWithCorrelation,
  currentCorrelation,
  currentRequestId,
  newRequestId,
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
} from './correlation';
export type { Correlation } from './correlation';
export { newId } from './ids';
export { NamespacedNatsServer } from './rpc/namespaced-nats.server';
export { NamespacedNatsClient } from './rpc/namespaced-nats.client';
export { RpcClient } from './rpc/rpc-client';
export type { RpcClientOptions, RpcRequest } from './rpc/rpc-client';
export {
  RpcHandler,
  RpcInput,
  RpcContext,
  AppErrorRpcFilter,
  RpcEnvelopeInterceptor,
  RpcObserver,
  RpcObserverInterceptor,
  RpcTraceInterceptor,
} from './rpc/rpc-handler';
export {
  RpcSigner,
  RpcVerifier,
  generateRpcKeyPair,
  rpcPublicKeyOf,
  isRpcSeed,
  parseTrustedSigners,
  formatTrustedSigners,
  canonicalJson,
  RPC_SIGNATURE_TTL_MS,
  RPC_CLOCK_SKEW_MS,
} from './rpc/context-signing';
export type { RpcAuth, RpcAuthFailure } from './rpc/context-signing';
export { ensureStreams } from './events/streams';
export type { StreamLimits, StreamLimitSettings } from './events/streams';
export { buildEvent } from './events/event-factory';
export type { EventFacts } from './events/event-factory';
export { EventPublisher, OUTBOX_DLQ } from './events/event-publisher';
export { OutboxRelay, isUnpublishable } from './events/outbox-relay';
export type {
  OutboxBatch,
  OutboxSource,
  OutboxRelayOptions,
  EventSink,
  PublishedBatch,
} from './events/outbox-relay';
export { DurableConsumer, traceparentOf } from './events/durable-consumer';
export { BatchConsumer } from './events/batch-consumer';
export type { BatchConsumerSpec, BatchItem } from './events/batch-consumer';
export type { ConsumerSpec, MessageMeta } from './events/durable-consumer';
export { deadLetter, DLQ_HEADERS, workspaceMismatch } from './events/dead-letter';
export { isTransientFailure } from './events/retry-policy';
export type { DeadLetterReason } from './events/dead-letter';
export { ObjectBucket } from './objects/object-bucket';
export type { StoredObject, PutOptions } from './objects/object-bucket';

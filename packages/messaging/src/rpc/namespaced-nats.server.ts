import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import type { SubjectNamespace } from '../namespace';

/**
 * Nest's NATS server with every handler subscribed under the deployment's subject prefix.
 * Handlers are declared with the contract subject (`rpc.contacts.create`); prefixing happens at
 * registration, so lookups by the incoming subject find them.
 */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    options: Required<NatsOptions>['options'],
    private readonly ns: SubjectNamespace,
  ) {
    super(options);
  }

  override addHandler(
    pattern: unknown,
    callback: Parameters<ServerNats['addHandler']>[1],
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const subject = typeof pattern === 'string' ? this.ns.rpc(pattern) : pattern;
    super.addHandler(subject, callback, isEventHandler, extras);
  }
}

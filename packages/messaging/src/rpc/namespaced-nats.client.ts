import { ClientNats, type MsPattern, type NatsOptions } from '@nestjs/microservices';
import type { SubjectNamespace } from '../namespace';

/** Nest's NATS client sending to the deployment's prefixed subjects. */
export class NamespacedNatsClient extends ClientNats {
  constructor(
    options: Required<NatsOptions>['options'],
    private readonly ns: SubjectNamespace,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: MsPattern): string {
    return this.ns.rpc(super.normalizePattern(pattern));
  }
}

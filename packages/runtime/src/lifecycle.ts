import { Injectable, Logger } from '@nestjs/common';

type StopFn = () => Promise<void> | void;

/**
 * Ordered shutdown. Phase 1 stops taking work (RPC subscriptions, consumers, relays), phase 2
 * closes connections. Nest's own hooks cannot order work across providers, so processes
 * register here and `shutdown()` (signals, tests) runs the phases in order.
 */
@Injectable()
export class Lifecycle {
  private readonly logger = new Logger('lifecycle');
  private readonly stoppers: { phase: 1 | 2; name: string; fn: StopFn }[] = [];

  onStop(phase: 1 | 2, name: string, fn: StopFn): void {
    this.stoppers.push({ phase, name, fn });
  }

  async stopAll(): Promise<void> {
    for (const phase of [1, 2] as const) {
      const now = this.stoppers.filter((s) => s.phase === phase);
      await Promise.all(
        now.map(async (s) => {
          try {
            await s.fn();
          } catch (err) {
            this.logger.warn({ err, name: s.name }, 'stop step failed');
          }
        }),
      );
    }
  }
}

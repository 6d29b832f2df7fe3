import { Controller, Get, HttpCode, Injectable, NotFoundException, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MongoDatabase } from './mongo-database';

type Check = () => boolean | Promise<boolean>;

/** Readiness checks registered by whatever the process depends on (database, NATS, Redis). */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, Check>();
  private shuttingDown = false;

  register(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async run(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const results: Record<string, boolean> = {};
    for (const [name, check] of this.checks) {
      try {
        results[name] = await check();
      } catch {
        results[name] = false;
      }
    }
    const ready = !this.shuttingDown && Object.values(results).every(Boolean);
    return { ready, checks: results };
  }
}

/** `/health/live`: the process runs. `/health/ready`: its dependencies answer; 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthChecks,
    private readonly mongo: MongoDatabase,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, boolean> }> {
    const { ready, checks } = await this.health.run();
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'unavailable', checks };
  }

  /** Database commands sent since the start, by name (404 unless DB_COMMAND_COUNTS is on). */
  @Get('db-commands')
  dbCommands(): { total: number; commands: Record<string, number> } {
    if (!this.mongo.commands) throw new NotFoundException();
    return this.mongo.commands.snapshot();
  }
}

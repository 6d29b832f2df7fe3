import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a server (NATS here) that the test can cut off: `pause()` drops every
 * connection through it and refuses new ones until `resume()`. A process pointed at it sees the
 * server go away and come back, while the server and everyone else on it carry on.
 */
export class PausableProxy {
  private paused = false;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  /** `nats://127.0.0.1:<port>` once started. */
  url = '';

  private constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.server = createServer((client) => this.accept(client));
  }

  /** `target`: `nats://host:port` (or any `scheme://host:port`). */
  static async start(target: string): Promise<PausableProxy> {
    const { hostname, port } = new URL(target);
    const proxy = new PausableProxy(hostname, Number(port));
    await new Promise<void>((res) => proxy.server.listen(0, '127.0.0.1', res));
    const address = proxy.server.address();
    proxy.url = `nats://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return proxy;
  }

  pause(): void {
    this.paused = true;
    for (const socket of this.sockets) socket.destroy();
  }

  resume(): void {
    this.paused = false;
  }

  async close(): Promise<void> {
    this.pause();
    await new Promise<void>((res) => this.server.close(() => res()));
  }

  private accept(client: Socket): void {
    if (this.paused) {
      client.destroy();
      return;
    }
    const upstream = connect(this.port, this.host);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        this.sockets.delete(a);
        b.destroy();
      });
    }
  }
}

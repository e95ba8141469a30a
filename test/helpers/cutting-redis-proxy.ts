import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of a Redis that, once armed with `cut(n, command)`, cuts a connection the
 * moment it sends that command, the next `n` times: the command fails as it does when Redis goes
 * away just then. Cutting on the command itself is the barrier; nothing waits on time. Everything
 * else goes through as usual.
 */
export class CuttingRedisProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** How many connections were cut so far. */
  cuts = 0;
  private plan: { left: number; command: RegExp; done: () => void } | undefined;

  constructor(private readonly targetPort = 6379) {
    this.server = createServer((client) => {
      const redis = connect(this.targetPort, "127.0.0.1");
      for (const socket of [client, redis]) {
        this.sockets.add(socket);
        socket.on("error", () => undefined);
        socket.on("close", () => this.sockets.delete(socket));
      }
      client.on("data", (chunk: Buffer) => {
        const plan = this.plan;
        if (plan && plan.command.test(chunk.toString("latin1"))) {
          this.cuts += 1;
          plan.left -= 1;
          if (plan.left === 0) {
            this.plan = undefined;
            plan.done();
          }
          client.destroy();
          redis.destroy();
          return;
        }
        redis.write(chunk);
      });
      redis.pipe(client);
      client.on("close", () => redis.destroy());
      redis.on("close", () => client.destroy());
    });
  }

  /** Listens on a free loopback port; the URL to use instead of Redis's. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `redis://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /**
   * Cuts the connection that next sends `command` (a command name as ioredis writes it), `times`
   * times; resolves once every cut was made.
   */
  cut(times: number, command: string): Promise<void> {
    return new Promise((done) => {
      this.plan = { left: times, command: new RegExp(`\\r\\n${command}\\r\\n`, "i"), done };
    });
  }

  /** Cuts every connection now, as a Redis restart would. */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

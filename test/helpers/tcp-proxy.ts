import { connect, createServer, type Server, type Socket } from "node:net";
import { respCommand } from "./resp-command";

/**
 * A TCP proxy in front of a server (Redis) that a test can cut and restore: `cut` closes every
 * connection through it and refuses new ones until `restore`. One replica loses its server while
 * the others keep theirs. `cutOn` cuts instead the connection that sends a given command, the moment
 * it sends it: the command fails as it does when Redis goes away just then. Cutting on the command
 * itself is the barrier; nothing waits on time.
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private down = false;
  /** How many connections `cutOn` cut so far. */
  cuts = 0;
  private plan: { left: number; command: RegExp; done: () => void } | undefined;

  constructor(private readonly targetPort = 6379) {
    this.server = createServer((client) => {
      if (this.down) {
        client.destroy();
        return;
      }
      const upstream = connect(this.targetPort, "127.0.0.1");
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.on("data", (chunk: Buffer) => {
        if (this.cutsOn(chunk)) {
          client.destroy();
          return;
        }
        upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
  }

  /** Listens on a free loopback port; the URL to use instead of the server's. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as { port: number };
    return `redis://127.0.0.1:${port}`;
  }

  cut(): void {
    this.down = true;
    this.dropAll();
  }

  restore(): void {
    this.down = false;
  }

  /** Closes every connection now, as a Redis restart would; new ones are let through. */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /**
   * Cuts the connection that next sends `command` (a command name as ioredis writes it), `times`
   * times; resolves once every cut was made.
   */
  cutOn(times: number, command: string): Promise<void> {
    return new Promise((done) => {
      this.plan = { left: times, command: respCommand(command), done };
    });
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Whether `chunk` sends the command `cutOn` waits for; counts the cut. */
  private cutsOn(chunk: Buffer): boolean {
    const plan = this.plan;
    if (!plan?.command.test(chunk.toString("latin1"))) return false;
    this.cuts += 1;
    plan.left -= 1;
    if (plan.left === 0) {
      this.plan = undefined;
      plan.done();
    }
    return true;
  }
}

import { connect, createServer, type Server, type Socket } from "node:net";
import { respCommand } from "./resp-command";

/**
 * A TCP proxy in front of Redis that can hold a connection's commands from its next transaction
 * (MULTI…EXEC: how the read cache writes an invalidation), or another command, until the test
 * releases them. Redis has not seen them meanwhile, so whatever the client does before then, it
 * does before that write is done, however fast Redis is. Everything before the transaction, and
 * every other connection, goes through as usual; so do the answers.
 */
export class HoldingRedisProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private armed: { command: RegExp; left: number; held: () => void } | undefined;
  private held: { upstream: Socket; chunks: Buffer[] } | undefined;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, "127.0.0.1");
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.on("data", (chunk: Buffer) => this.forward(chunk, upstream));
      upstream.pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
  }

  /** Listens on a free loopback port; the URL to use instead of Redis's. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as { port: number };
    return `redis://127.0.0.1:${port}`;
  }

  /**
   * Holds the next transaction any connection sends, and all that connection sends after it.
   * Resolves once one is held: a barrier for "the write has started and is not done".
   */
  holdNextTransaction(): Promise<void> {
    return this.holdNext("multi");
  }

  /**
   * Holds the `nth` next `command` (a name as ioredis sends it: "set", "del") any connection sends,
   * and all that connection sends after it. Resolves once one is held.
   */
  holdNext(command: string, nth = 1): Promise<void> {
    return new Promise((held) => (this.armed = { command: respCommand(command), left: nth, held }));
  }

  /** Sends what was held on to Redis, in order, and holds nothing more. */
  release(): void {
    const held = this.held;
    this.held = undefined;
    this.armed = undefined;
    for (const chunk of held?.chunks ?? []) held!.upstream.write(chunk);
  }

  /**
   * Closes the connection whose commands are held, so that Redis never sees them: a command that
   * failed before it was applied. The client connects again (a hold armed since still waits).
   */
  dropHeld(): void {
    const held = this.held;
    this.held = undefined;
    held?.upstream.destroy();
  }

  async close(): Promise<void> {
    this.release();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(chunk: Buffer, upstream: Socket): void {
    if (this.held?.upstream === upstream) {
      this.held.chunks.push(chunk);
      return;
    }
    // A command's start arrives whole in one chunk: ioredis writes each command at once.
    const at = this.armed ? chunk.toString("latin1").search(this.armed.command) : -1;
    if (at < 0 || --this.armed!.left > 0) {
      upstream.write(chunk);
      return;
    }
    upstream.write(chunk.subarray(0, at));
    this.held = { upstream, chunks: [chunk.subarray(at)] };
    const armed = this.armed!;
    this.armed = undefined;
    armed.held();
  }
}

import type { Scheduler } from "fast-check";
import type { RedisConnection, RedisState } from "../../src/redis/redis-connection";

/**
 * Redis pub/sub as the model sees it: a message goes to the connections subscribed to its channel
 * when the server applies the PUBLISH, and to nobody else. Each application is logged with who was
 * listening, so that a test can tell a message a replica should have had from one it could not.
 */
export class ModelPubSubServer {
  readonly subscribed = new Set<ModelRedisConnection>();
  /**
   * Every PUBLISH the server applied, in order: when it was sent and applied (on the `now` clock),
   * and the connections that were sent the message.
   */
  readonly published: {
    message: string;
    sentAt: number;
    appliedAt: number;
    to: ModelRedisConnection[];
  }[] = [];

  /** @param now a logical clock the test reads too, so that it can order what happened. */
  constructor(readonly now: () => number) {}

  publish(channel: string, message: string, sentAt: number): number {
    const to = [...this.subscribed].filter((connection) => connection.channels.has(channel));
    this.published.push({ message, sentAt, appliedAt: this.now(), to });
    for (const connection of to) connection.hear(channel, message);
    return to.length;
  }
}

interface Command {
  apply(): unknown;
  applied: boolean;
  result?: unknown;
  /** Whether its caller has had its answer (or its failure) already. */
  answered: boolean;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * One connection to the model server, standing in for RedisConnection with what the change bus and
 * `listen` use of it. Commands keep their order, as on one TCP connection: the server applies them
 * in the order they were sent and answers them in that order. The fast-check scheduler decides when
 * each is applied and when it is answered, so it interleaves them with everything else. The faults:
 * - a command times out: its caller gets a failure at once, but it stays on the wire, and the server
 *   may still apply it (as Redis does with a command sent before it stalled);
 * - the connection drops: every command not answered fails; one the server had not applied is lost,
 *   or, with `resend`, applied once the connection is back (as ioredis resends what was unanswered);
 *   its subscriptions end.
 * The state follows RedisConnection: down after a drop or a reported failure; ready again when the
 * connection is back, or when a probe (a scheduled step) finds the server answering. The probe is not
 * queued behind the commands on the wire, as a PING on the same connection would be: the model
 * allows more interleavings than one connection does, so that the bus holds whatever carries it.
 */
export class ModelRedisConnection {
  readonly topology = "single" as const;
  readonly channels = new Set<string>();
  private current: RedisState = "ready";
  private connected = true;
  private readonly listeners = new Set<(state: RedisState) => void>();
  private readonly messageHandlers: ((channel: string, message: string) => void)[] = [];
  private wire: Command[] = [];
  private resent: Command[] = [];
  private probing = false;

  readonly client = {
    publish: (channel: string, message: string) => {
      const sentAt = this.server.now();
      return this.command(() => this.server.publish(channel, message, sentAt));
    },
    subscribe: (channel: string) =>
      this.command(() => {
        this.channels.add(channel);
        this.server.subscribed.add(this);
      }),
    on: (event: string, handler: (channel: string, message: string) => void) => {
      if (event === "message") this.messageHandlers.push(handler);
    },
  };

  constructor(
    private readonly server: ModelPubSubServer,
    private readonly s: Scheduler,
    readonly name: string,
  ) {}

  /** The bus and `listen` take this for a RedisConnection: they use only what it has. */
  asConnection(): RedisConnection {
    return this as unknown as RedisConnection;
  }

  get state(): RedisState {
    return this.current;
  }

  settled(): Promise<RedisState> {
    return Promise.resolve(this.current);
  }

  onChange(listener: (state: RedisState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reportFailure(): void {
    this.enter("down");
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }

  /** The oldest command not answered yet fails now; the server may still apply it. */
  timeOut(): void {
    const command = this.wire.find((waiting) => !waiting.answered);
    if (!command) return;
    command.answered = true;
    command.reject(new Error("Command timed out"));
  }

  drop(resend: boolean): void {
    if (!this.connected) return;
    this.connected = false;
    for (const command of this.wire) {
      if (!command.answered) command.reject(new Error("Connection is closed."));
      command.answered = true;
    }
    if (resend) this.resent.push(...this.wire.filter((command) => !command.applied));
    this.wire = [];
    this.channels.clear();
    this.server.subscribed.delete(this);
    this.enter("down");
  }

  reconnect(): void {
    if (this.connected) return;
    this.connected = true;
    this.wire = this.resent;
    this.resent = [];
    for (const command of this.wire) this.schedule(command);
    this.enter("ready");
  }

  hear(channel: string, message: string): void {
    for (const handler of this.messageHandlers) handler(channel, message);
  }

  private command(apply: () => unknown): Promise<unknown> {
    if (!this.connected) return Promise.reject(new Error("Connection is closed."));
    return new Promise((resolve, reject) => {
      const command: Command = { apply, applied: false, answered: false, resolve, reject };
      this.wire.push(command);
      this.schedule(command);
    });
  }

  /** Two steps: the server applies the command (and those before it), then answers it (and them). */
  private schedule(command: Command): void {
    void this.s.schedule(Promise.resolve(), `${this.name} applies`).then(() => {
      const at = this.wire.indexOf(command);
      if (at === -1) return;
      for (const earlier of this.wire.slice(0, at + 1)) {
        if (earlier.applied) continue;
        earlier.applied = true;
        earlier.result = earlier.apply();
      }
      void this.s.schedule(Promise.resolve(), `${this.name} answers`).then(() => {
        const until = this.wire.indexOf(command);
        if (until === -1) return;
        for (const earlier of this.wire.splice(0, until + 1)) {
          if (earlier.answered) continue;
          earlier.answered = true;
          earlier.resolve(earlier.result);
        }
      });
    });
  }

  private enter(state: RedisState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
    if (state === "down") this.probe();
  }

  /**
   * While down, a probe (a step of the scheduler) finds the server again if still connected; a
   * connection that dropped is ready again when it reconnects.
   */
  private probe(): void {
    if (this.probing) return;
    this.probing = true;
    void this.s.schedule(Promise.resolve(), `${this.name} probe`).then(() => {
      this.probing = false;
      if (this.current === "down" && this.connected) this.enter("ready");
    });
  }
}

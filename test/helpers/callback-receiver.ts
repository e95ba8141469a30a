import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CallbackMessage {
  kind: string;
  action: "check" | "next" | "complete";
  id: string;
  verifier: string;
  payload?: { data?: unknown; errors?: unknown };
  errors?: unknown;
}

/**
 * Plays Apollo Router's side of the HTTP callback protocol: records each message and answers it as
 * a router does (204 with the protocol header), or with 404 once told the subscription is gone.
 */
export class CallbackReceiver {
  readonly messages: CallbackMessage[] = [];
  /** Every request that reached the receiver, whatever it held. */
  requests = 0;
  gone = false;
  private server!: Server;
  private waiters: Array<() => void> = [];

  /** Listens on a free loopback port; the callback URL to hand the gateway. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests += 1;
      void readJson(req).then((message) => {
        this.messages.push(message as CallbackMessage);
        for (const wake of this.waiters.splice(0)) wake();
        res.statusCode = this.gone ? 404 : 204;
        res.setHeader("subscription-protocol", "callback/1.0");
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/callback`;
  }

  /** Resolves once a recorded message satisfies `match`. */
  async waitFor(match: (message: CallbackMessage) => boolean): Promise<CallbackMessage> {
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The `complete` message of subscription `id`, once it arrives. */
  completeOf(id: string): Promise<CallbackMessage> {
    return this.waitFor((message) => message.id === id && message.action === "complete");
  }

  count(action: CallbackMessage["action"]): number {
    return this.messages.filter((message) => message.action === action).length;
  }

  /** The subscriptions the gateway checked (it sends `check` before it starts one). */
  checked(): string[] {
    return this.messages.filter((m) => m.action === "check").map((m) => m.id);
  }

  /**
   * Resolves once every subscription that was checked has been completed. The gateway sends the
   * `complete`s of a shutdown after `stop()` resolves; closing before they arrive would leave Apollo
   * retrying them on timers past the test.
   */
  async allCompleted(): Promise<void> {
    for (const id of new Set(this.checked())) await this.completeOf(id);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

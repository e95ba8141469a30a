import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An HTTP proxy in front of the demo portal that can hold the answers of matching requests: the
 * portal has already executed them (read the state), but the gateway gets the answer only when the
 * test releases it. A load is then in flight with the state from before whatever the test does next.
 */
export class HoldingProxy {
  private readonly server: Server;
  private readonly held: (() => void)[] = [];
  /** Requests that matched `holdWhen`, held or not. */
  matched = 0;
  /** How many of the next matching requests to hold. */
  private toHold = 0;

  constructor(
    private readonly targetOrigin: string,
    private readonly holdWhen: (pathAndBody: string) => boolean,
  ) {
    this.server = createServer((req, res) => {
      void this.forward(req).then(async ({ status, headers, body }) => {
        const matches = this.holdWhen(`${req.url ?? ""} ${body.request}`);
        if (matches) this.matched += 1;
        if (matches && this.toHold > 0) {
          this.toHold -= 1;
          await new Promise<void>((resolve) => this.held.push(resolve));
        }
        res.writeHead(status, headers).end(body.response);
      });
    });
  }

  /** Listens on a free loopback port; its origin. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Holds the answers of the next `count` matching requests. */
  holdNext(count: number): void {
    this.toHold = count;
  }

  /** Answers everything held, and holds nothing more. */
  releaseAll(): void {
    this.toHold = 0;
    for (const release of this.held.splice(0)) release();
  }

  async close(): Promise<void> {
    this.releaseAll();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = Buffer.concat(chunks).toString("utf8");
    const answer = await fetch(`${this.targetOrigin}${req.url ?? "/"}`, {
      method: req.method ?? "GET",
      headers: { "content-type": req.headers["content-type"] ?? "application/json" },
      ...(request && { body: request }),
    });
    return {
      status: answer.status,
      headers: { "content-type": answer.headers.get("content-type") ?? "application/json" },
      body: { request, response: await answer.text() },
    };
  }
}

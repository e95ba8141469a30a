import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What the portal reaches instead of the gateway: an HTTP front that hands each request to the
 * replicas in turn (as a load balancer would) and drops the event deliveries `drop` picks (answered
 * 502, as a proxy that lost its upstream would). Deliveries it drops are counted, never retried:
 * Bitrix24 sends each event once.
 */
export class LossyRouter {
  private readonly server: Server;
  private next = 0;
  private deliveries = 0;
  /** Deliveries to /bitrix24/events, forwarded and dropped. */
  readonly counts = { forwarded: 0, dropped: 0 };

  constructor(
    private readonly targets: () => readonly string[],
    /** Given the index of a delivery (0, 1, …): whether to drop it. */
    private readonly drop: (delivery: number) => boolean,
  ) {
    this.server = createServer((req, res) => {
      void this.forward(req).then(
        (answer) => {
          res.writeHead(answer.status, { "content-type": answer.contentType });
          res.end(answer.body);
        },
        () => {
          res.writeHead(502).end();
        },
      );
    });
  }

  /** Listens on a free loopback port; returns the origin the portal should call. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(
    req: IncomingMessage,
  ): Promise<{ status: number; contentType: string; body: Buffer }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.url?.startsWith("/bitrix24/events")) {
      const index = this.deliveries++;
      if (this.drop(index)) {
        this.counts.dropped += 1;
        return { status: 502, contentType: "text/plain", body: Buffer.from("dropped") };
      }
      this.counts.forwarded += 1;
    }
    const targets = this.targets();
    const target = targets[this.next++ % targets.length]!;
    const response = await fetch(`${target}${req.url ?? "/"}`, {
      method: req.method ?? "GET",
      headers: { "content-type": req.headers["content-type"] ?? "application/octet-stream" },
      ...(req.method !== "GET" && req.method !== "HEAD" && { body }),
    });
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "text/plain",
      body: Buffer.from(await response.arrayBuffer()),
    };
  }
}

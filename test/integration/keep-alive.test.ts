import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { startStack, type TestStack } from "../helpers/gateway";

/**
 * One raw HTTP/1.1 connection, read response by response: the test decides when the connection is
 * used, and sees exactly when the server closes it, with no client pool or idle timer of its own.
 */
class RawConnection {
  private buffered = "";
  private waiter: (() => void) | undefined;
  closed = false;
  readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      this.buffered += chunk;
      this.waiter?.();
    });
    this.closedPromise = new Promise((resolve) =>
      socket.on("close", () => {
        this.closed = true;
        this.waiter?.();
        resolve();
      }),
    );
    socket.on("error", () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(new RawConnection(socket)));
      socket.once("error", reject);
    });
  }

  /** Sends one request and reads its whole response (Content-Length framed), or fails if the server closes first. */
  async exchange(
    method: string,
    path: string,
    body = "",
  ): Promise<{ status: number; headers: string; body: string }> {
    if (this.closed) throw new Error("the server closed the connection");
    this.socket.write(
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    for (;;) {
      const end = this.buffered.indexOf("\r\n\r\n");
      if (end >= 0) {
        const headers = this.buffered.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
        if (this.buffered.length >= end + 4 + length) {
          const responseBody = this.buffered.slice(end + 4, end + 4 + length);
          this.buffered = this.buffered.slice(end + 4 + length);
          return { status: Number(headers.split(" ")[1]), headers, body: responseBody };
        }
      }
      if (this.closed) throw new Error("the server closed the connection before answering");
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

describe("idle keep-alive connections, as a router or load balancer pools them", () => {
  let stack: TestStack;
  let reference: http.Server;

  beforeAll(async () => {
    stack = await startStack();
    // A server with node's defaults: it closes a connection after 5 s idle, as the gateway did.
    reference = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => reference.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    reference.closeAllConnections();
    await new Promise((resolve) => reference.close(resolve));
    await stack.stop();
  });

  it("announces an idle timeout above a load balancer's 60 s", async () => {
    const connection = await RawConnection.open(gatewayPort(stack));
    try {
      const { status, headers } = await connection.exchange("GET", "/healthz");
      expect(status).toBe(200);
      expect(/keep-alive: timeout=(\d+)/i.exec(headers)?.[1]).toBe("75");
    } finally {
      connection.close();
    }
  });

  it("keeps a connection open past node's default idle timeout, and serves the next request on it", async () => {
    const gateway = await RawConnection.open(gatewayPort(stack));
    try {
      const first = await gateway.exchange(
        "POST",
        "/graphql",
        JSON.stringify({ query: "{ booking(id: 14) { id } }" }),
      );
      expect(JSON.parse(first.body)).toEqual({ data: { booking: { id: 14 } } });
      // The barrier: a connection that went idle after the gateway's, to a server with node's
      // default timeout, is closed by that server. Idle timers of one length fire in the order they
      // were set, so a gateway with that default would have closed its connection first.
      const witness = await RawConnection.open((reference.address() as AddressInfo).port);
      expect((await witness.exchange("GET", "/")).status).toBe(200);
      await witness.closedPromise;

      expect(gateway.closed).toBe(false);
      const metrics = await gateway.exchange("GET", "/metrics");
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain("b24gw_");
      const second = await gateway.exchange(
        "POST",
        "/graphql",
        JSON.stringify({ query: "{ booking(id: 15) { id } }" }),
      );
      expect(JSON.parse(second.body)).toEqual({ data: { booking: { id: 15 } } });
    } finally {
      gateway.close();
    }
  });
});

function gatewayPort(stack: TestStack): number {
  return Number(new URL(stack.gateway.url).port);
}

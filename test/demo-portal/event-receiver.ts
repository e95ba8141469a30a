import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";

/** One POST as the receiver got it. */
export interface Delivery {
  path: string;
  contentType: string | undefined;
  /** The raw body, exactly as sent. */
  body: string;
  /** The body's pairs in order, decoded the way any form parser would. */
  fields: Array<[string, string]>;
}

/**
 * An event handler on 127.0.0.1 for tests: it records every request and answers with `status`
 * (200 unless changed). With `holdAnswers` set it records requests but keeps them waiting until
 * `release()`. Tests wait with `received(n)`, a promise the receiver resolves, never with sleeps.
 */
export class EventReceiver {
  readonly deliveries: Delivery[] = [];
  status = 200;
  holdAnswers = false;
  private readonly held: ServerResponse[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly server: Server = createServer((request, response) => {
    void this.record(request, response);
  });
  private port = 0;

  private constructor() {}

  static async start(): Promise<EventReceiver> {
    const receiver = new EventReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
    receiver.port = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  /** "http://127.0.0.1:<port>/" */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Resolves with the deliveries once at least `count` have arrived. */
  received(count: number): Promise<Delivery[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.deliveries.length < count) return;
        this.waiters.delete(check);
        resolve([...this.deliveries]);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Answers every held request with `status`. */
  release(): void {
    for (const response of this.held.splice(0)) response.writeHead(this.status).end();
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async record(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    this.deliveries.push({
      path: request.url ?? "",
      contentType: request.headers["content-type"],
      body,
      fields: [...new URLSearchParams(body)],
    });
    if (this.holdAnswers) this.held.push(response);
    else response.writeHead(this.status).end();
    for (const check of [...this.waiters]) check();
  }
}

/** A URL nobody listens on: a port the system handed out and that is closed again. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  return `http://127.0.0.1:${port}/`;
}

import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { request } from "undici";
import { agent } from "./measure";

/** A wait for the gateway's answer to one delivery (see EventRelay.next). */
export interface DeliveryWait {
  /** The gateway's HTTP status for the delivery; 0 when it could not be reached. */
  answered: Promise<number>;
  /** Stops waiting: a delivery that arrives later is relayed as any other. */
  cancel(): void;
}

/**
 * Stands between the demo portal's outgoing webhook and a gateway's POST /bitrix24/events: it
 * passes every delivery on unchanged, hands the gateway's answer back to the portal, and tells the
 * benchmark when the gateway has answered the delivery of one record's event. The gateway answers
 * 200 only once the change is invalidated in the read cache, so that answer is the moment after
 * which every read that starts must see the change. Deliveries are told apart by event name and
 * record id, which the portal's payload carries (`event=ONBOOKINGUPDATE&data[ID]=14`): unlike a
 * counter on /metrics, which the events of the gateway's own writes move too, this names the very
 * delivery waited for.
 */
export class EventRelay {
  /** Deliveries relayed, and how many of them the gateway answered with a 2xx. */
  relayed = 0;
  accepted = 0;
  private readonly waits = new Map<string, Array<(status: number) => void>>();

  private readonly server: Server;
  /** Where the portal is to deliver its events, once listening. */
  url = "";

  private constructor(target: string) {
    this.server = createServer((req, res) => {
      void readBody(req)
        .then(async (body) => {
          const { status, answer } = await forward(target, req.headers["content-type"], body);
          this.answered(body, status);
          res.writeHead(status === 0 ? 502 : status, { "content-type": "application/json" });
          res.end(answer);
        })
        .catch(() => {
          res.writeHead(500).end();
        });
    });
  }

  /** Listens on loopback and relays to `target`, a gateway's /bitrix24/events URL. */
  static async start(target: string): Promise<EventRelay> {
    const relay = new EventRelay(target);
    await new Promise<void>((resolve) => relay.server.listen(0, "127.0.0.1", resolve));
    const { port } = relay.server.address() as AddressInfo;
    relay.url = `http://127.0.0.1:${port}/bitrix24/events`;
    return relay;
  }

  /**
   * Waits for the gateway's answer to the next delivery of `event` for record `id`. Call it before
   * the change is made: the portal may deliver the event before its REST answer arrives.
   */
  next(event: string, id: number): DeliveryWait {
    const key = `${event} ${id}`;
    let settle: (status: number) => void = () => undefined;
    const answered = new Promise<number>((resolve) => (settle = resolve));
    const queue = this.waits.get(key) ?? [];
    queue.push(settle);
    this.waits.set(key, queue);
    return {
      answered,
      cancel: () => {
        const index = queue.indexOf(settle);
        if (index >= 0) queue.splice(index, 1);
      },
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private answered(body: string, status: number): void {
    this.relayed += 1;
    if (status >= 200 && status < 300) this.accepted += 1;
    const form = new URLSearchParams(body);
    const key = `${form.get("event")} ${Number(form.get("data[ID]"))}`;
    this.waits.get(key)?.shift()?.(status);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
    req.on("error", reject);
  });
}

async function forward(
  target: string,
  contentType: string | undefined,
  body: string,
): Promise<{ status: number; answer: string }> {
  try {
    const response = await request(target, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": contentType ?? "application/x-www-form-urlencoded" },
      body,
    });
    return { status: response.statusCode, answer: await response.body.text() };
  } catch {
    return { status: 0, answer: "" };
  }
}

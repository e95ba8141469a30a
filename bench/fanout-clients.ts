import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * One client process of the many-subscriber fan-out (scenario (i)): it opens graphql-ws connections
 * to the replicas it is given, 50 subscriptions each (the gateway's default per-connection cap), and
 * reports to its parent over IPC. Each message's arrival is stamped on the wall clock, which every
 * process on the machine shares, so the parent can measure from the moment it posted the event.
 *
 * Started by live-fanout.ts with `fork`; its one argument is a JSON FanOutClientSpec.
 */
export interface FanOutClientSpec {
  /** The replicas' /graphql URLs; subscriptions are spread over them in turn. */
  urls: string[];
  /** This process's subscribers: `count` of them from number `first` on (see subscriptionOf). */
  first: number;
  count: number;
}

const EVERY_CHANGE = "subscription { bookingChanged { kind id booking { name } } }";

/**
 * Subscriber `index`'s subscription: one in five watches a view of a few bookings (one of 20
 * views, each booking 14 and one other, through `ids`), the others every booking change.
 */
export function subscriptionOf(index: number): string {
  if (index % 5 !== 0) return EVERY_CHANGE;
  const other = 1000 + ((index / 5) % 20);
  return `subscription { bookingChanged(ids: [14, ${other}]) { kind id booking { name } } }`;
}

/** Parent → child: send the arrivals stamped so far, then forget them. */
export type FanOutCommand = { type: "flush" } | { type: "stop" };

/** Child → parent. */
export type FanOutReport = { type: "arrivals"; at: number[]; errors: number } | { type: "stopped" };

const PER_CONNECTION = 50;

function main(): void {
  const spec = JSON.parse(process.argv[2]!) as FanOutClientSpec;
  const clients: Client[] = [];
  let arrivals: number[] = [];
  let errors = 0;
  const queries = Array.from({ length: spec.count }, (_, index) =>
    subscriptionOf(spec.first + index),
  );
  for (let first = 0; first < queries.length; first += PER_CONNECTION) {
    const url = spec.urls[(first / PER_CONNECTION) % spec.urls.length]!;
    const client = createClient({
      url: url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    for (const query of queries.slice(first, first + PER_CONNECTION)) {
      client.subscribe(
        { query },
        {
          next: (message) => {
            if (message.errors) errors += 1;
            arrivals.push(performance.timeOrigin + performance.now());
          },
          error: () => (errors += 1),
          complete: () => undefined,
        },
      );
    }
  }
  process.on("message", (command: FanOutCommand) => {
    if (command.type === "flush") {
      const report: FanOutReport = { type: "arrivals", at: arrivals, errors };
      arrivals = [];
      process.send!(report);
      return;
    }
    void Promise.all(clients.map(async (client) => client.dispose())).then(() => {
      process.send!({ type: "stopped" } satisfies FanOutReport, () => process.exit(0));
    });
  });
}

main();

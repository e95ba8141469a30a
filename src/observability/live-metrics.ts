import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** What happened to one event delivery at POST /bitrix24/events. */
export type EventOutcome = "received" | "refused" | "unauthorized" | "published";

/** What came of re-reading a changed record for one identity's subscribers. */
export type ChangeReadOutcome = "changed" | "unchanged" | "superseded" | "failed";

/**
 * Metrics of live data: event deliveries by outcome, changes published by source, subscriptions
 * held, what re-reading a changed record for subscribers came to, and how long a change takes from
 * being published to reaching a subscriber. Labels hold only
 * these fixed words: never an event's ids or tokens.
 */
export class LiveMetrics {
  private readonly events: Counter<"outcome">;
  private readonly published: Counter<"source">;
  private readonly subscriptions: Gauge<"transport">;
  private readonly lag: Histogram;
  private readonly changeReads: Counter<"outcome">;

  constructor(registry: Registry) {
    const registers = [registry];
    this.events = new Counter({
      name: "b24gw_events_total",
      help: "Bitrix24 event deliveries at POST /bitrix24/events, by outcome",
      labelNames: ["outcome"],
      registers,
    });
    this.published = new Counter({
      name: "b24gw_changes_published_total",
      help: "Changes published to subscribers, by source (portal event or a write through the gateway)",
      labelNames: ["source"],
      registers,
    });
    this.subscriptions = new Gauge({
      name: "b24gw_subscriptions_active",
      help: "Subscriptions held on this replica, by transport",
      labelNames: ["transport"],
      registers,
    });
    this.lag = new Histogram({
      name: "b24gw_subscription_delivery_lag_seconds",
      help: "From a change being published to its message being handed to a subscriber's transport",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.changeReads = new Counter({
      name: "b24gw_change_reads_total",
      help: "Re-reads of a changed record for one identity's subscribers: changed (sent), unchanged (same state as last sent: an echo or a repeated delivery), superseded (a newer read was sent), failed (after retries)",
      labelNames: ["outcome"],
      registers,
    });
    for (const outcome of ["received", "refused", "unauthorized", "published"]) {
      this.events.inc({ outcome }, 0);
    }
    for (const outcome of ["changed", "unchanged", "superseded", "failed"]) {
      this.changeReads.inc({ outcome }, 0);
    }
  }

  recordChangeRead(outcome: ChangeReadOutcome): void {
    this.changeReads.inc({ outcome });
  }

  recordEvent(outcome: EventOutcome): void {
    this.events.inc({ outcome });
  }

  recordPublished(source: "portal" | "gateway"): void {
    this.published.inc({ source });
  }

  subscriptionStarted(transport: string): void {
    this.subscriptions.inc({ transport });
  }

  subscriptionEnded(transport: string): void {
    this.subscriptions.dec({ transport });
  }

  recordDeliveryLag(ms: number): void {
    this.lag.observe(Math.max(0, ms) / 1000);
  }
}

import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** Where the application's installation stands, as /readyz reports it. */
export type InstallationState =
  "valid" | "not_installed" | "payment_required" | "refresh_refused" | "store_unavailable";

/** What came of renewing the access token after expired_token. */
export type RefreshOutcome = "refreshed" | "adopted" | "payment_required" | "refused" | "failed";

/** What started a drain of the offline queue. */
export type DrainTrigger = "start" | "install" | "poll" | "signal" | "reconnect" | "takeover";

/** What came of one drained record. */
export type DrainedRecordOutcome = "cleared" | "failed" | "ignored";

const STATES: readonly InstallationState[] = [
  "valid",
  "not_installed",
  "payment_required",
  "refresh_refused",
  "store_unavailable",
];

/**
 * Metrics of the gateway as a Bitrix24 application: the installation's state, token refreshes, and
 * the offline queue's drain (backlog, records, lag from change to publish). Labels hold only fixed
 * words: never a token, a member id or a record's ids.
 */
export class ApplicationMetrics {
  private readonly state: Gauge<"state">;
  private readonly refreshes: Counter<"outcome">;
  private readonly drains: Counter<"trigger" | "outcome">;
  private readonly records: Counter<"outcome">;
  private readonly backlog: Gauge;
  private readonly lag: Histogram;

  constructor(registry: Registry) {
    const registers = [registry];
    this.state = new Gauge({
      name: "b24gw_installation_state",
      help: "1 for the state the application's installation is in, 0 for the others",
      labelNames: ["state"],
      registers,
    });
    this.refreshes = new Counter({
      name: "b24gw_oauth_refreshes_total",
      help: "Access-token renewals after expired_token, by outcome: refreshed (at the OAuth server), adopted (another replica had refreshed), payment_required, refused, failed",
      labelNames: ["outcome"],
      registers,
    });
    this.drains = new Counter({
      name: "b24gw_offline_drains_total",
      help: "Drains of the portal's offline event queue, by trigger and outcome (ok, failed, skipped: not installed or another replica drains)",
      labelNames: ["trigger", "outcome"],
      registers,
    });
    this.records = new Counter({
      name: "b24gw_offline_records_total",
      help: "Offline event records drained, by outcome: cleared (invalidated and published), failed (marked as errors, taken again), ignored (no booking change)",
      labelNames: ["outcome"],
      registers,
    });
    this.backlog = new Gauge({
      name: "b24gw_offline_backlog",
      help: "Offline event records taken from the queue by this replica and not cleared yet",
      registers,
    });
    this.lag = new Histogram({
      name: "b24gw_offline_lag_seconds",
      help: "From a change on the portal (its record's timestamp) to its publication by the drain",
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
      registers,
    });
    for (const state of STATES) this.state.set({ state }, 0);
  }

  setState(current: InstallationState): void {
    for (const state of STATES) this.state.set({ state }, state === current ? 1 : 0);
  }

  recordRefresh(outcome: RefreshOutcome): void {
    this.refreshes.inc({ outcome });
  }

  recordDrain(trigger: DrainTrigger, outcome: "ok" | "failed" | "skipped"): void {
    this.drains.inc({ trigger, outcome });
  }

  recordRecord(outcome: DrainedRecordOutcome): void {
    this.records.inc({ outcome });
  }

  setBacklog(records: number): void {
    this.backlog.set(records);
  }

  recordLag(seconds: number): void {
    this.lag.observe(Math.max(0, seconds));
  }
}

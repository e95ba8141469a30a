import { setMaxListeners } from "node:events";
import type { Clock } from "../clock";
import type { EventDelivery } from "../events/event-delivery";
import type { Logger } from "../logger";
import type { ApplicationMetrics, DrainTrigger } from "../observability/application-metrics";
import type { Upstream } from "../transport/upstream";
import { bindEvents, type BindingPlan } from "./event-bindings";
import type { DrainLease } from "./drain-lease";
import {
  deliveryOf,
  readOfflineBatch,
  type OfflineBatch,
  type OfflineRecord,
} from "./offline-record";

/** A confirmation of processed records, waiting to go with the next calls. */
interface Confirmation {
  params: Record<string, unknown>;
  records: number;
}

export interface OfflineDrainOptions {
  clock: Clock;
  logger: Logger;
  metrics: ApplicationMetrics | undefined;
  /** The portal as the installed application, for one round of calls. */
  upstream: (signal: AbortSignal) => Upstream;
  /** Whether the installation is usable now (it may look in the store again). */
  installed: () => Promise<boolean>;
  /**
   * The path of a pushed event: invalidate, then publish. Resolves true once the invalidation is
   * written where every replica reads (and the change relayed to them); false when it is only kept
   * for later (Redis away), so that the record is kept in the queue too.
   */
  receive: (delivery: EventDelivery) => Promise<boolean>;
  /** Awaited before a drain: the read cache has written what it kept during an outage. */
  ready: () => Promise<void>;
  lease: DrainLease;
  /** Asked at each binding: the gateway's public URL may be known only once it listens. */
  bindings: () => BindingPlan;
  /** The safety net's period, or the only trigger in poll-only mode. */
  pollMs: number;
  /** How often a replica renews its lease, or asks whether the holder is gone. */
  tickMs: number;
  /** Records per `event.offline.get` (the portal's default is 50). */
  limit?: number;
}

/**
 * Drains the portal's offline event queue: the record of every change, kept by the portal until the
 * gateway confirms it, so that nothing is lost while pushes are dropped, the portal cannot reach the
 * gateway, or every replica is down.
 *
 * A round: `event.offline.get` with `clear=0` reserves up to `limit` records under a `process_id`
 * (and, once per round, a second get with `error=1` takes records marked as failed, which the portal
 * keeps apart); each record goes through the same path as a pushed event (invalidate, then publish;
 * subscribers get the state only if it differs from the last one they were sent); then
 * `event.offline.clear` confirms the records whose invalidation is written. A record is cleared only
 * after its path has finished, so a replica dying mid-round (or a `get` whose answer was lost, or a
 * record whose invalidation could only be kept for later) loses nothing: the portal keeps those
 * records reserved, every round looks for reservations in `event.offline.list`, and takes any it did
 * not make itself again by `process_id` (which returns that process's records once more).
 *
 * Rounds run at start, after the installation appears, after Redis reconnects, on the ONOFFLINEEVENT
 * signal, and every `pollMs`. One replica drains at a time (the lease); another takes over within
 * `tickMs * 4` of its death. Every call goes through the transport's queue, so drain calls fold into
 * batches with other calls and count against the portal's rate and operating-time limits.
 */
export class OfflineDrain {
  private running: Promise<void> | undefined;
  private again: DrainTrigger | undefined;
  private bound = false;
  private holder = false;
  private lastDrainAt = Number.NEGATIVE_INFINITY;
  private stopTimer: () => void = () => undefined;
  private readonly closing = new AbortController();
  private readonly ignoredEvents = new Set<string>();
  /** Records taken from the queue and not confirmed yet. */
  private backlog = 0;
  /** Confirmations of processed records, sent with the next calls (see `processBatch`). */
  private unconfirmed: Confirmation[] = [];

  constructor(private readonly options: OfflineDrainOptions) {
    // Every call of a round listens to it: a bind round alone makes 25.
    setMaxListeners(0, this.closing.signal);
  }

  /** Starts the ticks and drains once. */
  start(): void {
    this.schedule();
    void this.trigger("start");
  }

  /** The bindings are made again at the next round (a new installation has none). */
  installationChanged(): void {
    this.bound = false;
    void this.trigger("install");
  }

  /**
   * Asks for a round; one under way is followed by another, so a change signalled while a round
   * runs is never missed. Resolves when the rounds end (tests); never rejects.
   */
  trigger(reason: DrainTrigger): Promise<void> {
    if (this.closing.signal.aborted) return Promise.resolve();
    if (this.running) {
      this.again = reason;
      return this.running;
    }
    this.running = this.loop(reason).finally(() => (this.running = undefined));
    return this.running;
  }

  async close(): Promise<void> {
    this.stopTimer();
    this.closing.abort();
    await this.running;
    // What was processed is confirmed before the lease goes; the drain's own signal is aborted.
    if (this.unconfirmed.length > 0) {
      await this.sendConfirmations(this.options.upstream(new AbortController().signal));
    }
    if (this.holder) await this.options.lease.release();
  }

  private async loop(first: DrainTrigger): Promise<void> {
    let reason: DrainTrigger | undefined = first;
    while (reason && !this.closing.signal.aborted) {
      this.again = undefined;
      await this.round(reason);
      reason = this.again;
    }
  }

  private schedule(): void {
    const { clock, tickMs } = this.options;
    const tick = () => {
      this.stopTimer = clock.setTimer(tickMs, () => {
        void this.tick().finally(() => {
          if (!this.closing.signal.aborted) tick();
        });
      });
    };
    tick();
  }

  /** Keeps the lease, or takes it over from a holder that is gone; drains when the poll is due. */
  private async tick(): Promise<void> {
    if (this.running || !(await this.options.installed())) return;
    const wasHolder = this.holder;
    this.holder = await this.options.lease.acquire();
    if (!this.holder) return;
    // Closed while it asked: the lease goes back at once rather than when it expires.
    if (this.closing.signal.aborted) return this.options.lease.release();
    const due = this.options.clock.now() - this.lastDrainAt >= this.options.pollMs;
    if (!wasHolder) await this.trigger("takeover");
    else if (await this.options.lease.takeSignal()) await this.trigger("signal");
    else if (due) await this.trigger("poll");
  }

  private async round(reason: DrainTrigger): Promise<void> {
    const { metrics, logger } = this.options;
    if (!(await this.options.installed())) return metrics?.recordDrain(reason, "skipped");
    await this.options.ready();
    this.holder = await this.options.lease.acquire();
    if (!this.holder) {
      // The replica that drains hears of the signal at its next tick.
      if (reason === "signal") await this.options.lease.signal();
      return metrics?.recordDrain(reason, "skipped");
    }
    this.lastDrainAt = this.options.clock.now();
    try {
      const upstream = this.options.upstream(this.closing.signal);
      if (!this.bound) {
        await bindEvents(upstream, this.options.bindings());
        this.bound = true;
      }
      await this.drainQueue(upstream);
      metrics?.recordDrain(reason, "ok");
    } catch (error) {
      metrics?.recordDrain(reason, "failed");
      if (!this.closing.signal.aborted) {
        logger.warn(
          { err: error, trigger: reason },
          "offline events: the drain failed; it runs again at the next trigger",
        );
      }
    }
  }

  private async drainQueue(upstream: Upstream): Promise<void> {
    const limit = this.options.limit ?? 50;
    let first = true;
    for (;;) {
      // Confirmations of what was processed last (first in the batch, so that the list below no
      // longer shows those reservations); new records; once per round also those an earlier round
      // marked as failed (the portal keeps them apart) and the reservations nobody confirmed. All
      // asked in one turn: one batch request.
      const confirming = this.sendConfirmations(upstream);
      const asked = [
        this.take(upstream, { limit }),
        ...(first ? [this.take(upstream, { limit, error: 1 }), this.reserved(upstream)] : []),
      ];
      const answers = await Promise.allSettled(asked);
      await confirming;
      first = false;
      const batches = answers
        .slice(0, 2)
        .filter((answer) => answer.status === "fulfilled")
        .map((answer) => answer.value as OfflineBatch);
      const orphans = answers[2]?.status === "fulfilled" ? (answers[2].value as string[]) : [];
      const ours = new Set(batches.map((batch) => batch.processId));
      for (const processId of orphans.filter((id) => !ours.has(id))) {
        // A process's records come back apart by their error mark, like new ones.
        batches.push(
          ...(await Promise.all([
            this.take(upstream, { process_id: processId }),
            this.take(upstream, { process_id: processId, error: 1 }),
          ])),
        );
      }
      // Whatever was reserved is processed, even when another call of the round failed.
      const failures = await Promise.all(batches.map((batch) => this.processBatch(batch)));
      const failed = answers.find((answer) => answer.status === "rejected");
      if (failed) throw failed.reason;
      const fresh = batches[0]!;
      const more = fresh.records.length >= limit && failures.every((count) => count === 0);
      if (!more || this.closing.signal.aborted || !(await this.options.lease.acquire())) return;
    }
  }

  private async take(upstream: Upstream, params: Record<string, unknown>): Promise<OfflineBatch> {
    const answer = await upstream.call("event.offline.get", { clear: 0, ...params });
    return readOfflineBatch(answer.result);
  }

  /**
   * The process ids the queue holds reserved records under (`event.offline.list`, reserved ones
   * first). A reservation is confirmed or marked in the round that made it; one still there was made
   * by a drainer that died mid-round or lost a `get`'s answer, and nobody else knows its id. Taken
   * again by id, its records are processed (again, at worst: a record drained twice is published
   * once) and confirmed. Only the first page is read: reserved records sort first.
   */
  private async reserved(upstream: Upstream): Promise<string[]> {
    const answer = await upstream.call("event.offline.list", {
      filter: { "!PROCESS_ID": "" },
      order: { PROCESS_ID: "DESC" },
    });
    const records = Array.isArray(answer.result) ? (answer.result as unknown[]) : [];
    const ids = records
      .map((record) => (record as { PROCESS_ID?: unknown }).PROCESS_ID)
      .filter((id): id is string => typeof id === "string" && id !== "");
    return [...new Set(ids)];
  }

  /**
   * Sends each record of a reserved batch through the path of a pushed event, then queues the
   * confirmation (`event.offline.clear`) of those whose invalidation is written. It goes with the
   * next calls to the queue, at the latest in the next round, so that a round of one page costs one
   * request; until then the records stay reserved, and are confirmed or, should this replica die,
   * taken again by the next drainer (see `reserved`). Returns how many failed.
   */
  private async processBatch(batch: OfflineBatch): Promise<number> {
    const { metrics } = this.options;
    const processId = batch.processId;
    if (!processId || batch.records.length === 0) return 0;
    this.setBacklog(batch.records.length);
    const outcomes = await Promise.all(batch.records.map((record) => this.process(record)));
    for (const outcome of outcomes) metrics?.recordRecord(outcome);
    const done = batch.records.filter((_, index) => outcomes[index] !== "failed");
    const failed = batch.records.length - done.length;
    // A failed record stays reserved as it is: the next round's list shows its process, and it is
    // taken again. It is not marked with event.offline.error, which also deletes every other unmarked
    // record with the same MESSAGE_ID (one per event and object): a mark sent late, after another
    // drainer confirmed the reservation and the object changed again, would delete that new change.
    this.setBacklog(-failed);
    if (done.length > 0) {
      this.unconfirmed.push({
        params: { process_id: processId, message_id: done.map((record) => record.MESSAGE_ID) },
        records: done.length,
      });
    }
    return failed;
  }

  /**
   * Sends the queued confirmations, in one turn (they fold into the batch of whatever is asked in the
   * same turn). One that fails leaves its records reserved: the list of the same batch shows them,
   * and they are taken again.
   */
  private async sendConfirmations(upstream: Upstream): Promise<void> {
    const pending = this.unconfirmed;
    this.unconfirmed = [];
    await Promise.allSettled(
      pending.map(async (confirmation) => {
        try {
          await upstream.call("event.offline.clear", confirmation.params);
        } finally {
          this.setBacklog(-confirmation.records);
        }
      }),
    );
  }

  private setBacklog(change: number): void {
    this.backlog += change;
    this.options.metrics?.setBacklog(this.backlog);
  }

  private async process(record: OfflineRecord): Promise<"cleared" | "failed" | "ignored"> {
    const delivery = deliveryOf(record);
    if (!delivery) {
      this.reportIgnored(record.EVENT_NAME);
      return "ignored";
    }
    const durable = await this.options.receive(delivery);
    if (durable && delivery.ts > 0) {
      this.options.metrics?.recordLag(this.options.clock.now() / 1000 - delivery.ts);
    }
    return durable ? "cleared" : "failed";
  }

  /** Once per event name: a queue of some other application's events would otherwise flood the log. */
  private reportIgnored(eventName: string): void {
    if (this.ignoredEvents.has(eventName)) return;
    this.ignoredEvents.add(eventName);
    this.options.logger.warn(
      { event: eventName },
      "offline events: a record names no booking change; it is cleared without effect",
    );
  }
}

import { Counter, type Registry } from "prom-client";

/** Kinds of cache entry and of invalidation unit: fixed words, never ids or keys. */
const KINDS = new Set([
  "booking",
  "bookingClients",
  "bookingExternalData",
  "bookingList",
  "resource",
  "resourceSlots",
  "resourceList",
  "resourceType",
  "resourceTypeList",
  "waitListItem",
  "waitListItemClients",
  "waitListItemExternalData",
  "waitListItemList",
  "clientTypes",
  "epoch",
]);

/**
 * Metrics of the read cache: reads by kind of entry and outcome (a hit is an upstream call saved),
 * and invalidations by kind of unit.
 */
export class CacheMetrics {
  private readonly reads: Counter<"kind" | "outcome">;
  private readonly invalidations: Counter<"kind">;
  private readonly saved: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.reads = new Counter({
      name: "b24gw_cache_reads_total",
      help: "Reads through the cache by kind of entry and outcome (hit, miss, bypass while the store is away)",
      labelNames: ["kind", "outcome"],
      registers,
    });
    this.invalidations = new Counter({
      name: "b24gw_cache_invalidations_total",
      help: "Invalidations by kind of unit (a record, a type's lists, a whole type)",
      labelNames: ["kind"],
      registers,
    });
    this.saved = new Counter({
      name: "b24gw_cache_upstream_calls_saved_total",
      help: "Upstream calls not made because the cache answered",
      registers,
    });
  }

  recordRead(kind: string, outcome: "hit" | "miss" | "bypass"): void {
    this.reads.inc({ kind: KINDS.has(kind) ? kind : "other", outcome });
    if (outcome === "hit") this.saved.inc();
  }

  recordInvalidation(kind: string): void {
    this.invalidations.inc({ kind: KINDS.has(kind) ? kind : "other" });
  }
}

import type { ChangeNotice } from "./change";
import type { LRUCache } from "lru-cache";
import { localLedger, type LedgerOptions } from "./local-ledger";

/**
 * Pairs a report with an unmatched report from the other side. The balance of a key counts
 * unmatched gateway writes (above 0) or unmatched portal events (below 0). Returns 1 when this report
 * is the first of its pair (publish it), 0 when it completes a pair (drop it).
 */
const CLAIM = `
local balance = tonumber(redis.call('GET', KEYS[1]) or '0')
local step = tonumber(ARGV[1])
if balance * step < 0 then
  redis.call('INCRBY', KEYS[1], step)
  return 0
end
redis.call('INCRBY', KEYS[1], step)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

export type ReportSource = "gateway" | "portal";

/**
 * The rule that keeps subscribers from getting one change twice. A write made through the gateway
 * is reported twice: by the gateway at once, and by Bitrix24's event for it, which may come before
 * or after (the portal sends it through a queue). For each entity, kind and id, the first report is
 * published and the next report from the other side within the window is dropped as its pair.
 * Counted in Redis, so the two reports may reach different replicas; in process while Redis is away.
 *
 * The cost of the rule: a change by someone else, of the same record and kind, arriving within the
 * window where the pair was expected, is taken for it. Subscribers then get that change's report
 * when the pair's own report comes instead: one report per change, possibly late.
 */
export class EchoLedger {
  private readonly local: LRUCache<string, number>;

  constructor(private readonly options: LedgerOptions) {
    this.local = localLedger(options);
  }

  /** Whether this report of a change is the first of its pair, to be published. */
  async firstReport(source: ReportSource, change: ChangeNotice): Promise<boolean> {
    const window = this.options.windowSeconds;
    if (window === 0) return true;
    const key = `echo:${change.entity}:${change.kind}:${change.id}`;
    const step = source === "gateway" ? 1 : -1;
    const localFirst = this.claimLocally(key, step);
    const redis = this.options.redis;
    if (!redis || redis.connection.state !== "ready") return localFirst;
    try {
      const first = await redis.connection.client.eval(
        CLAIM,
        1,
        `${redis.keyPrefix}${key}`,
        step,
        window,
      );
      return first === 1;
    } catch {
      redis.connection.reportFailure();
      return localFirst;
    }
  }

  private claimLocally(key: string, step: number): boolean {
    const balance = this.local.get(key) ?? 0;
    if (balance + step === 0) this.local.delete(key);
    else this.local.set(key, balance + step);
    return balance * step >= 0;
  }
}

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startStack, type TestStack } from "../helpers/gateway";

/**
 * A time zone is validated before any upstream call, so whatever validation keeps per name is paid
 * for by anyone who can send a request. Zone names are case-insensitive: "aMeRiCa/…" variants never
 * run out. Before the fix each variant kept an Intl.DateTimeFormat for the life of the process:
 * some 20 kB of ICU memory each, outside the JavaScript heap, so that the process grew by 200 MB
 * over 10,000 names while the heap grew by 2 MB.
 *
 * What a formatter holds in ICU shows only in the process's RSS, which moves by tens of megabytes
 * with whatever else a loaded machine does. So this test counts the formatters instead: each one
 * built is held weakly, and those still alive after a full collection are the ones kept.
 */

/** The garbage collector, exposed at run time: jest's workers are not started with --expose-gc. */
function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/**
 * Counts the Intl.DateTimeFormat objects built from now on that are still alive. The gateway runs
 * in this test's context, so it builds its formatters with this context's Intl.
 */
function trackFormatters(): { alive(): number; forget(): void; restore(): void } {
  const original = Intl.DateTimeFormat;
  let built: Array<WeakRef<Intl.DateTimeFormat>> = [];
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args: unknown[], newTarget: NewableFunction) {
      const formatter = Reflect.construct(target, args, newTarget) as Intl.DateTimeFormat;
      built.push(new WeakRef(formatter));
      return formatter;
    },
  });
  return {
    alive: () => built.filter((formatter) => formatter.deref() !== undefined).length,
    forget: () => {
      built = [];
    },
    restore: () => {
      Intl.DateTimeFormat = original;
    },
  };
}

/** Long listed zones: each gives 2^(letters) case variants. */
const ZONES = [
  "America/Argentina/Buenos_Aires",
  "America/Indiana/Indianapolis",
  "America/North_Dakota/New_Salem",
  "America/Kentucky/Louisville",
  "Australia/Broken_Hill",
  "Antarctica/DumontDUrville",
];

/** The n-th distinct name: three in four an odd-cased real zone, one in four no zone at all. */
function zoneName(n: number): string {
  if (n % 4 === 3) return `Mars/Olympus_Mons_${n}`;
  const zone = ZONES[n % ZONES.length]!;
  let bits = Math.floor(n / ZONES.length) + 1;
  let name = "";
  for (const char of zone) {
    const letter = /[a-z]/i.test(char);
    name += letter && bits & 1 ? char.toUpperCase() : letter ? char.toLowerCase() : char;
    if (letter) bits = Math.floor(bits / 2);
  }
  return name;
}

/** Operations per HTTP request: the gateway takes arrays of operations with HTTP batching on. */
const PER_REQUEST = 100;

/**
 * One document for every operation, the name in a variable: distinct documents would fill Apollo's
 * document cache, which is bounded but would blur what this test measures. The period ends when it
 * starts, so validation refuses the booking after checking both zones, before any upstream call.
 */
const ADD_BOOKING = `mutation($zone: String!) {
  addBooking(input: {resourceIds: [1], name: "x", datePeriod: {from: {timestamp: 1780000000, timezone: $zone}, to: {timestamp: 1780000000, timezone: $zone}}}) { id }
}`;

/**
 * Enough names that keeping anything per name could not hide: 1,500 of them are real zones. (10,000
 * names, as the review sent them, are measured on the running gateway for docs/security.md.)
 */
const WARM_UP = 1_000;
const MEASURED = 2_000;
/** 3,000 operations take some 3 s on an idle machine; a busy one may take many times that. */
const TIMEOUT_MS = 180_000;

describe("time zone validation keeps nothing per name a client sends", () => {
  let stack: TestStack;
  let gc: () => void;
  let formatters: ReturnType<typeof trackFormatters>;

  beforeAll(async () => {
    gc = exposeGc();
    formatters = trackFormatters();
    stack = await startStack({
      env: { HTTP_BATCHING: "on", HTTP_BATCH_MAX_OPERATIONS: String(PER_REQUEST) },
    });
  });
  afterAll(async () => {
    formatters.restore();
    await stack.stop();
  });

  /** Sends names `first` to `first + count - 1` as addBooking operations, PER_REQUEST per request. */
  async function sendNames(first: number, count: number): Promise<void> {
    for (let start = first; start < first + count; start += PER_REQUEST) {
      const operations = Array.from({ length: PER_REQUEST }, (_, i) => ({
        query: ADD_BOOKING,
        variables: { zone: zoneName(start + i) },
      }));
      const response = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(operations),
      });
      const results = (await response.json()) as Array<{
        errors?: Array<{ extensions?: { field?: string } }>;
      }>;
      expect(results).toHaveLength(PER_REQUEST);
      // Unknown zones fail at the zone; odd-cased ones pass it and fail at the period's end.
      const refusals = new Set(results.map((result) => result.errors?.[0]?.extensions?.field));
      expect([...refusals].sort()).toEqual([
        "input.datePeriod.from.timezone",
        "input.datePeriod.to.timestamp",
      ]);
    }
  }

  it(
    "2,000 distinct odd-cased and unknown zones keep no formatter beyond one per zone",
    async () => {
      const names = Array.from({ length: MEASURED }, (_, n) => zoneName(WARM_UP + n));
      expect(new Set(names).size).toBe(MEASURED);
      expect(names.filter((name) => !name.startsWith("Mars/"))).toHaveLength(1_500);

      // The warm-up builds what validation keeps for good: at most one formatter per zone.
      await sendNames(0, WARM_UP);
      gc();
      expect(formatters.alive()).toBeLessThanOrEqual(ZONES.length);
      formatters.forget();
      stack.portal.resetStats();

      await sendNames(WARM_UP, MEASURED);
      gc();

      // Validation refused every one: the portal never heard of them.
      expect(stack.portal.stats().httpRequests).toBe(0);
      // Another 1,500 spellings of the same six zones: nothing new is kept for any of them.
      expect(formatters.alive()).toBe(0);
    },
    TIMEOUT_MS,
  );
});

import fc from "fast-check";
import {
  ApplicationUnavailableCode,
  ApplicationUnavailableError,
} from "../../src/app/application-errors";
import { ApplicationSession, type RefreshOutcome } from "../../src/app/application-session";
import type { Installation } from "../../src/app/installation";
import type { Clock } from "../../src/clock";
import { createLogger } from "../../src/logger";
import { BitrixApiError, BitrixError } from "../../src/transport/errors";
import type { HttpClient } from "../../src/transport/http-client";
import type { ApplicationTokens } from "../../src/transport/identity";
import { EXPIRED_TOKEN, SessionClient } from "../../src/transport/session-client";
import { schedulerClock } from "./model-clock";
import { runAll, runSteps, trace } from "./model-steps";
import { ModelInstallationStore, type StoreFault } from "./model-installation-store";
import { ModelOAuthServer, type OAuthRequest } from "./model-oauth-server";

/**
 * The installed application's tokens, checked against random interleavings (fast-check's scheduler
 * decides the order of every store step, OAuth request and answer, and portal call) of calls on 2 to
 * 4 replicas, access tokens expiring (an hour passing on the portal), the clock moving, OAuth requests
 * or answers lost, the store failing (a load, a lock, a write rolled back, a write whose answer is
 * lost) and the application going unpaid and paid again. The replicas are the real
 * ApplicationSession and SessionClient; the installation store, the OAuth server, the portal and time
 * are models (./model-*.ts).
 *
 * The rules (src/app/application-session.ts), checked on every run:
 * 1. A refresh token is sent at most once: once a rotation it brought reached a replica and was
 *    stored, it is never sent again. (The one exception the gateway cannot avoid: no answer about it
 *    ever arrived, because the request or the answer was lost; then it is sent once more, and a
 *    refusal ends it.) A refresh token stored as refused is never sent again.
 * 2. One refresh for everyone: a refresh is sent only for an access token the portal no longer
 *    accepts (never ahead of time), so replicas meeting the same expired token send one refresh
 *    between them and the others adopt its tokens; in a run without faults, no more refreshes reach
 *    the server than access tokens expired.
 * 3. No call fails while nothing has failed: a call that starts and ends before any fault succeeds
 *    with a token the portal accepts (unless an hour passed while it, or the renewal it joined, was
 *    under way: neither takes that long, so that models nothing real). A failed call fails with a
 *    BitrixError of a known code, never anything else. Once the faults stop, each replica serves
 *    again by its second call (the clock moving on between them), unless the access is lost (the
 *    store holds a refresh token the server no longer accepts, as when a rotation's answer was
 *    lost): then every replica reports "refresh_refused", its calls fail with
 *    APPLICATION_REFRESH_REFUSED, and at most one more refresh is sent (the one that learns it).
 * 4. After a PAYMENT_REQUIRED answer is stored, no refresh is sent before paymentRetryMs has passed
 *    on the clock, and calls failing with PAYMENT_REQUIRED come from a replica whose state is
 *    "payment_required".
 * 5. A store failure never loses the application's access: a rotation that reached a replica but
 *    that the store failed to keep is used by that replica and written back until the store takes
 *    it, even over a "refresh_refused" another replica stored meanwhile (after sending the used
 *    token, the one window the docs of src/app/application-session.ts name). Once the faults stop,
 *    the access is lost only if an OAuth answer was lost.
 *
 * Each rule is its own test over the same runs, so a broken rule shrinks to its own counterexample.
 * MODEL_RUNS (default 500, a few seconds) and MODEL_SEED pick the runs; MODEL_PATH replays a failure
 * (with `-t` naming its rule); MODEL_SCENARIO replays a scenario given as JSON; MODEL_TRACE prints
 * what happens.
 */

const RUNS = Number(process.env.MODEL_RUNS ?? 500);
const SEED = Number(process.env.MODEL_SEED ?? 20261207);
const HOUR_MS = 3_600_000;
const PAYMENT_RETRY_MS = 60_000;
const RELOAD_MS = 5_000;
const START = Date.UTC(2026, 11, 7);
const ENDPOINT = "https://model.bitrix24.test/rest/";
const METHOD = "model.call";

type Rule = 1 | 2 | 3 | 4 | 5;

interface Violation {
  rule: Rule;
  message: string;
}

type Action =
  | { type: "call"; replica: number }
  | { type: "expire" }
  | { type: "advance"; ms: number }
  | { type: "oauthFault"; lose: "request" | "answer" }
  | { type: "storeFault"; fault: StoreFault }
  | { type: "payment"; required: boolean }
  | { type: "settle"; steps: number };

/** Each action, then 0 to 3 steps of the scheduler before the next one starts. */
type Op = Action & { then: number };

interface Scenario {
  replicas: number;
  /** Runs without faults check rule 3 on every call; fault actions are skipped in them. */
  faults: boolean;
  ops: Op[];
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    // Replicas past the run's count wrap around: skewed towards 0 and 1, which meet often.
    arbitrary: fc.record({ type: fc.constant("call"), replica: fc.nat(3) }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("expire") }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("advance"),
      ms: fc.constantFrom(1_000, RELOAD_MS, 30_000, PAYMENT_RETRY_MS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("oauthFault"),
      lose: fc.constantFrom("request", "answer"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("storeFault"),
      fault: fc.constantFrom<StoreFault>("load", "acquire", "write", "writeAnswer"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("payment"), required: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("settle"), steps: fc.integer({ min: 1, max: 12 }) }),
  },
);

const opArb: fc.Arbitrary<Op> = fc
  .tuple(actionArb, fc.integer({ min: 0, max: 3 }))
  .map(([action, then]) => ({ ...action, then }));

const scenarioArb: fc.Arbitrary<Scenario> = process.env.MODEL_SCENARIO
  ? fc.constant(JSON.parse(process.env.MODEL_SCENARIO) as Scenario)
  : fc.record({
      replicas: fc.integer({ min: 2, max: 4 }),
      faults: fc.boolean(),
      ops: fc.array(opArb, { maxLength: 40, size: "medium" }),
    });

const FAULTS: ReadonlySet<Action["type"]> = new Set(["oauthFault", "storeFault", "payment"]);
const KNOWN_CODES: ReadonlySet<string> = new Set([
  EXPIRED_TOKEN,
  ...Object.values(ApplicationUnavailableCode),
]);

interface Replica {
  name: string;
  session: ApplicationSession;
  client: SessionClient;
  /** The hour count when each renewal now running on the replica began, by the token it renews. */
  renewing: Map<string, number>;
  refreshes: RefreshOutcome[];
}

interface CallRecord {
  id: number;
  replica: Replica;
  /** No fault had happened when it started. */
  clean: boolean;
  /**
   * Hours passed on the portal when it started, or when the renewal it joined started if earlier:
   * no call or renewal takes an hour, so one that saw an hour pass models nothing real.
   */
  hours: number;
  /** The access tokens it was sent with. */
  sent: string[];
  error?: unknown;
}

interface Outcome {
  violations: Violation[];
  requests: OAuthRequest[];
  calls: CallRecord[];
  replicas: Replica[];
  store: ModelInstallationStore;
}

/** One run: builds the replicas, plays the scenario, then lets the faults stop and checks recovery. */
async function play(s: fc.Scheduler, scenario: Scenario): Promise<Outcome> {
  const violations: Violation[] = [];
  const violate = (rule: Rule, message: string) => {
    trace(`VIOLATION of rule ${rule}: ${message}`);
    violations.push({ rule, message });
  };
  let time = START;
  // Time moves only when the scenario says. The session sets no timers; any it would set fire as
  // scheduler steps.
  const timers = schedulerClock(s);
  const clock: Clock = {
    now: () => time,
    setTimer: (ms, callback) => timers.setTimer(ms, callback),
  };
  const oauth = new ModelOAuthServer(s, time);
  const store = new ModelInstallationStore(s, installationOf(oauth, time));
  const logger = createLogger("silent");
  const calls: CallRecord[] = [];
  const running: Promise<unknown>[] = [];
  let faulted = false;
  let hours = 0;
  /** Distinct access tokens that expired on the portal. */
  let expiredTokens = 0;

  // The gateway's side of the OAuth server: every refresh a session sends is checked as it leaves.
  const sentRefresh = (refreshToken: string, now: number) => {
    trace(`refresh ${refreshToken} sent at +${now - START} ms`);
    const successor = oauth.deliveredSuccessor(refreshToken);
    if (successor !== undefined) {
      if (store.history.some((stored) => stored.refreshToken === successor)) {
        violate(
          1,
          `${refreshToken} was sent again, though its rotation had reached a replica and been stored`,
        );
      } else {
        // The window of rule 5: another replica holds the new pair and writes it back.
        trace(
          `${refreshToken} sent again after its rotation reached a replica that failed to store it`,
        );
      }
    }
    const stored = store.peek();
    if (stored?.state === "refresh_refused" && stored.refreshToken === refreshToken) {
      violate(1, `${refreshToken} was sent though it is stored as refused`);
    }
    if (stored?.state === "payment_required" && now - stored.updatedAt < PAYMENT_RETRY_MS) {
      violate(
        4,
        `${refreshToken} was sent ${now - stored.updatedAt} ms after PAYMENT_REQUIRED was stored, before paymentRetryMs (${PAYMENT_RETRY_MS})`,
      );
    }
    if (oauth.accessAlive(refreshToken)) {
      violate(
        2,
        `${refreshToken} was sent while its access token was still accepted (a refresh ahead of time)`,
      );
    }
  };

  // The portal: a call succeeds only with the latest access token, unexpired.
  const portal: Pick<HttpClient, "call"> = {
    async call(identity, method, params) {
      if (identity.kind !== "oauth")
        throw new TypeError(`the portal got a ${identity.kind} identity`);
      const call = calls[params.call as number]!;
      call.sent.push(identity.accessToken);
      await s.schedule(Promise.resolve(), `call ${call.id} with ${identity.accessToken} sent`);
      const accepted = oauth.accepts(identity.accessToken);
      await s.schedule(Promise.resolve(), `call ${call.id} answered`);
      if (!accepted) {
        throw new BitrixApiError(
          EXPIRED_TOKEN,
          "The access token provided has expired.",
          method,
          401,
        );
      }
      return { result: undefined as never };
    },
  };

  const replicas: Replica[] = Array.from({ length: scenario.replicas }, (_, index) => {
    const name = `replica ${index}`;
    const refreshes: RefreshOutcome[] = [];
    const session = new ApplicationSession({
      store,
      oauth: {
        refresh: (refreshToken, now) => {
          sentRefresh(refreshToken, now);
          return oauth.refresh(refreshToken, now);
        },
      },
      clock,
      logger,
      paymentRetryMs: PAYMENT_RETRY_MS,
      reloadMs: RELOAD_MS,
      onRefresh: (outcome) => {
        trace(`${name} refresh outcome: ${outcome}`);
        refreshes.push(outcome);
      },
    });
    return {
      name,
      session,
      client: new SessionClient(portal),
      renewing: new Map(),
      refreshes,
    };
  });

  function startCall(replica: Replica): CallRecord {
    const call: CallRecord = {
      id: calls.length,
      replica,
      clean: !faulted,
      hours,
      sent: [],
    };
    calls.push(call);
    trace(`call ${call.id} on ${replica.name} starts`);
    const { session, renewing } = replica;
    // The session itself, watched: when did the renewal this call waits for begin?
    const tokens: ApplicationTokens = {
      current: () => session.current(),
      renew(expired) {
        const began = renewing.get(expired);
        call.hours = Math.min(call.hours, began ?? hours);
        const renewal = session.renew(expired);
        if (began === undefined) {
          renewing.set(expired, hours);
          const done = () => void renewing.delete(expired);
          renewal.then(done, done);
        }
        return renewal;
      },
      refused: (token) => session.refused(token),
    };
    running.push(
      replica.client
        .call({ kind: "application", endpoint: ENDPOINT, tokens }, METHOD, { call: call.id })
        .then(
          () => undefined,
          (error: unknown) => {
            call.error = error;
          },
        )
        .then(() => finished(call)),
    );
    return call;
  }

  function finished(call: CallRecord): void {
    const { error, replica } = call;
    trace(`call ${call.id} on ${replica.name} with ${call.sent.join(", ")}: ${show(error)}`);
    if (error === undefined) return;
    if (!(error instanceof BitrixError) || !KNOWN_CODES.has(error.code)) {
      violate(3, `call ${call.id} on ${replica.name} failed with ${show(error)}`);
      return;
    }
    if (call.clean && !faulted && call.hours === hours) {
      violate(
        3,
        `call ${call.id} on ${replica.name} failed with ${error.code} though nothing had failed (sent with ${call.sent.join(", ")})`,
      );
    }
    if (error.code === ApplicationUnavailableCode.PaymentRequired) {
      const state = replica.session.state;
      if (state !== "payment_required") {
        violate(
          4,
          `call ${call.id} on ${replica.name} failed with PAYMENT_REQUIRED in state ${state}`,
        );
      }
    }
  }

  function start(op: Action): void {
    if (FAULTS.has(op.type)) {
      if (!scenario.faults) return;
      faulted = true;
    }
    switch (op.type) {
      case "call":
        startCall(replicas[op.replica % replicas.length]!);
        return;
      case "expire":
        trace("an hour passes");
        if (oauth.accepts(oauth.current.accessToken)) expiredTokens += 1;
        oauth.expireCurrent();
        hours += 1;
        time += HOUR_MS;
        return;
      case "advance":
        time += op.ms;
        return;
      case "oauthFault":
        trace(`the next OAuth ${op.lose} is lost`);
        oauth.failNext = op.lose;
        return;
      case "storeFault":
        trace(`the store's next ${op.fault} fails`);
        store.inject(op.fault);
        return;
      case "payment":
        trace(`payment ${op.required ? "required" : "made"}`);
        oauth.paymentRequired = op.required;
        return;
      case "settle":
        return;
    }
  }

  // Each replica reads the installation at start, as the gateway does.
  const loads = replicas.map((replica) => replica.session.load());
  await runAll(s);
  await Promise.all(loads);
  for (const op of scenario.ops) {
    start(op);
    await runSteps(s, op.type === "settle" ? op.steps : op.then);
  }
  await runAll(s);
  await Promise.all(running);

  if (!faulted && oauth.requests.length > expiredTokens) {
    violate(
      2,
      `${oauth.requests.length} refreshes reached the server in a run without faults, for ${expiredTokens} expired access tokens`,
    );
  }

  // The faults stop. Two rounds, each after enough time for a reload and a payment retry: every
  // replica calls, and calls again in the second round if its call failed.
  oauth.failNext = undefined;
  oauth.paymentRequired = false;
  store.clearFaults();
  trace("the faults stop");
  const requestsBefore = oauth.requests.length;
  const last = new Map<Replica, CallRecord>();
  for (let round = 0; round < 2; round += 1) {
    time += Math.max(PAYMENT_RETRY_MS, RELOAD_MS);
    for (const replica of replicas) {
      if (last.get(replica)?.error === undefined && round > 0) continue;
      last.set(replica, startCall(replica));
      await runAll(s);
      await Promise.all(running);
    }
  }
  // The store holds no refresh token the server would accept: the access is gone for good. (A
  // stored "refresh_refused" with a token the server would still accept is a wrong verdict, and the
  // replicas failing on it are counted as not recovering.)
  const lost = store.peek()?.refreshToken !== oauth.current.refreshToken;
  trace(`access ${lost ? "lost" : "kept"}`);
  const answerLost = scenario.ops.some((op) => op.type === "oauthFault" && op.lose === "answer");
  if (lost && !answerLost) {
    violate(5, "the access was lost though no OAuth answer was: a store failure lost a rotation");
  }
  for (const replica of replicas) {
    const error = last.get(replica)!.error;
    if (!lost && error !== undefined) {
      violate(3, `${replica.name} still fails with ${show(error)} after the faults stopped`);
    }
    if (lost) {
      if (
        !(error instanceof ApplicationUnavailableError) ||
        error.code !== ApplicationUnavailableCode.RefreshRefused
      ) {
        violate(
          3,
          `${replica.name}'s last call ended with ${show(error)} though the access is lost, not APPLICATION_REFRESH_REFUSED`,
        );
      }
      if (replica.session.state !== "refresh_refused") {
        violate(
          3,
          `${replica.name} reports ${replica.session.state} though the access is lost, not refresh_refused`,
        );
      }
    }
  }
  const after = oauth.requests.length - requestsBefore;
  if (lost && after > 1) {
    violate(
      3,
      `${after} refreshes were sent after the faults stopped, with the access lost: more than the one that learns it`,
    );
  }
  return { violations, requests: oauth.requests, calls, replicas, store };
}

function installationOf(oauth: ModelOAuthServer, now: number): Installation {
  return {
    memberId: "model-member",
    domain: "model.bitrix24.test",
    clientEndpoint: ENDPOINT,
    serverEndpoint: "https://oauth.bitrix24.test/rest/",
    applicationToken: "model-application-token",
    ...oauth.current,
    state: "valid",
    installedAt: now,
    updatedAt: now,
  };
}

function show(error: unknown): string {
  if (error === undefined) return "success";
  if (error instanceof BitrixError) return `${error.name} ${error.code}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}

function broken(outcome: Outcome, rule: Rule): string[] {
  return outcome.violations.filter((v) => v.rule === rule).map((v) => v.message);
}

const call = (replica: number, then = 0): Op => ({ type: "call", replica, then });
const settle = (steps = 40): Op => ({ type: "settle", steps, then: 0 });
const expire: Op = { type: "expire", then: 0 };

describe("the application's token refresh model", () => {
  it.each<[Rule, string]>([
    [1, "a refresh token is sent at most once"],
    [2, "one refresh, only for an expired token, for every replica"],
    [3, "no call fails while nothing failed, and the replicas recover or report refresh_refused"],
    [4, "PAYMENT_REQUIRED holds refreshes back for paymentRetryMs"],
    [5, "a store failure never leads to sending a used refresh token"],
  ])(
    `rule %i: %s (${RUNS} random runs)`,
    async (rule) => {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), scenarioArb, async (s, scenario) => {
          const messages = broken(await play(s, scenario), rule);
          if (messages.length > 0) throw new Error(messages.join("\n"));
        }),
        {
          numRuns: RUNS,
          seed: SEED,
          ...(process.env.MODEL_PATH && { path: process.env.MODEL_PATH, endOnFailure: true }),
        },
      );
    },
    600_000,
  );

  /** Scenarios that random actions line up only now and then, each under 200 random schedules. */
  const scheduled = (scenario: Scenario, check: (outcome: Outcome) => void) =>
    fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const outcome = await play(s, scenario);
        const messages = outcome.violations.map((v) => `rule ${v.rule}: ${v.message}`);
        if (messages.length > 0) throw new Error(messages.join("\n"));
        check(outcome);
      }),
      { numRuns: 200, seed: SEED },
    );

  it("four replicas meeting the same expired token send one refresh; the other three adopt it", async () => {
    const ops = [expire, ...[0, 1, 2, 3, 0, 1, 2, 3].map((replica) => call(replica)), settle()];
    await scheduled({ replicas: 4, faults: false, ops }, ({ requests, calls, replicas }) => {
      expect(requests.map((request) => request.outcome)).toEqual(["rotated"]);
      expect(calls.filter((done) => done.error !== undefined)).toEqual([]);
      // One refresh in all; every other renewal adopted its tokens (a replica whose second call met
      // the old token after its first renewal ended adopts once more).
      const outcomes = replicas.map((replica) => replica.refreshes);
      expect(outcomes.flat().filter((outcome) => outcome === "refreshed")).toHaveLength(1);
      for (const replicaOutcomes of outcomes) {
        expect(replicaOutcomes.length).toBeGreaterThan(0);
        for (const outcome of replicaOutcomes) expect(["refreshed", "adopted"]).toContain(outcome);
      }
    });
  });

  it("a rotation whose answer is lost ends in refresh_refused after one more refresh", async () => {
    const ops: Op[] = [
      expire,
      { type: "oauthFault", lose: "answer", then: 0 },
      call(0),
      settle(),
      call(0),
      call(1),
      settle(),
    ];
    await scheduled({ replicas: 2, faults: true, ops }, ({ requests, replicas }) => {
      expect(requests.map((request) => [request.refreshToken, request.outcome])).toEqual([
        ["refresh-0", "rotated"],
        ["refresh-0", "invalid_grant"],
      ]);
      expect(replicas.map((replica) => replica.session.state)).toEqual([
        "refresh_refused",
        "refresh_refused",
      ]);
    });
  });

  it("PAYMENT_REQUIRED fails calls without a refresh until paymentRetryMs, then one refresh", async () => {
    const ops: Op[] = [
      { type: "payment", required: true, then: 0 },
      expire,
      call(0),
      settle(),
      call(1),
      settle(),
      { type: "advance", ms: PAYMENT_RETRY_MS / 2, then: 0 },
      call(0),
      call(1),
      settle(),
      { type: "payment", required: false, then: 0 },
      { type: "advance", ms: PAYMENT_RETRY_MS / 2, then: 0 },
      call(0),
      call(1),
      settle(),
    ];
    await scheduled({ replicas: 2, faults: true, ops }, ({ requests, calls }) => {
      expect(requests.map((request) => request.outcome)).toEqual(["PAYMENT_REQUIRED", "rotated"]);
      const codes = calls.map((done) => (done.error as BitrixError | undefined)?.code ?? "ok");
      expect(codes.slice(0, 6)).toEqual([
        "PAYMENT_REQUIRED",
        "PAYMENT_REQUIRED",
        "PAYMENT_REQUIRED",
        "PAYMENT_REQUIRED",
        "ok",
        "ok",
      ]);
    });
  });

  it("a rotation the store fails to write is not followed by sending its used refresh token", async () => {
    const ops: Op[] = [
      expire,
      { type: "storeFault", fault: "write", then: 0 },
      call(0),
      settle(),
      call(0),
      settle(),
    ];
    await scheduled({ replicas: 2, faults: true, ops }, () => undefined);
  });

  it("a replica that slept through a refresh elsewhere and the next expiry still serves its call", async () => {
    const ops: Op[] = [expire, call(0), settle(), expire, call(1), settle()];
    await scheduled({ replicas: 2, faults: false, ops }, () => undefined);
  });
});

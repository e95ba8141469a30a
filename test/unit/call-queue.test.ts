import { commandKey, encodeBatchCommand, resultOf } from "../../src/transport/batch-command";
import type { Clock } from "../../src/clock";
import { Call } from "../../src/transport/call";
import { CallQueue } from "../../src/transport/call-queue";
import { CircuitBreaker } from "../../src/transport/circuit-breaker";
import {
  BitrixApiError,
  BitrixMalformedResponseError,
  BitrixNetworkError,
  BitrixTimeoutError,
  RequestDeadlineExceeded,
  type BitrixError,
} from "../../src/transport/errors";
import type { UpstreamIdentity } from "../../src/transport/identity";
import { InFlightBound, MAX_REQUESTS_IN_FLIGHT } from "../../src/transport/in-flight-bound";
import { OperatingTimeTracker } from "../../src/transport/operating-time";
import { MAX_BATCH_COMMANDS, PortalCode } from "../../src/transport/protocol";
import { MemoryRateLimiter } from "../../src/transport/rate-limiter";
import { RETRY_POLICY } from "../../src/transport/retry-policy";
import { BatchSender } from "../../src/transport/sender";
import {
  DeferredHttpClient,
  turns,
  until,
  type DeferredRequest,
} from "../helpers/deferred-http-client";
import { MANUAL_CLOCK_START, ManualClock } from "../helpers/manual-clock";

const IDENTITY: UpstreamIdentity = {
  kind: "webhook",
  endpoint: "https://portal.example/rest/1/secret/",
};
const GET = "booking.v1.booking.get";
const LIST = "booking.v1.booking.list";
const ADD = "booking.v1.booking.add";
const UPDATE = "booking.v1.booking.update";

const queryLimit = (method: string) =>
  new BitrixApiError(PortalCode.QueryLimitExceeded, "Too many requests", method, 503);
const connectionReset = (method: string) => new BitrixNetworkError(method, "ECONNRESET");

/** The `cmd` of a batch carrying `calls`, in this order. */
const commandsOf = (calls: Call[]) =>
  Object.fromEntries(
    calls.map((call, index) => [commandKey(index), encodeBatchCommand(call.method, call.params)]),
  );

/** One identity's queue over the real sender, stages and in-flight bound; a client the test answers. */
function rig(
  options: {
    perSecond?: number;
    queueClock?: (clock: ManualClock) => Clock;
    idle?: () => void;
  } = {},
) {
  const clock = new ManualClock();
  const now = () => clock.now();
  const client = new DeferredHttpClient();
  const sender = new BatchSender({
    client,
    // Room for every request these tests make, until a 503 tells the model the bucket is full: the
    // next request then waits 100 ms for its slot.
    limiter: new MemoryRateLimiter({ burst: 50, perSecond: 10 }, now),
    // Off: repeated failures here are about retries, not about the portal being down.
    breaker: new CircuitBreaker({ threshold: 0, cooldownMs: 10_000 }, now),
    operating: new OperatingTimeTracker({ limitSeconds: 480 }, now),
    clock,
  });
  const queueClock = options.queueClock?.(clock) ?? clock;
  const queue = new CallQueue(
    IDENTITY,
    sender,
    new InFlightBound(options.perSecond),
    queueClock,
    {
      maxBatch: MAX_BATCH_COMMANDS,
      unbounded: false,
      // Half of each backoff's ceiling: retry n waits exactly 50 * 2^(n-1) ms.
      random: () => 0.5,
    },
    { idle: options.idle },
  );
  let ids = 0;
  const call = (
    method: string,
    options: { deadlineMs?: number; signal?: AbortSignal; params?: Record<string, unknown> } = {},
  ) => {
    ids += 1;
    const made = new Call(
      method,
      options.params ?? { id: ids },
      clock.now() + (options.deadlineMs ?? 60_000),
      options.signal,
    );
    // A rejection is looked at when the test gets to it; it is not an unhandled one meanwhile.
    made.promise.catch(() => undefined);
    return made;
  };
  /** Queues each call on its own, as separate callers do. */
  const add = (...calls: Call[]) => {
    for (const each of calls) queue.add([each]);
  };
  const settled = (made: Call) =>
    until(
      () => made.settled,
      () => `${made.method} to settle`,
    );
  const timers = (count: number) =>
    until(
      () => clock.pending === count,
      () => `${count} timers (${clock.pending} waiting)`,
    );
  return { clock, client, queue, call, add, settled, timers };
}

describe("the call queue", () => {
  describe("folding", () => {
    it("sends the calls queued in one turn as one batch request", async () => {
      const { client, call, add } = rig();
      const calls = [call(GET), call(GET), call(LIST)];
      add(...calls);
      const request = await client.request(0);
      expect(request.method).toBe("batch");
      expect(request.params).toEqual({ halt: 0, cmd: commandsOf(calls) });
      request.answerBatch([{ result: "a" }, { result: "b" }, { result: ["c"] }]);
      await expect(Promise.all(calls.map((each) => each.promise))).resolves.toEqual([
        { result: "a" },
        { result: "b" },
        { result: ["c"] },
      ]);
      await turns();
      expect(client.requests).toHaveLength(1);
    });

    it("folds a burst that keeps arriving turn after turn, and sends it on the first quiet turn", async () => {
      const { client, call, add } = rig();
      const burst = [call(GET), call(GET), call(GET), call(LIST)];
      // One caller per turn of the event loop, as operations parsed one after another arrive.
      for (const each of burst) {
        add(each);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const request = await client.request(0);
      expect(request.params).toEqual({ halt: 0, cmd: commandsOf(burst) });
      await turns();
      expect(client.requests).toHaveLength(1);
    });

    it("sends a lone call at once, on its own, as a plain call", async () => {
      const { clock, client, call, add } = rig();
      const lone = call(GET);
      add(lone);
      const request = await client.request(0);
      expect(request.method).toBe(GET);
      expect(request.params).toEqual(lone.params);
      // Nothing waited for the clock: no window to close, no timer to fire.
      expect(clock.now()).toBe(MANUAL_CLOCK_START);
      expect(clock.pending).toBe(0);
      request.succeed({ id: 1 });
      await expect(lone.promise).resolves.toEqual({ result: { id: 1 } });
    });
  });

  describe("the cut at 50 commands", () => {
    it("cuts 120 calls queued at once into requests of 50, 50 and 20, in their order", async () => {
      const { client, call, add } = rig();
      const calls = Array.from({ length: 120 }, () => call(GET));
      add(...calls);
      await client.request(2);
      await turns();
      expect(client.requests.map((request) => request.params)).toEqual([
        { halt: 0, cmd: commandsOf(calls.slice(0, 50)) },
        { halt: 0, cmd: commandsOf(calls.slice(50, 100)) },
        { halt: 0, cmd: commandsOf(calls.slice(100)) },
      ]);
      for (const request of client.requests) {
        request.answerBatch(request.methods.map((_, index) => ({ result: index })));
      }
      const results = await Promise.all(calls.map((each) => each.promise));
      expect(results.map((success) => success.result)).toEqual(calls.map((_, i) => i % 50));
    });

    it("sends a full batch while a partial one is in flight; the rest waits for it", async () => {
      const { client, call, add } = rig();
      add(call(GET));
      const partial = await client.request(0);
      const more = Array.from({ length: 53 }, () => call(GET));
      add(...more);
      const full = await client.request(1);
      expect(full.params).toEqual({ halt: 0, cmd: commandsOf(more.slice(0, 50)) });
      await turns();
      expect(client.requests).toHaveLength(2);
      partial.succeed(0);
      const rest = await client.request(2);
      expect(rest.params).toEqual({ halt: 0, cmd: commandsOf(more.slice(50)) });
    });
  });

  describe("gathering while a request is in flight", () => {
    it("without a rate, holds new calls back while a partial request is out and sends them together", async () => {
      const { client, call, add } = rig();
      add(call(GET));
      const first = await client.request(0);
      const gathered = [call(GET), call(LIST)];
      add(gathered[0]!);
      await turns();
      add(gathered[1]!);
      await turns();
      expect(client.requests).toHaveLength(1);
      first.succeed(1);
      const next = await client.request(1);
      expect(next.params).toEqual({ halt: 0, cmd: commandsOf(gathered) });
    });

    it("lets calls that arrive while a batch waits for its rate-limit slot ride along in it", async () => {
      const { clock, client, call, add, timers } = rig();
      // A 503 fills the rate-limit model: the next request waits 100 ms for its slot.
      add(call(GET));
      (await client.request(0)).fail(queryLimit(GET));
      await timers(1);
      const late = [call(LIST), call(GET)];
      for (const each of late) {
        add(each);
        await turns();
      }
      expect(client.requests).toHaveLength(1);
      clock.next();
      const request = await client.request(1);
      expect(request.methods).toEqual([GET, LIST, GET]);
    });

    it("with a rate, lets ceil(rate x latency) partial requests be in flight at once", async () => {
      const { clock, client, call, add } = rig({ perSecond: 10 });
      add(call(GET));
      const first = await client.request(0);
      // 250 ms at 10 requests per second: ceil(2.5) = 3 partial requests keep the rate in use.
      clock.advance(250);
      first.succeed(1);
      await turns();
      for (let caller = 0; caller < 4; caller += 1) {
        add(call(GET));
        await turns();
      }
      expect(client.requests).toHaveLength(4);
      // The average latency stays 250 ms: the bound stays 3 once one of them returns.
      clock.advance(250);
      client.requests[1]!.succeed(2);
      const fourth = await client.request(4);
      expect(fourth.methods).toEqual([GET]);
    });
  });

  describe("halting sequences", () => {
    it("sends a sequence alone with halt=1, never mixed with the calls around it", async () => {
      const { client, call, queue } = rig();
      const before = call(GET);
      const sequence = [call(ADD), call(UPDATE)];
      const after = call(GET);
      queue.add([before]);
      queue.add(sequence, true);
      queue.add([after]);
      const singles = await client.request(0);
      expect(singles.params).toEqual({ halt: 0, cmd: commandsOf([before, after]) });
      await turns();
      expect(client.requests).toHaveLength(1);
      singles.answerBatch([{ result: 1 }, { result: 2 }]);
      const halting = await client.request(1);
      expect(halting.method).toBe("batch");
      expect(halting.params).toEqual({ halt: 1, cmd: commandsOf(sequence) });
      halting.answerBatch([{ result: 3 }, { result: true }]);
      await expect(Promise.all(sequence.map((each) => each.promise))).resolves.toEqual([
        { result: 3 },
        { result: true },
      ]);
    });

    it("fails the later calls NOT_EXECUTED when the first fails finally, and sends nothing again", async () => {
      const { clock, client, call, queue, settled } = rig();
      const sequence = [call(ADD), call(UPDATE), call(GET)];
      queue.add(sequence, true);
      const request = await client.request(0);
      request.answerBatch([{ error: "ERROR_ARGUMENT" }, "not run", "not run"]);
      await settled(sequence[2]!);
      await expect(sequence[0]!.promise).rejects.toMatchObject({ code: "ERROR_ARGUMENT" });
      await expect(sequence[1]!.promise).rejects.toMatchObject({ code: "NOT_EXECUTED" });
      await expect(sequence[2]!.promise).rejects.toMatchObject({ code: "NOT_EXECUTED" });
      clock.advance(10_000);
      await turns();
      expect(client.requests).toHaveLength(1);
    });

    it("does not start a sequence again once its first call ran: a later refused call fails NOT_EXECUTED", async () => {
      const { clock, client, call, queue, settled } = rig();
      const sequence = [call(ADD), call(UPDATE)];
      queue.add(sequence, true);
      const request = await client.request(0);
      request.answerBatch([{ result: 7 }, { error: PortalCode.QueryLimitExceeded }]);
      await settled(sequence[1]!);
      await expect(sequence[0]!.promise).resolves.toEqual({ result: 7 });
      await expect(sequence[1]!.promise).rejects.toMatchObject({ code: "NOT_EXECUTED" });
      clock.advance(10_000);
      await turns();
      expect(client.requests).toHaveLength(1);
    });

    it.each<[string, (request: DeferredRequest) => void]>([
      ["the whole request was refused", (request) => request.fail(queryLimit("batch"))],
      [
        "its first command was refused",
        (request) => request.answerBatch([{ error: PortalCode.QueryLimitExceeded }, "not run"]),
      ],
    ])("starts a retried sequence again from its first call when %s", async (_, refuse) => {
      const { clock, client, call, queue, timers } = rig();
      const sequence = [call(ADD), call(UPDATE)];
      queue.add(sequence, true);
      refuse(await client.request(0));
      // The limiter, told the bucket is full, hands out the next slot 100 ms later.
      await timers(1);
      clock.next();
      const again = await client.request(1);
      expect(again.params).toEqual({ halt: 1, cmd: commandsOf(sequence) });
      again.answerBatch([{ result: 7 }, { result: true }]);
      await expect(Promise.all(sequence.map((each) => each.promise))).resolves.toEqual([
        { result: 7 },
        { result: true },
      ]);
    });

    // A sequence sent again without a call that may not be repeated would run its later calls
    // although a call before them did not succeed, with their `$result[cN]` pointing elsewhere.
    it("never sends a later call of a sequence without an earlier call that could not be repeated", async () => {
      const { clock, client, call, queue, settled } = rig();
      const sequence = [call(GET), call(ADD), call(UPDATE)];
      queue.add(sequence, true);
      (await client.request(0)).fail(connectionReset("batch"));
      await settled(sequence[1]!);
      await expect(sequence[1]!.promise).rejects.toMatchObject({ code: "RESULT_UNKNOWN" });
      await turns();
      clock.advance(10_000);
      await turns();
      const resent = client.requests.slice(1).flatMap((request) => request.methods);
      expect(resent).not.toContain(UPDATE);
    });
  });

  describe("calls that hold batch reference syntax", () => {
    const reference = { filter: { code: "$result[c0][booking][0][name]" } };

    it("sends such a call on its own as a plain call, and folds the calls around it", async () => {
      const { client, call, add } = rig();
      const before = call(GET);
      const referring = call(LIST, { params: reference });
      const after = call(GET);
      add(before, referring, after);
      const folded = await client.request(0);
      expect(folded.params).toEqual({ halt: 0, cmd: commandsOf([before, after]) });
      folded.answerBatch([{ result: 1 }, { result: 2 }]);
      const plain = await client.request(1);
      expect(plain.method).toBe(LIST);
      expect(plain.params).toEqual(reference);
    });

    it("never rides along in a batch that is sealed while it waits", async () => {
      const { clock, client, call, add, timers } = rig();
      // A 503 fills the rate-limit model: the GET, sent again, waits 100 ms for its slot.
      add(call(GET));
      (await client.request(0)).fail(queryLimit(GET));
      await timers(1);
      const late = [call(GET), call(LIST, { params: reference }), call(GET)];
      for (const each of late) {
        add(each);
        await turns();
      }
      clock.next();
      const sealed = await client.request(1);
      expect(sealed.methods).toEqual([GET, GET, GET]);
      sealed.answerBatch([{ result: 1 }, { result: 2 }, { result: 3 }]);
      await timers(1);
      clock.next();
      const plain = await client.request(2);
      expect(plain.method).toBe(LIST);
      expect(plain.params).toEqual(reference);
    });

    it("takes no other call along while it waits for its own rate-limit slot", async () => {
      const { clock, client, call, add, timers } = rig();
      // A 503 fills the rate-limit model; the refused GET's deadline is too near for a retry.
      add(call(GET, { deadlineMs: 10 }));
      (await client.request(0)).fail(queryLimit(GET));
      await turns();
      add(call(LIST, { params: reference }));
      await timers(1);
      const late = [call(GET), call(GET)];
      for (const each of late) {
        add(each);
        await turns();
      }
      clock.next();
      const plain = await client.request(1);
      expect(plain.method).toBe(LIST);
      expect(plain.params).toEqual(reference);
      plain.succeed([]);
      await timers(1);
      clock.next();
      const folded = await client.request(2);
      expect(folded.params).toEqual({ halt: 0, cmd: commandsOf(late) });
    });

    it("keeps a sequence's own references to earlier calls in one halting batch", async () => {
      const { client, call, queue } = rig();
      const sequence = [call(ADD), call(GET, { params: { id: resultOf(0) } })];
      queue.add(sequence, true);
      const request = await client.request(0);
      expect(request.params).toEqual({ halt: 1, cmd: commandsOf(sequence) });
    });

    it("sends a sequence holding a client's reference as plain calls in turn, filling in its own", async () => {
      const { client, call, queue } = rig();
      const fields = { fields: { name: "$result[c0]" } };
      const sequence = [call(ADD, { params: fields }), call(GET, { params: { id: resultOf(0) } })];
      queue.add(sequence, true);
      const add = await client.request(0);
      expect(add.method).toBe(ADD);
      expect(add.params).toEqual(fields);
      await turns();
      expect(client.requests).toHaveLength(1);
      add.succeed(582);
      const get = await client.request(1);
      expect(get.method).toBe(GET);
      expect(get.params).toEqual({ id: 582 });
      get.succeed({ booking: { id: 582 } });
      await expect(sequence[1]!.promise).resolves.toEqual({ result: { booking: { id: 582 } } });
    });

    it("fails the rest of such a sequence NOT_EXECUTED when a call fails", async () => {
      const { client, call, queue, settled } = rig();
      const fields = { fields: { name: "$RESULT[c1]" } };
      const sequence = [call(ADD, { params: fields }), call(GET, { params: { id: resultOf(0) } })];
      queue.add(sequence, true);
      (await client.request(0)).fail(new BitrixApiError("ERROR_ARGUMENT", "bad", ADD, 400));
      await settled(sequence[1]!);
      await expect(sequence[0]!.promise).rejects.toMatchObject({ code: "ERROR_ARGUMENT" });
      await expect(sequence[1]!.promise).rejects.toMatchObject({ code: "NOT_EXECUTED" });
      expect(client.requests).toHaveLength(1);
    });

    it("sends nothing of such a sequence whose caller has gone: its first call ABORTED, the rest NOT_EXECUTED", async () => {
      const { client, call, queue, settled } = rig();
      const caller = new AbortController();
      caller.abort();
      const fields = { fields: { name: "$result[c0]" } };
      const sequence = [
        call(ADD, { params: fields, signal: caller.signal }),
        call(GET, { params: { id: resultOf(0) }, signal: caller.signal }),
        call(LIST, { signal: caller.signal }),
      ];
      queue.add(sequence, true);
      await settled(sequence[2]!);
      await expect(sequence[0]!.promise).rejects.toMatchObject({ code: "ABORTED" });
      await expect(sequence[1]!.promise).rejects.toMatchObject({ code: "NOT_EXECUTED" });
      await expect(sequence[2]!.promise).rejects.toMatchObject({ code: "NOT_EXECUTED" });
      await turns();
      expect(client.requests).toHaveLength(0);
    });
  });

  describe("retries", () => {
    it("puts a call refused with QUERY_LIMIT_EXCEEDED back ahead of later calls, folded with them", async () => {
      const { clock, client, call, add, timers } = rig();
      const refused = call(GET);
      add(refused);
      const first = await client.request(0);
      const later = [call(GET), call(LIST)];
      add(...later);
      await turns();
      first.fail(queryLimit(GET));
      await timers(1);
      expect(client.requests).toHaveLength(1);
      clock.next();
      const next = await client.request(1);
      expect(next.params).toEqual({ halt: 0, cmd: commandsOf([refused, ...later]) });
    });

    it("sends an idempotent read again after NETWORK_ERROR only once its backoff has passed", async () => {
      const { clock, client, call, add, timers } = rig();
      const read = call(GET);
      add(read);
      (await client.request(0)).fail(connectionReset(GET));
      await timers(1);
      expect(clock.pendingDelays).toEqual([50]);
      clock.advance(49);
      await turns();
      expect(client.requests).toHaveLength(1);
      clock.advance(1);
      const again = await client.request(1);
      expect(again.method).toBe(GET);
      again.succeed("read");
      await expect(read.promise).resolves.toEqual({ result: "read" });
    });

    it("sends a retry whose wake-up fires a moment early by the clock it reads, instead of stalling to its deadline", async () => {
      // As the system clock is: it moves while the queue works (a tenth of a millisecond a
      // reading here), and a timer may fire a little before the sub-millisecond reading says it is
      // due (setTimeout counts whole milliseconds). A pump that judged "not yet" and then armed no
      // wake-up because its next reading said "already" left the retry waiting for its deadline.
      let readings = 0;
      const { clock, client, call, add } = rig({
        queueClock: (manual) => ({
          now: () => manual.now() + (readings += 0.1),
          setTimer: (ms, callback) => manual.setTimer(ms - 0.15, callback),
        }),
      });
      const read = call(GET);
      add(read);
      (await client.request(0)).fail(connectionReset(GET));
      await clock.runUntil(client.request(1), 1_000);
      expect(client.requests).toHaveLength(2);
    });

    it("stops after RETRY_POLICY.maxAttempts attempts, backing off more each time", async () => {
      const { clock, client, call, add, settled, timers } = rig();
      const read = call(GET);
      add(read);
      const backoffs: number[] = [];
      for (let attempt = 1; attempt <= RETRY_POLICY.maxAttempts; attempt += 1) {
        (await client.request(attempt - 1)).fail(connectionReset(GET));
        if (attempt === RETRY_POLICY.maxAttempts) break;
        await timers(1);
        backoffs.push(...clock.pendingDelays);
        clock.next();
      }
      await settled(read);
      await expect(read.promise).rejects.toMatchObject({ code: "NETWORK_ERROR" });
      expect(backoffs).toEqual([50, 100, 200]);
      clock.advance(60_000);
      await turns();
      expect(client.requests).toHaveLength(RETRY_POLICY.maxAttempts);
    });

    it("keeps a retried call's deadline: one that passes during the backoff ends the call unsent", async () => {
      const { clock, client, call, add, settled } = rig();
      const caller = new AbortController();
      // As the request scope does: the caller's signal fires at its deadline.
      clock.setTimer(30, () => caller.abort(new RequestDeadlineExceeded()));
      const read = call(GET, { deadlineMs: 30, signal: caller.signal });
      add(read);
      // The backoff is 50 ms, past the deadline.
      (await client.request(0)).fail(connectionReset(GET));
      await turns();
      clock.advance(50);
      await settled(read);
      await expect(read.promise).rejects.toMatchObject({ code: "DEADLINE_EXCEEDED" });
      clock.advance(10_000);
      await turns();
      expect(client.requests).toHaveLength(1);
    });
  });

  describe("deadlines and callers that go away", () => {
    it.each<[string, RequestDeadlineExceeded | undefined, string]>([
      ["its caller goes away", undefined, "ABORTED"],
      ["its deadline passes", new RequestDeadlineExceeded(), "DEADLINE_EXCEEDED"],
    ])("drops a waiting call unsent when %s", async (_, reason, code) => {
      const { client, call, add, settled } = rig();
      add(call(GET));
      const first = await client.request(0);
      const caller = new AbortController();
      const dropped = call(GET, { signal: caller.signal });
      const kept = call(LIST);
      add(dropped, kept);
      await turns();
      caller.abort(reason);
      await settled(dropped);
      await expect(dropped.promise).rejects.toMatchObject({ code });
      first.succeed(1);
      const next = await client.request(1);
      expect(next.method).toBe(LIST);
      expect(next.params).toEqual(kept.params);
    });

    it("drops a waiting write unsent with ABORTED: it never ran, so its result is known", async () => {
      const { client, call, add, settled } = rig();
      add(call(GET));
      const first = await client.request(0);
      const caller = new AbortController();
      const write = call(ADD, { signal: caller.signal });
      add(write);
      await turns();
      caller.abort();
      await settled(write);
      await expect(write.promise).rejects.toMatchObject({ code: "ABORTED" });
      first.succeed(1);
      await turns();
      expect(client.requests).toHaveLength(1);
    });

    it("drops a write waiting to be sent again after the portal refused it unrun with ABORTED", async () => {
      const { client, call, add, settled, timers } = rig();
      const caller = new AbortController();
      const write = call(ADD, { signal: caller.signal });
      add(write);
      (await client.request(0)).fail(queryLimit(ADD));
      // Its request is over: while it waits for its slot again, nothing of it is on the way.
      await timers(1);
      caller.abort();
      await settled(write);
      await expect(write.promise).rejects.toMatchObject({ code: "ABORTED" });
      expect(client.requests).toHaveLength(1);
    });

    it("lets a write in flight go with RESULT_UNKNOWN when its caller goes: the portal may run it", async () => {
      const { client, call, add, settled } = rig();
      const caller = new AbortController();
      const write = call(ADD, { signal: caller.signal });
      add(write);
      const request = await client.request(0);
      caller.abort();
      await settled(write);
      await expect(write.promise).rejects.toMatchObject({ code: "RESULT_UNKNOWN" });
      expect(request.signal?.aborted).toBe(true);
    });

    it("cancels a request in flight only once every caller it carries has gone", async () => {
      const { client, call, add, settled } = rig();
      const callers = [new AbortController(), new AbortController()];
      const calls = callers.map((caller, index) =>
        call(index === 0 ? GET : LIST, { signal: caller.signal }),
      );
      add(...calls);
      const request = await client.request(0);
      callers[0]!.abort();
      await settled(calls[0]!);
      await expect(calls[0]!.promise).rejects.toMatchObject({ code: "ABORTED" });
      await turns();
      expect(request.signal?.aborted).toBe(false);
      callers[1]!.abort();
      expect(request.signal?.aborted).toBe(true);
      await expect(calls[1]!.promise).rejects.toMatchObject({ code: "ABORTED" });
      await turns();
      expect(client.requests).toHaveLength(1);
    });
  });

  describe("an add that may have been applied", () => {
    it.each<[string, (method: string) => BitrixError]>([
      ["NETWORK_ERROR", connectionReset],
      ["TIMEOUT", (method) => new BitrixTimeoutError(method, 30_000)],
      ["a 5xx", (method) => new BitrixApiError("INTERNAL_SERVER_ERROR", "", method, 500)],
      [
        "MALFORMED_RESPONSE",
        (method) => new BitrixMalformedResponseError(method, 502, "text/html"),
      ],
    ])("is never sent again after %s: it fails RESULT_UNKNOWN", async (_, failure) => {
      const { clock, client, call, add, settled } = rig();
      const add1 = call(ADD);
      add(add1);
      const cause = failure(ADD);
      (await client.request(0)).fail(cause);
      await settled(add1);
      await expect(add1.promise).rejects.toMatchObject({
        code: "RESULT_UNKNOWN",
        description: expect.stringContaining(cause.code),
      });
      clock.advance(60_000);
      await turns();
      expect(client.requests).toHaveLength(1);
    });

    it("fails RESULT_UNKNOWN while the read that shared its broken request is sent again alone", async () => {
      const { clock, client, call, add, settled, timers } = rig();
      const write = call(ADD);
      const read = call(GET);
      add(write, read);
      (await client.request(0)).fail(connectionReset("batch"));
      await settled(write);
      await expect(write.promise).rejects.toMatchObject({ code: "RESULT_UNKNOWN" });
      await timers(1);
      clock.next();
      const again = await client.request(1);
      expect(again.method).toBe(GET);
      expect(again.params).toEqual(read.params);
    });

    it.each<[string, RequestDeadlineExceeded | undefined]>([
      ["its caller goes away", undefined],
      ["its deadline passes", new RequestDeadlineExceeded()],
    ])(
      "fails RESULT_UNKNOWN, and its request is cancelled, when %s while it is in flight",
      async (_, reason) => {
        const { clock, client, call, add, settled } = rig();
        const caller = new AbortController();
        const write = call(ADD, { signal: caller.signal });
        add(write);
        const request = await client.request(0);
        caller.abort(reason);
        await settled(write);
        await expect(write.promise).rejects.toMatchObject({ code: "RESULT_UNKNOWN" });
        expect(request.signal?.aborted).toBe(true);
        clock.advance(60_000);
        await turns();
        expect(client.requests).toHaveLength(1);
      },
    );

    it("is sent again after QUERY_LIMIT_EXCEEDED: the portal refused it unrun", async () => {
      const { clock, client, call, add, timers } = rig();
      const write = call(ADD);
      add(write);
      (await client.request(0)).fail(queryLimit(ADD));
      await timers(1);
      clock.next();
      const again = await client.request(1);
      expect(again.method).toBe(ADD);
      expect(again.params).toEqual(write.params);
      again.succeed(42);
      await expect(write.promise).resolves.toEqual({ result: 42 });
    });
  });

  describe("operating time", () => {
    it("keeps a call of a paused method waiting until the pause ends while other calls go", async () => {
      const { clock, client, call, add, timers } = rig();
      const paused = call(LIST);
      add(paused);
      (await client.request(0)).fail(
        new BitrixApiError(PortalCode.OperationTimeLimit, "operating time", LIST, 429),
      );
      // Without a reported reset the method pauses 10 s.
      await timers(1);
      expect(clock.pendingDelays).toEqual([10_000]);
      const other = call(GET);
      add(other);
      const otherRequest = await client.request(1);
      expect(otherRequest.method).toBe(GET);
      otherRequest.succeed({ id: 2 });
      clock.advance(9_999);
      await turns();
      expect(client.requests).toHaveLength(2);
      clock.advance(1);
      const resumed = await client.request(2);
      expect(resumed.method).toBe(LIST);
      resumed.succeed([]);
      await expect(paused.promise).resolves.toEqual({ result: [] });
    });
  });

  describe("while nothing can go", () => {
    it("does no work while a call waits out a backoff: it sleeps until the wake-up", async () => {
      // The queue reads its clock on every pass, so the readings count the passes.
      let readings = 0;
      const { client, call, add, timers } = rig({
        queueClock: (manual) => ({
          now: () => ((readings += 1), manual.now()),
          setTimer: (ms, callback) => manual.setTimer(ms, callback),
        }),
      });
      add(call(GET));
      (await client.request(0)).fail(connectionReset(GET));
      await timers(1);
      const before = readings;
      await turns(50);
      expect(readings - before).toBe(0);
    });
  });

  describe("being forgotten", () => {
    it("tells its owner it is idle once nothing waits and nothing is in flight, and not before", async () => {
      let idle = 0;
      const { client, call, add, settled } = rig({ idle: () => (idle += 1) });
      const first = call(GET);
      add(first);
      const request = await client.request(0);
      const second = call(LIST);
      add(second);
      await turns();
      expect(idle).toBe(0);
      request.answerBatch([{ result: "a" }]);
      await settled(first);
      const next = await client.request(1);
      expect(idle).toBe(0);
      next.answerBatch([{ result: ["b"] }]);
      await settled(second);
      await turns();
      expect(idle).toBeGreaterThan(0);
    });
  });
});

describe("the in-flight bound for partial batches", () => {
  it("allows one at a time without a modelled rate, whatever the latency", () => {
    const bound = new InFlightBound(undefined);
    bound.observe(5_000);
    expect(bound.partialBatches).toBe(1);
  });

  it("allows one at a time with a rate until a latency has been seen", () => {
    expect(new InFlightBound(10).partialBatches).toBe(1);
  });

  it("allows ceil(rate x latency) with a rate, at least one and at most MAX_REQUESTS_IN_FLIGHT", () => {
    const at = (perSecond: number, latencyMs: number) => {
      const bound = new InFlightBound(perSecond);
      bound.observe(latencyMs);
      return bound.partialBatches;
    };
    expect(at(10, 250)).toBe(3);
    expect(at(2, 1_000)).toBe(2);
    expect(at(10, 10)).toBe(1);
    expect(at(10, 60_000)).toBe(MAX_REQUESTS_IN_FLIGHT);
  });

  it("follows a running average of the latency, the newest sample weighing a fifth", () => {
    const bound = new InFlightBound(10);
    bound.observe(100);
    expect(bound.partialBatches).toBe(1);
    // 100 + 0.2 x (600 - 100) = 200 ms: ceil(10 x 0.2) = 2.
    bound.observe(600);
    expect(bound.partialBatches).toBe(2);
  });
});

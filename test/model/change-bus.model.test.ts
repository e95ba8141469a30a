import fc from "fast-check";
import type { Change } from "../../src/events/change";
import { ChangeBus } from "../../src/events/change-bus";
import { schedulerClock } from "./model-clock";
import { ModelPubSubServer, ModelRedisConnection } from "./model-pub-sub";
import { runAll, runSteps, trace } from "./model-steps";

/**
 * The change bus between replicas, checked against random interleavings (fast-check's scheduler
 * decides when each PUBLISH and SUBSCRIBE is applied and answered, when a probe finds Redis again and
 * when a relay gate opens) of changes published on three replicas, with their connections to Redis
 * dropping (what was not applied lost, or resent once back), their commands timing out (applied
 * before, after, or never), and their connections marked down while they still work (another
 * command on them, the read cache's, failed). The replicas are the real ChangeBus; Redis and its
 * pub/sub are models (./model-pub-sub.ts).
 *
 * The invariants (docs/caching.md, "Consistency model"):
 * 1. A replica delivers each change it publishes to its own listeners at once, once, and never again
 *    when Redis hands it back.
 * 2. Another replica delivers each change at most once, and at least once if Redis sent it the
 *    change while it was subscribed: a relay sent again after a timeout is not delivered twice.
 * 3. Each replica delivers the changes of one origin in the order they were published.
 * 4. Nothing is lost on the way out: once Redis is back for good, every change has been published.
 * 5. A change kept while Redis was away is sent only after the relay gate (the read cache writing
 *    what it kept) has run, from start to end, since Redis was last back: the other replicas never
 *    re-read a state the shared cache still holds as fresh.
 * 6. A change is reported relayed only once Redis has applied its PUBLISH: the offline drain takes
 *    that report as leave to confirm the event to the portal, which then forgets it.
 *
 * MODEL_RUNS (default 2,000, a few seconds) and MODEL_SEED pick the runs; `npm run test:model:long`
 * runs 10,000. MODEL_PATH replays one run of a failure (the `path` fast-check prints with it), and
 * MODEL_TRACE prints its steps.
 */

const RUNS = Number(process.env.MODEL_RUNS ?? 2000);
const SEED = Number(process.env.MODEL_SEED ?? 20261207);
const CHANNEL = "model:changes";
const REPLICAS = 3;

type Which = "publisher" | "subscriber";

type Action =
  | { type: "publish"; replica: number }
  | { type: "timeout"; replica: number }
  | { type: "drop"; replica: number; which: Which; resend: boolean }
  | { type: "reconnect"; replica: number; which: Which }
  /** The publisher's connection drops and is back at once, before anything else runs. */
  | { type: "blip"; replica: number; resend: boolean }
  /** Another command on the publisher's connection fails: marked down, though it still works. */
  | { type: "stall"; replica: number }
  | { type: "settle"; steps: number };

type Op = Action & { then: number };

const replicaArb = fc.constantFrom(0, 0, 1, 2);
const whichArb = fc.constantFrom<Which>("publisher", "publisher", "subscriber");
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant("publish"), replica: replicaArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("timeout"), replica: replicaArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("drop"),
      replica: replicaArb,
      which: whichArb,
      resend: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("reconnect"), replica: replicaArb, which: whichArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("blip"), replica: replicaArb, resend: fc.boolean() }),
  },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("stall"), replica: replicaArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("settle"), steps: fc.integer({ min: 1, max: 8 }) }),
  },
);
const opArb: fc.Arbitrary<Op> = fc
  .tuple(actionArb, fc.integer({ min: 0, max: 4 }))
  .map(([action, then]) => ({ ...action, then }));

interface Replica {
  bus: ChangeBus;
  publisher: ModelRedisConnection;
  subscriber: ModelRedisConnection;
  /** The keys of the changes its listeners were given, in order. */
  delivered: string[];
  /** Logical times at which its publisher became ready again. */
  backAt: number[];
  /** Relay gates that ran: when each started and ended. */
  gates: { started: number; ended: number }[];
}

/** One run: builds the replicas, plays `ops`, and returns what broke the model (nothing, ideally). */
async function play(s: fc.Scheduler, ops: readonly Op[]): Promise<string[]> {
  const violations: string[] = [];
  /** A logical time: every event the invariants compare is numbered in the order it happened. */
  let time = 0;
  const server = new ModelPubSubServer(() => (time += 1));
  const clock = schedulerClock(s);
  /** When each change was kept instead of relayed (its relay answered false), by key. */
  const keptAt = new Map<string, number>();
  /** When each change was reported relayed (its relay answered true), by key. */
  const relayedAt = new Map<string, number>();
  /** The changes each replica published, in order. */
  const published: Change[][] = Array.from({ length: REPLICAS }, () => []);
  const relays: Promise<unknown>[] = [];
  const keyOf = (message: string) => (JSON.parse(message) as { change: Change }).change.key;

  const replicas: Replica[] = Array.from({ length: REPLICAS }, (_, index) => {
    const publisher = new ModelRedisConnection(server, s, `replica ${index} publisher`);
    const subscriber = new ModelRedisConnection(server, s, `replica ${index} subscriber`);
    const replica: Replica = {
      publisher,
      subscriber,
      delivered: [],
      backAt: [],
      gates: [],
      bus: new ChangeBus({
        clock,
        redis: {
          publisher: publisher.asConnection(),
          subscriber: subscriber.asConnection(),
          channel: CHANNEL,
        },
        relayGate: async () => {
          const gate = { started: (time += 1), ended: Infinity };
          replica.gates.push(gate);
          await s.schedule(Promise.resolve(), `replica ${index} relay gate`);
          gate.ended = time += 1;
        },
      }),
    };
    publisher.onChange((state) => {
      if (state === "ready") replica.backAt.push((time += 1));
    });
    replica.bus.listen((change) => replica.delivered.push(change.key));
    return replica;
  });
  // Each replica listens before it serves, as the gateway does.
  const listening = Promise.all(replicas.map((replica) => replica.bus.settled()));
  await runAll(s);
  await listening;

  const apply = (action: Action): void => {
    switch (action.type) {
      case "publish": {
        const replica = replicas[action.replica]!;
        const before = replica.delivered.length;
        const { change, relayed } = replica.bus.publishAndRelay({
          entity: "booking",
          kind: "UPDATED",
          id: published[action.replica]!.length + 1,
          occurredAt: 0,
          source: "gateway",
        });
        published[action.replica]!.push(change);
        if (replica.delivered.length !== before + 1 || replica.delivered.at(-1) !== change.key) {
          violations.push(
            `replica ${action.replica} did not deliver its own ${change.key} at once`,
          );
        }
        relays.push(
          relayed.then((sent) => {
            (sent ? relayedAt : keptAt).set(change.key, (time += 1));
          }),
        );
        return;
      }
      case "timeout":
        return replicas[action.replica]!.publisher.timeOut();
      case "drop":
        return replicas[action.replica]![action.which].drop(action.resend);
      case "reconnect":
        return replicas[action.replica]![action.which].reconnect();
      case "blip": {
        const { publisher } = replicas[action.replica]!;
        publisher.drop(action.resend);
        return publisher.reconnect();
      }
      case "stall":
        return replicas[action.replica]!.publisher.reportFailure();
      case "settle":
        return;
    }
  };

  for (const op of ops) {
    trace(`${JSON.stringify(op)}`);
    apply(op);
    await runSteps(s, op.type === "settle" ? op.steps : op.then);
  }
  // Redis is back for good: everything kept goes out.
  for (const replica of replicas) {
    replica.subscriber.reconnect();
    replica.publisher.reconnect();
  }
  await runAll(s);
  await Promise.all(relays);

  for (const [index, replica] of replicas.entries()) {
    const name = `replica ${index}`;
    // 1. Its own changes: once each (at once was checked when published).
    for (const change of published[index]!) {
      const times = replica.delivered.filter((key) => key === change.key).length;
      if (times !== 1) violations.push(`${name} delivered its own ${change.key} ${times} times`);
    }
    // 2. The others': at most once, and at least once if Redis sent them while it listened.
    const sentToIt = new Set(
      server.published
        .filter(({ to }) => to.includes(replica.subscriber))
        .map(({ message }) => keyOf(message)),
    );
    for (const [origin, changes] of published.entries()) {
      if (origin === index) continue;
      for (const change of changes) {
        const times = replica.delivered.filter((key) => key === change.key).length;
        if (times > 1) violations.push(`${name} delivered ${change.key} ${times} times`);
        if (times === 0 && sentToIt.has(change.key)) {
          violations.push(`${name} was sent ${change.key} and did not deliver it`);
        }
      }
      // 3. In the order they were published.
      const order = changes.map((change) => change.key);
      const seen = replica.delivered.filter((key) => order.includes(key));
      const ranks = seen.map((key) => order.indexOf(key));
      if (ranks.some((rank, at) => at > 0 && rank <= ranks[at - 1]!)) {
        violations.push(
          `${name} delivered replica ${origin}'s changes out of order: ${seen.join(", ")}`,
        );
      }
    }
    for (const change of published[index]!) {
      const publishes = server.published.filter(({ message }) => keyOf(message) === change.key);
      // 4. Published, once Redis is back for good.
      if (publishes.length === 0) violations.push(`${change.key} was never published`);
      // 6. Reported relayed only once Redis had applied it.
      const reported = relayedAt.get(change.key);
      if (reported !== undefined && !publishes.some(({ appliedAt }) => appliedAt < reported)) {
        violations.push(`${change.key} was reported relayed before Redis applied it`);
      }
      // 5. A kept change is sent again only after a whole gate run since Redis was last back.
      // (What the wire does with a PUBLISH once sent is not the bus's: one that timed out may still
      // be applied, and one the connection lost may be resent by the client once it is back.)
      const kept = keptAt.get(change.key);
      if (kept === undefined) continue;
      for (const { sentAt } of publishes.filter((publish) => publish.sentAt > kept)) {
        const back = Math.max(-1, ...replica.backAt.filter((at) => at < sentAt));
        if (!replica.gates.some((gate) => gate.started > back && gate.ended < sentAt)) {
          violations.push(`${change.key}, kept, was sent without a gate since Redis was back`);
        }
      }
    }
  }
  return violations;
}

describe("the change bus between replicas (model-based)", () => {
  it("delivers every change once, in order, never lost on the way out, and gated after an outage", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        async (s, ops) => {
          const violations = await play(s, ops);
          if (violations.length > 0) {
            throw new Error(violations.join("\n"));
          }
        },
      ),
      {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        ...(process.env.MODEL_PATH && { path: process.env.MODEL_PATH }),
      },
    );
  });
});

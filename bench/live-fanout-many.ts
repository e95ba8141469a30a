import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { startDemoPortal } from "../src/demo-portal";
import type { FanOutCommand, FanOutClientSpec, FanOutReport } from "./fanout-clients";
import { startGatewayProcess } from "./gateway-process";
import { deliver, renameOnPortal, untilSubscribed } from "./live-fanout";
import { percentile, round } from "./measure";
import { cpuTimeMs, currentUsage } from "./node-process";
import type { Row } from "./scenarios";

/**
 * (i) One event to many subscribers (10,000 by default) on two replicas sharing Redis, from client
 * processes of their own (one bench process cannot read 10,000 sockets in time, and its lag would be
 * counted as the gateway's). 80 % subscribe to every booking change, 20 % through one of 20 `ids`
 * filters that include the renamed booking (see subscriptionOf); all of them get every event. Per event: the latency
 * from the event POST to each subscriber's message (wall clock, shared by the processes), the
 * upstream requests it cost, and each replica's peak RSS, in all and per subscriber.
 */
export async function liveFanOutMany(
  subscribers: number,
  events: number,
  clientProcesses: number,
): Promise<Row[]> {
  const portal = await startDemoPortal();
  const token = "bench-application-token";
  const env = {
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    BITRIX24_APPLICATION_TOKEN: token,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `bench-${randomUUID()}:`,
    MAX_SUBSCRIPTIONS_PER_CALLER: String(subscribers),
  };
  // BENCH_CPU_PROF_DIR: each replica writes a V8 CPU profile there when it stops (where the time goes).
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const flags = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  const replicas = [await startGatewayProcess(env, flags), await startGatewayProcess(env, flags)];
  const idleRssMb = replicas.map((replica) => currentUsage(replica.pid).rssMb);
  const children: ChildProcess[] = [];
  try {
    const share = Math.ceil(subscribers / clientProcesses);
    for (let first = 0; first < subscribers; first += share) {
      const spec: FanOutClientSpec = {
        urls: replicas.map((replica) => replica.url),
        first,
        count: Math.min(share, subscribers - first),
      };
      children.push(fork(join(__dirname, "fanout-clients.js"), [JSON.stringify(spec)]));
    }
    await untilSubscribed(replicas, Math.floor(subscribers / replicas.length));
    const heldRssMb = replicas.map((replica) => currentUsage(replica.pid).rssMb);

    const latencies: number[] = [];
    let errors = 0;
    const before = portal.stats().httpRequests;
    const cpuBefore = replicas.map((replica) => cpuTimeMs(replica.pid));
    const clientCpuBefore = children.map((child) => cpuTimeMs(child.pid!));
    let renames = 0;
    for (let event = 0; event < events; event += 1) {
      renames += await renameOnPortal(portal.webhookUrl, `many ${event}`);
      const posted = performance.timeOrigin + performance.now();
      await deliver(replicas[0]!, token, event);
      let arrived = 0;
      while (arrived < subscribers) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        for (const report of await Promise.all(children.map(flush))) {
          arrived += report.at.length;
          errors = Math.max(errors, report.errors);
          for (const at of report.at) latencies.push(at - posted);
        }
      }
    }
    const requestsPerEvent = (portal.stats().httpRequests - before - renames) / events;
    const cpuPerEventMs = replicas.map((replica, index) =>
      round((cpuTimeMs(replica.pid) - cpuBefore[index]!) / events, 0),
    );
    // The client processes read every message on the same cores: their share bounds the latency too.
    const clientCpuPerEventMs = round(
      children.reduce(
        (sum, child, index) => sum + cpuTimeMs(child.pid!) - clientCpuBefore[index]!,
        0,
      ) / events,
      0,
    );
    const peakRssMb = replicas.map((replica) => replica.peakRssMb());
    const perReplica = subscribers / replicas.length;
    const perSubscriberKb = replicas.map((_, index) =>
      round(((heldRssMb[index]! - idleRssMb[index]!) * 1024) / perReplica, 1),
    );
    return [
      {
        scenario: `(i) one event to ${subscribers} subscribers (20 % through ids filters) on 2 replicas sharing Redis, from ${children.length} client processes, ${events} events`,
        variant: "graphql-ws subscriptions",
        figures: `delivery p50 ${round(percentile(latencies, 50), 1)} ms, p99 ${round(percentile(latencies, 99), 1)} ms, max ${round(
          latencies.reduce((most, each) => Math.max(most, each), 0),
          1,
        )} ms from the event POST (goal p99 ≤ 250 ms); CPU per event ${cpuPerEventMs.join(" and ")} ms per replica and ${clientCpuPerEventMs} ms in the client processes together (on ${availableParallelism()} cores); ${errors} errors; upstream ${round(requestsPerEvent, 2)} HTTP requests per event; peak RSS per replica ${peakRssMb.join(" and ")} MB (idle ${idleRssMb.join(" and ")} MB), ${perSubscriberKb.join(" and ")} KB per subscriber held`,
      },
    ];
  } finally {
    await Promise.all(children.map(stop));
    for (const replica of replicas) await replica.stop();
    await portal.close();
  }
}

function flush(child: ChildProcess): Promise<Extract<FanOutReport, { type: "arrivals" }>> {
  return new Promise((resolve) => {
    const onMessage = (report: FanOutReport) => {
      if (report.type !== "arrivals") return;
      child.off("message", onMessage);
      resolve(report);
    };
    child.on("message", onMessage);
    child.send({ type: "flush" } satisfies FanOutCommand);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.send({ type: "stop" } satisfies FanOutCommand);
  });
}

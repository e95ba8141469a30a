import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { agent } from "./measure";
import { concurrentWrites, pageOfBookings, sustainedLoad, type Row } from "./scenarios";
import { liveFanOut } from "./live-fanout";
import { liveFanOutMany } from "./live-fanout-many";
import { offlineDrainCost } from "./offline-drain";
import { perOperationCost } from "./per-operation";
import { readCacheMix } from "./read-cache";
import { soak } from "./soak";

/**
 * `npm run bench`: every scenario side by side in one run, against the embedded demo portal, with the
 * gateway as its own process. Prints a Markdown table and writes it to bench/RESULTS.md.
 * BENCH_SUSTAINED_SECONDS (default 60) and BENCH_CLIENTS (default 150) size scenario (c);
 * BENCH_MANY_SUBSCRIBERS (10000) over BENCH_MANY_CLIENT_PROCESSES (4) size the many-subscriber
 * fan-out (i), with BENCH_FANOUT_EVENTS events; BENCH_SOAK_SECONDS (default 300, 0 skips it), BENCH_SOAK_CLIENTS (200) and BENCH_SOAK_LATENCY_MS (20)
 * size the soak (e); BENCH_FANOUT_SUBSCRIBERS (1000) and BENCH_FANOUT_EVENTS (20) the fan-out (f), which
 * needs Redis at BENCH_REDIS_URL (default redis://127.0.0.1:6379), as does the read-cache mix (g),
 * sized by BENCH_CACHE_SECONDS (60) and BENCH_CLIENTS. The offline-event drain (h) measures one
 * gateway in application mode at idle for BENCH_DRAIN_IDLE_SECONDS (default 120) and under 100
 * changes/s for BENCH_DRAIN_LOAD_SECONDS (default 30). BENCH_ONLY (e.g. "a,b") runs only those scenarios, and then leaves bench/RESULTS.md
 * alone.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 60);
  const clients = Number(process.env.BENCH_CLIENTS ?? 150);
  const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 300);
  const soakClients = Number(process.env.BENCH_SOAK_CLIENTS ?? 200);
  const soakLatency = Number(process.env.BENCH_SOAK_LATENCY_MS ?? 20);
  const cacheSeconds = Number(process.env.BENCH_CACHE_SECONDS ?? 60);
  const fanOutSubscribers = Number(process.env.BENCH_FANOUT_SUBSCRIBERS ?? 1000);
  const fanOutEvents = Number(process.env.BENCH_FANOUT_EVENTS ?? 20);
  const manySubscribers = Number(process.env.BENCH_MANY_SUBSCRIBERS ?? 10_000);
  const manyClientProcesses = Number(process.env.BENCH_MANY_CLIENT_PROCESSES ?? 4);
  const drainIdleSeconds = Number(process.env.BENCH_DRAIN_IDLE_SECONDS ?? 120);
  const drainLoadSeconds = Number(process.env.BENCH_DRAIN_LOAD_SECONDS ?? 30);
  const only = process.env.BENCH_ONLY?.split(",").map((letter) => letter.trim());
  const rows: Row[] = [];
  const scenarios: Array<[string, () => Promise<Row[]>]> = [
    ["a", pageOfBookings],
    ["b", concurrentWrites],
    ["c", () => sustainedLoad(seconds, clients)],
    ["d", () => perOperationCost(1000)],
    ["f", () => liveFanOut(fanOutSubscribers, fanOutEvents)],
    ["i", () => liveFanOutMany(manySubscribers, fanOutEvents, manyClientProcesses)],
    ["g", () => readCacheMix(cacheSeconds, clients)],
    ["h", () => offlineDrainCost(drainIdleSeconds, drainLoadSeconds)],
    [
      "e",
      () => (soakSeconds > 0 ? soak(soakSeconds, soakClients, soakLatency) : Promise.resolve([])),
    ],
  ];
  for (const [letter, scenario] of scenarios) {
    if (only && !only.includes(letter)) continue;
    const result = await scenario();
    for (const row of result)
      process.stdout.write(`${row.scenario} | ${row.variant} | ${row.figures}\n`);
    rows.push(...result);
  }
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform} ${process.arch}, Node ${process.version}, by \`npm run bench\`.`,
    "",
    "| scenario | variant | figures |",
    "|---|---|---|",
    ...rows.map((row) => `| ${row.scenario} | ${row.variant} | ${row.figures} |`),
    "",
  ].join("\n");
  if (!only) {
    writeFileSync(
      join(__dirname, "..", "..", "bench", "RESULTS.md"),
      `# Benchmark results\n\n${table}`,
    );
  }
  process.stdout.write(`\n${table}`);
  await agent.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

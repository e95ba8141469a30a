import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { startGatewayProcess } from "./gateway-process";
import { gatewayTarget, opsPerSecond, PRODUCTION_ENV, startPortalProcess } from "./per-operation";

/**
 * `npm run bench:profile`: a CPU profile (node --cpu-prof) of the gateway, started as `npm start`
 * starts it and configured as in scenario (d), while 16 keep-alive clients send
 * `{ booking(id: 14) { id name } }`. Prints the top frames by self time as a Markdown table.
 * BENCH_PROFILE_OPERATIONS (default 16000) sizes the load.
 */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
}

async function main(): Promise<void> {
  const operations = Number(process.env.BENCH_PROFILE_OPERATIONS ?? 16_000);
  const directory = mkdtempSync(join(tmpdir(), "gateway-profile-"));
  const portal = await startPortalProcess();
  const gateway = await startGatewayProcess(
    { BITRIX24_WEBHOOK_URL: portal.url, ...PRODUCTION_ENV },
    ["--cpu-prof", `--cpu-prof-dir=${directory}`],
  );
  const dispatcher = new Agent({ connections: 16 });
  await opsPerSecond(gatewayTarget(gateway.url), dispatcher, operations);
  await dispatcher.close();
  await gateway.stop();
  await portal.stop();
  const file = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("the gateway wrote no profile");
  const profile = JSON.parse(readFileSync(join(directory, file), "utf8")) as CpuProfile;
  process.stdout.write(topFrames(profile, 25));
  rmSync(directory, { recursive: true, force: true });
}

/** The frames with the most samples of their own, as a share of all samples. */
function topFrames(profile: CpuProfile, count: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfSamples = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url
      .replace(/^.*node_modules\//, "")
      .replace(/^file:\/\/.*\/dist\/(src|bench)\//, "$1/");
    const name = `${frame.functionName || "(anonymous)"}${where ? ` ${where}:${frame.lineNumber + 1}` : ""}`;
    selfSamples.set(name, (selfSamples.get(name) ?? 0) + 1);
  }
  const rows = [...selfSamples]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, samples]) =>
        `| ${((100 * samples) / profile.samples.length).toFixed(1)}% | \`${name}\` |`,
    );
  return ["| self time | frame |", "|---|---|", ...rows, ""].join("\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

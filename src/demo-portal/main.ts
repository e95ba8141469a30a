/**
 * Standalone demo portal: `node dist/src/demo-portal/main.js`.
 * Environment:
 * - DEMO_PORTAL_PORT: TCP port on 127.0.0.1 (default 4100);
 * - DEMO_PORTAL_SEED: "demo" (default) or "empty";
 * - DEMO_PORTAL_WEBHOOK_SECRET: webhook secret for user 1 (default: random).
 */
import { startDemoPortal, type DemoPortalOptions } from "./index";
import { isPortalSeed, PORTAL_SEEDS } from "./seed";

const DEFAULT_PORT = 4100;

function optionsFromEnvironment(env: NodeJS.ProcessEnv): DemoPortalOptions {
  const rawPort = env.DEMO_PORTAL_PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65_535) {
    throw new Error(`DEMO_PORTAL_PORT must be an integer from 0 to 65535, got "${rawPort}"`);
  }
  const seed = env.DEMO_PORTAL_SEED ?? "demo";
  if (!isPortalSeed(seed)) {
    throw new Error(`DEMO_PORTAL_SEED must be one of ${PORTAL_SEEDS.join(", ")}, got "${seed}"`);
  }
  const secret = env.DEMO_PORTAL_WEBHOOK_SECRET;
  return {
    host: "127.0.0.1",
    port,
    seed,
    ...(secret === undefined || secret === "" ? {} : { webhook: { userId: 1, secret } }),
  };
}

async function main(): Promise<void> {
  const portal = await startDemoPortal(optionsFromEnvironment(process.env));
  process.stdout.write(`Demo Bitrix24 portal listening; webhook URL: ${portal.webhookUrl}\n`);

  const shutdown = (): void => {
    portal.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Demo portal did not close cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Demo portal failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

import { ConfigError, ENVIRONMENT, loadConfig } from "./config";
import { createLogger } from "./logger";
import { startGateway } from "./server";

/** Process entry: read the environment, start the gateway, stop cleanly on a signal. */
async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    process.stdout.write(helpText());
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.portal.mode === "demo") {
    process.stdout.write(
      "No BITRIX24_WEBHOOK_URL or BITRIX24_PORTAL_URL set: starting the embedded demo portal (in-memory, demo data).\n",
    );
  }
  const gateway = await startGateway(config, logger);
  process.stdout.write(`GraphQL endpoint and Apollo Sandbox: ${gateway.url}\n`);
  if (gateway.demoPortal) {
    process.stdout.write(`Demo portal REST endpoint: ${gateway.demoPortal.webhookUrl}\n`);
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

function helpText(): string {
  const rows = ENVIRONMENT.map(
    ([name, fallback, meaning]) => `  ${name.padEnd(22)} ${fallback.padEnd(18)} ${meaning}`,
  );
  return `Usage: npm start\n\nEnvironment variables (name, default, meaning):\n${rows.join("\n")}\n`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});

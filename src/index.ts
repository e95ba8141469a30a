import { ConfigError, configSecrets, helpText, loadConfig } from "./config";
import { createLogger } from "./logger";
import { startGateway } from "./server";

/** Beyond the configured grace, how long shutdown may take before the process exits anyway. */
const EXIT_MARGIN_MS = 3000;

/** Process entry: read the environment, start the gateway, drain and stop on a signal. */
async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    process.stdout.write(helpText());
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { secrets: configSecrets(config) });
  if (config.portal.mode === "demo") {
    process.stdout.write(
      config.portal.as === "application"
        ? "No BITRIX24_WEBHOOK_URL or BITRIX24_PORTAL_URL set: starting the embedded demo portal (in-memory, demo data), with the gateway installed on it as an application (pushed events plus the offline queue: no change is lost).\n"
        : "No BITRIX24_WEBHOOK_URL or BITRIX24_PORTAL_URL set: starting the embedded demo portal (in-memory, demo data), reached through its incoming webhook.\n",
    );
  }
  const gateway = await startGateway(config, logger);
  process.stdout.write(
    config.sandbox
      ? `GraphQL endpoint and Apollo Sandbox: ${gateway.url}\n`
      : `GraphQL endpoint: ${gateway.url}\n`,
  );
  if (gateway.demoPortal) {
    process.stdout.write(`Demo portal REST endpoint: ${gateway.demoPortal.webhookUrl}\n`);
  }
  if (gateway.portal.mode === "application") {
    process.stdout.write(
      `Install handler: ${gateway.url.replace(/\/graphql$/, "/bitrix24/install")} (offline events drained every ${config.offlineEvents.pollSeconds} s at the latest)\n`,
    );
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    // Whatever happens, the process ends shortly after the grace period.
    setTimeout(
      () => {
        logger.error("shutdown took too long; exiting");
        process.exit(1);
      },
      config.shutdown.readinessDelayMs + config.shutdown.graceMs + EXIT_MARGIN_MS,
    ).unref();
    gateway.shutdown().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
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

// First: on an unsupported Node.js the process stops here, with one line, before loading anything.
import "./supported-node";
import { ConfigError, configSecrets, helpText, loadConfig, type Config } from "./config";
import { createLogger } from "./logger";
import { startGateway } from "./server";

/** Beyond the configured grace, how long shutdown may take before the process exits anyway. */
const EXIT_MARGIN_MS = 3000;

/** A reason not to start that says all there is to say in its message: printed as it is. */
class StartRefused extends Error {}

/**
 * Process entry: read the flags and the environment, start the gateway, drain and stop on a signal.
 * The only flags are -h and --help; through npm they go after `--` (`npm start -- --help`).
 */
async function main(args: readonly string[]): Promise<void> {
  for (const arg of args) {
    if (arg === "-h" || arg === "--help") {
      process.stdout.write(helpText());
      return;
    }
    if (arg.startsWith("-")) {
      process.stderr.write(`unknown option ${arg}; see --help\n`);
      process.exitCode = 2;
      return;
    }
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
  const gateway = await startGateway(config, logger).catch((error: unknown) => {
    throw portInUse(error, config) ?? error;
  });
  process.stdout.write(
    config.explorer !== "off"
      ? `GraphQL endpoint and ${config.explorer === "graphiql" ? "GraphiQL" : "Apollo Sandbox"}: ${gateway.url}\n`
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

/**
 * A port the gateway could not listen on because something else does, as one line naming the
 * variable that sets it; undefined for any other failure.
 */
function portInUse(error: unknown, config: Config): StartRefused | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, port } = error as NodeJS.ErrnoException & { port?: number };
  if (code !== "EADDRINUSE" || port === undefined) return undefined;
  // PORT first: when DEMO_PORTAL_PORT is the same port, changing PORT is enough.
  const name =
    port === config.port
      ? "PORT"
      : config.portal.mode === "demo" && port === config.portal.port
        ? "DEMO_PORTAL_PORT"
        : undefined;
  if (!name) return new StartRefused(`port ${port} is in use: stop what listens there`);
  return new StartRefused(
    `${name} ${port} is in use: stop what listens there or set ${name} to another port (0 picks a free one)`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartRefused) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});

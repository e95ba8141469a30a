import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { BitrixClient } from "./bitrix/client";
import type { Config, PortalConfig } from "./config";
import { createContextFactory, type GatewayContext } from "./context";
import { startDemoPortal, type DemoPortal } from "./demo-portal";
import { partialErrorsPlugin } from "./errors/partial-errors";
import { formatGatewayError } from "./errors/to-graphql-error";
import type { Logger } from "./logger";
import { projectRoot } from "./project-root";
import { buildGatewaySchema } from "./subgraph/build-schema";

export interface Gateway {
  /** `http://host:port/graphql` */
  readonly url: string;
  readonly portal: PortalConfig;
  /** The embedded demo portal, when the gateway started one. */
  readonly demoPortal: DemoPortal | undefined;
  stop(): Promise<void>;
}

/** Starts the whole service: the portal (embedded demo, or configured), the schema and HTTP. */
export async function startGateway(config: Config, logger: Logger): Promise<Gateway> {
  const demoPortal =
    config.portal.mode === "demo"
      ? await startDemoPortal({ port: config.portal.port, seed: config.portal.seed })
      : undefined;
  const portal: PortalConfig = demoPortal
    ? { mode: "webhook", webhookEndpoint: demoPortal.webhookUrl, redactedUrl: demoPortal.origin }
    : (config.portal as PortalConfig);

  const client = new BitrixClient({ timeoutMs: config.upstreamTimeoutMs });
  const createContext = createContextFactory(portal, client);
  const app = express();
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GatewayContext>({
    schema: await buildGatewaySchema(),
    logger,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      partialErrorsPlugin(),
      config.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            document: readSeedOperation(),
            ...(portal.mode === "oauth" && {
              headers: { Authorization: "Bearer <your Bitrix24 access token>" },
            }),
          }),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: ({ req, res }) => {
        const abort = new AbortController();
        // The client going away cancels its upstream work; a finished response does not.
        res.on("close", () => {
          if (!res.writableFinished) abort.abort();
        });
        return Promise.resolve(
          createContext({
            authorization: req.headers.authorization,
            signal: abort.signal,
            requestId: req.headers["x-request-id"]?.toString() ?? randomUUID(),
          }),
        );
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/graphql`;
  logger.info(
    { url, portal: portal.mode === "oauth" ? portal.restEndpoint : portal.redactedUrl },
    "gateway listening",
  );

  return {
    url,
    portal,
    demoPortal,
    async stop() {
      await apollo.stop();
      await client.close();
      await demoPortal?.close();
    },
  };
}

function readSeedOperation(): string {
  return readFileSync(
    join(projectRoot(), "schema", "operations", "SetBookingClients.graphql"),
    "utf8",
  );
}

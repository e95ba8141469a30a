import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createUpstreamLayer } from "./bitrix/upstream-layer";
import type { Config, PortalConfig } from "./config";
import { createContextFactory, type GatewayContext } from "./context";
import { startDemoPortal, type DemoPortal } from "./demo-portal";
import { partialErrorsPlugin } from "./errors/partial-errors";
import { formatGatewayError } from "./errors/to-graphql-error";
import { landingPagePlugin } from "./landing-page";
import type { Logger } from "./logger";
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

  const upstream = createUpstreamLayer({
    timeoutMs: config.upstreamTimeoutMs,
    rateLimit: config.rateLimit,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    operatingLimitSeconds: config.operatingLimitSeconds,
    batching: config.batching,
  });
  const createContext = createContextFactory(portal, upstream.batcher, config.requestDeadlineMs);
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
      landingPagePlugin({
        production: config.production,
        headers:
          portal.mode === "oauth" ? { Authorization: "Bearer <your Bitrix24 access token>" } : {},
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
        // Every upstream call of the request listens on this signal; there may be hundreds.
        setMaxListeners(0, abort.signal);
        // The client going away cancels its upstream work; a finished response does not.
        const context = createContext({
          authorization: req.headers.authorization,
          signal: abort.signal,
          requestId: req.headers["x-request-id"]?.toString() ?? randomUUID(),
        });
        res.on("close", () => {
          if (!res.writableFinished) abort.abort();
          context.release();
        });
        return Promise.resolve(context);
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
      await upstream.close();
      await demoPortal?.close();
    },
  };
}

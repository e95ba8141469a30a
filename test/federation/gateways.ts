import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

/** A federation gateway serving a supergraph on loopback. */
export interface RunningGateway {
  /** `http://127.0.0.1:<port>/graphql` or `.../` */
  readonly url: string;
  stop(): Promise<void>;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Apollo Gateway in an Apollo Server, planning over a fixed supergraph SDL (no GraphOS, no polling). */
export async function startApolloGateway(supergraphSdl: string): Promise<RunningGateway> {
  const server = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl, logger: silent }),
    logger: silent,
  });
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: 0 } });
  return { url, stop: () => server.stop() };
}

/** The part of Hive Gateway's runtime these tests use. */
interface HiveGatewayRuntime {
  (request: http.IncomingMessage, response: http.ServerResponse): void;
  dispose(): Promise<void> | void;
}

interface HiveGatewayModule {
  createGatewayRuntime(config: {
    supergraph: string;
    logging: boolean;
    landingPage: boolean;
    transportEntries?: Record<string, { options: { subscriptions: { kind: "ws" } } }>;
  }): HiveGatewayRuntime;
}

/**
 * Hive Gateway's typings pull in the DOM library, which would retype `fetch`, `Request` and `Body`
 * for the whole project; so the module is loaded through `require` with the narrow type above.
 */
const loadHiveGateway = (): HiveGatewayModule =>
  createRequire(__filename)("@graphql-hive/gateway") as HiveGatewayModule;

/**
 * Hive Gateway's runtime on node:http, serving a fixed supergraph SDL string (no CDN). Subgraphs
 * named in `wsSubscriptions` get their subscriptions over graphql-ws.
 */
export async function startHiveGateway(
  supergraphSdl: string,
  wsSubscriptions: readonly string[] = [],
): Promise<RunningGateway> {
  const runtime = loadHiveGateway().createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    landingPage: false,
    transportEntries: Object.fromEntries(
      wsSubscriptions.map((name) => [name, { options: { subscriptions: { kind: "ws" } } }]),
    ),
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await runtime.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

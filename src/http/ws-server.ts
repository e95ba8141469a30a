import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { Disposable } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { LimitSettings } from "../config";
import type { ContextInput, GatewayContext } from "../context";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";
import type { ErrorFormatter } from "../errors/to-graphql-error";
import { checkOperationLimits } from "../limits/operation-limits";
import { tokenLimitRefusal } from "../limits/token-limit";
import type { Logger } from "../logger";
import type { GatewayMetrics } from "../observability/metrics";
import { WsOperationObserver } from "../observability/ws-operation-observer";
import type { Caller, CallerAuthenticator } from "../security/caller-auth";
import { headerValue } from "./http-guards";
import type { DocumentClaim, TrustedDocumentGate } from "../security/trusted-document-gate";
import { subscribeSharingResults } from "./shared-subscription-results";
import { batchWritesPerTurn } from "./ws-write-batching";
import { WsDocumentCache } from "./ws-document-cache";
import { withSocketErrorsLogged } from "./ws-socket-errors";

export interface WsServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  authenticator: CallerAuthenticator;
  createContext: (input: ContextInput) => GatewayContext;
  limits: LimitSettings;
  federationPublic: boolean;
  maxPerConnection: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
  /** The same formatter as HTTP's, so that both transports show clients the same errors. */
  formatError: ErrorFormatter;
  /** INTROSPECTION: the same setting as over HTTP. */
  introspection: boolean;
  /** MAX_BODY_BYTES: no message may be larger, `connection_init` included. */
  maxPayloadBytes: number;
  logger: Logger;
  metrics: GatewayMetrics | undefined;
  /** TRUSTED_DOCUMENTS other than off: the same decision as over HTTP, before anything is parsed. */
  documentGate?: TrustedDocumentGate;
}

/** What the server keeps per connection, after `connection_init` was accepted. */
// A type, not an interface: graphql-ws wants an object type with an implicit index signature.
type ConnectionState = {
  caller?: Caller;
  authorization?: string;
  connectionId?: string;
};

/**
 * graphql-ws on the same port and path as HTTP (`/graphql`). A connection is admitted by the same
 * caller authentication as HTTP, with the credentials in the `connection_init` payload
 * (`Authorization`, `x-router-secret`) or on the upgrade request, and in OAuth mode only with a
 * token the portal has accepted; every operation passes the same validation (introspection
 * included), token, depth, alias, directive and cost limits as over HTTP, is logged and counted as
 * HTTP's are, and a connection holds at most MAX_SUBSCRIPTIONS_PER_CONNECTION at once. No message
 * may exceed MAX_BODY_BYTES: a larger one closes the connection (1009) before it is read whole.
 */
export function startWsServer(options: WsServerOptions): WsServer {
  // Not `server: httpServer`: ws would then re-emit every error of the HTTP server (EADDRINUSE
  // when listening) as its own, and graphql-ws would print it to stderr. The HTTP server's errors
  // are its owner's; the WebSocket server only takes the upgrades (ws answers 400 off /graphql).
  const wsServer = new WebSocketServer({
    noServer: true,
    path: "/graphql",
    maxPayload: options.maxPayloadBytes,
  });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    wsServer.handleUpgrade(request, socket, head, (socket) =>
      wsServer.emit("connection", socket, request),
    );
  options.httpServer.on("upgrade", upgrade);
  // Before graphql-ws sees the connection: its messages of one turn leave in one write.
  wsServer.on("connection", batchWritesPerTurn);
  const rules = options.introspection
    ? specifiedRules
    : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const documents = new WsDocumentCache(options.schema, rules, options.limits.maxTokens);
  const observer = new WsOperationObserver(options.logger, options.metrics);
  let connections = 0;
  const running = new RunningOperations();

  /**
   * What every operation passes before it runs, as over HTTP: the per-connection cap, the token
   * limit, parsing, validation (introspection included), then depth, aliases, directives, cost and
   * the federation fields. Refusals come back as errors for the client.
   */
  function admit(
    ctx: { subscriptions: Record<string, unknown> },
    payload: {
      query: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
      extensions?: Record<string, unknown> | null;
    },
    caller: Caller,
  ): GraphQLError[] | { document: DocumentNode; operation: OperationDefinitionNode } {
    // graphql-ws has already put this subscription's id among the connection's.
    if (Object.keys(ctx.subscriptions).length > options.maxPerConnection) {
      return [
        new RequestRefusal(
          ErrorCode.TooManySubscriptions,
          `This connection already holds ${options.maxPerConnection} subscriptions, the limit (MAX_SUBSCRIPTIONS_PER_CONNECTION)`,
          429,
          { limit: options.maxPerConnection },
        ),
      ];
    }
    if (options.documentGate) {
      const admission = options.documentGate.admit(wsDocumentClaim(payload));
      if (!admission.admitted) return [admission.refusal];
      // Sent by id alone: the manifest's text is the document.
      if (admission.text !== undefined) payload.query = admission.text;
    }
    const tooLong = tokenLimitRefusal(payload.query, options.limits.maxTokens);
    if (tooLong) return [tooLong];
    const checked = documents.check(payload.query);
    if ("errors" in checked) return [...checked.errors];
    const { document } = checked;
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [new GraphQLError("The document names no operation to run")];
    try {
      checkOperationLimits({
        schema: options.schema,
        document,
        operation,
        variables: payload.variables ?? {},
        limits: options.limits,
        mayUseFederationFields: caller.viaRouter || options.federationPublic,
      });
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    return { document, operation };
  }
  const server = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      schema: options.schema,
      // One execution per change for every subscriber running the same operation.
      subscribe: subscribeSharingResults,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const headers = ctx.extra.request.headers;
        const authorization =
          stringParam(params, "authorization") ?? headerValue(headers.authorization);
        const outcome = await options.authenticator.authenticateSubscriber({
          authorization,
          routerSecret:
            stringParam(params, "x-router-secret") ?? headerValue(headers["x-router-secret"]),
        });
        if (!outcome.ok) return false;
        ctx.extra.caller = outcome.caller;
        ctx.extra.authorization = authorization;
        ctx.extra.connectionId = `ws-${++connections}`;
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const requestId = `${ctx.extra.connectionId}:${id}`;
        const caller = ctx.extra.caller!;
        const admitted = admit(ctx, payload, caller);
        if (Array.isArray(admitted)) {
          observer.refused(
            requestId,
            { name: payload.operationName ?? null, caller: caller.kind },
            admitted.map((error) => options.formatError(error.toJSON(), error)),
          );
          return admitted;
        }
        const { document, operation } = admitted;
        observer.started(requestId, {
          name: payload.operationName ?? operation.name?.value ?? null,
          type: operation.operation,
          caller: caller.kind,
        });
        running.started(requestId);
        const args: ExecutionArgs = {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: options.createContext({
            authorization: ctx.extra.authorization,
            signal: new AbortController().signal,
            requestId: `${ctx.extra.connectionId}:${id}`,
            caller,
            wantsCost: false,
            transport: "ws",
          }),
        };
        return args;
      },
      onComplete: (ctx, id) => {
        observer.ended(`${ctx.extra.connectionId}:${id}`);
        running.ended(`${ctx.extra.connectionId}:${id}`);
      },
      // Nothing returned: graphql-ws sends the result as it is.
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const errors = result.errors.map((error) => options.formatError(error.toJSON(), error));
        observer.result(`${ctx.extra.connectionId}:${id}`, errors);
        return { ...result, errors };
      },
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((error) => options.formatError(error.toJSON(), error));
        observer.result(`${ctx.extra.connectionId}:${id}`, formatted);
        observer.ended(`${ctx.extra.connectionId}:${id}`, "error");
        return formatted;
      },
    },
    withSocketErrorsLogged(wsServer, options.logger),
    options.keepAliveMs > 0 ? options.keepAliveMs : Number.MAX_SAFE_INTEGER,
  );
  return {
    drained: () => running.none(),
    dispose: () => {
      // As ws does in `server` mode: once disposed, upgrades find no one and are refused by node.
      options.httpServer.off("upgrade", upgrade);
      return server.dispose();
    },
  };
}

export interface WsServer extends Disposable {
  /**
   * Resolves once no operation runs on any connection, each having sent its `complete`: after the
   * subscriptions are ended, and before the sockets are closed.
   */
  drained(): Promise<void>;
}

/** The operations running on all connections, and who waits for there to be none. */
class RunningOperations {
  private readonly ids = new Set<string>();
  private waiters: Array<() => void> = [];

  started(id: string): void {
    this.ids.add(id);
  }

  ended(id: string): void {
    this.ids.delete(id);
    // graphql-ws sends `complete` right after this callback returns: let it go out first.
    if (this.ids.size === 0) setImmediate(() => this.release());
  }

  none(): Promise<void> {
    if (this.ids.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    if (this.ids.size > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
}

/**
 * What a graphql-ws subscribe message says its document is: the text in `query` (graphql-ws requires
 * the field; an empty one counts as absent), or an id alone, APQ's in `extensions.persistedQuery`
 * or `documentId` beside it.
 */
function wsDocumentClaim(payload: {
  query: string;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}): DocumentClaim {
  const persisted = payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const documentId = (payload as { documentId?: unknown }).documentId;
  const idFrom = persisted ? "persistedQuery" : documentId !== undefined ? "documentId" : undefined;
  return {
    text: payload.query === "" ? undefined : payload.query,
    id: idFrom === "persistedQuery" ? persisted?.sha256Hash : documentId,
    idFrom,
    operationName: payload.operationName,
  };
}

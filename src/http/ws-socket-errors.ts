import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";
import type { Logger } from "../logger";

/**
 * The WebSocket server as graphql-ws sees it, with one difference: an error on a connection (a
 * message over `maxPayload`, a malformed frame; `ws` closes the socket itself, with 1009 or 1002)
 * is logged by the gateway as one structured line, and is not handed to graphql-ws, whose own
 * handler writes an unstructured `console.error` with a stack for each: any client could fill the
 * process's stderr with them. Everything else graphql-ws uses (options, clients, close) is the real server's and socket's.
 */
export function withSocketErrorsLogged(server: WebSocketServer, logger: Logger): WebSocketServer {
  const facade = new EventEmitter();
  Object.defineProperties(facade, {
    options: { get: () => server.options },
    clients: { get: () => server.clients },
  });
  Object.assign(facade, {
    close(callback?: (error?: Error) => void) {
      server.removeAllListeners();
      server.close(callback);
    },
  });
  server.on("error", (error) => facade.emit("error", error));
  server.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.on("error", (error) =>
      logger.warn({ reason: error.message }, "WebSocket connection closed on a protocol error"),
    );
    facade.emit("connection", withoutErrorListeners(socket), request);
  });
  return facade as unknown as WebSocketServer;
}

function withoutErrorListeners(socket: WebSocket): WebSocket {
  const quiet: WebSocket = new Proxy(socket, {
    get(target, property) {
      if (property === "once" || property === "on" || property === "addListener") {
        return (event: string, listener: (...args: unknown[]) => void) => {
          if (event !== "error") target[property](event, listener);
          return quiet;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function"
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return quiet;
}

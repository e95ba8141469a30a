import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handlerChain, type Handler } from "../../src/http/handler-chain";
import { bodyErrorHandler, unhandledError } from "../../src/http/http-guards";
import { createLogger } from "../../src/logger";

// What a fault inside the gateway's own handlers comes to, over real HTTP: the handlers of
// /graphql (graphql-route.ts) end in the body error handler and then in unhandledError.
describe("a fault that escapes the handlers", () => {
  let server: Server;
  let url: string;
  let lines: Array<Record<string, unknown>>;
  let refusals: string[];

  /** A chain like /graphql's end: the given handler, the body error handler, the 500 (or, like
   * the other routes, the handler and the 500). */
  async function serve(handler: Handler, options: { bodyErrors: boolean } = { bodyErrors: true }) {
    const logger = createLogger("info", {
      destination: {
        write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
      },
    });
    const chain = handlerChain(
      options.bodyErrors
        ? [handler, bodyErrorHandler(1000, (reason) => refusals.push(reason))]
        : [handler],
      (error, req, res) => unhandledError(logger, error, req, res),
    );
    server = createServer(chain);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  beforeEach(() => {
    lines = [];
    refusals = [];
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers a GraphQL-shaped 500 with no detail, and logs the fault with the request id", async () => {
    await serve((_req, res, next) => {
      res.setHeader("x-request-id", "req-from-the-gateway");
      next(new TypeError("the guard broke at /internal/path"));
    });
    const response = await fetch(url, { headers: { "x-request-id": "req-from-the-caller" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      errors: [
        expect.objectContaining({
          message: "Internal server error",
          extensions: expect.objectContaining({ code: "INTERNAL_SERVER_ERROR" }),
        }),
      ],
    });
    expect(body).not.toContain("guard broke");
    // Not a refusal of the body: a fault of the gateway's own.
    expect(refusals).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "request failed",
        requestId: "req-from-the-gateway",
        err: expect.objectContaining({ message: "the guard broke at /internal/path" }),
      }),
    ]);
  });

  it("passes on a fault that carries a server error's status: it is not the body's fault", async () => {
    await serve((_req, _res, next) =>
      next(Object.assign(new Error("a dependency failed"), { status: 500 })),
    );
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(refusals).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ msg: "request failed" })]);
  });

  it("logs the caller's request id when the gateway gave none", async () => {
    await serve((_req, _res, next) => next(new Error("broken")));
    const response = await fetch(url, { headers: { "x-request-id": "req-from-the-caller" } });
    expect(response.status).toBe(500);
    expect(lines).toEqual([expect.objectContaining({ requestId: "req-from-the-caller" })]);
  });

  it.each([
    ["/graphql", true],
    ["another route", false],
  ])("leaves alone a response already under way (%s)", async (_, bodyErrors) => {
    await serve(
      (_req, res, next) => {
        res.writeHead(504, { "content-type": "application/json" });
        res.write('{"errors":[{"message":"deadline"}]}');
        next(new Error("finished too late"));
        res.end();
      },
      { bodyErrors },
    );
    const response = await fetch(url);
    expect(response.status).toBe(504);
    expect(await response.text()).toBe('{"errors":[{"message":"deadline"}]}');
    expect(lines).toEqual([]);
  });
});

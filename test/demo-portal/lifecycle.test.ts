import { once } from "node:events";
import { connect, type AddressInfo } from "node:net";
import { type Clock } from "../../src/clock";
import { startDemoPortal } from "../../src/demo-portal";
import { type MethodGroup } from "../../src/demo-portal/methods/method";
import { createMethodRegistry } from "../../src/demo-portal/methods/registry";
import { PortalRuntime } from "../../src/demo-portal/portal-runtime";
import { createPortalServer } from "../../src/demo-portal/server";
import { get, type ErrorBody } from "./rest-client";

describe("startDemoPortal", () => {
  it("generates a 16-hex-digit secret for user 1 by default", async () => {
    const portal = await startDemoPortal();
    try {
      expect(portal.webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest\/1\/[0-9a-f]{16}\/$/);
    } finally {
      await portal.close();
    }
  });

  it("closes even while a request is still being received, and tolerates a second close", async () => {
    const internalErrors: unknown[] = [];
    const portal = await startDemoPortal({
      onInternalError: (error) => internalErrors.push(error),
    });
    const { pathname, port } = new URL(`${portal.webhookUrl}booking.v1.clienttype.list`);
    // Headers promising a body that never comes: a connection in the middle of a request, which
    // server.close() alone would wait for (minutes, until Node's request timeout).
    const client = connect(Number(port), "127.0.0.1");
    client.on("error", () => undefined);
    const clientClosed = once(client, "close");
    client.write(
      `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    );
    await portal.waitFor((stats) => stats.inFlight === 1);

    await portal.close();
    await clientClosed;
    // The cut-short request ends without running, and without being taken for a portal bug.
    await portal.waitFor((stats) => stats.inFlight === 0);
    expect(portal.stats()).toMatchObject({ methodCalls: 0, errorsSent: {} });
    expect(portal.stats().statusCounts).toEqual({});
    expect(internalErrors).toEqual([]);
    await expect(portal.close()).resolves.toBeUndefined();
    await expect(fetch(`${portal.webhookUrl}booking.v1.clienttype.list`)).rejects.toThrow();
  });

  it("starts with no data for seed empty", async () => {
    const portal = await startDemoPortal({ seed: "empty" });
    try {
      const reply = await get<ErrorBody>(`${portal.webhookUrl}booking.v1.booking.get?id=14`);
      expect(reply.body).toEqual<ErrorBody>({
        error: "1021",
        error_description: "Booking not found",
      });
    } finally {
      await portal.close();
    }
  });

  it("rejects invalid options with a message naming the rule and the value", async () => {
    await expect(startDemoPortal({ port: 70_000 })).rejects.toThrow(
      "port must be an integer from 0 to 65535, got 70000",
    );
    await expect(startDemoPortal({ webhook: { userId: 0, secret: "abc" } })).rejects.toThrow(
      "webhook.userId must be a positive integer, got 0",
    );
    await expect(startDemoPortal({ webhook: { userId: 1, secret: "a/b" } })).rejects.toThrow(
      'webhook.secret must be letters, digits, "_" or "-" (at least one), got "a/b"',
    );
    await expect(startDemoPortal({ oauthTokens: { t: -1 } })).rejects.toThrow(
      'oauthTokens["t"] must be a positive integer user id, got -1',
    );
    await expect(startDemoPortal({ clock: { now: () => 0 } as unknown as Clock })).rejects.toThrow(
      "clock must be an object with now() and setTimer(), got one without setTimer()",
    );
    await expect(startDemoPortal({ clock: 5 as unknown as Clock })).rejects.toThrow(
      "clock must be an object with now() and setTimer(), got 5",
    );
  });
});

describe("unexpected exceptions inside a method", () => {
  it("answer 500 INTERNAL_SERVER_ERROR, tell the listener, and leave the server running", async () => {
    const failures: string[] = [];
    const explodingGroup: MethodGroup = {
      "demo.explode": () => {
        throw new Error("boom");
      },
    };
    const runtime = new PortalRuntime({
      auth: {
        webhook: { userId: 1, secret: "abc" },
        oauthTokens: new Map(),
        expiredTokens: new Set(),
      },
      seed: "demo",
      onInternalError: (_error, method) => failures.push(method),
      methods: createMethodRegistry([explodingGroup]),
    });
    const server = createPortalServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/1/abc/`;
    try {
      const reply = await get(`${base}demo.explode`);
      expect(reply.status).toBe(500);
      expect(reply.body).toEqual<ErrorBody>({
        error: "INTERNAL_SERVER_ERROR",
        error_description: "Internal server error",
      });
      expect(failures).toEqual(["demo.explode"]);
      expect((await get(`${base}demo.unknown`)).status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import { type AddressInfo } from "node:net";
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

  it("closes promptly even while a keep-alive connection is open, and tolerates a second close", async () => {
    const portal = await startDemoPortal();
    expect((await get(`${portal.webhookUrl}booking.v1.clienttype.list`)).status).toBe(200);
    const startedAt = Date.now();
    await portal.close();
    expect(Date.now() - startedAt).toBeLessThan(1000);
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
    const runtime = new PortalRuntime(
      { webhook: { userId: 1, secret: "abc" }, oauthTokens: new Map(), expiredTokens: new Set() },
      "demo",
      (_error, method) => failures.push(method),
      createMethodRegistry([explodingGroup]),
    );
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

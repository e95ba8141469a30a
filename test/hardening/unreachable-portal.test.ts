import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { execute } from "../helpers/graphql-http";

/**
 * A portal that refuses connections (nothing listens on its port) is not a slow one: every query
 * fails with UPSTREAM_UNAVAILABLE without waiting for REQUEST_DEADLINE_MS, and the log says why,
 * once, when the circuit opens.
 */
describe("a portal that refuses connections", () => {
  let gateway: Gateway;
  const logs: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({
      PORT: "0",
      // Port 9 (discard): privileged, so no test server can take it the way a port found free a
      // moment ago can be taken by another test running beside this one.
      BITRIX24_WEBHOOK_URL: "http://127.0.0.1:9/rest/1/abcdef1234/",
      BITRIX24_RATE_LIMIT: "off",
      CACHE: "off",
      // Longer than the test's own timeout: an answer that waited for it would fail the test.
      REQUEST_DEADLINE_MS: "60000",
    });
    gateway = await startGateway(
      config,
      createLogger("info", { destination: { write: (line: string) => void logs.push(line) } }),
    );
  });
  afterAll(() => gateway.stop());

  it("answers UPSTREAM_UNAVAILABLE at once, and logs the cause once", async () => {
    for (let query = 0; query < 8; query += 1) {
      const answer = await execute(gateway.url, "{ booking(id: 14) { name } }");
      expect(answer.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    }
    const opened = logs.filter((line) => line.includes("upstream circuit changed state"));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain("ECONNREFUSED");
    expect(opened[0]).not.toContain("abcdef1234");
  });
});

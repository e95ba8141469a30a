import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createLogger } from "../../src/logger";
import { requestScope } from "../../src/observability/request-scope";

describe("the request's wall-clock deadline", () => {
  it("cancels the request's work at the deadline, and answers 504 if the response still does not come", async () => {
    const logs: string[] = [];
    const logger = createLogger("info", { destination: { write: (line) => void logs.push(line) } });
    const rejections: string[] = [];
    let signal: AbortSignal | undefined;
    const app = express();
    app.use(
      "/graphql",
      requestScope(150, logger, (reason) => rejections.push(reason)),
      (_req, res) => {
        // A handler that ignores its cancellation and never answers.
        signal = (res.locals.abort as AbortController).signal;
      },
    );
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST" });
      const elapsed = Date.now() - started;
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: "The request did not finish within 150 ms (REQUEST_DEADLINE_MS)",
            extensions: { code: "GATEWAY_TIMEOUT" },
          },
        ],
      });
      expect(elapsed).toBeGreaterThanOrEqual(1100);
      expect(elapsed).toBeLessThan(3000);
      expect(signal?.aborted).toBe(true);
      expect(rejections).toEqual(["deadline"]);
      expect(logs.some((line) => line.includes('"status":504'))).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "../../src/logger";
import { handlerChain, type HttpRequest } from "../../src/http/handler-chain";
import { DEADLINE_MARGIN_MS, requestScope } from "../../src/http/request-scope";
import { requestState } from "../../src/http/request-state";
import { ManualClock } from "../helpers/manual-clock";

describe("the request's wall-clock deadline", () => {
  it("cancels the request's work at the deadline, and answers 504 if the response still does not come", async () => {
    const clock = new ManualClock();
    const logs: string[] = [];
    const logger = createLogger("info", { destination: { write: (line) => void logs.push(line) } });
    const rejections: string[] = [];
    let signal: AbortSignal | undefined;
    const route = handlerChain(
      [
        requestScope(150, logger, (reason) => rejections.push(reason), clock),
        (req: HttpRequest) => {
          // A handler that ignores its cancellation and never answers.
          signal = requestState(req).abort.signal;
        },
      ],
      (error) => {
        throw error;
      },
    );
    const server = http.createServer(route);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const pending = fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST" });
      // The deadline's timer is set (the 504's own timer is set only once the deadline passes).
      await clock.whenPending(1);

      clock.advance(149);
      expect(signal?.aborted).toBe(false);
      clock.advance(1);
      expect(signal?.aborted).toBe(true);
      // Cancelled, but the 504 waits for the margin in case the response is still on its way.
      clock.advance(DEADLINE_MARGIN_MS - 1);
      expect(rejections).toEqual([]);
      clock.advance(1);

      const response = await pending;
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: "The request did not finish within 150 ms (REQUEST_DEADLINE_MS)",
            extensions: { code: "GATEWAY_TIMEOUT" },
          },
        ],
      });
      expect(rejections).toEqual(["deadline"]);
      expect(logs.some((line) => line.includes('"status":504'))).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchOfflineBrowser, type OfflineBrowser } from "../helpers/browser";
import { startStack, type TestStack } from "../helpers/gateway";
import { until, wsSubscriptions } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";

describe("GraphiQL explorer (EXPLORER=graphiql), in Chromium with no internet", () => {
  let stack: TestStack;
  let browser: OfflineBrowser;
  let page: Page;

  beforeAll(async () => {
    // The bundle the gateway serves at /explorer/, as `npm run build` makes it.
    execFileSync(process.execPath, [join(__dirname, "..", "..", "explorer", "build.mjs")]);
    stack = await startStack({ events: true, env: { EXPLORER: "graphiql" } });
    browser = await launchOfflineBrowser();
    page = await browser.page(await browser.context());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("opens GET /graphql on GraphiQL with the seed example as the first tab, and runs it", async () => {
    const response = await page.goto(stack.gateway.url);
    expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
    await page.locator(".graphiql-container .monaco-editor").first().waitFor();
    const tabs = page.locator(".graphiql-tab");
    await expect(tabs.first().innerText()).resolves.toContain("SetBookingClients");
    expect(await tabs.count()).toBeGreaterThan(20);

    await page.locator(".graphiql-execute-button").click();
    await until(async () => (await responseText(page)).includes("setBookingClients"));
    const result = await responseText(page);
    expect(result).toContain('"data"');
    expect(result).toContain('"bookingId": 14');
    expect(result).not.toContain('"errors"');
    expect(browser.pageErrors).toEqual([]);
    expect(browser.leftTheMachine).toEqual([]);
  }, 60_000);

  it("runs the BookingChanged subscription over graphql-ws and shows a rename made on the portal", async () => {
    await page.locator(".graphiql-tab", { hasText: "BookingChanged" }).click();
    // GraphiQL takes the operation name from the editor 100 ms after its text changes, and saves the
    // text then: run only after that, as a person would, or it sends the previous tab's name.
    await until(async () =>
      (await page.evaluate<string>('localStorage.getItem("graphiql:query") ?? ""')).includes(
        "subscription BookingChanged",
      ),
    );
    await page.locator(".graphiql-execute-button").click();
    await until(async () => (await wsSubscriptions(stack.gateway.url)) === 1);
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Renamed while GraphiQL watched" },
    });
    await until(async () => (await responseText(page)).includes("Renamed while GraphiQL watched"));
    expect(await responseText(page)).toContain('"kind": "UPDATED"');
    expect(browser.pageErrors).toEqual([]);
    expect(browser.leftTheMachine).toEqual([]);
  }, 60_000);
});

/** The response pane's text (Monaco renders spaces as no-break spaces). */
async function responseText(page: Page): Promise<string> {
  const text = await page.locator(".graphiql-response .view-lines").innerText();
  return text.replace(/\u00a0/g, " ");
}

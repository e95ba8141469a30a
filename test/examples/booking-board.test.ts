import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { BOARD_MANIFEST, startBoard, type RunningBoard } from "../helpers/booking-board";
import { launchOfflineBrowser, type OfflineBrowser } from "../helpers/browser";
import { startStack, type TestStack } from "../helpers/gateway";
import { until, wsSubscriptions } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";

/** Where CI keeps what a run leaves to look at (.ci/run names it). */
const ARTIFACTS = join(__dirname, "..", "..", "artifacts");
/** Booking 14 of the demo portal: Room 2, 3 March 2026, 11:00–12:00 in Berlin, one COMPANY client. */
const DAY = "2026-03-03";

/**
 * The example app (examples/booking-board) as a frontend developer runs it: its own start command
 * (Vite's dev server) in front of a gateway that enforces the board's trusted documents, pages in
 * headless Chromium with no internet, the demo portal as the portal.
 */
describe("the booking board example, in Chromium, with trusted documents enforced", () => {
  let stack: TestStack;
  let board: RunningBoard;
  let browser: OfflineBrowser;
  let context: BrowserContext;
  let first: Page;
  let second: Page;
  /** What the test measured, for the CI artefacts and the closing note; never asserted on. */
  const measured: Record<string, number> = {};

  const open = async (page: Page, query = `?day=${DAY}`) => {
    await page.goto(new URL(query, board.url).href);
    await card(page, 14).waitFor();
  };
  const card = (page: Page, id: number) =>
    page.getByRole("button", { name: new RegExp(`^Booking ${id}:`) });
  /** Resolves on the first frame `page` draws with `text` (checked on every animation frame). */
  const shows = (page: Page, text: string) =>
    page.waitForFunction(`document.body.innerText.includes(${JSON.stringify(text)})`, undefined, {
      polling: "raf",
    });
  /** Both pages hold their subscription: a change made now reaches them. */
  const bothListening = () => until(async () => (await wsSubscriptions(stack.gateway.url)) === 2);

  beforeAll(async () => {
    stack = await startStack({
      events: true,
      env: { TRUSTED_DOCUMENTS: "enforce", TRUSTED_DOCUMENTS_FILE: BOARD_MANIFEST },
    });
    board = await startBoard(stack.gateway.url);
    browser = await launchOfflineBrowser();
    context = await browser.context({
      timezoneId: "Europe/Berlin",
      viewport: { width: 1280, height: 760 },
    });
    first = await browser.page(context);
    second = await browser.page(context);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await board?.stop();
    await stack?.stop();
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "booking-board.json"), `${JSON.stringify(measured, null, 2)}\n`);
  });

  it("shows the day's bookings in their resources' columns, live", async () => {
    // Vite prepares the app's dependencies on the first visit: allow it time, once.
    await open(first);
    const room2 = first.getByRole("region", { name: "Room 2" });
    await expect(room2.innerText()).resolves.toContain("Client consultation");
    await expect(room2.innerText()).resolves.toContain("11:00–12:00");
    await expect(card(first, 14).innerText()).resolves.toContain("Company 1");
    await expect(first.getByRole("region", { name: "Room 1" }).innerText()).resolves.not.toContain(
      "Client consultation",
    );
    await first.getByRole("status", { name: "live updates" }).getByText("live").waitFor();
  }, 90_000);

  it("shows a rename made in one page in a second page, from the subscription alone", async () => {
    await open(second);
    await bothListening();
    // Neither a reload nor a request of its own: the change must arrive on the WebSocket.
    await second.evaluate("window.unreloaded = true");
    const secondRequests: string[] = [];
    second.on("request", (request) => secondRequests.push(request.url()));

    await card(first, 14).click();
    const dialog = first.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Renamed in the first page");
    const sent = new Promise<number>((resolve) =>
      first.on("request", (request) => {
        if (request.postData()?.includes('"operationName":"RenameBooking"')) resolve(Date.now());
      }),
    );
    await dialog.getByRole("button", { name: "Save name" }).click();
    await shows(second, "Renamed in the first page");
    measured.renameSeenInSecondPageMs = Date.now() - (await sent);

    await dialog.getByRole("status").getByText("Saved").waitFor();
    expect(secondRequests).toEqual([]);
    await expect(second.evaluate("window.unreloaded")).resolves.toBe(true);
  }, 30_000);

  it("shows a change made directly on the portal's REST endpoint in both pages", async () => {
    const changed = Date.now();
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Renamed on the portal" },
    });
    await shows(second, "Renamed on the portal");
    measured.portalChangeSeenMs = Date.now() - changed;
    await card(first, 14).getByText("Renamed on the portal").waitFor();
    // The open dialog shows the booking as it is now, too.
    await expect(first.getByRole("dialog").innerText()).resolves.toContain("Booking 14");
  }, 30_000);

  it("adds a booking made on the portal to the day in both pages, and takes a deleted one off", async () => {
    const at = (time: string) => ({
      timestamp: Date.parse(`${DAY}T${time}+01:00`) / 1000,
      timezone: "Europe/Berlin",
    });
    const add = (fields: Record<string, unknown>) =>
      portalCall<number>(stack.portal, "booking.v1.booking.add", { fields });
    const standUp = await add({
      resourceIds: [1],
      name: "Team stand-up",
      datePeriod: { from: at("09:00:00"), to: at("09:30:00") },
    });
    const massage = await add({
      resourceIds: [3],
      name: "Sports massage",
      datePeriod: { from: at("14:00:00"), to: at("15:00:00") },
    });
    const walkIn = await add({
      resourceIds: [3],
      name: "Walk-in",
      datePeriod: { from: at("16:00:00"), to: at("16:30:00") },
    });
    await portalCall(stack.portal, "booking.v1.booking.client.set", {
      bookingId: massage,
      clients: [{ id: 2, type: { module: "crm", code: "CONTACT" } }],
    });
    await portalCall(stack.portal, "booking.v1.booking.delete", { id: walkIn });
    for (const page of [first, second]) {
      await expect(card(page, standUp).innerText()).resolves.toContain("09:00–09:30");
      await expect(
        page.getByRole("region", { name: "Massage therapist Anna" }).innerText(),
      ).resolves.toContain("Sports massage");
      await until(async () => (await card(page, walkIn).count()) === 0);
    }
  }, 30_000);

  it("sets the clients with setBookingClients from the dialog; both pages and a reload show them", async () => {
    const dialog = first.getByRole("dialog");
    // Company 1 stays; contact 1 shares its id, and must stay a client of its own in every cache.
    await expect(dialog.getByLabel("client 1 type").inputValue()).resolves.toBe("COMPANY");
    await dialog.getByRole("button", { name: "Add client" }).click();
    await dialog.getByLabel("client 2 type").selectOption("CONTACT");
    await dialog.getByLabel("client 2 id").fill("1");
    await dialog.getByRole("button", { name: "Add client" }).click();
    await dialog.getByLabel("client 3 type").selectOption("CONTACT");
    await dialog.getByLabel("client 3 id").fill("2");
    await dialog.getByRole("button", { name: "Save clients" }).click();
    await dialog.locator("form.clients-editor").getByRole("status").getByText("Saved").waitFor();

    const chips = (page: Page) => card(page, 14).locator(".client-chip").allInnerTexts();
    for (const page of [first, second]) {
      await card(page, 14).getByText("Contact 2").waitFor();
      await expect(chips(page)).resolves.toEqual(["Company 1", "Contact 1", "Contact 2"]);
    }
    // Stored on the portal, not only in the pages' caches.
    await expect(
      portalCall(stack.portal, "booking.v1.booking.client.list", { bookingId: 14 }),
    ).resolves.toEqual({
      bookingClient: [
        expect.objectContaining({ id: 1, type: { module: "crm", code: "COMPANY" } }),
        expect.objectContaining({ id: 1, type: { module: "crm", code: "CONTACT" } }),
        expect.objectContaining({ id: 2, type: { module: "crm", code: "CONTACT" } }),
      ],
    });

    await first.reload();
    await card(first, 14).waitFor();
    await expect(chips(first)).resolves.toEqual(["Company 1", "Contact 1", "Contact 2"]);
    await expect(card(first, 14).innerText()).resolves.toContain("Renamed on the portal");
    // The dialog stayed open through the reload (?booking=14) and shows the same clients.
    await expect(first.getByRole("dialog").getByLabel("client 3 id").inputValue()).resolves.toBe(
      "2",
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    await first.getByRole("button", { name: "close" }).click();
    await first.screenshot({ path: join(ARTIFACTS, "booking-board.png") });
    expect(statSync(join(ARTIFACTS, "booking-board.png")).size).toBeGreaterThan(10_000);
  }, 60_000);

  it("shows BOOKING_NOT_FOUND for a booking that does not exist", async () => {
    await first.getByLabel("booking id").fill("999");
    await first.getByRole("button", { name: "Open" }).click();
    const alert = first.getByRole("dialog").getByRole("alert");
    await alert.waitFor();
    await expect(alert.locator(".error-code").innerText()).resolves.toBe("BOOKING_NOT_FOUND");
    expect(new URL(first.url()).searchParams.get("booking")).toBe("999");
  }, 30_000);

  it("shows BAD_USER_INPUT naming the field for a client id that is not a positive integer", async () => {
    await open(first, `?day=${DAY}&booking=14`);
    const dialog = first.getByRole("dialog");
    await dialog.getByLabel("client 2 id").waitFor();
    await dialog.getByLabel("client 2 id").fill("-3");
    await dialog.getByRole("button", { name: "Save clients" }).click();
    const alert = dialog.locator("form.clients-editor").getByRole("alert");
    await alert.waitFor();
    await expect(alert.locator(".error-code").innerText()).resolves.toBe("BAD_USER_INPUT");
    await expect(alert.innerText()).resolves.toMatch(/clients\[1\]\.id/);
    // Refused before any upstream call: the portal still has both contacts.
    await expect(
      portalCall(stack.portal, "booking.v1.booking.client.list", { bookingId: 14 }),
    ).resolves.toMatchObject({ bookingClient: [{ id: 1 }, { id: 1 }, { id: 2 }] });
  }, 30_000);

  it("runs only its own operations: an unlisted query from the same page is refused with DOCUMENT_NOT_TRUSTED", async () => {
    const answer = await first.evaluate(async () => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ clientTypes { code } }" }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(answer).toEqual({
      status: 400,
      body: {
        errors: [
          expect.objectContaining({
            extensions: expect.objectContaining({ code: "DOCUMENT_NOT_TRUSTED" }),
          }),
        ],
      },
    });
    expect(browser.pageErrors).toEqual([]);
    expect(browser.leftTheMachine).toEqual([]);
  }, 30_000);
});

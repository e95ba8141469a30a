import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import { callWithToken, installInto } from "./application-client";
import { EventReceiver, type Delivery } from "./event-receiver";
import { postJson, type SuccessBody } from "./rest-client";

failOnUnhandledRejections();

const APPLICATION_TOKEN = "9a1e2d3c4b5a69788796a5b4c3d2e1f0";

let clock: ManualClock;
let portal: DemoPortal;
/** Gets the installation callback. */
let installer: EventReceiver;
/** The ONOFFLINEEVENT handler. */
let handler: EventReceiver;
let accessToken: string;

beforeEach(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({ clock, applicationToken: APPLICATION_TOKEN });
  installer = await EventReceiver.start();
  handler = await EventReceiver.start();
  ({ accessToken } = await installInto(portal, installer));
  await bind({ event: "ONBOOKINGWAITLISTITEMADD", event_type: "offline" });
});
afterEach(async () => {
  await portal.close();
  await installer.close();
  await handler.close();
});

async function bind(params: Record<string, unknown>): Promise<void> {
  const reply = await callWithToken(portal, accessToken, "event.bind", params);
  expect(reply.status).toBe(200);
}

/** Binds the notification handler, with `minTimeout` unless undefined. */
function bindNotification(minTimeout?: number | string): Promise<void> {
  return bind({
    event: "ONOFFLINEEVENT",
    handler: handler.url,
    ...(minTimeout === undefined ? {} : { options: { minTimeout } }),
  });
}

/** Queues a change: a new waitlist item, through the incoming webhook. */
async function queueChange(): Promise<void> {
  const reply = await postJson(`${portal.webhookUrl}booking.v1.waitlist.add`, { fields: {} });
  expect(reply.status).toBe(200);
}

/** Every notification so far; all delivered, so the clock may move without timing one out. */
async function notified(count: number): Promise<Delivery[]> {
  const deliveries = await handler.received(count);
  await portal.waitFor((stats) => stats.eventsSent === 1 + count);
  return deliveries;
}

/**
 * A change a second later, and every notification up to its own, recognised by its ts. Deliveries
 * to one URL arrive in order, so whatever was sent before it has arrived by then: the count proves
 * nothing else was sent. Only for a moment no quiet period runs.
 */
async function notificationsUpToANewChange(): Promise<Delivery[]> {
  clock.advance(1_000);
  const ts = String(Math.floor(clock.now() / 1000));
  await queueChange();
  for (let count = 1; ; count += 1) {
    const deliveries = await handler.received(count);
    if (deliveries.some((delivery) => new URLSearchParams(delivery.body).get("ts") === ts)) {
      await portal.waitFor((stats) => stats.eventsSent >= 1 + deliveries.length);
      return deliveries;
    }
  }
}

describe("ONOFFLINEEVENT", () => {
  it("posts the event without data, with the application's token and no refresh token", async () => {
    await bindNotification();
    clock.advance(1_200);
    await queueChange();

    const [delivery] = await notified(1);
    const tokens = portal.applicationTokens();
    const ts = String(Math.floor(clock.now() / 1000));
    expect(delivery?.fields).toEqual([
      ["event", "ONOFFLINEEVENT"],
      ["event_handler_id", "14"],
      ["ts", ts],
      ["auth[access_token]", tokens?.accessToken],
      ["auth[expires_in]", String(3600 - 1)],
      ["auth[scope]", "booking"],
      ["auth[domain]", new URL(portal.origin).host],
      ["auth[server_endpoint]", `${portal.origin}/oauth/rest/`],
      ["auth[status]", "L"],
      ["auth[client_endpoint]", `${portal.origin}/rest/`],
      ["auth[member_id]", portal.memberId],
      ["auth[application_token]", APPLICATION_TOKEN],
    ]);
  });

  it("leaves the access token out once it expired", async () => {
    await bindNotification();
    portal.expireAccessToken();
    await queueChange();
    const [delivery] = await notified(1);
    const keys = delivery?.fields.map(([key]) => key);
    expect(keys).not.toContain("auth[access_token]");
    expect(keys).toContain("auth[application_token]");
  });

  it("says nothing for changes that are not queued", async () => {
    await bindNotification(0);
    await postJson(`${portal.webhookUrl}booking.v1.resourceType.add`, {
      fields: { name: "Boats", code: "boats" },
    });
    expect(await notificationsUpToANewChange()).toHaveLength(1);
  });

  it("with minTimeout 5 notifies the first change at once and the rest once the 5 s are over", async () => {
    await bindNotification(5);
    await queueChange();
    await notified(1);

    await queueChange();
    await queueChange();
    clock.advance(4_999);
    // The quiet period is still running: nothing was sent for the two changes.
    expect(clock.pendingDelays).toEqual([1]);
    expect(handler.deliveries).toHaveLength(1);

    clock.advance(1);
    await notified(2);
    // The trailing notification started a quiet period of its own.
    expect(clock.pendingDelays).toEqual([5_000]);
    await queueChange();
    clock.advance(5_000);
    await notified(3);
  });

  it("sends no trailing notification when nothing changed during the quiet period", async () => {
    await bindNotification(5);
    await queueChange();
    await notified(1);
    clock.advance(5_000);
    expect(clock.pending).toBe(0);
    expect(await notificationsUpToANewChange()).toHaveLength(2);
  });

  it("defaults to minTimeout 1", async () => {
    await bindNotification();
    await queueChange();
    await notified(1);
    await queueChange();
    expect(clock.pendingDelays).toEqual([1_000]);
    clock.advance(1_000);
    await notified(2);
  });

  it("with minTimeout 0 sends one notification per REST request, a batch being one", async () => {
    await bindNotification("0");
    const add = "booking.v1.waitlist.add?fields[note]=x";
    const batch = await postJson<SuccessBody>(`${portal.webhookUrl}batch`, {
      cmd: [add, add, add],
    });
    expect(batch.status).toBe(200);
    expect(await notificationsUpToANewChange()).toHaveLength(2);
    expect(await notificationsUpToANewChange()).toHaveLength(3);
    expect(portal.stats().offlineQueued).toBe(5);
    expect(clock.pending).toBe(0);
  });

  it("is refused a second time for the same handler, and stops once unbound", async () => {
    await bindNotification(5);
    const again = await callWithToken(portal, accessToken, "event.bind", {
      event: "ONOFFLINEEVENT",
      handler: handler.url,
    });
    expect(again.body).toEqual({
      error: "ERROR_CORE",
      error_description: "Unable to set event handler: Handler already binded",
    });
    await queueChange();
    await notified(1);
    await queueChange();
    const unbound = await callWithToken<SuccessBody>(portal, accessToken, "event.unbind", {
      event: "ONOFFLINEEVENT",
      handler: handler.url,
    });
    expect(unbound.body.result).toEqual({ count: 1 });
    clock.advance(5_000);

    // A handler bound anew starts afresh and is the only one told.
    await bindNotification(0);
    expect(await notificationsUpToANewChange()).toHaveLength(2);
  });

  it("stops with the uninstall, its quiet period too", async () => {
    await bindNotification(5);
    await queueChange();
    await notified(1);
    await queueChange();
    expect(clock.pending).toBe(1);
    await portal.uninstallApplication();
    expect(clock.pending).toBe(0);
  });
});

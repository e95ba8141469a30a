import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { MANUAL_CLOCK_START, ManualClock } from "../helpers/manual-clock";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import {
  callWithToken,
  installInto,
  refreshByGet,
  refreshParams,
  type InstalledTokens,
} from "./application-client";
import { EventReceiver, refusingUrl } from "./event-receiver";
import {
  get,
  JSON_CONTENT_TYPE,
  postForm,
  postJson,
  send,
  type ErrorBody,
  type SuccessBody,
} from "./rest-client";

failOnUnhandledRejections();

const APPLICATION_TOKEN = "5f1e2d3c4b5a69788796a5b4c3d2e1f0";
const CLIENT_ID = "local.6650a1b2c3d4e.12345678";
const CLIENT_SECRET = "s3cr3t-0f-the-app";
const START_SECONDS = MANUAL_CLOCK_START / 1000;

const EXPIRED: ErrorBody = {
  error: "expired_token",
  error_description: "The access token provided has expired",
};
const NO_AUTH: ErrorBody = {
  error: "NO_AUTH_FOUND",
  error_description: "Wrong authorization data",
};

interface TokenBody {
  access_token: string;
  refresh_token: string;
  expires: number;
  expires_in: number;
  [key: string]: unknown;
}

interface ProfileBody {
  ID: string;
  ADMIN: boolean;
}

let clock: ManualClock;
let portal: DemoPortal;
let receiver: EventReceiver;

beforeEach(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({
    clock,
    applicationToken: APPLICATION_TOKEN,
    application: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessTokenTtlSeconds: 600 },
    oauthTokens: { "token-anna": 3 },
  });
  receiver = await EventReceiver.start();
});
afterEach(async () => {
  await portal.close();
  await receiver.close();
});

function profile(accessToken: string) {
  return callWithToken<SuccessBody<ProfileBody>>(portal, accessToken, "profile");
}

/** A successful refresh of `refreshToken`, by GET. */
async function refresh(refreshToken: string): Promise<TokenBody> {
  const reply = await refreshByGet<TokenBody>(portal, refreshParams(portal, refreshToken));
  expect(reply.status).toBe(200);
  return reply.body;
}

describe("the application", () => {
  it("defaults to a local application's client id, a 32-hex secret and the portal's OAuth URL", async () => {
    const plain = await startDemoPortal();
    try {
      expect(plain.application.clientId).toMatch(/^local\.[0-9a-f]{13}\.\d{8}$/);
      expect(plain.application.clientSecret).toMatch(/^[0-9a-f]{32}$/);
      expect(plain.oauthServerUrl).toBe(`${plain.origin}/oauth/`);
      expect(plain.applicationTokens()).toBeUndefined();
      const shown = await get(`${plain.origin}/_demo/application`);
      expect(shown.body).toEqual({
        clientId: plain.application.clientId,
        clientSecret: plain.application.clientSecret,
        installed: false,
        paymentRequired: false,
      });
    } finally {
      await plain.close();
    }
  });

  it("takes its credentials and token lifetime from the options, and refuses bad ones", async () => {
    expect(portal.application).toEqual({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    await expect(
      startDemoPortal({ application: { clientId: "", clientSecret: "x" } }),
    ).rejects.toThrow(
      new TypeError(
        'application.clientId must be a non-empty string of printable characters without spaces, got ""',
      ),
    );
    await expect(
      startDemoPortal({ application: { clientId: "a", clientSecret: "has space" } }),
    ).rejects.toThrow(
      new TypeError(
        "application.clientSecret must be a non-empty string of printable characters without spaces, got a string of 9 characters",
      ),
    );
    await expect(
      startDemoPortal({
        application: { clientId: "a", clientSecret: "b", accessTokenTtlSeconds: 0 },
      }),
    ).rejects.toThrow(
      new TypeError("application.accessTokenTtlSeconds must be a positive integer, got 0"),
    );
  });
});

describe("installation", () => {
  it("posts ONAPPINSTALL to the handler with the first token pair and the application token", async () => {
    clock.advance(2_500);
    const ts = START_SECONDS + 2;
    const { status } = await portal.installApplication(receiver.url);
    expect(status).toBe(200);

    const [delivery] = await receiver.received(1);
    const tokens = portal.applicationTokens();
    expect(delivery?.contentType).toBe("application/x-www-form-urlencoded");
    expect(delivery?.fields).toEqual([
      ["event", "ONAPPINSTALL"],
      ["data[VERSION]", "1"],
      ["data[ACTIVE]", "Y"],
      ["data[INSTALLED]", "Y"],
      ["data[LANGUAGE_ID]", "en"],
      ["ts", String(ts)],
      ["auth[access_token]", tokens?.accessToken],
      ["auth[expires]", String(ts + 600)],
      ["auth[expires_in]", "600"],
      ["auth[scope]", "booking"],
      ["auth[domain]", new URL(portal.origin).host],
      ["auth[server_endpoint]", `${portal.origin}/oauth/rest/`],
      ["auth[status]", "L"],
      ["auth[client_endpoint]", `${portal.origin}/rest/`],
      ["auth[member_id]", portal.memberId],
      ["auth[user_id]", "1"],
      ["auth[refresh_token]", tokens?.refreshToken],
      ["auth[application_token]", APPLICATION_TOKEN],
    ]);
    await portal.waitFor((stats) => stats.eventsSent === 1);
  });

  it("gives an access token that acts as user 1, an administrator, in every place a token may travel", async () => {
    const { accessToken } = await installInto(portal, receiver);
    const expected = { ID: "1", ADMIN: true };
    expect((await profile(accessToken)).body.result).toMatchObject(expected);
    const asAuth = await postJson<SuccessBody>(`${portal.origin}/rest/profile`, {
      auth: accessToken,
    });
    expect(asAuth.body.result).toMatchObject(expected);
    const asParam = await get<SuccessBody>(
      `${portal.origin}/rest/profile?access_token=${accessToken}`,
    );
    expect(asParam.body.result).toMatchObject(expected);
    // The oauthTokens option still acts as regular users.
    expect((await profile("token-anna")).body.result).toMatchObject({ ID: "3", ADMIN: false });
    expect(portal.stats().callsByUser).toEqual({ "1": 3, "3": 1 });
  });

  it("reports the handler's status, and 0 for one that cannot be reached, installing either way", async () => {
    receiver.status = 500;
    expect(await portal.installApplication(receiver.url)).toEqual({ status: 500 });
    await portal.waitFor((stats) => stats.eventsFailed === 1);
    const first = portal.applicationTokens();

    expect(await portal.installApplication(await refusingUrl())).toEqual({ status: 0 });
    const second = portal.applicationTokens();
    expect(second).toBeDefined();
    expect((await profile(second?.accessToken ?? "")).status).toBe(200);
    // A new installation revokes the earlier one's tokens.
    expect((await profile(first?.accessToken ?? "")).body).toEqual(NO_AUTH);
    await portal.waitFor((stats) => stats.eventsFailed === 2);
  });

  it("is refused for a URL that is not absolute http(s), changing nothing", async () => {
    await expect(portal.installApplication("ftp://apps.example.com/install")).rejects.toThrow(
      new TypeError(
        'handlerUrl must be an absolute http or https URL, got "ftp://apps.example.com/install"',
      ),
    );
    expect(portal.applicationTokens()).toBeUndefined();
  });

  it("can be done through POST /_demo/application/install", async () => {
    const reply = await postJson(`${portal.origin}/_demo/application/install`, {
      handlerUrl: receiver.url,
    });
    expect(reply.body).toEqual({ status: 200 });
    await receiver.received(1);
    const shown = await get(`${portal.origin}/_demo/application`);
    expect(shown.body).toMatchObject({ clientId: CLIENT_ID, installed: true });
    const refused = await postJson<ErrorBody>(`${portal.origin}/_demo/application/install`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error_description).toBe(
      "handlerUrl must be an absolute http or https URL, got undefined",
    );
  });
});

describe("the token endpoint", () => {
  let installed: InstalledTokens;
  beforeEach(async () => {
    installed = await installInto(portal, receiver);
  });

  it("answers a refresh with a new pair in the docs' shape", async () => {
    clock.advance(10_000);
    const body = await refresh(installed.refreshToken);
    const host = new URL(portal.origin).host;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
      client_endpoint: `${portal.origin}/rest/`,
      domain: host,
      expires: START_SECONDS + 10 + 600,
      expires_in: 600,
      member_id: portal.memberId,
      refresh_token: expect.stringMatching(/^[0-9a-f]{32}$/),
      scope: "booking",
      server_endpoint: `${portal.origin}/oauth/rest/`,
      status: "L",
      user_id: 1,
    });
    expect(body.access_token).not.toBe(installed.accessToken);
    expect(body.refresh_token).not.toBe(installed.refreshToken);
    expect(portal.applicationTokens()).toEqual({
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
    });
  });

  it("rotates: the old access token is expired_token, the used refresh token refused for ever", async () => {
    const second = await refresh(installed.refreshToken);
    expect((await profile(installed.accessToken)).body).toEqual(EXPIRED);
    expect((await profile(second.access_token)).status).toBe(200);

    const reuse = await refreshByGet(portal, refreshParams(portal, installed.refreshToken));
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: "invalid_grant" });

    const third = await refresh(second.refresh_token);
    // Still refused after later refreshes, and the refusal changed nothing.
    for (const used of [installed.refreshToken, second.refresh_token]) {
      const reply = await refreshByGet(portal, refreshParams(portal, used));
      expect(reply.body).toMatchObject({ error: "invalid_grant" });
    }
    expect((await profile(second.access_token)).body).toEqual(EXPIRED);
    expect((await profile(third.access_token)).status).toBe(200);
    expect(portal.refreshTokensPresented()).toEqual([
      installed.refreshToken,
      installed.refreshToken,
      second.refresh_token,
      installed.refreshToken,
      second.refresh_token,
    ]);
    expect(portal.stats()).toMatchObject({ oauthRefreshes: 2, oauthRefreshesRefused: 3 });
  });

  it("takes the parameters in a form body or a JSON body too", async () => {
    const form = await postForm<TokenBody>(
      `${portal.oauthServerUrl}token/`,
      new URLSearchParams(refreshParams(portal, installed.refreshToken)).toString(),
    );
    expect(form.status).toBe(200);
    expect(form.contentType).toBe(JSON_CONTENT_TYPE);
    const json = await postJson<TokenBody>(
      `${portal.oauthServerUrl}token`,
      refreshParams(portal, form.body.refresh_token),
    );
    expect(json.status).toBe(200);
    expect((await profile(json.body.access_token)).status).toBe(200);
  });

  it("lets the access token work until its expiry on the portal's clock, then answers expired_token", async () => {
    clock.advance(599_999);
    expect((await profile(installed.accessToken)).status).toBe(200);
    clock.advance(1);
    const expired = await profile(installed.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(EXPIRED);
    // The refresh token outlives its access token.
    const next = await refresh(installed.refreshToken);
    expect((await profile(next.access_token)).status).toBe(200);
  });

  it("expires the access token on demand, keeping the refresh token", async () => {
    portal.expireAccessToken();
    expect((await profile(installed.accessToken)).body).toEqual(EXPIRED);
    const next = await refresh(installed.refreshToken);

    const reply = await postJson(`${portal.origin}/_demo/application/expire-access-token`, {});
    expect(reply.body).toMatchObject({ installed: true });
    expect((await profile(next.access_token)).body).toEqual(EXPIRED);
    expect((await refresh(next.refresh_token)).access_token).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses a wrong client with 401 invalid_client and missing parameters with 400 invalid_request", async () => {
    const wrongSecret = await refreshByGet(portal, {
      ...refreshParams(portal, installed.refreshToken),
      client_secret: "guess",
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toEqual({
      error: "invalid_client",
      error_description: "Invalid client_id or client_secret",
    });
    const wrongId = await refreshByGet(portal, {
      ...refreshParams(portal, installed.refreshToken),
      client_id: "local.other.1",
    });
    expect(wrongId.status).toBe(401);

    const missing = await refreshByGet(portal, { grant_type: "refresh_token" });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: "invalid_request",
      error_description: "Required parameters missing: client_id, client_secret",
    });
    const noToken = await refreshByGet(portal, { ...refreshParams(portal, ""), refresh_token: "" });
    expect(noToken.body).toEqual({
      error: "invalid_request",
      error_description: "Required parameters missing: refresh_token",
    });
    const code = await refreshByGet(portal, {
      ...refreshParams(portal, installed.refreshToken),
      grant_type: "authorization_code",
      code: "abc",
    });
    expect(code.status).toBe(400);
    expect(code.body).toMatchObject({ error: "invalid_grant" });
    // None of these used the refresh token up.
    expect((await refresh(installed.refreshToken)).access_token).toMatch(/^[0-9a-f]{32}$/);
    expect(portal.stats()).toMatchObject({ oauthRefreshes: 1, oauthRefreshesRefused: 5 });
  });

  it("refuses refreshes with 403 PAYMENT_REQUIRED while payment is required, then works again", async () => {
    portal.setPaymentRequired(true);
    const refused = await refreshByGet(portal, refreshParams(portal, installed.refreshToken));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: "PAYMENT_REQUIRED",
      error_description: "Payment required",
    });
    await portal.waitFor((stats) => stats.oauthRefreshesRefused === 1);

    const patched = await send(`${portal.origin}/_demo/application`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ paymentRequired: false }),
    });
    expect(patched.body).toMatchObject({ paymentRequired: false });
    expect((await refresh(installed.refreshToken)).user_id).toBe(1);

    const bad = await send<ErrorBody>(`${portal.origin}/_demo/application`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ paymentRequired: "yes" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error_description).toBe('paymentRequired must be true or false, got "yes"');
  });

  it("answers 404 for other paths under /oauth/", async () => {
    const reply = await get<ErrorBody>(`${portal.oauthServerUrl}authorize/`);
    expect(reply.status).toBe(404);
    expect(reply.body.error).toBe("NOT_FOUND");
  });
});

describe("events to the application's own handlers", () => {
  it("carry the installation's current token and the portal's server endpoint", async () => {
    const installed = await installInto(portal, receiver);
    const bound = await callWithToken(portal, installed.accessToken, "event.bind", {
      event: "ONBOOKINGWAITLISTITEMADD",
      handler: receiver.url,
    });
    expect(bound.status).toBe(200);
    const { access_token: current } = await refresh(installed.refreshToken);
    clock.advance(60_000);
    const added = await postJson<SuccessBody<number>>(
      `${portal.webhookUrl}booking.v1.waitlist.add`,
      { fields: {} },
    );

    const deliveries = await receiver.received(2);
    expect(deliveries[1]?.fields).toEqual([
      ["event", "ONBOOKINGWAITLISTITEMADD"],
      ["event_handler_id", "13"],
      ["data[ID]", String(added.body.result)],
      ["ts", String(START_SECONDS + 60)],
      ["auth[access_token]", current],
      ["auth[expires_in]", "540"],
      ["auth[scope]", "booking"],
      ["auth[domain]", new URL(portal.origin).host],
      ["auth[server_endpoint]", `${portal.origin}/oauth/rest/`],
      ["auth[status]", "L"],
      ["auth[client_endpoint]", `${portal.origin}/rest/`],
      ["auth[member_id]", portal.memberId],
      ["auth[application_token]", APPLICATION_TOKEN],
    ]);
    await portal.waitFor((stats) => stats.eventsSent === 2);
  });
});

describe("uninstall", () => {
  it("revokes every token, removes the bindings, and posts ONAPPUNINSTALL without tokens", async () => {
    const installed = await installInto(portal, receiver);
    const { access_token: current } = await refresh(installed.refreshToken);
    const bound = await callWithToken(portal, current, "event.bind", {
      event: "ONBOOKINGADD",
      event_type: "offline",
    });
    expect(bound.status).toBe(200);
    clock.advance(3_000);

    expect(await portal.uninstallApplication(receiver.url)).toEqual({ status: 200 });
    const deliveries = await receiver.received(2);
    expect(deliveries[1]?.fields).toEqual([
      ["event", "ONAPPUNINSTALL"],
      ["data[LANGUAGE_ID]", "en"],
      ["data[CLEAN]", "0"],
      ["ts", String(START_SECONDS + 3)],
      ["auth[domain]", new URL(portal.origin).host],
      ["auth[client_endpoint]", `${portal.origin}/rest/`],
      ["auth[server_endpoint]", `${portal.origin}/oauth/rest/`],
      ["auth[member_id]", portal.memberId],
      ["auth[application_token]", APPLICATION_TOKEN],
    ]);
    for (const token of [installed.accessToken, current]) {
      const reply = await profile(token);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual(NO_AUTH);
    }
    const refused = await refreshByGet(portal, refreshParams(portal, installed.refreshToken));
    expect(refused.body).toMatchObject({ error: "invalid_grant" });
    expect(portal.applicationTokens()).toBeUndefined();

    const again = await installInto(portal, receiver);
    const handlers = await callWithToken<SuccessBody>(portal, again.accessToken, "event.get");
    expect(handlers.body.result).toEqual([]);
  });

  it("works without a URL and through POST /_demo/application/uninstall", async () => {
    await installInto(portal, receiver);
    expect(await portal.uninstallApplication()).toEqual({ status: 0 });
    expect(portal.applicationTokens()).toBeUndefined();

    await installInto(portal, receiver);
    const reply = await send(`${portal.origin}/_demo/application/uninstall`, { method: "POST" });
    expect(reply.body).toEqual({ status: 0 });
    expect(portal.applicationTokens()).toBeUndefined();
    expect(() => portal.expireAccessToken()).toThrow(
      "no application is installed, so there is no access token to expire",
    );
    const expire = await send(`${portal.origin}/_demo/application/expire-access-token`, {
      method: "POST",
    });
    expect(expire.status).toBe(409);
    expect(receiver.deliveries).toHaveLength(2);
  });
});

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gql, post, read, startHardenedStack, type HardenedStack, type RawResponse } from "./stack";

/**
 * Application mode's secrets: the client secret (made up for this run, holding CANARY), and every
 * access and refresh token the portal issued during the test. None may show up in a response body
 * or header, a log line, /metrics or /readyz, whatever happens to the installation.
 */
const CANARY = `cnry${randomBytes(6).toString("hex")}`;
const CLIENT_SECRET = `sec_${CANARY}_client`;

describe("secrets never leave the gateway, in application mode", () => {
  let stack: HardenedStack;
  let dir: string;
  const outputs: string[] = [];
  const tokens = new Set<string>([CLIENT_SECRET]);

  const collect = (response: RawResponse) => {
    outputs.push(
      response.text,
      ...[...response.headers].map(([name, value]) => `${name}: ${value}`),
    );
    return response;
  };
  const remember = () => {
    const issued = stack.portal.applicationTokens();
    if (issued) {
      tokens.add(issued.accessToken);
      tokens.add(issued.refreshToken);
    }
  };
  const query = async () =>
    collect(await post(stack.gateway.url, gql("{ booking(id: 14) { name } }")));
  const get = async (path: string) => collect(await read(await fetch(`${stack.base}${path}`)));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "b24gw-canary-"));
    stack = await startHardenedStack({
      oauth: true,
      logLevel: "trace",
      portal: { application: { clientId: "local.canary.1", clientSecret: CLIENT_SECRET } },
      env: (portal) => ({
        BITRIX24_OAUTH_URL: portal.oauthServerUrl,
        BITRIX24_APP_ID: "local.canary.1",
        BITRIX24_APP_SECRET: CLIENT_SECRET,
        INSTALLATION_FILE: join(dir, "installation.json"),
        OFFLINE_EVENTS_POLL_S: "1",
      }),
    });
  });
  afterAll(async () => {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("through install, refresh, payment, events and uninstall", async () => {
    const install = `${stack.base}/bitrix24/install`;
    // A forged install call: tokens the portal does not know.
    collect(
      await post(install, {
        event: "ONAPPINSTALL",
        auth: {
          access_token: `forged_${CANARY}`,
          refresh_token: `forged_refresh_${CANARY}`,
          application_token: `forged_app_${CANARY}`,
          member_id: "m",
        },
      }),
    );
    await query();
    expect((await stack.portal.installApplication(install)).status).toBe(200);
    remember();
    tokens.add(stack.portal.applicationToken);
    await query();
    stack.portal.expireAccessToken();
    await query();
    remember();
    stack.portal.setPaymentRequired(true);
    stack.portal.expireAccessToken();
    await query();
    await get("/readyz");
    await get("/metrics");
    stack.portal.setPaymentRequired(false);
    // Events: one with a made-up token, the signal, and the portal's own uninstall.
    collect(
      await post(`${stack.base}/bitrix24/events`, {
        event: "ONOFFLINEEVENT",
        auth: { application_token: `wrong_${CANARY}` },
      }),
    );
    expect((await stack.portal.uninstallApplication(`${stack.base}/bitrix24/events`)).status).toBe(
      200,
    );
    await query();
    await get("/readyz");
    await get("/metrics");
    for (const presented of stack.portal.refreshTokensPresented()) tokens.add(presented);

    expect(tokens.size).toBeGreaterThan(4);
    expect(stack.logs.length).toBeGreaterThan(10);
    const texts = [...outputs, ...stack.logs];
    const leaks = [...tokens, CANARY].filter((secret) =>
      texts.some((text) => text.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });
});

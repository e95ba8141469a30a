import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import type { Gateway } from "../../src/server";
import { applicationEnv, installationState, originOf, startReplica } from "./app-stack";

describe("POST /bitrix24/install refuses what is not an install call", () => {
  let portal: DemoPortal;
  let gateway: Gateway;
  let dir: string;

  beforeAll(async () => {
    portal = await startDemoPortal();
    dir = await mkdtemp(join(tmpdir(), "b24gw-install-route-"));
    gateway = await startReplica(
      applicationEnv(portal, { store: { INSTALLATION_FILE: join(dir, "installation.json") } }),
    );
  });
  afterAll(async () => {
    await gateway.stop();
    await portal.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (body: string, type = "application/json") =>
    fetch(`${originOf(gateway)}/bitrix24/install`, {
      method: "POST",
      headers: { "content-type": type },
      body,
    });

  it.each([
    ["malformed JSON", "{not json", "application/json", 400],
    [
      "a body past MAX_EVENT_BODY_BYTES",
      JSON.stringify({ pad: "x".repeat(20_000) }),
      "application/json",
      413,
    ],
    ["another event", "event=ONAPPUNINSTALL", "application/x-www-form-urlencoded", 400],
    [
      "tokens the portal does not know",
      JSON.stringify({
        event: "ONAPPINSTALL",
        auth: {
          access_token: "forged",
          refresh_token: "r",
          application_token: "a",
          member_id: "m",
        },
      }),
      "application/json",
      403,
    ],
  ])("%s: %#", async (_what, body, type, status) => {
    const response = await post(body, type);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error?: string }).error).toEqual(expect.any(String));
    expect(await installationState(gateway)).toBe("not_installed");
  });
});

import { loadConfig } from "../../src/config";

const APP = {
  BITRIX24_PORTAL_URL: "https://portal.example",
  BITRIX24_APP_ID: "local.0123456789abc.12345678",
  BITRIX24_APP_SECRET: "application-secret-value",
};

describe("application mode: configuration", () => {
  it("keeps the installation in PostgreSQL or in a file, and pushes to GATEWAY_PUBLIC_URL", () => {
    const replicas = loadConfig({
      ...APP,
      DATABASE_URL: "postgres://gw:pw@db/b24gw",
      GATEWAY_PUBLIC_URL: "https://gw.example/",
    });
    expect(replicas.portal).toMatchObject({
      mode: "application",
      restEndpoint: "https://portal.example/rest/",
      application: {
        store: { kind: "postgres" },
        publicUrl: "https://gw.example",
        oauthUrl: "https://oauth.bitrix.info/oauth/",
      },
    });
    const single = loadConfig({ ...APP, INSTALLATION_FILE: "/var/lib/b24gw/installation.json" });
    expect(single.portal).toMatchObject({
      application: { store: { kind: "file" }, publicUrl: undefined },
    });
    expect(single.offlineEvents).toEqual({ pollSeconds: 30, signalMinSeconds: 10 });
  });

  it.each([
    [{ ...APP, BITRIX24_APP_SECRET: "" }, /BITRIX24_APP_ID: set BITRIX24_APP_SECRET/],
    [APP, /set DATABASE_URL \(PostgreSQL, for replicas\) or INSTALLATION_FILE \(one replica\)/],
    [
      { ...APP, DATABASE_URL: "postgres://db/x", INSTALLATION_FILE: "/tmp/i.json" },
      /DATABASE_URL and INSTALLATION_FILE: set one of them/,
    ],
    [
      { ...APP, INSTALLATION_FILE: "/tmp/i.json", REDIS_URL: "redis://127.0.0.1:6379" },
      /INSTALLATION_FILE with REDIS_URL: replicas sharing Redis would each keep their own tokens/,
    ],
    [
      { BITRIX24_APP_ID: "local.x", BITRIX24_APP_SECRET: "s", INSTALLATION_FILE: "/tmp/i.json" },
      /BITRIX24_APP_ID: set BITRIX24_PORTAL_URL/,
    ],
    [
      { ...APP, DATABASE_URL: "mysql://db/x" },
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL \(got "mysql:\/\/db\/x"\)/,
    ],
    [
      { ...APP, INSTALLATION_FILE: "/tmp/i.json", GATEWAY_PUBLIC_URL: "gw.example" },
      /GATEWAY_PUBLIC_URL: must be an origin like https:\/\/gw.example.com/,
    ],
    [
      {
        ...APP,
        INSTALLATION_FILE: "/tmp/i.json",
        NODE_ENV: "production",
        METRICS: "off",
      },
      /no caller authentication is configured/,
    ],
  ])("refuses %j with one line naming the rule", (env, rule) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(rule);
  });

  it("never shows the client secret or the database password in an error", () => {
    let message = "";
    try {
      loadConfig({ ...APP, DATABASE_URL: "postgres://gw:database-password@db/x", PORT: "x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("PORT");
    expect(message).not.toContain("database-password");
    expect(message).not.toContain(APP.BITRIX24_APP_SECRET);
  });
});

import { helpText, loadConfig, READ_VARIABLES } from "../../src/config";
import { problemsOf } from "../helpers/config-problems";

const WEBHOOK = "https://portal.example/rest/1/webhook-secret-0123/";
/** Production, with the metrics token it requires (its absence has a test of its own). */
const PRODUCTION = { NODE_ENV: "production", METRICS_TOKEN: "config-test-metrics-token" };

describe("configuration of the hardening settings", () => {
  it("refuses to start in production when no caller authentication is configured, in one line", () => {
    const problems = problemsOf({ ...PRODUCTION, BITRIX24_WEBHOOK_URL: WEBHOOK });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^NODE_ENV=production: no caller authentication is configured/);
    expect(problems[0]).not.toContain("\n");
  });

  it("starts in production with tokens, a JWT secret, a router secret or in OAuth mode", () => {
    const credentials: Array<Record<string, string>> = [
      { GATEWAY_TOKENS: "a-token-of-16-chars-or-more" },
      { GATEWAY_JWT_SECRET: "a-jwt-secret-of-32-characters-or-more" },
      { ROUTER_SECRET: "a-router-secret-16+" },
    ];
    for (const env of credentials) {
      expect(problemsOf({ ...PRODUCTION, BITRIX24_WEBHOOK_URL: WEBHOOK, ...env })).toEqual([]);
    }
    expect(problemsOf({ ...PRODUCTION, BITRIX24_PORTAL_URL: "https://portal.example" })).toEqual(
      [],
    );
  });

  it("refuses to start in production with no portal configured, in one line that says what to set", () => {
    expect(problemsOf({ ...PRODUCTION })).toEqual([
      expect.stringMatching(
        /^NODE_ENV=production: no portal is configured; set BITRIX24_WEBHOOK_URL or BITRIX24_PORTAL_URL \(or DEMO_PORTAL=on/,
      ),
    ]);
  });

  it("runs the embedded demo portal in production only when DEMO_PORTAL=on asks for it, and then open", () => {
    expect(loadConfig({ ...PRODUCTION, DEMO_PORTAL: "on" }).portal.mode).toBe("demo");
    expect(loadConfig({}).portal.mode).toBe("demo");
    expect(problemsOf({ DEMO_PORTAL: "off" })).toEqual([
      expect.stringMatching(/^DEMO_PORTAL=off: no portal is configured/),
    ]);
  });

  it("turns introspection, Sandbox, public federation fields and local CORS off in production", () => {
    const dev = loadConfig({ BITRIX24_WEBHOOK_URL: WEBHOOK });
    expect([dev.introspection, dev.sandbox, dev.auth.federationPublic]).toEqual([true, true, true]);
    expect(dev.corsOrigins).toBeInstanceOf(RegExp);
    const prod = loadConfig({
      ...PRODUCTION,
      BITRIX24_WEBHOOK_URL: WEBHOOK,
      ROUTER_SECRET: "r".repeat(16),
    });
    expect([prod.introspection, prod.sandbox, prod.auth.federationPublic]).toEqual([
      false,
      false,
      false,
    ]);
    expect(prod.corsOrigins).toEqual([]);
    const opted = loadConfig({
      ...PRODUCTION,
      BITRIX24_WEBHOOK_URL: WEBHOOK,
      ROUTER_SECRET: "r".repeat(16),
      INTROSPECTION: "on",
      SANDBOX: "on",
      CORS_ORIGINS: "https://app.example.com, http://localhost:3000",
    });
    expect([opted.introspection, opted.sandbox]).toEqual([true, true]);
    expect(opted.corsOrigins).toEqual(["https://app.example.com", "http://localhost:3000"]);
  });

  it("refuses gateway credentials in OAuth mode, where the Bitrix24 token authenticates", () => {
    const problems = problemsOf({
      BITRIX24_PORTAL_URL: "https://portal.example",
      GATEWAY_TOKENS: "a-token-of-16-chars-or-more",
    });
    expect(problems).toEqual([expect.stringMatching(/^GATEWAY_TOKENS, GATEWAY_JWT_SECRET: OAuth/)]);
  });

  it("names the variable, the rule and the value of each bad setting, masking secrets", () => {
    const problems = problemsOf({
      BITRIX24_WEBHOOK_URL: WEBHOOK,
      GATEWAY_TOKENS: "short-secret-1",
      GATEWAY_JWT_SECRET: "short-jwt-secret",
      ROUTER_SECRET: "short-router",
      METRICS_TOKEN: "short-metrics",
      MAX_DEPTH: "1",
      MAX_UPSTREAM_COMMANDS: "lots",
      HTTP_BATCHING: "yes",
      CORS_ORIGINS: "https://app.example.com/path",
      CIRCUIT_BREAKER_THRESHOLD: "-1",
      REDIS_KEY_PREFIX: "{b24gw}:",
      REDIS_COMMAND_TIMEOUT_MS: "10",
    });
    expect(problems).toHaveLength(11);
    for (const [name, value] of [
      ["GATEWAY_TOKENS", "***"],
      ["GATEWAY_JWT_SECRET", "***"],
      ["ROUTER_SECRET", "***"],
      ["METRICS_TOKEN", "***"],
      ["MAX_DEPTH", '"1"'],
      ["MAX_UPSTREAM_COMMANDS", '"lots"'],
      ["HTTP_BATCHING", '"yes"'],
      ["CORS_ORIGINS", '"https://app.example.com/path"'],
      ["CIRCUIT_BREAKER_THRESHOLD", '"-1"'],
      ["REDIS_KEY_PREFIX", '"{b24gw}:"'],
      ["REDIS_COMMAND_TIMEOUT_MS", '"10"'],
    ]) {
      expect(problems).toContainEqual(
        expect.stringMatching(new RegExp(`^${name}: .+ \\(got ${escape(value!)}\\)$`)),
      );
    }
    const text = problems.join("\n");
    for (const secret of ["short-secret-1", "short-jwt-secret", "short-router", "short-metrics"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows a malformed secret URL with only its secret masked, and no secret at all", () => {
    // Each case: the environment (the variable refused last), what the error shows, what it must not.
    const cases: Array<[Record<string, string>, string, string[]]> = [
      [
        { BITRIX24_WEBHOOK_URL: "ftp://portal.example/rest/1/webhook-secret-0123/" },
        '"ftp://portal.example/rest/1/***/"',
        ["webhook-secret-0123"],
      ],
      [
        // No secret segment can be told apart: the scheme and host alone; no user, query or fragment.
        {
          BITRIX24_WEBHOOK_URL:
            "https://u:userinfo-secret@portal.example/hook/path-secret?q=query-secret#frag-secret",
        },
        '"https://portal.example/…"',
        ["userinfo-secret", "path-secret", "query-secret", "frag-secret"],
      ],
      [
        // A webhook URL pasted in the portal's variable still has its secret masked.
        { BITRIX24_PORTAL_URL: "https://portal.example/rest/1/webhook-secret-0123/" },
        '"https://portal.example/rest/1/***/"',
        ["webhook-secret-0123"],
      ],
      [
        // Not a URL at all: perhaps a secret in the wrong variable, so not echoed.
        { BITRIX24_WEBHOOK_URL: "webhook-secret-0123" },
        "(not a URL)",
        ["webhook-secret-0123"],
      ],
      [
        { REDIS_URL: "http://gw:redis-password@redis.internal:6379/0" },
        '"http://gw:***@redis.internal:6379/0"',
        ["redis-password"],
      ],
      [
        // A Redis user name standing alone is the password.
        { REDIS_URL: "http://redis-password@redis.internal:6379" },
        '"http://***@redis.internal:6379/"',
        ["redis-password"],
      ],
      [
        // libpq takes the password as a parameter too.
        {
          BITRIX24_PORTAL_URL: "https://portal.example",
          BITRIX24_APP_ID: "local.1",
          BITRIX24_APP_SECRET: "s",
          DATABASE_URL: "mysql://db.internal/b24gw?password=database-password",
        },
        '"mysql://db.internal/b24gw?password=***"',
        ["database-password"],
      ],
      [{ REDIS_URL: "redis-password" }, "(not a URL)", ["redis-password"]],
      [
        // Sentinel and Cluster list several hosts, which no URL parser reads: masked all the same.
        {
          REDIS_URL:
            "redis-sentinel://gw:redis-password@s1:26379,s2:26379?sentinelPassword=sentinel-password",
        },
        '"redis-sentinel://gw:***@s1:26379,s2:26379?sentinelPassword=***"',
        ["redis-password", "sentinel-password"],
      ],
      [
        { REDIS_URL: "redis-cluster://:redis-password@n1:7000,n2:7001/0" },
        '"redis-cluster://:***@n1:7000,n2:7001/0"',
        ["redis-password"],
      ],
    ];
    for (const [env, shown, secrets] of cases) {
      const name = Object.keys(env).at(-1)!;
      const problems = problemsOf(env);
      expect(problems).toEqual([
        expect.stringMatching(new RegExp(`^${name}: .+ \\(got ${escape(shown)}\\)$`)),
      ]);
      for (const secret of secrets) expect(problems.join("\n")).not.toContain(secret);
    }
  });

  it("refuses http:// to a portal or OAuth server other than loopback in production, naming the variable and the rule", () => {
    const production = { ...PRODUCTION, ROUTER_SECRET: "r".repeat(16) };
    const application = {
      BITRIX24_APP_ID: "local.1",
      BITRIX24_APP_SECRET: "application-secret",
      INSTALLATION_FILE: "/tmp/installation.json",
    };
    const cases: Array<[Record<string, string>, string, string]> = [
      [
        { BITRIX24_WEBHOOK_URL: "http://portal.example/rest/1/webhook-secret-0123/" },
        "BITRIX24_WEBHOOK_URL",
        "the webhook secret",
      ],
      [{ BITRIX24_PORTAL_URL: "http://portal.example" }, "BITRIX24_PORTAL_URL", "access tokens"],
      [
        {
          BITRIX24_PORTAL_URL: "https://portal.example",
          ...application,
          BITRIX24_OAUTH_URL: "http://oauth.example/oauth/",
        },
        "BITRIX24_OAUTH_URL",
        "client secret",
      ],
    ];
    for (const [env, name, cargo] of cases) {
      const problems = problemsOf({ ...production, ...env });
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${name}: in production, http:// to a host other than loopback sends .*${cargo}.* in clear text; use https:// \\(got "http://`,
          ),
        ),
      ]);
      expect(problems.join("\n")).not.toContain("webhook-secret-0123");
      // Allowed in development, where the demo portal and the tests use http://.
      expect(problemsOf(env)).toEqual([]);
    }
    // Loopback (127.0.0.0/8, ::1, localhost) is allowed in production; so is GATEWAY_PUBLIC_URL, which the portal calls.
    for (const host of ["127.0.0.1:8080", "127.1.2.3", "[::1]:8080", "localhost:8080"]) {
      expect(
        problemsOf({ ...production, BITRIX24_WEBHOOK_URL: `http://${host}/rest/1/secret/` }),
      ).toEqual([]);
    }
    expect(
      problemsOf({
        ...production,
        ...application,
        BITRIX24_PORTAL_URL: "https://portal.example",
        BITRIX24_OAUTH_URL: "http://127.0.0.1:9000/oauth/",
        GATEWAY_PUBLIC_URL: "http://gw.example",
      }),
    ).toEqual([]);
    // A URL already refused for its form gets one line, not two.
    expect(
      problemsOf({ ...production, BITRIX24_WEBHOOK_URL: "http://portal.example/hook/" }),
    ).toEqual([
      expect.stringMatching(
        /^BITRIX24_WEBHOOK_URL: must look like .* \(got "http:\/\/portal.example\/…"\)$/,
      ),
    ]);
  });

  it("lists every variable it reads in --help, with its default", () => {
    const help = helpText();
    for (const name of READ_VARIABLES) expect(help).toMatch(new RegExp(`^  ${name} `, "m"));
    expect(help).toMatch(/^ {2}MAX_DEPTH +Deepest field nesting.*\n +default: 10$/m);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

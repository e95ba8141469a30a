import { ConfigError, ENVIRONMENT, loadConfig, READ_VARIABLES } from "../../src/config";

const WEBHOOK = "https://portal.example/rest/1/webhook-secret-0123/";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration of the hardening settings", () => {
  it("refuses to start in production when no caller authentication is configured, in one line", () => {
    const problems = problemsOf({ NODE_ENV: "production", BITRIX24_WEBHOOK_URL: WEBHOOK });
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
      expect(problemsOf({ NODE_ENV: "production", BITRIX24_WEBHOOK_URL: WEBHOOK, ...env })).toEqual(
        [],
      );
    }
    expect(
      problemsOf({ NODE_ENV: "production", BITRIX24_PORTAL_URL: "https://portal.example" }),
    ).toEqual([]);
  });

  it("lets only the embedded demo portal run open in production", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([]);
  });

  it("turns introspection, Sandbox, public federation fields and local CORS off in production", () => {
    const dev = loadConfig({ BITRIX24_WEBHOOK_URL: WEBHOOK });
    expect([dev.introspection, dev.sandbox, dev.auth.federationPublic]).toEqual([true, true, true]);
    expect(dev.corsOrigins).toBeInstanceOf(RegExp);
    const prod = loadConfig({
      NODE_ENV: "production",
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
      NODE_ENV: "production",
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
    });
    expect(problems).toHaveLength(9);
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

  it("lists every variable it reads in --help", () => {
    const listed = new Set<string>(ENVIRONMENT.map(([name]) => name));
    for (const name of READ_VARIABLES) expect(listed).toContain(name);
    for (const name of [
      "GATEWAY_TOKENS",
      "GATEWAY_JWT_SECRET",
      "GATEWAY_JWT_ISSUER",
      "GATEWAY_JWT_AUDIENCE",
      "ROUTER_SECRET",
      "FEDERATION_PUBLIC",
      "INTROSPECTION",
      "SANDBOX",
      "CORS_ORIGINS",
      "MAX_TOKENS",
      "MAX_DEPTH",
      "MAX_ALIASES",
      "MAX_DIRECTIVES",
      "MAX_UPSTREAM_COMMANDS",
      "MAX_BODY_BYTES",
      "MAX_ENTITY_REPRESENTATIONS",
      "HTTP_BATCHING",
      "HTTP_BATCH_MAX_OPERATIONS",
      "CIRCUIT_BREAKER_THRESHOLD",
      "CIRCUIT_BREAKER_COOLDOWN_MS",
      "SHUTDOWN_GRACE_MS",
      "SHUTDOWN_READINESS_DELAY_MS",
      "READINESS_CACHE_MS",
      "METRICS",
      "METRICS_TOKEN",
      "METRICS_MAX_OPERATION_NAMES",
    ]) {
      expect(listed).toContain(name);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

import { ConfigError, helpText, loadConfig, READ_VARIABLES } from "../../src/config";

const WEBHOOK = "https://portal.example/rest/1/webhook-secret-0123/";
/** Production, with the metrics token it requires (its absence has a test of its own). */
const PRODUCTION = { NODE_ENV: "production", METRICS_TOKEN: "config-test-metrics-token" };

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

  it("lists every variable it reads in --help, with its default", () => {
    const help = helpText();
    for (const name of READ_VARIABLES) expect(help).toMatch(new RegExp(`^  ${name} `, "m"));
    expect(help).toMatch(/^ {2}MAX_DEPTH +Deepest field nesting.*\n +default: 10$/m);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

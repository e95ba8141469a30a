import { createLogger } from "../../src/logger";
import { LabelSet } from "../../src/observability/label-set";
import { Readiness } from "../../src/observability/readiness";

describe("operation-name labels", () => {
  it("keeps the first names, then says other; anonymous and malformed names are bounded too", () => {
    const labels = new LabelSet(2);
    expect(labels.label("A")).toBe("A");
    expect(labels.label("B")).toBe("B");
    expect(labels.label("C")).toBe("other");
    expect(labels.label("A")).toBe("A");
    expect(labels.label(null)).toBe("anonymous");
    expect(labels.label("bad name; drop table")).toBe("other");
    expect(labels.label("x".repeat(65))).toBe("other");
  });
});

describe("the logger's secret scrubber", () => {
  it("replaces configured secrets wherever they appear in a line", () => {
    const lines: string[] = [];
    const logger = createLogger("info", {
      secrets: ["s3cr3t-webhook", 'quo"ted-secret'],
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info(
      { url: "https://p.example/rest/1/s3cr3t-webhook/", nested: { x: 'quo"ted-secret' } },
      "call s3cr3t-webhook",
    );
    logger.info({ headers: { authorization: "Bearer abc" }, token: "tok" }, "redacted by path");
    const text = lines.join("");
    expect(text).not.toContain("s3cr3t-webhook");
    expect(text).not.toContain('quo\\"ted-secret');
    expect(text).not.toContain("Bearer abc");
    expect(text).not.toContain('"tok"');
    expect(text).toContain("https://p.example/rest/1/***/");
  });
});

describe("readiness", () => {
  it("caches results, shares a running check, and is not ready while draining", async () => {
    let now = 0;
    let calls = 0;
    let up = true;
    const readiness = new Readiness({
      checks: {
        portal: async () => {
          calls += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          return up;
        },
      },
      cacheMs: 1000,
      timeoutMs: 100,
      now: () => now,
    });
    const [a, b] = await Promise.all([readiness.report(), readiness.report()]);
    expect([a.ready, b.ready, calls]).toEqual([true, true, 1]);
    up = false;
    expect((await readiness.report()).ready).toBe(true);
    now += 1000;
    expect((await readiness.report()).ready).toBe(false);
    expect(calls).toBe(2);
    up = true;
    now += 1000;
    readiness.startDraining();
    expect(await readiness.report()).toMatchObject({ ready: false, draining: true });
  });

  it("fails a check that takes longer than its timeout", async () => {
    const readiness = new Readiness({
      checks: { slow: () => new Promise((resolve) => setTimeout(() => resolve(true), 200)) },
      cacheMs: 0,
      timeoutMs: 20,
    });
    expect((await readiness.report()).checks.slow).toEqual({ ok: false, ageSeconds: 0 });
  });
});

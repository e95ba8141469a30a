import { createLogger } from "../../src/logger";
import { LabelSet } from "../../src/observability/label-set";
import { Readiness } from "../../src/observability/readiness";
import { ManualClock } from "../helpers/manual-clock";

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
    const clock = new ManualClock();
    let calls = 0;
    let up = true;
    let finishCheck = () => {};
    const readiness = new Readiness({
      checks: {
        portal: () => {
          calls += 1;
          // The check stays open until the test lets it finish, so both reports surely share it.
          return new Promise<boolean>((resolve) => {
            finishCheck = () => resolve(up);
          });
        },
      },
      cacheMs: 1000,
      timeoutMs: 100,
      clock,
    });
    const both = Promise.all([readiness.report(), readiness.report()]);
    finishCheck();
    const [a, b] = await both;
    expect([a.ready, b.ready, calls]).toEqual([true, true, 1]);
    up = false;
    expect((await readiness.report()).ready).toBe(true);
    clock.advance(1000);
    const expired = readiness.report();
    finishCheck();
    expect((await expired).ready).toBe(false);
    expect(calls).toBe(2);
    clock.advance(1000);
    readiness.startDraining();
    up = true;
    const draining = readiness.report();
    finishCheck();
    expect(await draining).toMatchObject({ ready: false, draining: true });
  });

  it("fails a check that takes longer than its timeout", async () => {
    const clock = new ManualClock();
    const readiness = new Readiness({
      checks: { slow: () => new Promise<boolean>(() => undefined) },
      cacheMs: 0,
      timeoutMs: 20,
      clock,
    });
    const report = readiness.report();
    await clock.whenPending(1);
    clock.advance(19);
    clock.advance(1);
    expect((await report).checks.slow).toEqual({ ok: false, ageSeconds: 0 });
  });

  it("passes a check that answers just before its timeout", async () => {
    const clock = new ManualClock();
    let answer = (_ok: boolean) => {};
    const readiness = new Readiness({
      checks: { edge: () => new Promise<boolean>((resolve) => (answer = resolve)) },
      cacheMs: 0,
      timeoutMs: 20,
      clock,
    });
    const report = readiness.report();
    await clock.whenPending(1);
    clock.advance(19);
    answer(true);
    expect((await report).checks.edge).toEqual({ ok: true, ageSeconds: 0 });
  });
});

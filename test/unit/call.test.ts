import { getEventListeners } from "node:events";
import { Call } from "../../src/transport/call";

describe("a call", () => {
  it("settles once: a later answer or failure is ignored", async () => {
    const call = new Call("booking.v1.booking.get", { id: 1 }, Number.MAX_SAFE_INTEGER, undefined);
    call.resolve({ result: "first" });
    call.reject(new Error("late"));
    call.resolve({ result: "later" });
    await expect(call.promise).resolves.toEqual({ result: "first" });
  });

  it("stops watching its caller's signal once settled: a request's signal outlives its calls", () => {
    const caller = new AbortController();
    const aborted: Call[] = [];
    const calls = [1, 2, 3].map(
      (id) => new Call("booking.v1.booking.get", { id }, Number.MAX_SAFE_INTEGER, caller.signal),
    );
    for (const call of calls) call.watchAbort((gone) => aborted.push(gone));
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(3);
    calls[0]!.resolve({ result: 1 });
    calls[1]!.reject(new Error("failed"));
    calls[1]!.promise.catch(() => undefined);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(1);
    caller.abort();
    expect(aborted).toEqual([calls[2]]);
  });
});

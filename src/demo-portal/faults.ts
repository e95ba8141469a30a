/**
 * A failure injected for tests. Transport kinds act on an HTTP request (matched by the method in
 * its URL, so "batch" hits a batch request); call kinds act on a method execution, whether it
 * is a plain request or a command inside a batch.
 */
export type DemoPortalFault = {
  /** Which calls: a method name like "booking.v1.booking.add" (case-insensitive), "batch", or "*" for any. */
  method: string;
  /** How many matching calls it hits before it is used up. Default 1. */
  times?: number;
} & (
  | { kind: "http-error"; status: number; body?: string; contentType?: string }
  | { kind: "html"; status?: number }
  | { kind: "malformed-json"; status?: number }
  | { kind: "hang"; ms?: number }
  | { kind: "reset-before" }
  | { kind: "reset-after" }
  | { kind: "rate-limit" }
  | { kind: "error"; error: string; description?: string; status?: number }
  | { kind: "result"; result: unknown }
);

export type FaultKind = DemoPortalFault["kind"];
export type TransportFault = Extract<DemoPortalFault, { kind: TransportKind }>;
export type CallFault = Extract<DemoPortalFault, { kind: "error" | "result" }>;
type TransportKind = Exclude<FaultKind, CallFault["kind"]>;

export const TRANSPORT_KINDS: readonly TransportKind[] = [
  "http-error",
  "html",
  "malformed-json",
  "hang",
  "reset-before",
  "reset-after",
  "rate-limit",
];
export const CALL_KINDS: readonly CallFault["kind"][] = ["error", "result"];

export function isCallFault(fault: DemoPortalFault): fault is CallFault {
  return (CALL_KINDS as readonly string[]).includes(fault.kind);
}

interface Pending {
  fault: DemoPortalFault;
  remaining: number;
}

/**
 * Injected faults in injection order. Each request (or method execution) uses the first fault
 * of its layer whose method matches, and a fault leaves the queue once it has hit `times` calls.
 */
export class FaultQueue {
  private pending: Pending[] = [];

  /** Expects a checked fault (see checkFault); keeps its own copy. */
  add(fault: DemoPortalFault): void {
    this.pending.push({ fault: structuredClone(fault), remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.pending = [];
  }

  /** The faults still waiting, each with `times` set to the hits it has left. */
  list(): DemoPortalFault[] {
    return this.pending.map(({ fault, remaining }) => ({
      ...structuredClone(fault),
      times: remaining,
    }));
  }

  /** The fault for an HTTP request to `urlMethod`, used up by one hit; undefined if none. */
  takeTransport(urlMethod: string): TransportFault | undefined {
    return this.take(urlMethod, (fault) => !isCallFault(fault)) as TransportFault | undefined;
  }

  /** The fault for one execution of `method`, used up by one hit; undefined if none. */
  takeCall(method: string): CallFault | undefined {
    return this.take(method, isCallFault) as CallFault | undefined;
  }

  private take(
    method: string,
    inLayer: (fault: DemoPortalFault) => boolean,
  ): DemoPortalFault | undefined {
    const wanted = method.toLowerCase();
    const index = this.pending.findIndex(
      ({ fault }) =>
        inLayer(fault) && (fault.method === "*" || fault.method.toLowerCase() === wanted),
    );
    const hit = this.pending[index];
    if (hit === undefined) return undefined;
    hit.remaining -= 1;
    if (hit.remaining === 0) this.pending.splice(index, 1);
    return structuredClone(hit.fault);
  }
}

import type { BitrixParams } from "./client";
import type { BitrixSuccess } from "./envelope";

/** One method call on its way to the portal, with the promise of the caller waiting for it. */
export interface PendingCall {
  readonly method: string;
  readonly params: BitrixParams;
  /** Unix milliseconds after which the caller no longer wants an answer. */
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
  /** HTTP attempts made so far for this call. */
  attempts: number;
  settled: boolean;
  resolve(value: BitrixSuccess): void;
  reject(error: unknown): void;
}

export function createPendingCall(
  method: string,
  params: BitrixParams,
  deadline: number,
  signal: AbortSignal | undefined,
  onAbort: (call: PendingCall) => void,
): { call: PendingCall; promise: Promise<BitrixSuccess> } {
  let resolveFn!: (value: BitrixSuccess) => void;
  let rejectFn!: (error: unknown) => void;
  const promise = new Promise<BitrixSuccess>((resolve, reject) => {
    resolveFn = resolve;
    rejectFn = reject;
  });
  const call: PendingCall = {
    method,
    params,
    deadline,
    signal,
    attempts: 0,
    settled: false,
    resolve(value) {
      if (call.settled) return;
      call.settled = true;
      signal?.removeEventListener("abort", abort);
      resolveFn(value);
    },
    reject(error) {
      if (call.settled) return;
      call.settled = true;
      signal?.removeEventListener("abort", abort);
      rejectFn(error);
    },
  };
  const abort = () => onAbort(call);
  signal?.addEventListener("abort", abort, { once: true });
  return { call, promise };
}

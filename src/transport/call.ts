import type { BitrixSuccess } from "./envelope";
import type { BitrixParams } from "./http-client";

/** Calls made in this process so far: a call's number gives it its place in its queue for good. */
let callsMade = 0;

/**
 * One method call on its way to the portal, with the promise its caller waits on. It settles once:
 * later answers (a batch that finished after the caller went away, say) are ignored.
 */
export class Call {
  /** Arrival order: a call sent again goes back to its old place, ahead of calls that came later. */
  readonly order = callsMade++;
  /** HTTP requests that carried this call so far. */
  attempts = 0;
  /** A request carrying the call is on its way: the portal may run it whatever happens here. */
  inFlight = false;
  /** Clock time before which the call must not be sent again (a retry's backoff); 0 for none. */
  notBefore = 0;
  /**
   * The call has waited out the delay its method's operating time asked for, so it goes next time
   * without being held back again (the delay spaces calls out, it is not a state to wait for).
   */
  heldBack = false;
  settled = false;
  readonly promise: Promise<BitrixSuccess>;
  private resolvePromise!: (value: BitrixSuccess) => void;
  private rejectPromise!: (error: unknown) => void;
  private stopWatching = () => {};

  constructor(
    readonly method: string,
    /**
     * Set once more only for a call of a sequence that goes as plain calls one after another: the
     * answers of the calls before it are put into its references (see CallQueue.addInTurn).
     */
    public params: BitrixParams,
    /** Clock time after which the caller no longer wants an answer. */
    readonly deadline: number,
    /** Fires when the caller goes away or its request's deadline passes. */
    readonly signal: AbortSignal | undefined,
  ) {
    this.promise = new Promise<BitrixSuccess>((resolve, reject) => {
      this.resolvePromise = resolve;
      this.rejectPromise = reject;
    });
  }

  /** Calls `onAbort` once if the caller's signal fires before the call settles. */
  watchAbort(onAbort: (call: Call) => void): void {
    const signal = this.signal;
    if (!signal) return;
    const listener = () => onAbort(this);
    signal.addEventListener("abort", listener, { once: true });
    this.stopWatching = () => signal.removeEventListener("abort", listener);
  }

  resolve(value: BitrixSuccess): void {
    if (this.settle()) this.resolvePromise(value);
  }

  reject(error: unknown): void {
    if (this.settle()) this.rejectPromise(error);
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.stopWatching();
    return true;
  }
}

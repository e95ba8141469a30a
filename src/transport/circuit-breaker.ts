import type { PortalHealth } from "./failure";

export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** Consecutive failed requests that open a circuit; 0 turns the breaker off. */
  threshold: number;
  /** How long an open circuit refuses requests before it lets one probe through. */
  cooldownMs: number;
  /** `cause` names the failure that opened the circuit (e.g. "NETWORK_ERROR: connection failed (ECONNREFUSED)"). */
  onStateChange?: (origin: string, state: CircuitState, cause?: string) => void;
}

export type CircuitPermit =
  | { allowed: true }
  | { allowed: false; /** Milliseconds until a probe may go. */ retryAfterMs: number };

interface Circuit {
  state: CircuitState;
  failures: number;
  openedAt: number;
  /** In half-open state: the one probe request is on its way. */
  probing: boolean;
}

/**
 * One circuit per portal origin. Closed: requests go, consecutive failures are counted; at the
 * threshold the circuit opens. Open: requests are refused at once, with no upstream call, until the
 * cool-down has passed. Half-open: exactly one probe request goes; its success closes the circuit, its
 * failure opens it for another cool-down, and every other request is refused meanwhile.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether requests to `origin` would be refused now; changes nothing. */
  isRejecting(origin: string): CircuitPermit {
    const circuit = this.circuits.get(origin);
    if (!circuit || circuit.state === "closed" || this.options.threshold === 0) {
      return { allowed: true };
    }
    const remaining = circuit.openedAt + this.options.cooldownMs - this.now();
    if (circuit.state === "open" && remaining > 0)
      return { allowed: false, retryAfterMs: remaining };
    if (circuit.probing) return { allowed: false, retryAfterMs: Math.max(remaining, 1000) };
    return { allowed: true };
  }

  /**
   * Asks to send one request to `origin`. An allowed request must be followed by exactly one of
   * `succeeded`, `failed` or `settledWithoutVerdict`.
   */
  acquire(origin: string): CircuitPermit {
    const permit = this.isRejecting(origin);
    if (!permit.allowed) return permit;
    const circuit = this.circuits.get(origin);
    if (circuit && circuit.state !== "closed") {
      if (circuit.state === "open") this.setState(origin, circuit, "half-open");
      circuit.probing = true;
    }
    return permit;
  }

  /** Ends an allowed request with what its outcome said of the portal (see classifyFailure). */
  report(origin: string, health: PortalHealth, cause?: string): void {
    if (health === "up") this.succeeded(origin);
    else if (health === "down") this.failed(origin, cause);
    else this.settledWithoutVerdict(origin);
  }

  succeeded(origin: string): void {
    const circuit = this.circuits.get(origin);
    if (!circuit) return;
    circuit.failures = 0;
    circuit.probing = false;
    if (circuit.state !== "closed") this.setState(origin, circuit, "closed");
    // A closed circuit with no failures is the default: forget it (OAuth portals are few, but still).
    this.circuits.delete(origin);
  }

  failed(origin: string, cause?: string): void {
    if (this.options.threshold === 0) return;
    const circuit = this.circuits.get(origin) ?? {
      state: "closed" as CircuitState,
      failures: 0,
      openedAt: 0,
      probing: false,
    };
    this.circuits.set(origin, circuit);
    circuit.failures += 1;
    circuit.probing = false;
    if (circuit.state === "half-open" || circuit.failures >= this.options.threshold) {
      circuit.openedAt = this.now();
      if (circuit.state !== "open") this.setState(origin, circuit, "open", cause);
    }
  }

  /** The request ended without telling whether the portal is up (cancelled, rate-limited). */
  settledWithoutVerdict(origin: string): void {
    const circuit = this.circuits.get(origin);
    if (circuit) circuit.probing = false;
  }

  private setState(origin: string, circuit: Circuit, state: CircuitState, cause?: string): void {
    circuit.state = state;
    this.options.onStateChange?.(origin, state, cause);
  }
}

import { systemClock, type Clock } from "../clock";
import { defaultApplicationSettings, type ApplicationSettings } from "./application-settings";
import { FaultQueue } from "./faults";
import { createMethodRegistry, type MethodRegistry } from "./methods/registry";
import { createClosingController } from "./pause";
import { defaultEventSettings, PortalEvents, type PortalEventSettings } from "./portal-events";
import { PortalApplication } from "./portal-application";
import { NO_LIMITS, PortalLimits, type DemoPortalLimits } from "./portal-limits";
import { createStore, type PortalSeed } from "./seed";
import { StatsRecorder } from "./stats";
import { type PortalStore } from "./store";

export interface WebhookCredentials {
  userId: number;
  secret: string;
}

export interface AuthConfig {
  webhook: WebhookCredentials;
  /** OAuth access token → the user id it authenticates. */
  oauthTokens: ReadonlyMap<string, number>;
  expiredTokens: ReadonlySet<string>;
}

/** Told about exceptions that were not PortalErrors (answered as 500 INTERNAL_SERVER_ERROR). */
export type InternalErrorListener = (error: unknown, method: string) => void;

/** What a runtime is built from; the optional parts have the defaults a portal starts with. */
export interface PortalRuntimeSettings {
  auth: AuthConfig;
  seed: PortalSeed;
  onInternalError: InternalErrorListener;
  /** Default: no outgoing webhook, a random application token and member id. */
  events?: PortalEventSettings;
  /** Default: every booking.v1 method. */
  methods?: MethodRegistry;
  /** Default: no limits. */
  limits?: DemoPortalLimits;
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: a fresh local application, not installed. */
  application?: ApplicationSettings;
}

/**
 * Everything a request needs: data, counters, credentials, the method table, the traffic
 * limits, the injected faults, the application with its tokens and offline queue, the event
 * handlers and their deliveries, the clock every time stamp and wait is read from, and a signal
 * that tells waiting requests the portal is closing.
 */
export class PortalRuntime {
  private currentStore: PortalStore;
  readonly stats = new StatsRecorder();
  readonly faults = new FaultQueue();
  readonly auth: AuthConfig;
  readonly onInternalError: InternalErrorListener;
  readonly methods: MethodRegistry;
  readonly limits: PortalLimits;
  readonly clock: Clock;
  readonly events: PortalEvents;
  readonly application: PortalApplication;
  private readonly closingController = createClosingController();
  private lastRequestId = 0;

  constructor(settings: PortalRuntimeSettings) {
    this.auth = settings.auth;
    this.onInternalError = settings.onInternalError;
    this.methods = settings.methods ?? createMethodRegistry();
    this.clock = settings.clock ?? systemClock;
    this.limits = new PortalLimits(this.clock, settings.limits ?? NO_LIMITS);
    this.currentStore = createStore(settings.seed);
    this.application = new PortalApplication(
      settings.application ?? defaultApplicationSettings(),
      this.clock,
      (size) => this.stats.setOfflineQueued(size),
    );
    this.events = new PortalEvents(settings.events ?? defaultEventSettings(), {
      auth: this.auth,
      application: this.application,
      clock: this.clock,
      stats: this.stats,
      closing: this.closing,
    });
  }

  /** Aborted by shutdown(): delayed and hanging requests stop waiting, event deliveries stop. */
  get closing(): AbortSignal {
    return this.closingController.signal;
  }

  shutdown(): void {
    this.closingController.abort();
  }

  /** A new id for each HTTP request under /rest/. */
  nextRequestId(): number {
    this.lastRequestId += 1;
    return this.lastRequestId;
  }

  get store(): PortalStore {
    return this.currentStore;
  }

  /** Replaces all data with a fresh seed; requests already running keep the old store. */
  reseed(seed: PortalSeed): void {
    this.currentStore = createStore(seed);
  }
}

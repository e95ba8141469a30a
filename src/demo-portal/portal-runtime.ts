import { createMethodRegistry, type MethodRegistry } from "./methods/registry";
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

/** Everything a request needs: data, counters, credentials and the method table. */
export class PortalRuntime {
  private currentStore: PortalStore;
  readonly stats = new StatsRecorder();

  constructor(
    readonly auth: AuthConfig,
    seed: PortalSeed,
    readonly onInternalError: InternalErrorListener,
    readonly methods: MethodRegistry = createMethodRegistry(),
  ) {
    this.currentStore = createStore(seed);
  }

  get store(): PortalStore {
    return this.currentStore;
  }

  /** Replaces all data with a fresh seed; requests already running keep the old store. */
  reseed(seed: PortalSeed): void {
    this.currentStore = createStore(seed);
  }
}

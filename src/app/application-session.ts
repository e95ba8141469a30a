import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { ApplicationTokens } from "../transport/identity";
import { ApplicationUnavailableCode, ApplicationUnavailableError } from "./application-errors";
import type { Installation } from "./installation";
import type { InstallationStore } from "./installation-store";
import type { OAuthServer } from "./oauth-server";
import type { InstallationState, RefreshOutcome } from "../observability/application-metrics";

export type { InstallationState, RefreshOutcome };

export interface ApplicationSessionOptions {
  store: InstallationStore;
  oauth: Pick<OAuthServer, "refresh">;
  clock: Clock;
  logger: Logger;
  /**
   * After PAYMENT_REQUIRED, how long calls fail at once before a refresh is tried again (the same
   * refresh token works again once the application is paid for). Default 60 s.
   */
  paymentRetryMs?: number;
  /** While there is no usable installation, how often a call may look in the store again. Default 1 s. */
  reloadMs?: number;
  onRefresh?: (outcome: RefreshOutcome) => void;
  /** Told when the installation appears, changes or goes: the drain starts or stops. */
  onChange?: (state: InstallationState) => void;
}

/**
 * The gateway's installation as a Bitrix24 application, and its tokens.
 *
 * - **Refresh only on `expired_token`**, never ahead of time: Bitrix24's docs warn that refreshing
 *   "just in case" may get the application blocked.
 * - **One refresh for everyone.** Callers on this replica that met the same expired token share one
 *   renewal; across replicas the store serializes it (`InstallationStore.exclusive`): the replica
 *   that gets the installation first refreshes, and every later one finds a newer access token
 *   stored and adopts it instead. A refresh token is therefore sent once, ever: the OAuth server
 *   replaces it at each refresh and refuses a used one, and two replicas refreshing with the same one
 *   would lose the application's access for good.
 * - **States, not crash loops.** PAYMENT_REQUIRED and a refused refresh token are stored with the
 *   installation, logged once when they begin, reported on /readyz, and make calls fail at once with
 *   APPLICATION_UNAVAILABLE; payment is tried again after `paymentRetryMs`, a refused token only by
 *   installing again.
 */
export class ApplicationSession implements ApplicationTokens {
  private installation: Installation | undefined;
  private storeFailed = false;
  private loading: Promise<void> | undefined;
  private lastLoadAt = Number.NEGATIVE_INFINITY;
  private readonly renewals = new Map<string, Promise<string>>();
  private reportedState: InstallationState | undefined;
  /**
   * Tokens a refresh gave this replica that the store failed to keep: the only valid pair there is
   * (the OAuth server refuses the refresh token they replaced). Used here, and written back to the
   * store at the next chance; see `renewOnce`.
   */
  private unsaved: { installation: Installation; replaced: string } | undefined;
  private stopWriteBack: () => void = () => undefined;

  constructor(private readonly options: ApplicationSessionOptions) {}

  get state(): InstallationState {
    if (this.storeFailed && !this.installation) return "store_unavailable";
    if (!this.installation) return "not_installed";
    return this.installation.state;
  }

  /** The token incoming events must carry, once installed. */
  get applicationToken(): string | undefined {
    return this.installation?.applicationToken;
  }

  /** The portal's id, once installed. */
  get memberId(): string | undefined {
    return this.installation?.memberId;
  }

  /** Reads the installation from the store (at start, and whenever another replica may have changed it). */
  load(): Promise<void> {
    this.loading ??= this.readStore().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /**
   * Without a usable installation, looks in the store again (at most once per `reloadMs`): another
   * replica may have taken the install call, or a refresh, meanwhile.
   */
  async refreshState(): Promise<InstallationState> {
    const stale = this.options.clock.now() - this.lastLoadAt >= (this.options.reloadMs ?? 1000);
    if (this.installation?.state !== "valid" && stale) await this.load();
    return this.state;
  }

  async current(): Promise<string> {
    // Without a usable installation every call looks in the store (one read at a time, shared):
    // the install call may have reached another replica a moment ago.
    if (this.installation?.state !== "valid") await this.load();
    const installation = this.installation;
    if (installation?.state === "valid") return installation.accessToken;
    if (installation?.state === "payment_required" && this.paymentMayBeRetried(installation)) {
      // The same refresh token works again once the application is paid for.
      return this.renew(installation.accessToken);
    }
    throw this.unavailable();
  }

  renew(expired: string): Promise<string> {
    let renewal = this.renewals.get(expired);
    if (!renewal) {
      renewal = this.renewOnce(expired).finally(() => this.renewals.delete(expired));
      this.renewals.set(expired, renewal);
    }
    return renewal;
  }

  async refused(token: string): Promise<void> {
    // Only the token in use says anything of the installation; an older one was replaced already.
    if (this.installation?.accessToken === token) await this.load();
  }

  /** Stores a new installation (the install handler); replaces any earlier one. */
  async install(installation: Installation): Promise<void> {
    await this.options.store.exclusive(() =>
      Promise.resolve({ next: installation, value: undefined }),
    );
    this.adopt(installation);
  }

  /** Removes the installation if `applicationToken` is its own (ONAPPUNINSTALL); true when removed. */
  async uninstall(applicationToken: string): Promise<boolean> {
    const removed = await this.options.store.remove(applicationToken);
    if (removed || this.installation?.applicationToken === applicationToken) {
      this.installation = undefined;
      this.changed();
    }
    return removed;
  }

  private async readStore(): Promise<void> {
    this.lastLoadAt = this.options.clock.now();
    try {
      const stored = await this.options.store.load();
      this.storeFailed = false;
      this.installation = this.newestOf(stored);
    } catch (error) {
      this.storeFailed = true;
      this.options.logger.error(
        { err: error, store: this.options.store.kind },
        "application: the installation store could not be read",
      );
    }
    this.changed();
  }

  private async renewOnce(expired: string): Promise<string> {
    const { store, oauth, clock } = this.options;
    let outcome: RefreshOutcome | undefined;
    let installation: Installation | undefined;
    let rotated: { installation: Installation; replaced: string } | undefined;
    try {
      installation = await store.exclusive(async (found) => {
        const stored = this.newestOf(found);
        // Tokens this replica could not store before go in first: they are the valid ones.
        if (stored && stored !== found && stored.accessToken !== expired) {
          return { next: stored, value: stored };
        }
        if (!stored) return { value: undefined };
        // Another replica refreshed (or the application was installed again) meanwhile.
        if (stored.accessToken !== expired && stored.state === "valid") {
          outcome = "adopted";
          return { value: stored };
        }
        if (stored.state === "refresh_refused") return { value: stored };
        if (stored.state === "payment_required" && !this.paymentMayBeRetried(stored)) {
          return { value: stored };
        }
        const now = Math.floor(clock.now());
        const answer = await oauth.refresh(stored.refreshToken, now);
        if (answer.ok) {
          outcome = "refreshed";
          const next: Installation = {
            ...stored,
            ...answer.tokens,
            state: "valid",
            updatedAt: now,
          };
          // What the store holds is what the new pair must replace, even when it was rotated
          // from a pair this replica could not store either.
          rotated = { installation: next, replaced: found?.refreshToken ?? stored.refreshToken };
          return { next, value: next };
        }
        if (!answer.refused) {
          outcome = "failed";
          // Nothing is known of the refresh token: it is kept, and the next call tries again.
          throw new ApplicationUnavailableError(ApplicationUnavailableCode.OAuthServerUnavailable);
        }
        outcome = answer.code === "PAYMENT_REQUIRED" ? "payment_required" : "refused";
        const next: Installation = {
          ...stored,
          state: answer.code === "PAYMENT_REQUIRED" ? "payment_required" : "refresh_refused",
          updatedAt: now,
        };
        return { next, value: next };
      });
    } catch (error) {
      if (outcome) this.options.onRefresh?.(outcome);
      if (rotated) return this.keepUnsaved(rotated, error);
      if (error instanceof ApplicationUnavailableError) throw error;
      this.options.logger.error(
        { err: error, store: store.kind },
        "application: the installation store failed during a token refresh",
      );
      throw new ApplicationUnavailableError(
        ApplicationUnavailableCode.StoreUnavailable,
        undefined,
        error,
      );
    }
    if (outcome) this.options.onRefresh?.(outcome);
    this.storeFailed = false;
    if (this.unsaved && installation?.refreshToken !== this.unsaved.replaced) this.forgetUnsaved();
    this.installation = installation;
    this.lastLoadAt = clock.now();
    this.changed();
    if (installation?.state === "valid") return installation.accessToken;
    throw this.unavailable();
  }

  /**
   * The OAuth server rotated the tokens, and the store failed to keep the new pair (a lost
   * connection at commit, a hold that timed out). The old refresh token is used up, so the new pair
   * is the application's only access: it is used at once, and written back every second until the
   * store takes it. Meanwhile another replica that meets expired_token may still find the old pair
   * stored and be refused by the OAuth server; the written-back pair then repairs the store, since
   * it replaces exactly the refresh token it was rotated from.
   */
  private keepUnsaved(
    rotated: { installation: Installation; replaced: string },
    error: unknown,
  ): string {
    this.options.logger.error(
      { err: error, store: this.options.store.kind },
      "application: the store failed to keep refreshed tokens; they are used and written back until it takes them",
    );
    this.unsaved = rotated;
    this.adopt(rotated.installation);
    this.scheduleWriteBack();
    return rotated.installation.accessToken;
  }

  private scheduleWriteBack(): void {
    this.stopWriteBack();
    this.stopWriteBack = this.options.clock.setTimer(1000, () => {
      const pending = this.unsaved;
      if (!pending) return;
      this.options.store
        .exclusive((found) => {
          const newest = this.newestOf(found);
          return Promise.resolve(
            newest && newest !== found ? { next: newest, value: true } : { value: false },
          );
        })
        .then(
          () => {
            if (this.unsaved === pending) this.forgetUnsaved();
          },
          () => this.scheduleWriteBack(),
        );
    });
  }

  private forgetUnsaved(): void {
    this.unsaved = undefined;
    this.stopWriteBack();
  }

  /**
   * What is stored, unless this replica holds tokens rotated from exactly the stored refresh token
   * that the store failed to keep: those are newer (a refusal another replica stored meanwhile
   * included). Anything else stored (a reinstall) wins, and the unsaved pair is dropped.
   */
  private newestOf(stored: Installation | undefined): Installation | undefined {
    const pending = this.unsaved;
    if (!pending) return stored;
    if (stored?.refreshToken === pending.replaced) return pending.installation;
    this.forgetUnsaved();
    return stored;
  }

  private adopt(installation: Installation): void {
    this.storeFailed = false;
    this.installation = installation;
    this.lastLoadAt = this.options.clock.now();
    this.changed();
  }

  private paymentMayBeRetried(installation: Installation): boolean {
    return (
      this.options.clock.now() - installation.updatedAt >= (this.options.paymentRetryMs ?? 60_000)
    );
  }

  private unavailable(): ApplicationUnavailableError {
    const codes: Record<Exclude<InstallationState, "valid">, ApplicationUnavailableCode> = {
      not_installed: ApplicationUnavailableCode.NotInstalled,
      payment_required: ApplicationUnavailableCode.PaymentRequired,
      refresh_refused: ApplicationUnavailableCode.RefreshRefused,
      store_unavailable: ApplicationUnavailableCode.StoreUnavailable,
    };
    const state = this.state;
    return new ApplicationUnavailableError(
      state === "valid" ? ApplicationUnavailableCode.NotInstalled : codes[state],
    );
  }

  /** One log line per change of state, never one per call. */
  private changed(): void {
    const state = this.state;
    if (state === this.reportedState) return;
    const first = this.reportedState === undefined;
    this.reportedState = state;
    const { logger } = this.options;
    const fields = { installation: state, memberId: this.installation?.memberId };
    if (state === "valid") logger.info(fields, "application: installed; calls use its tokens");
    else if (state === "not_installed" && first)
      logger.warn(fields, "application: not installed yet; waiting for the install handler call");
    else if (state === "not_installed") logger.warn(fields, "application: uninstalled");
    else
      logger.error(
        fields,
        "application: the installation cannot be used; calls fail with APPLICATION_UNAVAILABLE",
      );
    this.options.onChange?.(state);
  }
}

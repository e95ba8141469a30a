import { type Clock } from "../clock";
import { offlineNotificationBody } from "./application-payloads";
import { accessTokenOf } from "./auth";
import { type BookingEvent } from "./booking-events";
import { EventDelivery } from "./event-delivery";
import { EventHandlerRegistry, type BoundHandler, type EventRecipient } from "./event-handlers";
import {
  ACCESS_TOKEN_EXPIRES_IN,
  applicationAuth,
  eventBody,
  webhookAuth,
  type EventToken,
  type PortalIdentity,
} from "./event-payload";
import { OfflineNotifier } from "./offline-notifier";
import { APPLICATION_USER_ID, type PortalApplication } from "./portal-application";
import { type AuthConfig } from "./portal-runtime";
import { randomToken } from "./random-token";
import { nowSeconds } from "./rest-time";
import { type StatsRecorder } from "./stats";

export interface PortalEventSettings {
  /** Sent as auth[application_token] with every event. */
  applicationToken: string;
  /** Sent as auth[member_id]: the portal's id. */
  memberId: string;
  /** The outgoing webhook's handler URL; undefined: no outgoing webhook. */
  eventHandlerUrl: string | undefined;
}

/** No outgoing webhook, and a fresh token and member id. */
export function defaultEventSettings(): PortalEventSettings {
  return { eventHandlerUrl: undefined, applicationToken: randomToken(), memberId: randomToken() };
}

export interface PortalEventsDependencies {
  auth: AuthConfig;
  application: PortalApplication;
  clock: Clock;
  stats: StatsRecorder;
  closing: AbortSignal;
}

/**
 * The portal's side of Bitrix24 events: who listens (the outgoing webhook and the handlers
 * applications bound), what each of them is sent, the application's offline queue and its
 * ONOFFLINEEVENT notifications, and the delivery. The portal plays one application and one
 * outgoing webhook, and both use the one application token.
 */
export class PortalEvents {
  readonly handlers: EventHandlerRegistry;
  readonly applicationToken: string;
  readonly memberId: string;
  private readonly delivery: EventDelivery;
  private readonly notifier: OfflineNotifier;
  private readonly auth: AuthConfig;
  private readonly application: PortalApplication;
  private readonly clock: Clock;
  private portal: PortalIdentity | undefined;

  constructor(settings: PortalEventSettings, dependencies: PortalEventsDependencies) {
    this.handlers = new EventHandlerRegistry(settings.eventHandlerUrl);
    this.applicationToken = settings.applicationToken;
    this.memberId = settings.memberId;
    this.auth = dependencies.auth;
    this.application = dependencies.application;
    this.clock = dependencies.clock;
    this.delivery = new EventDelivery(dependencies.clock, dependencies.stats, dependencies.closing);
    this.notifier = new OfflineNotifier(
      dependencies.clock,
      this.handlers,
      (handler) => this.notifyOffline(handler),
      dependencies.closing,
    );
  }

  /** The portal learns its address only once it listens, and nothing can change before that. */
  setOrigin(origin: string): void {
    this.portal = {
      domain: new URL(origin).host,
      clientEndpoint: `${origin}/rest/`,
      memberId: this.memberId,
      applicationToken: this.applicationToken,
      serverEndpoint: `${origin}/oauth/rest/`,
    };
  }

  /** What every event says about the portal; undefined until it listens. */
  get identity(): PortalIdentity | undefined {
    return this.portal && { ...this.portal };
  }

  /**
   * Sends each event, in order, to everyone listening to it, and returns at once: the caller has
   * already committed the change. `ts` is the time of the change on the portal's clock; the
   * delivery follows it without delay. Events bound offline go into the application's queue, and
   * the ONOFFLINEEVENT handlers hear of it; `requestId` tells one REST request from the next.
   */
  publish(events: readonly BookingEvent[], requestId: number): void {
    const portal = this.portal;
    if (portal === undefined || events.length === 0) return;
    const now = nowSeconds(this.clock);
    const ts = Math.floor(now);
    let queued = false;
    for (const event of events) {
      for (const recipient of this.handlers.recipientsOf(event.name)) {
        const auth = this.authFor(recipient, portal);
        this.delivery.post(recipient.url, eventBody(event, recipient.handlerId, ts, auth));
      }
      if (this.handlers.isBoundOffline(event.name)) {
        this.application.offlineQueue.record(event, now);
        queued = true;
      }
    }
    if (queued) this.notifier.queueChanged(requestId);
  }

  /** Posts one body outside the booking events (install, uninstall), resolving with the status. */
  send(url: string, body: string): Promise<number> {
    return this.delivery.send(url, body);
  }

  /** Uninstall: the application's bindings go, and no notification of them stays scheduled. */
  forgetApplicationHandlers(): void {
    this.handlers.unbindAll();
    this.notifier.forget();
  }

  private notifyOffline(handler: BoundHandler): void {
    const portal = this.portal;
    if (portal === undefined) return;
    const ts = Math.floor(nowSeconds(this.clock));
    const token = this.tokenFor(handler.userId)?.token;
    this.delivery.post(handler.url, offlineNotificationBody(portal, handler.id, ts, token));
  }

  private authFor(recipient: EventRecipient, portal: PortalIdentity): Record<string, string> {
    if (recipient.kind === "webhook") return webhookAuth(portal);
    const found = this.tokenFor(recipient.userId);
    // The installation's tokens are refreshed by the portal's own server, the others by nobody.
    return applicationAuth(portal, found?.token, found?.own ? portal.serverEndpoint : undefined);
  }

  /**
   * The token a handler's events carry, and whether the installation owns it: for auth_type 0
   * (an administrator's binding) the installation's own; else a token of the oauthTokens option for
   * that user; else, for the user the installation acts as, the installation's.
   */
  private tokenFor(userId: number): { token: EventToken; own: boolean } | undefined {
    const accessToken = userId === 0 ? undefined : accessTokenOf(this.auth, userId);
    if (accessToken !== undefined) {
      return { token: { accessToken, expiresIn: ACCESS_TOKEN_EXPIRES_IN }, own: false };
    }
    if (userId !== 0 && userId !== APPLICATION_USER_ID) return undefined;
    const token = this.installationToken();
    return token && { token, own: true };
  }

  /** The installation's access token while it works; an expired one is left out. */
  private installationToken(): EventToken | undefined {
    const pair = this.application.tokens.pair();
    const expiresIn = this.application.tokens.secondsLeft();
    if (pair === undefined || expiresIn === undefined || expiresIn <= 0) return undefined;
    return { accessToken: pair.accessToken, expiresIn };
  }
}

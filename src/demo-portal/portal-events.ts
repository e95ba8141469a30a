import { randomBytes } from "node:crypto";
import { type Clock } from "../clock";
import { accessTokenOf } from "./auth";
import { type BookingEvent } from "./booking-events";
import { EventDelivery } from "./event-delivery";
import { EventHandlerRegistry, type EventRecipient } from "./event-handlers";
import { applicationAuth, eventBody, webhookAuth, type PortalIdentity } from "./event-payload";
import { type AuthConfig } from "./portal-runtime";
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

/** 32 random hex digits: the shape of a Bitrix24 member_id and application_token. */
export function randomToken(): string {
  return randomBytes(16).toString("hex");
}

/** No outgoing webhook, and a fresh token and member id. */
export function defaultEventSettings(): PortalEventSettings {
  return { eventHandlerUrl: undefined, applicationToken: randomToken(), memberId: randomToken() };
}

export interface PortalEventsDependencies {
  auth: AuthConfig;
  clock: Clock;
  stats: StatsRecorder;
  closing: AbortSignal;
}

/**
 * The portal's side of Bitrix24 events: who listens (the outgoing webhook and the handlers
 * applications bound), what each of them is sent, and the delivery. The portal plays one
 * application and one outgoing webhook, and both use the one application token.
 */
export class PortalEvents {
  readonly handlers: EventHandlerRegistry;
  readonly applicationToken: string;
  readonly memberId: string;
  private readonly delivery: EventDelivery;
  private readonly auth: AuthConfig;
  private readonly clock: Clock;
  private identity: PortalIdentity | undefined;

  constructor(settings: PortalEventSettings, dependencies: PortalEventsDependencies) {
    this.handlers = new EventHandlerRegistry(settings.eventHandlerUrl);
    this.applicationToken = settings.applicationToken;
    this.memberId = settings.memberId;
    this.auth = dependencies.auth;
    this.clock = dependencies.clock;
    this.delivery = new EventDelivery(dependencies.clock, dependencies.stats, dependencies.closing);
  }

  /** The portal learns its address only once it listens, and nothing can change before that. */
  setOrigin(origin: string): void {
    this.identity = {
      domain: new URL(origin).host,
      clientEndpoint: `${origin}/rest/`,
      memberId: this.memberId,
      applicationToken: this.applicationToken,
    };
  }

  /**
   * Sends each event, in order, to everyone listening to it, and returns at once: the caller has
   * already committed the change. `ts` is the time of the change on the portal's clock; the
   * delivery follows it without delay.
   */
  publish(events: readonly BookingEvent[]): void {
    const identity = this.identity;
    if (identity === undefined || events.length === 0) return;
    const ts = Math.floor(nowSeconds(this.clock));
    for (const event of events) {
      for (const recipient of this.handlers.recipientsOf(event.name)) {
        const auth = this.authFor(recipient, identity);
        this.delivery.post(recipient.url, eventBody(event, recipient.handlerId, ts, auth));
      }
    }
  }

  private authFor(recipient: EventRecipient, identity: PortalIdentity): Record<string, string> {
    return recipient.kind === "webhook"
      ? webhookAuth(identity)
      : applicationAuth(identity, accessTokenOf(this.auth, recipient.userId));
  }
}

import { type Clock } from "../clock";
import { type ApplicationSettings } from "./application-settings";
import { ApplicationTokens } from "./application-tokens";
import { OfflineQueue } from "./offline-queue";

/**
 * The user the application's own tokens act as: the administrator who installed it. Its token
 * therefore may do what only an administrator may (offline events, other users' handlers).
 */
export const APPLICATION_USER_ID = 1;

/**
 * The one application the portal plays, with the authorization server that serves it: its
 * registration (client id and secret), the tokens of its installation, its offline event queue,
 * and the switches tests flip (payment required). Registration and switches outlive an uninstall;
 * tokens and queue do not.
 */
export class PortalApplication {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly offlineExtended: boolean;
  readonly tokens: ApplicationTokens;
  readonly offlineQueue: OfflineQueue;
  /** While on, the token endpoint refuses every refresh with PAYMENT_REQUIRED. */
  paymentRequired = false;
  /** Every refresh_token value the token endpoint was sent, in arrival order, refused ones too. */
  readonly refreshTokensPresented: string[] = [];

  constructor(settings: ApplicationSettings, clock: Clock, onQueueSize: (size: number) => void) {
    this.clientId = settings.clientId;
    this.clientSecret = settings.clientSecret;
    this.offlineExtended = settings.offlineExtended;
    this.tokens = new ApplicationTokens(clock, settings.accessTokenTtlSeconds);
    this.offlineQueue = new OfflineQueue(settings.offlineCollapse, onQueueSize);
  }
}

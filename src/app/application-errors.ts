import { BitrixError } from "../transport/errors";

/**
 * Why the installed application cannot call the portal now. Each is a state of the installation,
 * reported on /readyz, not a failure of one call: calls fail fast with it, and no request is made.
 */
export const ApplicationUnavailableCode = {
  /** No installation is stored yet: Bitrix24 has not called the install handler. */
  NotInstalled: "APPLICATION_NOT_INSTALLED",
  /** The OAuth server refuses to issue tokens until the application is paid for. */
  PaymentRequired: "PAYMENT_REQUIRED",
  /** The OAuth server refused the refresh token: only installing again gives new tokens. */
  RefreshRefused: "APPLICATION_REFRESH_REFUSED",
  /** The installation store could not be read or written. */
  StoreUnavailable: "INSTALLATION_STORE_UNAVAILABLE",
  /** The OAuth server could not be reached or answered nonsense; the next call tries again. */
  OAuthServerUnavailable: "OAUTH_SERVER_UNAVAILABLE",
} as const;

export type ApplicationUnavailableCode =
  (typeof ApplicationUnavailableCode)[keyof typeof ApplicationUnavailableCode];

const DESCRIPTIONS: Record<ApplicationUnavailableCode, string> = {
  APPLICATION_NOT_INSTALLED:
    "the application is not installed on the portal yet (its install handler was not called)",
  PAYMENT_REQUIRED: "the OAuth server answered PAYMENT_REQUIRED: the application must be paid for",
  APPLICATION_REFRESH_REFUSED:
    "the OAuth server refused the stored refresh token; install the application again",
  INSTALLATION_STORE_UNAVAILABLE: "the installation store could not be reached",
  OAUTH_SERVER_UNAVAILABLE: "the OAuth server could not be reached to refresh the access token",
};

/** A call refused by the gateway because the application has no usable token. */
export class ApplicationUnavailableError extends BitrixError {
  override readonly name = "ApplicationUnavailableError";

  constructor(code: ApplicationUnavailableCode, method = "(application)", cause?: unknown) {
    super(code, DESCRIPTIONS[code], method, undefined, cause);
  }
}

import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Anything that could hold a credential is redacted by path, as a second line of
 * defence behind never logging credentials in the first place.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "headers.authorization",
        "webhookUrl",
        "*.webhookUrl",
        "accessToken",
        "*.accessToken",
      ],
      censor: "***",
    },
  });
}

import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  /**
   * Strings that must never reach the output (webhook secret, gateway tokens, …): any line holding one
   * is written with it replaced by `***`. A last line of defence: nothing should log them at all.
   */
  secrets?: readonly string[];
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs. Anything that could hold a credential is redacted by path, and with `secrets`
 * every line is scrubbed of them, whatever the path.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 4);
  const destination = options.destination ?? pino.destination(1);
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          'req.headers["x-router-secret"]',
          "headers.authorization",
          'headers["x-router-secret"]',
          "authorization",
          "webhookUrl",
          "*.webhookUrl",
          "accessToken",
          "*.accessToken",
          "token",
          "*.token",
        ],
        censor: "***",
      },
    },
    secrets.length === 0 ? destination : scrubbing(destination, secrets),
  );
}

function scrubbing(destination: DestinationStream, secrets: readonly string[]): DestinationStream {
  // JSON escapes some characters, so each secret is also looked for as it appears inside a string.
  const forms = [
    ...new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])),
  ];
  return {
    write(line: string) {
      let clean = line;
      for (const form of forms) {
        if (clean.includes(form)) clean = clean.split(form).join("***");
      }
      destination.write(clean);
    },
  };
}

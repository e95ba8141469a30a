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
  const destination = options.destination ?? bufferedStdout();
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

/** How late a buffered log line may reach stdout. */
const LOG_FLUSH_MS = 200;

/**
 * Standard output, written in chunks of up to 4 KB and at least every LOG_FLUSH_MS, rather than one
 * write per line: a system call per request's log line cost more than the rest of the log line's
 * work. What is still buffered is written when the process exits (pino flushes on exit).
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, minLength: 4096, sync: false });
  let pending = false;
  setInterval(() => {
    if (!pending) return;
    pending = false;
    try {
      // No callback: with one, sonic-boom also fsyncs, a system call per flush for nothing.
      stream.flush();
    } catch {
      // Closed at exit, after pino wrote out what was left.
    }
  }, LOG_FLUSH_MS).unref();
  return {
    write(line: string) {
      pending = true;
      stream.write(line);
    },
  };
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

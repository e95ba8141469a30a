import type { Installation } from "./installation";

/**
 * Where the gateway keeps its installation, so that it survives a restart of every replica and of
 * the store itself. The OAuth server replaces both tokens on each refresh and refuses a refresh
 * token used before, so two replicas refreshing with one refresh token would lose the application's
 * access for good: refreshes run inside `exclusive`, which the store serializes across replicas.
 */
export interface InstallationStore {
  /** The stored installation, or undefined when none. Throws InstallationStoreError when the store cannot be read. */
  load(): Promise<Installation | undefined>;
  /** Replaces the installation (install or reinstall). */
  save(installation: Installation): Promise<void>;
  /** Removes it if its applicationToken is `applicationToken` (uninstall); true when removed. Constant-time compare. */
  remove(applicationToken: string): Promise<boolean>;
  /**
   * Runs `update` while holding the installation exclusively across every replica sharing the store;
   * `update` gets the stored installation as it is now and returns what to store (or undefined to keep it)
   * and a value to return. Exclusive means no other `exclusive` on any replica runs between the read and the write.
   * If the process dies inside, the hold is released (by the store: connection end, or lease expiry) and nothing partial is written.
   * An error thrown by `update` is rethrown as it is, and nothing is written.
   */
  exclusive<T>(
    update: (current: Installation | undefined) => Promise<{ next?: Installation; value: T }>,
  ): Promise<T>;
  /** What it is, for /readyz and the docs: e.g. "postgres", "file". */
  readonly kind: string;
  close(): Promise<void>;
}

export type InstallationStoreOperation = "load" | "save" | "remove" | "exclusive" | "close";

/**
 * The store could not do its part: it cannot be reached, or what it holds is not an installation.
 * The message names the store, the operation and a code or a rule, never stored content, and the
 * raw cause is not kept at all: a parser's message quotes the text it choked on, a server's may
 * quote a value, and log serializers (pino's among them) print `cause` whether it is enumerable or not.
 */
export class InstallationStoreError extends Error {
  override readonly name = "InstallationStoreError";

  constructor(
    /** The store as messages name it, e.g. "file /data/installation.json", "postgres table b24gw_installation". */
    readonly store: string,
    readonly operation: InstallationStoreOperation,
    /** Why, e.g. "ECONNREFUSED", "57P01" or "the file is not a valid installation (…)". */
    readonly reason: string,
    /** The system or SQLSTATE code of a failed I/O, when it had one. */
    readonly code?: string,
  ) {
    super(`${store} installation store: ${operation} failed: ${reason}`);
  }
}

/**
 * The InstallationStoreError for a failure of the store's own I/O: named by its system or SQLSTATE
 * code (`fallbackCode` when it has none), because only the code is certain to quote nothing.
 */
export function storeFailure(
  store: string,
  operation: InstallationStoreOperation,
  error: unknown,
  fallbackCode?: string,
): InstallationStoreError {
  if (error instanceof InstallationStoreError) return error;
  const code = codeOf(error) ?? fallbackCode;
  return new InstallationStoreError(store, operation, code ?? "an error without a code", code);
}

/** The `code` of a Node.js system error ("ENOENT") or a PostgreSQL error ("40P01"), if it looks like one. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" && /^[A-Za-z0-9_]{2,40}$/.test(code) ? code : undefined;
}

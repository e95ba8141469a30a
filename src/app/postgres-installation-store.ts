import { Pool, type PoolClient, type QueryResult } from "pg";

import { checkInstallation, hasApplicationToken, type Installation } from "./installation";
import {
  codeOf,
  InstallationStoreError,
  storeFailure,
  type InstallationStore,
  type InstallationStoreOperation,
} from "./installation-store";

export interface PostgresInstallationStoreOptions {
  /** The database, as DATABASE_URL gives it: "postgres://user:password@host:5432/name". */
  connectionString: string;
  /**
   * Whose installation this is, e.g. the portal's origin. The table's primary key: one table can
   * hold the installations of several gateways, each on its own portal.
   */
  portal: string;
  /** The table, "name" or "schema.name"; created on first use when missing. Default "b24gw_installation". */
  table?: string;
  /**
   * The longest one statement may run, and the longest a replica waits while another holds the
   * installation, before the call fails. Default 15000.
   */
  lockTimeoutMs?: number;
  /**
   * A replica that holds the installation and sends nothing for this long loses the hold: the server
   * ends its session, which rolls back. Must exceed the slowest `exclusive` update (the OAuth refresh
   * call, with its own timeout), or a refresh that succeeded could not be stored. Default 60000.
   */
  holdTimeoutMs?: number;
  /** Connections kept open at most. Default 4: calls are rare and short. */
  maxConnections?: number;
}

const DEFAULT_TABLE = "b24gw_installation";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The installation in a PostgreSQL table shared by every replica. `exclusive` is one transaction
 * that locks the installation's row (SELECT … FOR UPDATE) from its read to its write, so that one
 * replica at a time refreshes the tokens; while no row exists yet, a transaction-level advisory lock
 * on the portal stands in for it, so that two first installs serialize too. Locks belong to the
 * connection: a replica that dies, or whose connection drops, loses them and its transaction rolls
 * back, and nothing partial is written. Statements and lock waits time out (`lockTimeoutMs`), and a
 * holder gone quiet loses its hold (`holdTimeoutMs`), so no replica blocks the others for ever.
 * A database restart costs the calls made while it is away; the pool connects again afterwards.
 */
export class PostgresInstallationStore implements InstallationStore {
  readonly kind = "postgres";
  private readonly pool: Pool;
  private readonly portal: string;
  /** The table's name, quoted for SQL. */
  private readonly table: string;
  /** How messages name this store: never the connection string, which may hold a password. */
  private readonly name: string;
  private tableReady: Promise<void> | undefined;
  private closed: Promise<void> | undefined;

  constructor(options: PostgresInstallationStoreOptions) {
    const table = options.table ?? DEFAULT_TABLE;
    const parts = table.split(".");
    if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
      throw new TypeError(
        `table must be an SQL name such as ${DEFAULT_TABLE} or schema.name, got ${JSON.stringify(table)}`,
      );
    }
    this.table = parts.map((part) => `"${part}"`).join(".");
    this.portal = options.portal;
    this.name = `postgres table ${table}`;
    const lockTimeoutMs = options.lockTimeoutMs ?? 15_000;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 4,
      fallback_application_name: "b24gw-installation-store",
      connectionTimeoutMillis: 5_000,
      statement_timeout: lockTimeoutMs,
      lock_timeout: lockTimeoutMs,
      idle_in_transaction_session_timeout: options.holdTimeoutMs ?? 60_000,
      // The server's timeouts cannot fire while it is unreachable; this one is the client's own.
      query_timeout: lockTimeoutMs + 5_000,
      keepAlive: true,
    });
    // An idle connection that breaks (the server restarts) is reported here; unheard, the event
    // would end the process. The pool drops that connection and opens a new one when next needed.
    this.pool.on("error", () => undefined);
  }

  async load(): Promise<Installation | undefined> {
    const session = await this.connect("load");
    try {
      const { rows } = await session.query(
        `SELECT installation FROM ${this.table} WHERE portal = $1`,
        [this.portal],
      );
      return this.decode("load", rows[0]);
    } finally {
      session.end();
    }
  }

  save(installation: Installation): Promise<void> {
    return this.transaction("save", async (session) => {
      await this.write(session, "save", installation);
    });
  }

  remove(applicationToken: string): Promise<boolean> {
    return this.transaction("remove", async (session, current) => {
      if (!current || !hasApplicationToken(current, applicationToken)) return false;
      await session.query(`DELETE FROM ${this.table} WHERE portal = $1`, [this.portal]);
      return true;
    });
  }

  exclusive<T>(
    update: (current: Installation | undefined) => Promise<{ next?: Installation; value: T }>,
  ): Promise<T> {
    return this.transaction("exclusive", async (session, current) => {
      const { next, value } = await update(current);
      if (next) await this.write(session, "exclusive", next);
      return value;
    });
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end().catch((error: unknown) => {
      throw storeFailure(this.name, "close", error);
    });
    return this.closed;
  }

  /**
   * Runs `work` in a transaction that holds the installation from its read to the COMMIT. An error
   * from `work` itself (the caller's `update`) rolls back and is rethrown as it is.
   */
  private async transaction<T>(
    operation: InstallationStoreOperation,
    work: (session: Session, current: Installation | undefined) => Promise<T>,
  ): Promise<T> {
    const session = await this.connect(operation);
    try {
      await session.query("BEGIN");
      const result = await work(session, await this.lockedRead(session, operation));
      await session.query("COMMIT");
      return result;
    } catch (error) {
      // A broken connection is closed instead, which rolls back on the server.
      if (!session.broken) await session.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      session.end();
    }
  }

  private async lockedRead(session: Session, operation: InstallationStoreOperation) {
    const select = `SELECT installation FROM ${this.table} WHERE portal = $1 FOR UPDATE`;
    const locked = await session.query(select, [this.portal]);
    if (locked.rows.length > 0) return this.decode(operation, locked.rows[0]);
    // No row to lock yet. The advisory lock makes a second first-time writer wait here; once it has
    // it, the SELECT runs again, and as a new statement it sees a row the first one has committed.
    await session.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
      this.table,
      this.portal,
    ]);
    const again = await session.query(select, [this.portal]);
    return this.decode(operation, again.rows[0]);
  }

  private async write(
    session: Session,
    operation: InstallationStoreOperation,
    installation: Installation,
  ): Promise<void> {
    const check = checkInstallation(installation);
    if (!check.ok) {
      const reason = `refused to write what is not a valid installation (${check.problem})`;
      throw new InstallationStoreError(this.name, operation, reason);
    }
    await session.query(
      `INSERT INTO ${this.table} (portal, installation, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (portal) DO UPDATE SET installation = EXCLUDED.installation, updated_at = now()`,
      [this.portal, JSON.stringify(check.installation)],
    );
  }

  private decode(operation: InstallationStoreOperation, row: unknown): Installation | undefined {
    if (row === undefined) return undefined;
    const check = checkInstallation((row as { installation: unknown }).installation);
    if (check.ok) return check.installation;
    const reason = `the row of this portal is not a valid installation (${check.problem})`;
    throw new InstallationStoreError(this.name, operation, reason);
  }

  /** A connection of the pool, once the table exists. */
  private async connect(operation: InstallationStoreOperation): Promise<Session> {
    this.tableReady ??= this.createTable().catch((error: unknown) => {
      this.tableReady = undefined; // try again on the next call
      throw error;
    });
    try {
      await this.tableReady;
      return new Session(await this.pool.connect(), this.name, operation);
    } catch (error) {
      const failure = storeFailure(this.name, operation, error);
      // Every call waiting for the table shares one failure: each names its own operation.
      throw new InstallationStoreError(this.name, operation, failure.reason, failure.code);
    }
  }

  private async createTable(): Promise<void> {
    const session = new Session(await this.pool.connect(), this.name, "load");
    try {
      // A role that may not create tables can still use one made for it: look before creating.
      const { rows } = await session.query("SELECT to_regclass($1) IS NOT NULL AS present", [
        this.table,
      ]);
      if ((rows[0] as { present: boolean }).present) return;
      // CREATE TABLE IF NOT EXISTS is not safe against itself: two replicas creating at once both
      // pass its check, and the second fails on a catalog name (23505, 42P07 or 42710, by timing).
      // So one creator at a time; the next one finds the table and does nothing.
      await session.query("BEGIN");
      await session.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`create ${this.table}`]);
      await session.query(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
           portal text PRIMARY KEY,
           installation jsonb NOT NULL,
           updated_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      await session.query("COMMIT"); // on a failure before it, closing the connection rolls back
    } finally {
      session.end();
    }
  }
}

/**
 * One connection, checked out of the pool for one operation. A connection that breaks while checked
 * out (the server restarts, or ends the session of a holder gone quiet) emits "error" on itself,
 * which would end the process if nobody listened; the session listens, and remembers the error's
 * code to name the failure of the query that follows. A connection that failed a query is closed
 * rather than given back: its state (an open transaction, a query still running) is not known.
 */
class Session {
  private lost: unknown;
  private failed = false;
  private readonly onError = (error: Error) => {
    // The server's reason (FATAL 57P01, 25P03) comes first, "Connection terminated" after it: keep the reason.
    if (codeOf(this.lost) === undefined) this.lost = error;
  };

  constructor(
    private readonly client: PoolClient,
    private readonly store: string,
    private readonly operation: InstallationStoreOperation,
  ) {
    client.on("error", this.onError);
  }

  get broken(): boolean {
    return this.failed || this.lost !== undefined;
  }

  async query(text: string, values?: unknown[]): Promise<QueryResult> {
    try {
      return await this.client.query(text, values);
    } catch (error) {
      this.failed = true;
      throw storeFailure(this.store, this.operation, error, codeOf(this.lost));
    }
  }

  /** Gives the connection back to the pool, or closes it when it is broken. */
  end(): void {
    // The pool listens to the connection again from here on.
    this.client.removeListener("error", this.onError);
    this.client.release(this.broken ? true : undefined);
  }
}

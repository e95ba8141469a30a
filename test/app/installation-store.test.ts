import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { Pool } from "pg";

import { FileInstallationStore } from "../../src/app/file-installation-store";
import type { Installation } from "../../src/app/installation";
import { InstallationStoreError, type InstallationStore } from "../../src/app/installation-store";
import { PostgresInstallationStore } from "../../src/app/postgres-installation-store";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server";

/** Token values no error may ever show: random, so that a match cannot be a coincidence. */
const SECRETS = {
  applicationToken: `app-${randomUUID()}`,
  accessToken: `access-${randomUUID()}`,
  refreshToken: `refresh-${randomUUID()}`,
};

function installation(overrides: Partial<Installation> = {}): Installation {
  return {
    memberId: "a1b2c3",
    domain: "portal.bitrix24.com",
    clientEndpoint: "https://portal.bitrix24.com/rest/",
    serverEndpoint: "https://oauth.bitrix.info/rest/",
    ...SECRETS,
    accessExpiresAt: 1_780_000_000_000,
    state: "valid",
    installedAt: 1_779_990_000_000,
    updatedAt: 1_779_990_000_000,
    ...overrides,
  };
}

/** Every way an error could be shown: message, stack, JSON, inspection (what a logger prints). */
function expectNoSecret(error: unknown): void {
  const shown = [String(error), (error as Error).stack, JSON.stringify(error), inspect(error)];
  for (const secret of Object.values(SECRETS)) {
    for (const text of shown) expect(text).not.toContain(secret);
  }
}

async function failureOf(call: Promise<unknown>): Promise<InstallationStoreError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InstallationStoreError);
  return error as InstallationStoreError;
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Polls `condition` with a short backoff until it holds; fails after about ten seconds. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 20)));
  }
  throw new Error(`gave up waiting until ${what}`);
}

/** The storage one test's replicas share, as a contract test sees it. */
interface SharedStorage {
  /** A new store on the storage: another replica. Closed by `dispose`. */
  replica(): InstallationStore;
  /** Stores `value`, which is not an installation, where the installation is kept. */
  corrupt(value: unknown): Promise<void>;
  /**
   * True when no call can make progress but the holder: the other `count` calls are waiting for
   * the hold (and not, say, still reading).
   */
  othersWait(count: number): Promise<boolean>;
  dispose(): Promise<void>;
}

function behavesAsAnInstallationStore(open: () => Promise<SharedStorage>): void {
  let storage: SharedStorage;
  beforeEach(async () => {
    storage = await open();
  });
  afterEach(() => storage.dispose());

  it("loads nothing before the first install", async () => {
    await expect(storage.replica().load()).resolves.toBeUndefined();
  });

  it("loads what was saved, from any replica", async () => {
    const first = installation();
    await storage.replica().save(first);
    await expect(storage.replica().load()).resolves.toEqual(first);
    const reinstalled = installation({ memberId: "again", updatedAt: first.updatedAt + 1 });
    await storage.replica().save(reinstalled);
    await expect(storage.replica().load()).resolves.toEqual(reinstalled);
  });

  it("removes the installation only for its own application token", async () => {
    const store = storage.replica();
    await store.save(installation());
    await expect(store.remove("another-token")).resolves.toBe(false);
    await expect(store.remove(`${SECRETS.applicationToken}x`)).resolves.toBe(false);
    await expect(store.load()).resolves.toEqual(installation());
    await expect(store.remove(SECRETS.applicationToken)).resolves.toBe(true);
    await expect(store.load()).resolves.toBeUndefined();
    await expect(store.remove(SECRETS.applicationToken)).resolves.toBe(false);
  });

  it("reports stored data that is not an installation, without showing it", async () => {
    await storage.corrupt({ ...installation(), accessExpiresAt: "in an hour" });
    const store = storage.replica();
    const failure = await failureOf(store.load());
    expect(failure.message).toMatch(/not a valid installation \(accessExpiresAt must be/);
    expectNoSecret(failure);
    const update = jest.fn();
    expectNoSecret(await failureOf(store.exclusive(update)));
    expect(update).not.toHaveBeenCalled();
    expectNoSecret(await failureOf(store.remove(SECRETS.applicationToken)));
  });

  it("refuses to store what is not an installation, without showing it", async () => {
    const store = storage.replica();
    await store.save(installation());
    const broken = installation({ clientEndpoint: "portal/rest" });
    expectNoSecret(await failureOf(store.save(broken)));
    const failure = await failureOf(
      store.exclusive(() => Promise.resolve({ next: broken, value: 1 })),
    );
    expect(failure.message).toContain("clientEndpoint must be an http(s) URL");
    expectNoSecret(failure);
    await expect(store.load()).resolves.toEqual(installation());
  });

  it("gives exclusive the stored installation and stores what it returns", async () => {
    const store = storage.replica();
    await store.save(installation({ accessToken: "old" }));
    const value = await store.exclusive((current) =>
      Promise.resolve({ next: { ...current!, accessToken: "new" }, value: current!.accessToken }),
    );
    expect(value).toBe("old");
    await expect(storage.replica().load()).resolves.toEqual(installation({ accessToken: "new" }));
  });

  it("keeps the installation when exclusive returns no next one", async () => {
    const store = storage.replica();
    await store.save(installation());
    await expect(store.exclusive(() => Promise.resolve({ value: "kept" }))).resolves.toBe("kept");
    await expect(store.load()).resolves.toEqual(installation());
  });

  it("rethrows what exclusive's update throws, as it is, and writes nothing", async () => {
    const store = storage.replica();
    await store.save(installation());
    const refused = new Error("refresh refused");
    await expect(store.exclusive(() => Promise.reject(refused))).rejects.toBe(refused);
    await expect(store.load()).resolves.toEqual(installation());
    // The store is still usable afterwards (no hold left behind).
    await expect(store.exclusive(() => Promise.resolve({ value: 1 }))).resolves.toBe(1);
  });

  describe.each(["an installation", "none"])(
    "exclusive from several replicas at once, starting from %s",
    (start) => {
      it("lets one read-modify-write run at a time, so that no update is lost", async () => {
        const replicas = Array.from({ length: 4 }, () => storage.replica());
        if (start === "an installation")
          await replicas[0]!.save(installation({ accessToken: "0" }));
        const gate = deferred();
        let entered = 0;
        let inside = 0;
        let mostInside = 0;
        const calls = replicas.map((store) =>
          store.exclusive(async (current) => {
            entered++;
            mostInside = Math.max(mostInside, ++inside);
            const read = Number(current?.accessToken ?? "0");
            await gate.promise;
            inside--;
            return { next: installation({ accessToken: String(read + 1) }), value: read };
          }),
        );
        // The gate opens only once every call has read the installation or is provably waiting
        // for the hold. A store that did not lock would by then have let all of them read "0", and
        // they would all write "1".
        await until(
          async () =>
            entered === replicas.length ||
            (entered > 0 && (await storage.othersWait(replicas.length - entered))),
          "every call has read or waits for the hold",
        );
        gate.resolve();
        const read = await Promise.all(calls);
        expect(read.sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
        expect(mostInside).toBe(1);
        expect((await storage.replica().load())?.accessToken).toBe("4");
      });
    },
  );
}

describe("FileInstallationStore", () => {
  let dir: string;
  let path: string;

  behavesAsAnInstallationStore(async () => {
    dir = await mkdtemp(join(tmpdir(), "b24gw-installation-"));
    path = join(dir, "installation.json");
    const stores: InstallationStore[] = [];
    return {
      replica() {
        const store = new FileInstallationStore(path);
        stores.push(store);
        return store;
      },
      corrupt: (value) => writeFile(path, JSON.stringify(value)),
      // Within one process, a call that has no file I/O in flight can only be waiting in the
      // file's queue: the holder itself does no I/O while it waits for the test.
      othersWait: () =>
        Promise.resolve(
          !process
            .getActiveResourcesInfo()
            .some((kind) => kind === "FSReqPromise" || kind === "CloseReq"),
        ),
      async dispose() {
        await Promise.all(stores.map((store) => store.close()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  });

  it("names itself file", () => {
    expect(new FileInstallationStore("installation.json").kind).toBe("file");
  });

  it("writes a file only its owner can read, and leaves no temporary file behind", async () => {
    const store = new FileInstallationStore(path);
    await store.save(installation());
    await store.exclusive((current) =>
      Promise.resolve({ next: { ...current!, accessToken: "next" }, value: undefined }),
    );
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["installation.json"]);
  });

  it("reports a file that is not JSON by its name, without its content", async () => {
    await writeFile(path, JSON.stringify(installation()).slice(0, 120));
    const failure = await failureOf(new FileInstallationStore(path).load());
    expect(failure.message).toBe(
      `file ${path} installation store: load failed: the file is not a valid installation (it is not JSON)`,
    );
    expectNoSecret(failure);
  });

  it("reports a file it cannot read by its code", async () => {
    const store = new FileInstallationStore(join(path, "below-a-file.json"));
    await writeFile(path, "{}");
    const failure = await failureOf(store.load());
    expect(failure.code).toBe("ENOTDIR");
  });
});

describe("PostgresInstallationStore", () => {
  let server: PostgresServer;
  /** The test's own connections, to look at and tamper with the server behind the stores' backs. */
  let admin: Pool;
  let portal: string;
  let stores: PostgresInstallationStore[];

  beforeAll(async () => {
    server = await startPostgresServer();
    admin = new Pool({ connectionString: server.url, max: 2 });
    admin.on("error", () => undefined); // the restart test ends its connections too
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await server?.close();
  });

  function replica(options: { holdTimeoutMs?: number; table?: string } = {}) {
    const store = new PostgresInstallationStore({
      connectionString: server.url,
      portal,
      ...options,
    });
    stores.push(store);
    return store;
  }

  /** How many sessions of the stores wait for a lock (a row lock or the advisory lock). */
  async function waitingForLocks(): Promise<number> {
    const { rows } = await admin.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND application_name = 'b24gw-installation-store'`,
    );
    return rows[0]!.count;
  }

  behavesAsAnInstallationStore(() => {
    // Each test has a portal of its own in the one table: that keeps tests apart, and shows that
    // one table holds several gateways' installations.
    portal = `https://portal-${randomUUID()}.bitrix24.com`;
    stores = [];
    return Promise.resolve({
      replica: () => replica(),
      async corrupt(value) {
        await replica().load(); // creates the table
        await admin.query(
          "INSERT INTO b24gw_installation (portal, installation) VALUES ($1, $2::jsonb)",
          [portal, JSON.stringify(value)],
        );
      },
      othersWait: async (count) => (await waitingForLocks()) >= count,
      dispose: () => Promise.all(stores.map((store) => store.close())).then(() => undefined),
    });
  });

  it("names itself postgres, and refuses a table name that is not an SQL name", () => {
    expect(replica().kind).toBe("postgres");
    expect(() => replica({ table: 'x"; DROP TABLE y; --' })).toThrow(
      /table must be an SQL name such as b24gw_installation or schema\.name, got/,
    );
  });

  it("creates its table once when several replicas start together", async () => {
    // Two creators racing fail only now and then: a few rounds give the race a fair chance.
    for (let round = 0; round < 4; round++) {
      const table = `installation_${randomUUID().replaceAll("-", "")}`;
      const replicas = Array.from({ length: 6 }, () => replica({ table }));
      await expect(Promise.all(replicas.map((store) => store.load()))).resolves.toEqual(
        replicas.map(() => undefined),
      );
      await replicas[0]!.save(installation());
      await expect(replicas[5]!.load()).resolves.toEqual(installation());
    }
  });

  it("keeps the installation across a restart of the server, and works again once it is back", async () => {
    const store = replica();
    await store.save(installation());
    await server.stop();
    const failure = await failureOf(store.load());
    // Refused; or, had the pool not yet heard that its idle connection was ended, the server's 57P01.
    expect(["ECONNREFUSED", "57P01"]).toContain(failure.code);
    expectNoSecret(failure);
    await server.start();
    await expect(store.load()).resolves.toEqual(installation());
    await expect(
      store.exclusive((current) =>
        Promise.resolve({ next: { ...current!, accessToken: "after" }, value: "done" }),
      ),
    ).resolves.toBe("done");
    await expect(replica().load()).resolves.toEqual(installation({ accessToken: "after" }));
  });

  it("lets another replica proceed when the holder's connection dies, and writes nothing of the holder's", async () => {
    const holder = replica();
    const other = replica();
    await holder.save(installation({ accessToken: "before" }));
    const holding = deferred();
    const neverBefore = deferred();
    const held = holder.exclusive(async (current) => {
      holding.resolve();
      await neverBefore.promise;
      return { next: { ...current!, accessToken: "from the dead" }, value: "dead" };
    });
    await holding.promise;
    const waiting = other.exclusive((current) =>
      Promise.resolve({ next: { ...current!, accessToken: "after" }, value: current!.accessToken }),
    );
    await until(async () => (await waitingForLocks()) === 1, "the other replica waits");
    // The holder's session ends as it does when its process dies: the server rolls it back.
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE state = 'idle in transaction' AND application_name = 'b24gw-installation-store'`,
    );
    await expect(waiting).resolves.toBe("before");
    neverBefore.resolve();
    const failure = await failureOf(held);
    expect(failure.code).toBe("57P01");
    await expect(holder.load()).resolves.toEqual(installation({ accessToken: "after" }));
  });

  it("takes the hold away from a holder gone quiet, so that the others go on", async () => {
    const quiet = replica({ holdTimeoutMs: 200 });
    const other = replica();
    await quiet.save(installation({ accessToken: "before" }));
    const holding = deferred();
    const released = deferred();
    const held = quiet.exclusive(async (current) => {
      holding.resolve();
      await released.promise;
      return { next: { ...current!, accessToken: "too late" }, value: "late" };
    });
    await holding.promise;
    await expect(
      other.exclusive((current) =>
        Promise.resolve({
          next: { ...current!, accessToken: "after" },
          value: current!.accessToken,
        }),
      ),
    ).resolves.toBe("before");
    released.resolve();
    const failure = await failureOf(held);
    expect(failure.code).toBe("25P03"); // idle_in_transaction_session_timeout
    expectNoSecret(failure);
    await expect(other.load()).resolves.toEqual(installation({ accessToken: "after" }));
  });

  it("never shows the password of its connection string", async () => {
    const store = new PostgresInstallationStore({
      connectionString: `postgres://postgres:${SECRETS.accessToken}@127.0.0.1:1/postgres`,
      portal: "p",
    });
    expectNoSecret(await failureOf(store.load()));
    await store.close();
  });
});

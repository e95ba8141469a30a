import { randomUUID } from "node:crypto";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

import { checkInstallation, hasApplicationToken, type Installation } from "./installation";
import {
  codeOf,
  InstallationStoreError,
  storeFailure,
  type InstallationStore,
  type InstallationStoreOperation,
} from "./installation-store";

/**
 * The tail of each file's queue of work, by absolute path: every store on one path in this process
 * shares it, so a second instance (a test's second "replica", a reinstall handler built apart) does
 * not slip between another's read and write.
 */
const queues = new Map<string, Promise<void>>();

function serialized<T>(path: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(path) ?? Promise.resolve()).then(work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, tail);
  // Forget a path once its queue is empty, so that the map does not grow with every path ever used.
  void tail.then(() => {
    if (queues.get(path) === tail) queues.delete(path);
  });
  return run;
}

/**
 * The installation in a JSON file, for a gateway that runs as ONE replica: `exclusive` serializes
 * only within this process. Two processes sharing the file (two replicas on one volume) could both
 * refresh with the same refresh token and lose the installation for good; they need the PostgreSQL
 * store. Each write replaces the file atomically (a temporary file in the same directory, mode 0600,
 * flushed, renamed over it, the directory flushed), so a crash leaves the old installation or the
 * new one, never a mix. A missing file means no installation.
 */
export class FileInstallationStore implements InstallationStore {
  readonly kind = "file";
  private readonly path: string;
  /** How messages name this store: the file, never its content. */
  private readonly name: string;

  constructor(path: string) {
    this.path = resolve(path);
    this.name = `file ${this.path}`;
  }

  load(): Promise<Installation | undefined> {
    return this.read("load");
  }

  save(installation: Installation): Promise<void> {
    return serialized(this.path, () => this.write("save", installation));
  }

  remove(applicationToken: string): Promise<boolean> {
    return serialized(this.path, async () => {
      const current = await this.read("remove");
      if (!current || !hasApplicationToken(current, applicationToken)) return false;
      await this.delete("remove");
      return true;
    });
  }

  exclusive<T>(
    update: (current: Installation | undefined) => Promise<{ next?: Installation; value: T }>,
  ): Promise<T> {
    return serialized(this.path, async () => {
      const { next, value } = await update(await this.read("exclusive"));
      if (next) await this.write("exclusive", next);
      return value;
    });
  }

  /** Waits for the work already queued on this file. */
  async close(): Promise<void> {
    await queues.get(this.path);
  }

  private async read(operation: InstallationStoreOperation): Promise<Installation | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if (codeOf(error) === "ENOENT") return undefined;
      throw storeFailure(this.name, operation, error);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the text around the fault, which may be a token: not kept.
      throw this.invalid(operation, "it is not JSON");
    }
    const check = checkInstallation(parsed);
    if (!check.ok) throw this.invalid(operation, check.problem);
    return check.installation;
  }

  private async write(operation: InstallationStoreOperation, installation: Installation) {
    const check = checkInstallation(installation);
    if (!check.ok) {
      const reason = `refused to write what is not a valid installation (${check.problem})`;
      throw new InstallationStoreError(this.name, operation, reason);
    }
    const directory = dirname(this.path);
    const temporary = join(directory, `.${basename(this.path)}.${randomUUID()}.tmp`);
    try {
      const file = await open(temporary, "wx", 0o600);
      try {
        await file.writeFile(`${JSON.stringify(check.installation, null, 2)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
      await syncDirectory(directory);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw storeFailure(this.name, operation, error);
    }
  }

  private async delete(operation: InstallationStoreOperation) {
    try {
      await unlink(this.path);
      await syncDirectory(dirname(this.path));
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw storeFailure(this.name, operation, error);
    }
  }

  private invalid(operation: InstallationStoreOperation, problem: string) {
    const reason = `the file is not a valid installation (${problem})`;
    return new InstallationStoreError(this.name, operation, reason);
  }
}

/** Flushes a directory's entries, so that a rename or an unlink survives a power cut. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

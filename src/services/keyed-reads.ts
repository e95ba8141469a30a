import DataLoader from "dataloader";

/**
 * One kind of record read by id within one GraphQL request: ids asked for together are read
 * together (each costs one upstream call, which the transport folds into `batch` requests), an id
 * asked for twice is read once, and a write tells it what the record now is. A miss comes back as
 * an Error in its id's place, failing only the fields that asked for it.
 */
export class KeyedReads<T> {
  private readonly loader: DataLoader<number, T>;

  constructor(read: (id: number) => Promise<T>) {
    this.loader = new DataLoader<number, T>((ids) => settle(ids.map(read)));
  }

  get(id: number): Promise<T> {
    return this.loader.load(id);
  }

  getMany(ids: readonly number[]): Promise<Array<T | Error>> {
    return this.loader.loadMany(ids);
  }

  /** The record as a write or a list just returned it: later reads of the request get this. */
  remember(id: number, value: T): void {
    this.loader.clear(id).prime(id, value);
  }

  /** The record changed in a way not known here: the next read goes upstream again. */
  forget(id: number): void {
    this.loader.clear(id);
  }

  forgetAll(): void {
    this.loader.clearAll();
  }
}

/** Resolves every promise, turning rejections into Error values as DataLoader expects. */
function settle<T>(promises: Array<Promise<T>>): Promise<Array<T | Error>> {
  return Promise.all(
    promises.map((promise) =>
      promise.catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      ),
    ),
  );
}

import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";

/**
 * A subscription whose events are each executed once per distinct operation, not once per
 * subscriber. Every subscriber of one upstream identity is handed the very same event object for a
 * change (LiveReads decides once per change and identity), so subscribers that also run the same
 * document with the same variables would compute the same result: the first one computes it and
 * the others share it. 10,000 calendars open on one booking's changes cost one execution per change
 * and replica, not 10,000.
 *
 * This is graphql-js's own `subscribe` (the source stream, then `execute` per event with the event
 * as the root value), with the execution shared.
 */
export async function subscribeSharingResults(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const operation = operationKey(args);
  return mapEvents(stream, (event) =>
    sharedResult(event, operation, () => execute({ ...args, rootValue: event })),
  );
}

/** Results by event, then by operation; an event's entry goes when the event object does. */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

function sharedResult(
  event: unknown,
  operation: string,
  run: () => ExecutionResult | Promise<ExecutionResult>,
): Promise<ExecutionResult> {
  if (typeof event !== "object" || event === null) return Promise.resolve(run());
  let byOperation = results.get(event);
  if (!byOperation) results.set(event, (byOperation = new Map<string, Promise<ExecutionResult>>()));
  let result = byOperation.get(operation);
  if (!result) byOperation.set(operation, (result = Promise.resolve().then(run)));
  return result;
}

/** The document's text, the operation's name and the variables: what decides the result. */
function operationKey(args: ExecutionArgs): string {
  const text = args.document.loc?.source.body;
  // Without its text (a document built in code), the document object itself is the only identity.
  if (text === undefined) return `object:${documentId(args.document)}`;
  return JSON.stringify([text, args.operationName ?? null, args.variableValues ?? null]);
}

/** Documents built in code, which have no text: told apart by object. */
const documentIds = new WeakMap<object, number>();
let nextDocumentId = 0;

function documentId(document: object): number {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = ++nextDocumentId));
  return id;
}

/**
 * The stream's events mapped one by one. An iterator rather than an async generator: a generator
 * asked to return while it awaits the next event would wait for that event before ending, and a
 * subscriber who leaves a quiet record must be let go at once.
 */
function mapEvents<T, U>(
  stream: AsyncIterable<T>,
  map: (event: T) => Promise<U>,
): AsyncIterableIterator<U> {
  const events = stream[Symbol.asyncIterator]();
  const done = (): IteratorResult<U> => ({ value: undefined, done: true });
  return {
    async next() {
      const next = await events.next();
      return next.done ? done() : { value: await map(next.value), done: false };
    },
    async return() {
      await events.return?.();
      return done();
    },
    async throw(error: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

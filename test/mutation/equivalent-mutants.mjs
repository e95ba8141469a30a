// The mutants that survive because no test can tell them from the original: the behaviour they
// change cannot be observed, or changes only how long something waits, never what is answered, what
// is sent upstream or how many times. Each was read, and each group says why. `npm run mutate`
// counts them apart from the survivors (the "equivalent" column) and gives the score without them
// beside Stryker's own; an entry that matches no mutant of a file it ran is reported, so that the
// list follows the code.
//
// A mutant is named as Stryker's report shows it: [file, its line's text (trimmed), mutator,
// replacement, { nth, original }]. `nth` picks one of several identical lines of the file (from 1);
// `original` (the code replaced, its first line) or `column` (where it starts in the trimmed line,
// from 1) picks one of several mutants of one line that share a mutator and a replacement.

/** @typedef {[string, string, string, string, { nth?: number, original?: string, column?: number }?]} MutantName */

/** @type {{ why: string, mutants: MutantName[] }[]} */
export const EQUIVALENT_MUTANTS = [
  // cache
  {
    why: "The store is read only after a sync since the connection last became ready, and it becomes ready only through the event that starts one; a sync while Redis is away writes nothing, and reads sent during a sync queue behind its writes on the same connection",
    mutants: [
      ["src/cache/shared-store.ts", "private synced = false;", "BooleanLiteral", "true"],
      [
        "src/cache/shared-store.ts",
        "if (kv.ready) void this.sync();",
        "ConditionalExpression",
        "true",
      ],
      ["src/cache/shared-store.ts", "this.synced = false;", "BooleanLiteral", "true"],
      [
        "src/cache/redis-kv.ts",
        'return this.connection.state === "ready";',
        "ConditionalExpression",
        "true",
      ],
      [
        "src/cache/redis-kv.ts",
        'if (state === "ready") listener();',
        "ConditionalExpression",
        "true",
      ],
    ],
  },
  {
    why: "Either check alone keeps the rule: a read under way when an invalidation fails began before that change, which the consistency model lets it miss, and a subscriber's re-read that ends after it is dropped by live reads, which send only the latest read",
    mutants: [
      [
        "src/cache/shared-store.ts",
        "if (!this.usable) return undefined;",
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  {
    why: "A command sent while the store is not usable: while Redis is away it fails at once (there is no offline queue) and takes the path the check takes; while the backlog is being written, an entry is still checked by its tag, and a bump written is written",
    mutants: [
      ["src/cache/shared-store.ts", "if (!this.usable) return;", "ConditionalExpression", "false"],
      ["src/cache/shared-store.ts", "if (!this.usable) {", "ConditionalExpression", "false"],
      ["src/cache/shared-store.ts", "if (!this.usable) {", "BlockStatement", "{}"],
      [
        "src/cache/shared-store.ts",
        "if (!this.usable) return true;",
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  {
    why: "A failed command leaves its connection closed or hung: what follows on it fails too and takes Redis down (the release after an entry write, the write after a claim, the change relay after a backlog write, which shares the connection), or comes after the command was applied",
    mutants: [
      ["src/cache/shared-store.ts", "} catch {", "BlockStatement", "{}", { nth: 2 }],
      ["src/cache/shared-store.ts", "this.failed();", "CallExpression", ";", { nth: 2 }],
      ["src/cache/shared-store.ts", "this.failed();", "CallExpression", ";", { nth: 4 }],
      ["src/cache/shared-store.ts", "} catch {", "BlockStatement", "{}", { nth: 6 }],
      ["src/cache/shared-store.ts", "this.kv.reportFailure();", "CallExpression", ";", { nth: 2 }],
    ],
  },
  {
    why: "A claim counted as not made: the read waits up to 500 ms for another replica's value, then loads itself. One upstream read either way, never a staler answer",
    mutants: [
      ["src/cache/shared-store.ts", "if (!this.usable) return true;", "BooleanLiteral", "false"],
      ["src/cache/shared-store.ts", "return true;", "BooleanLiteral", "false", { nth: 2 }],
    ],
  },
  {
    why: "A tag's parts joined without a separator: in Redis every part has a fixed length (the run id, 16-character generations); in memory each unit's generations only grow, so no pair of them joins like an earlier pair",
    mutants: [
      [
        "src/cache/shared-store.ts",
        'return { entry: read.entry, tag: [read.epoch, ...read.gens].join("|") };',
        "StringLiteral",
        '""',
      ],
      [
        "src/cache/memory-store.ts",
        'return Promise.resolve({ entry: this.entries.get(entryKey), tag: gens.join("|") });',
        "StringLiteral",
        '""',
      ],
    ],
  },
  {
    why: "A key's digest not shortened: the key is only longer",
    mutants: [
      [
        "src/cache/read-cache.ts",
        'const claim = `${key}:loading:${createHash("sha256").update(tag).digest("base64url").slice(0, 16)}`;',
        "MethodExpression",
        'createHash("sha256").update(tag).digest("base64url")',
      ],
      [
        "src/services/cache-entries.ts",
        'const digest = createHash("sha256").update(JSON.stringify(query)).digest("hex").slice(0, 16);',
        "MethodExpression",
        'createHash("sha256").update(JSON.stringify(query)).digest("hex")',
      ],
    ],
  },
  {
    why: "Another replica's claim released (after waiting for it in vain), or a release that does nothing in Redis: the loader writes its entry before it releases, so every read under that tag finds the entry and never looks at the claim; claims expire after 3 s anyway",
    mutants: [
      [
        "src/cache/read-cache.ts",
        "if (claimed) await store.release(claim);",
        "ConditionalExpression",
        "true",
      ],
      [
        "src/cache/redis-kv.ts",
        "async release(key: string): Promise<void> {",
        "BlockStatement",
        "{}",
      ],
    ],
  },
  {
    why: "One more wait for another replica's value: 25 ms more waiting, the same reads",
    mutants: [
      [
        "src/cache/read-cache.ts",
        "for (let attempt = 0; attempt < WAIT_FOR_OTHER_TIMES; attempt += 1) {",
        "EqualityOperator",
        "attempt <= WAIT_FOR_OTHER_TIMES",
      ],
    ],
  },
  {
    why: "The catch of an entry that is not JSON, emptied: the function then ends without a value, which is what the catch returns",
    mutants: [["src/cache/read-cache.ts", "} catch {", "BlockStatement", "{}"]],
  },
  {
    why: "The scripts defined again on a client that has them: defining a command again replaces it with the same script",
    mutants: [
      [
        "src/cache/redis-kv.ts",
        'if (!("b24gwReadTagged" in client)) {',
        "ConditionalExpression",
        "true",
      ],
      ["src/cache/redis-kv.ts", 'if (!("b24gwReadTagged" in client)) {', "StringLiteral", '""'],
    ],
  },
  {
    why: "An error inside the invalidation's MULTI ignored: SET cannot fail at EXEC, an error while queueing it aborts the EXEC, which rejects, and `null` results come only with WATCH, which is not used",
    mutants: [
      [
        "src/cache/redis-kv.ts",
        "const failed = results?.find(([error]) => error);",
        "ArrowFunction",
        "() => undefined",
      ],
      [
        "src/cache/redis-kv.ts",
        'if (!results || failed) throw failed?.[0] ?? new Error("MULTI was discarded");',
        "ConditionalExpression",
        "false",
      ],
      [
        "src/cache/redis-kv.ts",
        'if (!results || failed) throw failed?.[0] ?? new Error("MULTI was discarded");',
        "LogicalOperator",
        "!results && failed",
      ],
      [
        "src/cache/redis-kv.ts",
        'if (!results || failed) throw failed?.[0] ?? new Error("MULTI was discarded");',
        "LogicalOperator",
        'failed?.[0] && new Error("MULTI was discarded")',
      ],
      [
        "src/cache/redis-kv.ts",
        'if (!results || failed) throw failed?.[0] ?? new Error("MULTI was discarded");',
        "StringLiteral",
        '""',
      ],
    ],
  },
  {
    why: "The claim's value: only whether the key exists is read",
    mutants: [
      [
        "src/cache/redis-kv.ts",
        'return (await this.connection.client.set(key, "1", "PX", ms, "NX")) === "OK";',
        "StringLiteral",
        '""',
      ],
    ],
  },
  {
    why: "A quarter as many generations kept in memory: a forgotten generation is created afresh and its entries miss; a smaller bound costs misses, never a stale answer",
    mutants: [
      [
        "src/cache/memory-store.ts",
        "this.gens = new LRUCache({ maxSize: maxEntries * 4, sizeCalculation: () => 1 });",
        "ArithmeticOperator",
        "maxEntries / 4",
      ],
    ],
  },
  {
    why: "Counted down instead of up: a generation or a read's ticket only has to differ from the others",
    mutants: [
      [
        "src/cache/memory-store.ts",
        "const value = String(++this.lastGeneration);",
        "UpdateOperator",
        "--this.lastGeneration",
      ],
      [
        "src/events/live-reads.ts",
        "const ticket = ++this.tickets;",
        "UpdateOperator",
        "--this.tickets",
      ],
    ],
  },
  {
    why: "Keys kept after a backlog overflowed: the overflow renews the epoch, which makes every entry stale; the keys are written as well",
    mutants: [
      [
        "src/cache/invalidation-backlog.ts",
        "if (this.overflow) return;",
        "ConditionalExpression",
        "false",
      ],
      [
        "src/cache/invalidation-backlog.ts",
        "this.keys.clear();",
        "CallExpression",
        ";",
        { nth: 3 },
      ],
    ],
  },
  {
    why: "More units made stale than a change needs: more misses, never a stale answer",
    mutants: [
      [
        "src/services/cache-entries.ts",
        'if (kind !== "ADDED") units.push(`${entity}:${id}`);',
        "ConditionalExpression",
        "true",
      ],
      [
        "src/services/cache-entries.ts",
        'if (entity === "resource" && kind === "DELETED") units.push("booking:all");',
        "LogicalOperator",
        'entity === "resource" || kind === "DELETED"',
      ],
      [
        "src/services/cache-entries.ts",
        'if (entity === "resource" && kind === "DELETED") units.push("booking:all");',
        "ConditionalExpression",
        "true",
        { original: 'entity === "resource"' },
      ],
      [
        "src/services/cache-entries.ts",
        'if (entity === "resource" && kind === "DELETED") units.push("booking:all");',
        "ConditionalExpression",
        "true",
        { original: 'kind === "DELETED"' },
      ],
    ],
  },
  // events
  {
    why: '`typeof value === "object"` taken as true, or any value turned into text: `value !== null` still stops `null`, a string or a number has no `ID`, and text that is not digits fails the pattern',
    mutants: [
      [
        "src/events/event-delivery.ts",
        'return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};',
        "ConditionalExpression",
        "true",
        { original: 'typeof value === "object"' },
      ],
      [
        "src/events/event-delivery.ts",
        'const text = typeof value === "number" ? String(value) : value;',
        "ConditionalExpression",
        "true",
      ],
    ],
  },
  {
    why: "The catch of `receive`, never reached: nothing in it throws (invalidating and publishing never reject); it keeps a future fault from ending the process",
    mutants: [
      [
        "src/events/live-data.ts",
        'logger.error({ err: error, event: delivery.event }, "event delivery could not be published");',
        "ObjectLiteral",
        "{}",
      ],
      [
        "src/events/live-data.ts",
        'logger.error({ err: error, event: delivery.event }, "event delivery could not be published");',
        "StringLiteral",
        '""',
      ],
      ["src/events/live-data.ts", "return false;", "BooleanLiteral", "true"],
    ],
  },
  {
    why: "The catch of a message that is not JSON, emptied: the value stays undefined, which has no `origin`, so the message is ignored as the catch's `undefined` ignores it",
    mutants: [["src/events/change-bus.ts", "} catch {", "BlockStatement", "{}", { nth: 2 }]],
  },
  {
    why: "The gate made due when Redis goes away as well as when it is back: it is due only with messages waiting, and those still wait when Redis is back, which makes it due anyway; the drain that is sending, or the one started then, meets Redis away, sends nothing more and clears it as it ends",
    mutants: [
      [
        "src/events/relay-outbox.ts",
        'if (state !== "ready") return;',
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  // limits
  {
    why: "The name of the key under which a field's extensions hold its cost: written and read through the constant",
    mutants: [
      [
        "src/limits/field-cost.ts",
        'export const UPSTREAM_COST = "upstreamCost";',
        "StringLiteral",
        '""',
      ],
    ],
  },
  {
    why: "A shortcut: a document no longer than the limit has at most that many tokens, which lexing counts too",
    mutants: [
      [
        "src/limits/token-limit.ts",
        "if (query.length <= limit) return false;",
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  {
    why: "`report` starts true: it is set from the request before it is read, and when no operation resolved, no cost exists to report",
    mutants: [["src/limits/operation-limits.ts", "let report = false;", "BooleanLiteral", "true"]],
  },
  {
    why: "`maxErrors: 1` removed: only whether the variables fit is read, not how many errors say they do not",
    mutants: [
      [
        "src/limits/operation-limits.ts",
        "const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], given, {",
        "ObjectLiteral",
        "{}",
      ],
    ],
  },
  {
    why: "Federation fields looked for in any operation, or under any parent: `_entities` and `_service` exist on `Query` only, and only `_entities` has a `representations` argument",
    mutants: [
      [
        "src/limits/operation-limits.ts",
        "if (!query || operation.operation !== OperationTypeNode.QUERY) return undefined;",
        "ConditionalExpression",
        "false",
      ],
      [
        "src/limits/upstream-cost.ts",
        'if (nodes[0]!.name.value !== "_entities") continue;',
        "ConditionalExpression",
        "false",
      ],
      [
        "src/limits/upstream-cost.ts",
        'if (parent === walk.schema.getQueryType() && name === "_entities") {',
        "ConditionalExpression",
        "true",
        { original: "parent === walk.schema.getQueryType()" },
      ],
    ],
  },
  {
    why: "The dearest of several possible types: no field outside `_entities` returns a union or an interface, so there is one candidate",
    mutants: [
      [
        "src/limits/upstream-cost.ts",
        "if (sum(candidate) > sum(dearest)) dearest = candidate;",
        "ConditionalExpression",
        "true",
      ],
      [
        "src/limits/upstream-cost.ts",
        "if (sum(candidate) > sum(dearest)) dearest = candidate;",
        "EqualityOperator",
        "sum(candidate) >= sum(dearest)",
      ],
    ],
  },
  {
    why: "The key of a representation without a type name: any key that names no type prices the same, the reads are counted and no selection is",
    mutants: [
      [
        "src/limits/upstream-cost.ts",
        'const key = typeof typename === "string" ? typename : "";',
        "StringLiteral",
        '"Stryker was here!"',
      ],
    ],
  },
  {
    why: "`* 1` as `/ 1`, and `count * multiplier` as a division: `ENTITY_REFERENCE_COMMANDS` is 1, and `_entities` is a root field, so its multiplier is 1",
    mutants: [
      [
        "src/limits/upstream-cost.ts",
        "const reads = count * multiplier * ENTITY_REFERENCE_COMMANDS;",
        "ArithmeticOperator",
        "count * multiplier / ENTITY_REFERENCE_COMMANDS",
      ],
      [
        "src/limits/upstream-cost.ts",
        "const reads = count * multiplier * ENTITY_REFERENCE_COMMANDS;",
        "ArithmeticOperator",
        "count / multiplier",
      ],
      [
        "src/limits/upstream-cost.ts",
        "priceFields(walk, type, fields, Math.min(CAP, count * multiplier), level + 1, levels);",
        "ArithmeticOperator",
        "count / multiplier",
      ],
    ],
  },
  {
    why: "`_entities` missing from the schema, never reached: the subgraph schema has `_entities` while it has entity types, which it always has",
    mutants: [
      [
        "src/limits/upstream-cost.ts",
        "if (!definition) return [];",
        "ArrayDeclaration",
        '["Stryker was here"]',
      ],
    ],
  },
  // transport
  {
    why: "qs writes arrays with indices by default",
    mutants: [
      [
        "src/transport/batch-command.ts",
        'const query = stringify(params, { arrayFormat: "indices" });',
        "ObjectLiteral",
        "{}",
      ],
    ],
  },
  {
    why: "A lone call builds its (empty) set of own references: performance only, an empty set holds nothing either",
    mutants: [
      [
        "src/transport/batch-reference.ts",
        "earlier === 0 ? NONE : new Set(Array.from({ length: earlier }, (_, index) => resultOf(index)));",
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  {
    why: "A command's `time` kept when it is not an object: its only reader, the operating-time tracker, ignores a `time` without a numeric `operating`",
    mutants: [
      [
        "src/transport/batch-result.ts",
        'if (time && typeof time === "object") value.time = time as BitrixTime;',
        "ConditionalExpression",
        "true",
      ],
    ],
  },
  {
    why: "The calls after a failed one rejected from the start, or from the one before it: those calls are already settled, and a promise settles once and ignores a second reject, so the same later calls are rejected",
    mutants: [
      [
        "src/transport/call-queue.ts",
        "for (const later of calls.slice(from)) later.reject(new BitrixNotExecutedError(later.method));",
        "MethodExpression",
        "calls",
      ],
      [
        "src/transport/call-queue.ts",
        "() => notRun(index + 1),",
        "ArithmeticOperator",
        "index - 1",
      ],
    ],
  },
  {
    why: "A queue taken to have calls arriving before its first call: `add` says so before any pass runs",
    mutants: [
      ["src/transport/call-queue.ts", "private addedSincePump = false;", "BooleanLiteral", "true"],
    ],
  },
  {
    why: "A pass that does not drop settled calls first: a waiting call settles only when its caller goes away or its deadline passes, and that path (`abandon`) drops the settled calls itself",
    mutants: [
      ["src/transport/call-queue.ts", "this.dropSettled();", "CallExpression", ";", { nth: 1 }],
    ],
  },
  {
    why: "One more pass while a burst arrives with nothing waiting: a pass with nothing to send does nothing, and none follows it",
    mutants: [
      [
        "src/transport/call-queue.ts",
        "if (arriving && this.waiting.length > 0) this.schedulePump();",
        "ConditionalExpression",
        "true",
        { original: "this.waiting.length > 0" },
      ],
      [
        "src/transport/call-queue.ts",
        "if (arriving && this.waiting.length > 0) this.schedulePump();",
        "EqualityOperator",
        "this.waiting.length >= 0",
      ],
    ],
  },
  {
    why: "`{ once: true }` removed, or a settled call settling again: a signal aborts once, and a promise settles once and ignores a second resolve or reject",
    mutants: [
      [
        "src/transport/call.ts",
        'signal.addEventListener("abort", listener, { once: true });',
        "ObjectLiteral",
        "{}",
      ],
      [
        "src/transport/call.ts",
        'signal.addEventListener("abort", listener, { once: true });',
        "BooleanLiteral",
        "false",
      ],
      [
        "src/transport/call.ts",
        "if (this.settled) return false;",
        "ConditionalExpression",
        "false",
      ],
      ["src/transport/call.ts", "if (this.settled) return false;", "BooleanLiteral", "true"],
    ],
  },
  {
    why: "Shortcuts of the circuit breaker: a closed circuit is never probing and is let through anyway; with threshold 0 no circuit is ever made; a half-open circuit's cool-down is always over (it became half-open for that), and a probing one's remaining time is then never above 0, which any refusal rounds up to 1 s; a closed circuit marked probing is unmarked when its request ends, before it can open",
    mutants: [
      [
        "src/transport/circuit-breaker.ts",
        'if (!circuit || circuit.state === "closed" || this.options.threshold === 0) {',
        "ConditionalExpression",
        "false",
        { original: 'circuit.state === "closed"' },
      ],
      [
        "src/transport/circuit-breaker.ts",
        'if (!circuit || circuit.state === "closed" || this.options.threshold === 0) {',
        "ConditionalExpression",
        "false",
        { original: "this.options.threshold === 0" },
      ],
      [
        "src/transport/circuit-breaker.ts",
        'if (circuit.state === "open" && remaining > 0)',
        "ConditionalExpression",
        "true",
        { original: 'circuit.state === "open"' },
      ],
      [
        "src/transport/circuit-breaker.ts",
        "if (circuit.probing) return { allowed: false, retryAfterMs: Math.max(remaining, 1000) };",
        "MethodExpression",
        "Math.min(remaining, 1000)",
      ],
      [
        "src/transport/circuit-breaker.ts",
        'if (circuit && circuit.state !== "closed") {',
        "ConditionalExpression",
        "true",
        { original: 'circuit.state !== "closed"' },
      ],
    ],
  },
  {
    why: "The shortcut below the slow-down threshold: the linear delay is 0 at the threshold and below 0 under it, and a call's delay is never less than 0",
    mutants: [
      [
        "src/transport/operating-time.ts",
        "if (share < this.slowFrom) return 0;",
        "ConditionalExpression",
        "false",
      ],
      [
        "src/transport/operating-time.ts",
        "if (share < this.slowFrom) return 0;",
        "EqualityOperator",
        "share <= this.slowFrom",
      ],
    ],
  },
  {
    why: "The name a fault inside the stages is first given (`batch`): every call's error is renamed for its own method before anyone sees it",
    mutants: [
      [
        "src/transport/sender.ts",
        'attempt.failAll(toBitrixError(error, "batch"));',
        "StringLiteral",
        '""',
      ],
    ],
  },
  {
    why: "An answer that is not JSON: with the `catch` emptied, the value stays undefined, which is not an object either, so the answer is malformed all the same",
    mutants: [["src/transport/envelope.ts", "} catch {", "BlockStatement", "{}"]],
  },
  {
    why: "A report of a batch that made no request says nothing of latency either way: with the mutant it carries `latencyMs: undefined` instead of no `latencyMs`, and the queue reads the field, never whether it is there",
    mutants: [
      [
        "src/transport/sender.ts",
        "return this.latencyMs === undefined",
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  {
    why: "A call without a signal settles only through the outcome of the batch that carries it, so a request or a wait for a slot that it shares is never abandoned early even when the other calls' signals are watched; and an abort signal fires once, so a listener that is not `once` runs no more often",
    mutants: [
      [
        "src/transport/sender.ts",
        "if (signals.includes(undefined)) return { signal: controller.signal, dispose: () => undefined };",
        "ConditionalExpression",
        "false",
      ],
      [
        "src/transport/sender.ts",
        'for (const signal of signals) signal?.addEventListener("abort", check, { once: true });',
        "ObjectLiteral",
        "{}",
      ],
      [
        "src/transport/sender.ts",
        'for (const signal of signals) signal?.addEventListener("abort", check, { once: true });',
        "BooleanLiteral",
        "false",
      ],
    ],
  },
  {
    why: "The rate-limit script's name, its definition on a connection that has it, and the `0` of `full`: the name is written and read through one constant, defining a command again replaces it with the same script, and the script reads only whether `full` is `1`",
    mutants: [
      [
        "src/transport/redis-rate-limiter.ts",
        'const COMMAND = "b24gwReserve";',
        "StringLiteral",
        '""',
      ],
      [
        "src/transport/redis-rate-limiter.ts",
        "if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: RESERVE });",
        "ConditionalExpression",
        "true",
      ],
      [
        "src/transport/redis-rate-limiter.ts",
        'full ? "1" : "0",',
        "StringLiteral",
        '""',
        { original: '"0"' },
      ],
    ],
  },
  // security
  {
    why: "A request without a URL or an Accept header taken as one with made-up text: Node's HTTP server gives every request a URL, and text without `?` or `text/html` reads as no URL parameters and no HTML; a URL without `?` has no `query` parameter either way",
    mutants: [
      [
        "src/http/http-guards.ts",
        'const url = req.url ?? "";',
        "StringLiteral",
        '"Stryker was here!"',
      ],
      [
        "src/http/http-guards.ts",
        'return req.method === "GET" && search === "" && (req.headers.accept ?? "").includes("text/html");',
        "StringLiteral",
        '"Stryker was here!"',
        { column: 72 },
      ],
      [
        "src/http/http-guards.ts",
        'if (!url.includes("?")) return null;',
        "ConditionalExpression",
        "false",
      ],
      ["src/http/http-guards.ts", 'if (!url.includes("?")) return null;', "StringLiteral", '""'],
    ],
  },
  {
    why: "What only an error of body parsing reaches, and every one has a type and a 4xx status: with a type the status check alone decides the same, and the status given back is within 400–499 either way. (The body error handler's check of an answer under way: body parsing runs before anything answers, and the 500 handler behind it checks again)",
    mutants: [
      [
        "src/http/http-guards.ts",
        'if (typeof type === "string" || (typeof status === "number" && status < 500)) {',
        "ConditionalExpression",
        "false",
      ],
      [
        "src/http/http-guards.ts",
        'if (typeof type === "string" || (typeof status === "number" && status < 500)) {',
        "LogicalOperator",
        'typeof type === "string" && typeof status === "number" && status < 500',
      ],
      [
        "src/http/http-guards.ts",
        'typeof status === "number" && status >= 400 && status < 500 ? status : 400,',
        "ConditionalExpression",
        "true",
      ],
      [
        "src/http/http-guards.ts",
        'typeof status === "number" && status >= 400 && status < 500 ? status : 400,',
        "EqualityOperator",
        "status > 400",
      ],
      [
        "src/http/http-guards.ts",
        'typeof status === "number" && status >= 400 && status < 500 ? status : 400,',
        "EqualityOperator",
        "status <= 500",
      ],
      [
        "src/http/http-guards.ts",
        "if (res.headersSent) return;",
        "ConditionalExpression",
        "false",
        { nth: 2 },
      ],
    ],
  },
  {
    why: "How standard output is buffered, not what is written: stdout written at once (pino's default destination, or `sync: true`), or one more flush than needed, writes the same lines sooner",
    mutants: [
      [
        "src/logger.ts",
        "const stream = pino.destination({ dest: 1, minLength: 4096, sync: false });",
        "ObjectLiteral",
        "{}",
      ],
      [
        "src/logger.ts",
        "const stream = pino.destination({ dest: 1, minLength: 4096, sync: false });",
        "BooleanLiteral",
        "true",
      ],
      ["src/logger.ts", "let pending = false;", "BooleanLiteral", "true"],
      ["src/logger.ts", "pending = false;", "BooleanLiteral", "true"],
    ],
  },
  {
    why: "Shortcuts of the logger's scrubbing: with no secrets, or a secret a line does not hold, scrubbing writes the line unchanged; the made-up secret a mutant adds is in no log line",
    mutants: [
      [
        "src/logger.ts",
        "const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 4);",
        "ArrayDeclaration",
        '["Stryker was here"]',
      ],
      [
        "src/logger.ts",
        "secrets.length === 0 ? destination : scrubbing(destination, secrets),",
        "ConditionalExpression",
        "false",
      ],
      [
        "src/logger.ts",
        'if (clean.includes(form)) clean = clean.split(form).join("***");',
        "ConditionalExpression",
        "true",
      ],
    ],
  },
  {
    why: "The loopback pattern without `^`: a host name that ends in four numbers is read as an IPv4 address by the URL parser, which allows nothing before them",
    mutants: [
      [
        "src/bitrix/portal-url.ts",
        'return !(host === "localhost" || host === "[::1]" || /^127\\.\\d+\\.\\d+\\.\\d+$/.test(host));',
        "Regex",
        "/127\\.\\d+\\.\\d+\\.\\d+$/",
      ],
    ],
  },
  {
    why: 'A shortcut that skips the walk looks for `""` instead of `\\`, or is never taken: the walk scrubs the same strings',
    mutants: [
      [
        "src/transport/scrub.ts",
        'if (!raw.includes("\\\\") && scrub(raw) === raw) return value;',
        "ConditionalExpression",
        "false",
      ],
      [
        "src/transport/scrub.ts",
        'if (!raw.includes("\\\\") && scrub(raw) === raw) return value;',
        "StringLiteral",
        '""',
      ],
    ],
  },
  {
    why: "An admitted caller always gets a `user`, `undefined` when the portal named none: nothing tells a missing `user` from an undefined one",
    mutants: [
      [
        "src/security/caller-auth.ts",
        "return { ok: true, caller: userId === undefined ? caller : { ...caller, user: userId } };",
        "ConditionalExpression",
        "false",
      ],
    ],
  },
  {
    why: "A subscriber that is not an OAuth caller asked to the portal: the token verifier exists only in OAuth mode, where every caller that passes authentication is an OAuth caller, so without a verifier the check ends as it did",
    mutants: [
      [
        "src/security/caller-auth.ts",
        'if (caller.kind !== "oauth" || !this.verifier || !token) return { ok: true, caller };',
        "ConditionalExpression",
        "false",
        { original: 'caller.kind !== "oauth"' },
      ],
    ],
  },
];

import { createHash } from "node:crypto";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { wsClient } from "../helpers/graphql-ws";
import { problemsOf } from "../helpers/config-problems";
import { sample, scrape } from "../helpers/metrics";
import { codesOf, gql, post, read, startHardenedStack, type HardenedStack } from "./stack";

const FIXTURES = path.join(__dirname, "../fixtures/trusted-documents");
const CODEGEN_MANIFEST = path.join(FIXTURES, "persisted-documents.json");
const APOLLO_MANIFEST = path.join(FIXTURES, "apollo-persisted-query-manifest.json");

/** Listed in persisted-documents.json (codegen's format). */
const CODEGEN_DOCUMENT = "query Booking14 { booking(id: 14) { id } }";
/** Listed in apollo-persisted-query-manifest.json. */
const APOLLO_DOCUMENT = "query Booking15 { booking(id: 15) { id } }";
/** In neither manifest. */
const UNLISTED = "query Unlisted { booking(id: 14) { id } }";
const OTHER_UNLISTED = "query Booking14Again { booking(id: 14) { id } }";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const byApqHash = (text: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } },
});
const untrustedCount = async (stack: HardenedStack, mode: string) =>
  sample(await scrape(stack.gateway.url), "b24gw_untrusted_documents_total", `{mode="${mode}"}`) ??
  0;
const untrustedLogLines = (stack: HardenedStack, text: string) =>
  stack.logs.filter((line) => line.includes("untrusted document") && line.includes(sha256(text)))
    .length;

const manifests = [
  {
    format: "GraphQL Code Generator persisted-documents.json",
    file: CODEGEN_MANIFEST,
    listed: CODEGEN_DOCUMENT,
  },
  { format: "Apollo persisted query manifest", file: APOLLO_MANIFEST, listed: APOLLO_DOCUMENT },
];

describe.each(manifests)("TRUSTED_DOCUMENTS=enforce with a $format", ({ file, listed }) => {
  let stack: HardenedStack;
  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { TRUSTED_DOCUMENTS: "enforce", TRUSTED_DOCUMENTS_FILE: file },
    });
  });
  afterAll(() => stack.stop());

  const bookingIdOf = (response: Awaited<ReturnType<typeof post>>) =>
    (response.body.data?.booking as { id?: unknown } | undefined)?.id;

  it("holds over graphql-ws too: a listed query runs, an unlisted one is refused", async () => {
    const client = wsClient(stack.gateway.url);
    const run = (query: string) =>
      new Promise<{ data?: unknown; errors?: unknown }>((resolve) => {
        let result: { data?: unknown; errors?: unknown } = {};
        client.subscribe(
          { query },
          {
            next: (value) => (result = value),
            error: (errors) => resolve({ errors }),
            complete: () => resolve(result),
          },
        );
      });
    try {
      const calls = stack.portal.stats().methodCalls;
      const refused = await run(UNLISTED);
      expect(JSON.stringify(refused.errors)).toContain("DOCUMENT_NOT_TRUSTED");
      expect(stack.portal.stats().methodCalls).toBe(calls);
      const answered = await run(listed);
      expect(answered.errors).toBeUndefined();
      expect(answered.data).toEqual({ booking: { id: expect.any(Number) } });
    } finally {
      await client.dispose();
    }
  });

  it("runs a listed document sent as text", async () => {
    const response = await post(stack.gateway.url, gql(listed));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(bookingIdOf(response)).toBeDefined();
  });

  it("runs a listed document sent by its APQ hash alone", async () => {
    const response = await post(stack.gateway.url, byApqHash(listed));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(bookingIdOf(response)).toBeDefined();
  });

  it("runs a listed document sent by documentId alone, bare or with the sha256: prefix", async () => {
    for (const documentId of [sha256(listed), `sha256:${sha256(listed)}`]) {
      const response = await post(stack.gateway.url, { documentId });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(bookingIdOf(response)).toBeDefined();
    }
  });

  it("runs a listed document sent by its APQ hash alone in a GET URL", async () => {
    const extensions = JSON.stringify(byApqHash(listed).extensions);
    const response = await read(
      await fetch(`${stack.gateway.url}?extensions=${encodeURIComponent(extensions)}`, {
        headers: { "apollo-require-preflight": "true" },
      }),
    );
    expect(response.status).toBe(200);
    expect(bookingIdOf(response)).toBeDefined();
  });

  it("refuses unlisted documents, by text, APQ hash, documentId or GET, before any upstream call", async () => {
    const before = stack.portal.stats().methodCalls;
    const metricBefore = await untrustedCount(stack, "enforce");
    const attempts = [
      post(stack.gateway.url, gql(UNLISTED)),
      post(stack.gateway.url, byApqHash(UNLISTED)),
      post(stack.gateway.url, { ...gql(UNLISTED), ...byApqHash(UNLISTED) }),
      post(stack.gateway.url, { documentId: sha256(UNLISTED) }),
      post(stack.gateway.url, gql("{ __schema { queryType { name } } }")),
      fetch(`${stack.gateway.url}?query=${encodeURIComponent(UNLISTED)}`, {
        headers: { "apollo-require-preflight": "true" },
      }).then(read),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(codesOf(response)).toEqual(["DOCUMENT_NOT_TRUSTED"]);
    }
    expect(stack.portal.stats().methodCalls).toBe(before);
    expect((await untrustedCount(stack, "enforce")) - metricBefore).toBe(attempts.length);
  });

  it("does not let an APQ registration make an unlisted document runnable", async () => {
    const register = await post(stack.gateway.url, {
      ...gql(OTHER_UNLISTED),
      ...byApqHash(OTHER_UNLISTED),
    });
    expect(codesOf(register)).toEqual(["DOCUMENT_NOT_TRUSTED"]);
    const replay = await post(stack.gateway.url, byApqHash(OTHER_UNLISTED));
    expect(replay.status).toBe(400);
    expect(codesOf(replay)).toEqual(["DOCUMENT_NOT_TRUSTED"]);
  });
});

describe("TRUSTED_DOCUMENTS=log", () => {
  let stack: HardenedStack;
  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { TRUSTED_DOCUMENTS: "log", TRUSTED_DOCUMENTS_FILE: CODEGEN_MANIFEST },
    });
  });
  afterAll(() => stack.stop());

  it("runs an unlisted document, counts every request and logs each distinct document once", async () => {
    const before = stack.portal.stats().methodCalls;
    for (let i = 0; i < 3; i++) {
      const response = await post(stack.gateway.url, gql(UNLISTED));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    }
    await post(stack.gateway.url, gql(OTHER_UNLISTED));
    expect(stack.portal.stats().methodCalls).toBeGreaterThan(before);
    expect(await untrustedCount(stack, "log")).toBe(4);
    expect(untrustedLogLines(stack, UNLISTED)).toBe(1);
    expect(untrustedLogLines(stack, OTHER_UNLISTED)).toBe(1);
  });

  it("neither counts nor logs a listed document", async () => {
    const before = await untrustedCount(stack, "log");
    const response = await post(stack.gateway.url, gql(CODEGEN_DOCUMENT));
    expect(response.body.errors).toBeUndefined();
    expect(await untrustedCount(stack, "log")).toBe(before);
    expect(untrustedLogLines(stack, CODEGEN_DOCUMENT)).toBe(0);
  });

  it("keeps automatic persisted queries working for unlisted documents", async () => {
    const document = "query Apq { booking(id: 15) { id } }";
    const miss = await post(stack.gateway.url, byApqHash(document));
    expect(codesOf(miss)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    const register = await post(stack.gateway.url, { ...gql(document), ...byApqHash(document) });
    expect(register.body.errors).toBeUndefined();
    const hit = await post(stack.gateway.url, byApqHash(document));
    expect(hit.status).toBe(200);
    expect(hit.body.errors).toBeUndefined();
    expect(hit.body.data?.booking).toBeDefined();
  });

  it("refuses a documentId the manifest does not hold: there is no text to run", async () => {
    const response = await post(stack.gateway.url, { documentId: sha256(UNLISTED) });
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(["DOCUMENT_NOT_TRUSTED"]);
  });
});

describe("TRUSTED_DOCUMENTS=off (the default)", () => {
  let stack: HardenedStack;
  beforeAll(async () => {
    stack = await startHardenedStack({ env: { TRUSTED_DOCUMENTS_FILE: CODEGEN_MANIFEST } });
  });
  afterAll(() => stack.stop());

  it("runs any document and counts nothing", async () => {
    const response = await post(stack.gateway.url, gql(UNLISTED));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(await untrustedCount(stack, "log")).toBe(0);
    expect(await untrustedCount(stack, "enforce")).toBe(0);
    expect(stack.logs.some((line) => line.includes("untrusted document"))).toBe(false);
  });
});

describe("the trusted documents manifest at start", () => {
  it("refuses to start on an id that is not its document's sha256, in one line naming the file and the id", () => {
    const file = path.join(FIXTURES, "id-not-matching-body.json");
    const problems = problemsOf({ TRUSTED_DOCUMENTS: "enforce", TRUSTED_DOCUMENTS_FILE: file });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(file);
    expect(problems[0]).toContain(sha256(APOLLO_DOCUMENT));
    expect(problems[0]).toContain("sha256");
  });

  it("refuses to start without a file, or with one that cannot be read", () => {
    expect(problemsOf({ TRUSTED_DOCUMENTS: "log" })).toEqual([
      expect.stringContaining("set TRUSTED_DOCUMENTS_FILE"),
    ]);
    const missing = path.join(FIXTURES, "missing.json");
    expect(problemsOf({ TRUSTED_DOCUMENTS: "enforce", TRUSTED_DOCUMENTS_FILE: missing })).toEqual([
      `TRUSTED_DOCUMENTS_FILE: ${missing} cannot be read (ENOENT)`,
    ]);
  });

  it("loads both formats, each id mapped to its document's text", () => {
    for (const { file, listed } of manifests) {
      const { trustedDocuments } = loadConfig({
        TRUSTED_DOCUMENTS: "enforce",
        TRUSTED_DOCUMENTS_FILE: file,
      });
      expect([...trustedDocuments.documents]).toEqual([[sha256(listed), listed]]);
    }
  });

  it("loads the sha256: prefix that the client preset writes with hashAlgorithm sha256", () => {
    const { trustedDocuments } = loadConfig({
      TRUSTED_DOCUMENTS: "enforce",
      TRUSTED_DOCUMENTS_FILE: path.join(FIXTURES, "persisted-documents-sha256-prefix.json"),
    });
    const listed = "query Booking14Prefixed { booking(id: 14) { id } }";
    expect([...trustedDocuments.documents]).toEqual([[sha256(listed), listed]]);
  });
});

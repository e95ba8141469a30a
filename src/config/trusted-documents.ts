import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
// A cycle inside config/ only: load-config calls loadTrustedDocuments, which needs ConfigError when
// it runs, long after both modules are loaded. A bad manifest is a configuration error like any other.
import { ConfigError } from "./load-config";

/** TRUSTED_DOCUMENTS: which documents may run. */
export type TrustedDocumentsMode = "off" | "log" | "enforce";

/** The manifest as loaded at start: every trusted document by its id. */
export interface TrustedDocuments {
  readonly mode: TrustedDocumentsMode;
  /** TRUSTED_DOCUMENTS_FILE, for messages; undefined when off. */
  readonly file: string | undefined;
  /** Document text by id, the lowercase hex sha256 of that exact text (as APQ hashes it). */
  readonly documents: ReadonlyMap<string, string>;
}

/** The sha256 of a document's exact text, lowercase hex: Apollo's APQ hash and codegen's id. */
export function documentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const APOLLO_MANIFEST_FORMAT = "apollo-persisted-query-manifest";

/** An id may name its algorithm, as the GraphQL-over-HTTP persisted documents draft writes it. */
const SHA256_PREFIX = "sha256:";

/**
 * Reads the manifest named by TRUSTED_DOCUMENTS_FILE, once, at start. Any problem (no file, not
 * JSON, neither format, an id that is not its document's sha256) refuses to start with one line that
 * names the file and the rule, rather than running with a safelist that is not the one deployed.
 */
export function loadTrustedDocuments(
  mode: TrustedDocumentsMode,
  file: string | undefined,
): TrustedDocuments {
  if (mode === "off") return { mode, file: undefined, documents: new Map() };
  if (!file) {
    throw new ConfigError([
      `TRUSTED_DOCUMENTS=${mode}: set TRUSTED_DOCUMENTS_FILE to the manifest of trusted documents (persisted-documents.json or an Apollo persisted query manifest)`,
    ]);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ConfigError([`TRUSTED_DOCUMENTS_FILE: ${file} cannot be read (${code})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([`TRUSTED_DOCUMENTS_FILE: ${file} is not valid JSON`]);
  }
  const parsed = manifestEntries(json);
  if (typeof parsed === "string") {
    throw new ConfigError([`TRUSTED_DOCUMENTS_FILE: ${file}: ${parsed}`]);
  }
  const documents = new Map<string, string>();
  for (const [key, body] of parsed) {
    // The client preset writes `sha256:<hex>` when asked for sha256 (`hashAlgorithm: "sha256"`).
    const id = key.startsWith(SHA256_PREFIX) ? key.slice(SHA256_PREFIX.length) : key;
    if (documentHash(body) !== id) {
      throw new ConfigError([
        `TRUSTED_DOCUMENTS_FILE: ${file}: every id must be the sha256 (hex) of its document's exact text, and ${id} is not`,
      ]);
    }
    documents.set(id, body);
  }
  return { mode, file, documents };
}

/**
 * The (id, document) pairs of either format, or what is wrong with the manifest:
 * - GraphQL Code Generator's client preset (`persistedDocuments: true`): `{ "<sha256>": "<text>" }`,
 *   the id bare or as `sha256:<hex>`;
 * - Apollo's persisted query manifest: `{ format, version: 1, operations: [{ id, body, … }] }`.
 */
function manifestEntries(json: unknown): Array<[string, string]> | string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return "must be a JSON object (persisted-documents.json or an Apollo persisted query manifest)";
  }
  const record = json as Record<string, unknown>;
  if (record.format === APOLLO_MANIFEST_FORMAT) {
    if (record.version !== 1 || !Array.isArray(record.operations)) {
      return `an ${APOLLO_MANIFEST_FORMAT} must have version 1 and an "operations" array`;
    }
    const entries: Array<[string, string]> = [];
    for (const [index, operation] of (record.operations as unknown[]).entries()) {
      const { id, body } = (operation ?? {}) as { id?: unknown; body?: unknown };
      if (typeof id !== "string" || typeof body !== "string") {
        return `operations[${index}] must have a string "id" and "body"`;
      }
      entries.push([id, body]);
    }
    return entries;
  }
  const entries = Object.entries(record);
  const notText = entries.find(([, body]) => typeof body !== "string");
  if (notText) {
    return `"${notText[0]}" must map to a document's text (persisted-documents.json), or the file must have "format": "${APOLLO_MANIFEST_FORMAT}"`;
  }
  return entries as Array<[string, string]>;
}

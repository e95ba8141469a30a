import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";
import type { Logger } from "../logger";
import { documentHash, type TrustedDocuments } from "../config/trusted-documents";

/** What one operation of a request says its document is, before anything parses it. */
export interface DocumentClaim {
  /** The document's text, when sent (`query`); it decides, whatever id comes with it. */
  text: string | undefined;
  /** The id sent alone: `documentId`, or APQ's `extensions.persistedQuery.sha256Hash`. */
  id: unknown;
  /** Where the id came from: a `documentId` can name only a manifest entry, an APQ hash also the APQ cache. */
  idFrom: "documentId" | "persistedQuery" | undefined;
  operationName: unknown;
}

/** Let through (with the manifest's text when the id alone was sent), or refused. */
export type DocumentAdmission =
  { admitted: true; text: string | undefined } | { admitted: false; refusal: RequestRefusal };

/**
 * Past this many distinct untrusted ids, the set of those already logged starts over: log mode then
 * repeats some lines rather than let a client that sends endless new documents grow memory.
 */
const MAX_REMEMBERED_UNTRUSTED = 10_000;

/** `documentId` may carry the GraphQL-over-HTTP draft's `sha256:` prefix. */
const SHA256_PREFIX = "sha256:";

/**
 * The one decision every transport asks about each operation: is its document in the manifest? A
 * document is trusted when the sha256 of its exact text (as APQ hashes it; no normalisation, so
 * reformatting a document makes it another one), or the id it is sent by alone, is a manifest id.
 * An untrusted one is counted and logged (once per id) in both modes; `enforce` refuses it, `log`
 * lets it run. A `documentId` outside the manifest is refused in both: there is no text to run.
 */
export class TrustedDocumentGate {
  private readonly logged = new Set<string>();

  constructor(
    private readonly trusted: TrustedDocuments,
    private readonly logger: Logger,
    private readonly onUntrusted: (mode: "log" | "enforce") => void,
  ) {}

  admit(claim: DocumentClaim): DocumentAdmission {
    const { mode, documents } = this.trusted;
    if (mode === "off") return { admitted: true, text: undefined };
    const id = claim.text !== undefined ? documentHash(claim.text) : normalisedId(claim.id);
    // Neither text nor id: nothing to judge, and Apollo answers BAD_REQUEST.
    if (id === undefined && claim.idFrom === undefined) return { admitted: true, text: undefined };
    const listed = id === undefined ? undefined : documents.get(id);
    if (listed !== undefined) {
      return { admitted: true, text: claim.text === undefined ? listed : undefined };
    }
    this.onUntrusted(mode);
    this.logOnce(id, claim.operationName);
    if (mode === "log" && claim.idFrom !== "documentId") return { admitted: true, text: undefined };
    return { admitted: false, refusal: notTrusted(mode, id, claim.idFrom === "documentId") };
  }

  private logOnce(id: string | undefined, operationName: unknown): void {
    const key = id ?? "(no valid id)";
    if (this.logged.has(key)) return;
    if (this.logged.size >= MAX_REMEMBERED_UNTRUSTED) this.logged.clear();
    this.logged.add(key);
    this.logger.warn(
      {
        documentId: key,
        operationName: typeof operationName === "string" ? operationName.slice(0, 100) : undefined,
        mode: this.trusted.mode,
      },
      "untrusted document: not in TRUSTED_DOCUMENTS_FILE",
    );
  }
}

/** A 64-digit hex sha256, or undefined for anything else a client may have sent as an id. */
function normalisedId(id: unknown): string | undefined {
  if (typeof id !== "string") return undefined;
  const bare = id.startsWith(SHA256_PREFIX) ? id.slice(SHA256_PREFIX.length) : id;
  return /^[0-9a-f]{64}$/.test(bare) ? bare : undefined;
}

function notTrusted(
  mode: "log" | "enforce",
  id: string | undefined,
  byDocumentId: boolean,
): RequestRefusal {
  const got = id === undefined ? "an id that is not a sha256" : `sha256:${id}`;
  const message =
    byDocumentId && mode === "log"
      ? `documentId must name a document in the trusted documents manifest (got ${got})`
      : `This gateway runs only trusted documents (TRUSTED_DOCUMENTS=enforce), and this one is not among them (got ${got})`;
  return new RequestRefusal(ErrorCode.DocumentNotTrusted, message, 400);
}

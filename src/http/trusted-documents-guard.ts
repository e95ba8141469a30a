import type { DocumentClaim, TrustedDocumentGate } from "../security/trusted-document-gate";
import type { Handler, HttpRequest } from "./handler-chain";
import { sendRefusal } from "./http-guards";

/**
 * Trusted documents over HTTP, before anything is parsed: each operation of a POST body (one, or a
 * batch) or of a GET URL is put to the gate. An operation sent by id alone that the manifest lists
 * gets the manifest's text as its `query`, so that Apollo runs it as if the text had been sent (with
 * an APQ hash, Apollo checks that hash against the text, which matches). One refused operation
 * refuses the whole request. The fields are read as Apollo reads them, so that the gate judges the
 * very document Apollo would run: a string `query` decides; without one, the id.
 */
export function trustedDocumentsGuard(gate: TrustedDocumentGate): Handler {
  return (req, res, next) => {
    const operations = req.method === "GET" ? [getOperation(req)] : postOperations(req);
    for (const operation of operations) {
      if (!operation) continue;
      const admission = gate.admit(operation.claim);
      if (!admission.admitted) {
        sendRefusal(res, admission.refusal);
        return;
      }
      if (admission.text !== undefined) operation.useText(admission.text);
    }
    next();
  };
}

interface HttpOperation {
  claim: DocumentClaim;
  /** Puts the manifest's text where Apollo reads the document from. */
  useText(text: string): void;
}

function postOperations(req: HttpRequest): Array<HttpOperation | undefined> {
  const body: unknown = req.body;
  return (Array.isArray(body) ? body : [body]).map((operation: unknown) => {
    if (typeof operation !== "object" || operation === null) return undefined;
    const fields = operation as Record<string, unknown>;
    return {
      claim: claimOf(fields.query, fields.documentId, fields.extensions, fields.operationName),
      useText: (text) => {
        fields.query = text;
      },
    };
  });
}

function getOperation(req: HttpRequest): HttpOperation | undefined {
  const url = req.url ?? "";
  const start = url.indexOf("?");
  if (start < 0) return undefined;
  const params = new URLSearchParams(url.slice(start));
  // Apollo refuses a parameter given twice, or `extensions` that is not JSON: left to it.
  if (["query", "documentId", "extensions"].some((name) => params.getAll(name).length > 1)) {
    return undefined;
  }
  const one = (name: string) => params.get(name) ?? undefined;
  let extensions: unknown;
  try {
    extensions = JSON.parse(one("extensions") ?? "null");
  } catch {
    extensions = undefined;
  }
  return {
    claim: claimOf(one("query"), one("documentId"), extensions, one("operationName")),
    useText: (text) => {
      params.set("query", text);
      req.url = `${url.slice(0, start)}?${params.toString()}`;
    },
  };
}

function claimOf(
  query: unknown,
  documentId: unknown,
  extensions: unknown,
  operationName: unknown,
): DocumentClaim {
  const persistedQuery = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)
    ?.persistedQuery;
  // Apollo runs a string `query`; otherwise an APQ hash names the document (from its cache).
  const idFrom = persistedQuery
    ? "persistedQuery"
    : documentId !== undefined
      ? "documentId"
      : undefined;
  return {
    text: typeof query === "string" ? query : undefined,
    id: idFrom === "persistedQuery" ? persistedQuery?.sha256Hash : documentId,
    idFrom,
    operationName,
  };
}

import { LRUCache } from "lru-cache";
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import type { ValidationRule } from "graphql";

/** A document parsed and validated once, or why it cannot run. */
export type CheckedDocument = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/** Distinct document texts kept; an app has a handful of subscriptions, not thousands. */
const MAX_DOCUMENTS = 1000;

/**
 * Parsing and validation of graphql-ws operations, once per distinct text. Ten thousand calendars
 * subscribe with a few texts: each was parsed and validated again, and each subscription kept its
 * own syntax tree for as long as it lived. The tree is shared (graphql-js never changes it), and
 * what depends on the variables (the limits and the cost) is still checked per operation.
 */
export class WsDocumentCache {
  private readonly documents = new LRUCache<string, CheckedDocument>({ max: MAX_DOCUMENTS });

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly maxTokens: number,
  ) {}

  check(text: string): CheckedDocument {
    let checked = this.documents.get(text);
    if (!checked) {
      checked = this.parseAndValidate(text);
      this.documents.set(text, checked);
    }
    return checked;
  }

  private parseAndValidate(text: string): CheckedDocument {
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: this.maxTokens });
    } catch (error) {
      return { errors: [withCode(error, "GRAPHQL_PARSE_FAILED")] };
    }
    const errors = validate(this.schema, document, this.rules);
    // The codes Apollo gives the same failures over HTTP.
    if (errors.length > 0) {
      return { errors: errors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")) };
    }
    return { document };
  }
}

/** The error as a GraphQLError with `code`, as Apollo reports parse and validation failures. */
function withCode(error: unknown, code: string): GraphQLError {
  const original = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  return new GraphQLError(original.message, {
    nodes: original.nodes,
    source: original.source,
    positions: original.positions,
    extensions: { ...original.extensions, code },
  });
}

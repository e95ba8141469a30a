import { Lexer, Source, TokenKind } from "graphql";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";

/**
 * The refusal of a document with more than `maxTokens` lexical tokens, counted the way graphql-js's
 * parser does (comments are no tokens) and before anything parses it; undefined when it fits. HTTP
 * and graphql-ws both ask here, so a long document gets TOO_MANY_TOKENS on either.
 */
export function tokenLimitRefusal(query: string, maxTokens: number): RequestRefusal | undefined {
  if (!exceedsTokens(query, maxTokens)) return undefined;
  return new RequestRefusal(
    ErrorCode.TooManyTokens,
    `The document has more than ${maxTokens} tokens (MAX_TOKENS)`,
    400,
    { limit: maxTokens },
  );
}

/** Whether `query` has more than `limit` tokens; stops counting at the first one past it. */
function exceedsTokens(query: string, limit: number): boolean {
  // Every token takes at least one character, so a document no longer than the limit is within it:
  // nearly every request is decided without lexing.
  if (query.length <= limit) return false;
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      tokens += 1;
      if (tokens > limit) return true;
    }
  } catch {
    // A syntax error: GraphQL's parser reports it, with its position.
  }
  return false;
}

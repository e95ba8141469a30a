import { GraphQLError } from "graphql";
import { ErrorCode } from "../errors/error-code";
import { graphQLCodeFor } from "../errors/to-graphql-error";
import { BitrixError } from "../transport/errors";

/**
 * The error in place of a changed record that could not be read, after retries. Its own code, so
 * that a client never takes the null beside it for "deleted"; `cause` is the last failure's code.
 */
export function changedRecordUnavailable(
  message: { change: { kind: string; id: number }; failure: unknown; attempts: number },
  noun: string,
): GraphQLError {
  const { failure, change, attempts } = message;
  const cause =
    failure instanceof BitrixError ? graphQLCodeFor(failure) : ErrorCode.InternalServerError;
  return new GraphQLError(
    `The ${noun} ${change.id} changed (${change.kind}) but could not be read after ${attempts} attempts; it was not deleted: read it again with a query`,
    { extensions: { code: ErrorCode.ChangedRecordUnavailable, cause, attempts } },
  );
}

import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-code";

/**
 * A request that breaks a documented rule, caught before any upstream call. The message states the
 * field, the rule and the value received; `extensions` repeat them for programs.
 */
export function userInputError(field: string, rule: string, value: unknown): GraphQLError {
  return new GraphQLError(`${field} ${rule}, got ${JSON.stringify(value)}`, {
    extensions: { code: ErrorCode.BadUserInput, field, value },
  });
}

import { GraphQLError } from "graphql";
import type { ErrorCode } from "./error-code";

/**
 * A request refused as a whole, before any resolver runs or any upstream call is made: a limit, a
 * missing credential, a body that cannot be read. Thrown from Apollo plugins, its `http` extension
 * sets the response status; written by the HTTP guards, it is answered by `refusalBody`. Either way
 * the client sees the same shape: `{ errors: [{ message, extensions: { code, … } }] }`.
 */
export class RequestRefusal extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly httpStatus: number,
    /** Details for programs, such as `limit` and `found`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details, http: { status: httpStatus } } });
  }

  /** The JSON body of an HTTP answer that carries this refusal. */
  responseBody(): string {
    return JSON.stringify({
      errors: [{ message: this.message, extensions: { code: this.code, ...this.details } }],
    });
  }
}

import { type MethodOutcome } from "./methods/method";
import { type PortalError } from "./portal-error";
import { type RestTime } from "./rest-time";

export interface SuccessEnvelope {
  result: unknown;
  total?: number;
  next?: number;
  time: RestTime;
}

export interface ErrorEnvelope {
  error: string;
  error_description: string;
}

/** `{result, total?, next?, time}`: total and next sit next to result, not inside it. */
export function successEnvelope(outcome: MethodOutcome, time: RestTime): SuccessEnvelope {
  const { result, next, total } = outcome;
  return {
    result,
    ...(next === undefined ? {} : { next }),
    ...(total === undefined ? {} : { total }),
    time,
  };
}

/** Errors carry no `time`: the server returns only the error array for exceptions. */
export function errorEnvelope(error: PortalError): ErrorEnvelope {
  return { error: error.code, error_description: error.message };
}

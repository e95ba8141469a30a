import { CALL_KINDS, TRANSPORT_KINDS, type DemoPortalFault, type FaultKind } from "./faults";
import { showValue } from "./show-value";

const COMMON_KEYS = ["method", "times", "kind"];

/** Keys each kind accepts besides method, times and kind. */
const KIND_KEYS: Record<FaultKind, readonly string[]> = {
  "http-error": ["status", "body", "contentType"],
  html: ["status"],
  "malformed-json": ["status"],
  hang: ["ms"],
  "reset-before": [],
  "reset-after": [],
  "rate-limit": [],
  error: ["error", "description", "status"],
  result: ["result"],
};

const ALL_KINDS: readonly string[] = [...TRANSPORT_KINDS, ...CALL_KINDS];

/**
 * Validates a fault from a control request or the programmatic API and returns a plain-data
 * copy. Unknown keys are refused, so a misspelt option cannot silently become a default.
 */
export function checkFault(value: unknown): DemoPortalFault {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`a fault must be an object, got ${showValue(value)}`);
  }
  const fault = value as Record<string, unknown>;
  const kind = fault.kind;
  if (typeof kind !== "string" || !ALL_KINDS.includes(kind)) {
    throw new TypeError(
      `fault.kind must be one of ${ALL_KINDS.join(", ")}, got ${showValue(kind)}`,
    );
  }
  const allowed = [...COMMON_KEYS, ...KIND_KEYS[kind as FaultKind]];
  const unknownKeys = Object.keys(fault).filter((key) => !allowed.includes(key));
  if (unknownKeys.length > 0) {
    throw new TypeError(
      `a "${kind}" fault accepts only ${allowed.join(", ")}, got ${unknownKeys.join(", ")}`,
    );
  }
  checkMethod(fault.method, kind);
  if (
    fault.times !== undefined &&
    !(Number.isSafeInteger(fault.times) && Number(fault.times) > 0)
  ) {
    throw new TypeError(`fault.times must be a positive integer, got ${showValue(fault.times)}`);
  }
  checkKindFields(kind as FaultKind, fault);
  return JSON.parse(JSON.stringify(fault)) as DemoPortalFault;
}

function checkMethod(method: unknown, kind: string): void {
  if (typeof method !== "string" || method.trim() === "") {
    throw new TypeError(
      `fault.method must be a method name, "batch" or "*", got ${showValue(method)}`,
    );
  }
  // Call faults replace a method execution, and the batch wrapper is not one: they would never hit.
  if ((CALL_KINDS as readonly string[]).includes(kind) && method.toLowerCase() === "batch") {
    throw new TypeError(
      `a "${kind}" fault hits method executions (batch commands included), not the batch request itself; use a method name or "*", got "batch"`,
    );
  }
}

function checkKindFields(kind: FaultKind, fault: Record<string, unknown>): void {
  switch (kind) {
    case "http-error":
      checkStatus(fault.status, 400, true);
      checkOptionalString(fault.body, "body");
      checkOptionalString(fault.contentType, "contentType", true);
      return;
    case "html":
      checkStatus(fault.status, 400);
      return;
    case "malformed-json":
      checkStatus(fault.status, 200);
      return;
    case "hang":
      if (
        fault.ms !== undefined &&
        !(typeof fault.ms === "number" && fault.ms >= 0 && fault.ms <= 2_147_483_647)
      ) {
        throw new TypeError(
          `fault.ms must be a number of milliseconds from 0 to 2147483647, got ${showValue(fault.ms)}`,
        );
      }
      return;
    case "error":
      if (typeof fault.error !== "string") {
        throw new TypeError(
          `fault.error must be a string error code, got ${showValue(fault.error)}`,
        );
      }
      checkOptionalString(fault.description, "description");
      checkStatus(fault.status, 400);
      return;
    case "result":
      if (fault.result === undefined || JSON.stringify(fault.result) === undefined) {
        throw new TypeError(
          `fault.result must be a JSON value (null allowed), got ${showValue(fault.result)}`,
        );
      }
      return;
    default:
      return;
  }
}

function checkStatus(status: unknown, lowest: number, required = false): void {
  if (status === undefined && !required) return;
  if (!(Number.isInteger(status) && Number(status) >= lowest && Number(status) <= 599)) {
    throw new TypeError(
      `fault.status must be an integer from ${lowest} to 599, got ${showValue(status)}`,
    );
  }
}

function checkOptionalString(value: unknown, name: string, nonEmpty = false): void {
  if (value === undefined) return;
  if (typeof value !== "string" || (nonEmpty && value === "")) {
    throw new TypeError(
      `fault.${name} must be a ${nonEmpty ? "non-empty " : ""}string, got ${showValue(value)}`,
    );
  }
}

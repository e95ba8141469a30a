import { requirePositiveId } from "../common/id-validation";
import { requireText } from "../common/field-validation";
import type { GatewayContext } from "../context";
import { userInputError } from "../errors/user-input-error";
import { validateNotifications } from "../notification/notification-validation";
import type { AddResourceTypeInput, UpdateResourceTypeInput } from "./resource-type.input";

export function validateAddResourceType(
  field: string,
  input: AddResourceTypeInput,
  ctx: GatewayContext,
): void {
  requireText(`${field}.name`, input.name);
  requireText(`${field}.code`, input.code);
  requireCodeFree(`${field}.code`, input.code, ctx);
  if (input.notifications) validateNotifications(`${field}.notifications`, input.notifications);
}

export function validateUpdateResourceType(
  field: string,
  id: number,
  input: UpdateResourceTypeInput,
  ctx: GatewayContext,
): void {
  requirePositiveId("id", id);
  if (Object.values(input).every((value) => value === undefined)) {
    throw userInputError(field, "must change at least one field", input);
  }
  for (const key of ["name", "code", "notifications"] as const) {
    if (input[key] === null) {
      throw userInputError(
        `${field}.${key}`,
        "cannot be null; leave it out to keep the current value",
        null,
      );
    }
  }
  if (input.name != null) requireText(`${field}.name`, input.name);
  if (input.code != null) {
    requireText(`${field}.code`, input.code);
    requireCodeFree(`${field}.code`, input.code, ctx);
  }
  if (input.notifications) validateNotifications(`${field}.notifications`, input.notifications);
}

/**
 * A code an earlier field of the same request gave to a resource type is taken: the portal would
 * refuse it (1010/1011), so it is refused here without the upstream call.
 */
function requireCodeFree(field: string, code: string, ctx: GatewayContext): void {
  const holder = ctx.resourceTypeCodes.get(code);
  if (holder !== undefined) {
    throw userInputError(
      field,
      `must be unique: an earlier field of this request gave it to resource type ${holder}`,
      code,
    );
  }
}

/** Records a code a mutation of this request has given to a type, or freed by deleting it. */
export function claimResourceTypeCode(ctx: GatewayContext, code: string, typeId: number): void {
  releaseResourceTypeCode(ctx, typeId);
  ctx.resourceTypeCodes.set(code, typeId);
}

export function releaseResourceTypeCode(ctx: GatewayContext, typeId: number): void {
  for (const [claimed, holder] of ctx.resourceTypeCodes) {
    if (holder === typeId) ctx.resourceTypeCodes.delete(claimed);
  }
}

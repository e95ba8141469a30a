import { requirePositiveId } from "../common/id-validation";
import { requireText } from "../common/field-validation";
import type { ResourceTypeService } from "../services/resource-type.service";
import { userInputError } from "../errors/user-input-error";
import { validateNotifications } from "../notification/notification-validation";
import type { AddResourceTypeInput, UpdateResourceTypeInput } from "./resource-type.input";

export function validateAddResourceType(
  field: string,
  input: AddResourceTypeInput,
  types: ResourceTypeService,
): void {
  requireText(`${field}.name`, input.name);
  requireText(`${field}.code`, input.code);
  requireCodeFree(`${field}.code`, input.code, types);
  if (input.notifications) validateNotifications(`${field}.notifications`, input.notifications);
}

export function validateUpdateResourceType(
  field: string,
  id: number,
  input: UpdateResourceTypeInput,
  types: ResourceTypeService,
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
    requireCodeFree(`${field}.code`, input.code, types);
  }
  if (input.notifications) validateNotifications(`${field}.notifications`, input.notifications);
}

/**
 * A code an earlier field of the same request gave to a resource type is taken: the portal would
 * refuse it (1010/1011), so it is refused here without the upstream call.
 */
function requireCodeFree(field: string, code: string, types: ResourceTypeService): void {
  const holder = types.holderOfCode(code);
  if (holder !== undefined) {
    throw userInputError(
      field,
      `must be unique: an earlier field of this request gave it to resource type ${holder}`,
      code,
    );
  }
}

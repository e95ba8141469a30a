import { requirePositiveId } from "../common/id-validation";
import { requireText } from "../common/field-validation";
import { userInputError } from "../errors/user-input-error";
import { validateNotifications } from "../notification/notification-validation";
import type { ResourceFilterInput } from "./resource-filter.input";
import type { AddResourceInput, UpdateResourceInput } from "./resource.input";

export function validateAddResource(field: string, input: AddResourceInput): void {
  requireText(`${field}.name`, input.name);
  requirePositiveId(`${field}.typeId`, input.typeId);
  if (input.isMain === null) throw notNull(`${field}.isMain`);
  if (input.notifications) validateNotifications(`${field}.notifications`, input.notifications);
}

export function validateUpdateResource(field: string, input: UpdateResourceInput): void {
  if (Object.values(input).every((value) => value === undefined)) {
    throw userInputError(field, "must change at least one field", input);
  }
  for (const key of ["name", "typeId", "isMain", "notifications"] as const) {
    if (input[key] === null) throw notNull(`${field}.${key}`);
  }
  if (input.name != null) requireText(`${field}.name`, input.name);
  if (input.typeId != null) requirePositiveId(`${field}.typeId`, input.typeId);
  if (input.notifications) validateNotifications(`${field}.notifications`, input.notifications);
}

export function validateResourceFilter(field: string, filter: ResourceFilterInput): void {
  if (filter.typeIds) {
    if (filter.typeIds.length === 0) {
      throw userInputError(`${field}.typeIds`, "must hold at least one type id", filter.typeIds);
    }
    filter.typeIds.forEach((id, index) => requirePositiveId(`${field}.typeIds[${index}]`, id));
  }
}

function notNull(field: string) {
  return userInputError(field, "cannot be null; leave it out to keep the current value", null);
}

import { userInputError } from "../errors/user-input-error";
import type { ExternalDataInput } from "./external-data.input";

/**
 * externalData.set replaces the whole list, so an empty or repeated list is almost surely a mistake;
 * a deal link's value is the deal id.
 */
export function validateExternalData(
  field: string,
  items: ExternalDataInput[],
  unsetMutation: string,
): void {
  if (items.length === 0) {
    throw userInputError(
      field,
      `must hold at least one link (use ${unsetMutation} to remove all)`,
      items,
    );
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!/^[1-9]\d*$/.test(item.value)) {
      throw userInputError(
        `${field}[${index}].value`,
        "must be the deal id, a positive integer as digits",
        item.value,
      );
    }
    const key = `${item.module}/${item.entityType}/${item.value}`;
    if (seen.has(key)) {
      throw userInputError(
        `${field}[${index}]`,
        "must not repeat a link already in the list",
        item,
      );
    }
    seen.add(key);
  });
}

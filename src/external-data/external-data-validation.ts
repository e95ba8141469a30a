import { validateReplacementList } from "../common/replacement-list-validation";
import { userInputError } from "../errors/user-input-error";
import type { ExternalDataInput } from "./external-data.input";

/** externalData.set replaces the whole list of links; a deal link's value is the deal id. */
export function validateExternalData(
  field: string,
  items: ExternalDataInput[],
  unsetMutation: string,
): void {
  validateReplacementList(field, items, {
    noun: "link",
    unsetMutation,
    keyOf: (item) => `${item.module}/${item.entityType}/${item.value}`,
    checkItem: (item, path) => {
      if (!/^[1-9]\d*$/.test(item.value)) {
        throw userInputError(
          `${path}.value`,
          "must be the deal id, a positive integer as digits",
          item.value,
        );
      }
    },
  });
}

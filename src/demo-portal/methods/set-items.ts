import { isPhpArray, phpValues, type PhpArray } from "../php-array";
import { bindArray, requireFields, type RequestParams } from "../params";
import { PortalError } from "../portal-error";

/**
 * The list argument of a `*.set` method (clients, externalData, slots). The server checks it
 * before the action runs, so these errors come before "not found": the argument must be an array
 * (100), each item an object (422, with the server's fixed wording whatever the item was), and
 * each item must carry the required keys (0, naming the missing ones).
 */
export function readSetItems(
  params: RequestParams,
  name: string,
  requiredKeys: readonly string[],
): PhpArray[] {
  return phpValues(bindArray(params, name)).map((item) => {
    if (!isPhpArray(item)) {
      throw new PortalError("422", "Array's element must be array, string given");
    }
    requireFields(item, requiredKeys);
    return item;
  });
}

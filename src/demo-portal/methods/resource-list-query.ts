import { isPhpArray, phpGet, phpIsset, phpValues, type PhpArray } from "../php-array";
import { toInteger } from "../params";
import { type Resource } from "../store";
import { invalidFieldValue, readYesNo } from "./field-values";
import { readListOrder, type Comparator, type OrderKey } from "./list-order";
import { containsText, exactText } from "./text-filters";

export type ResourcePredicate = (resource: Resource) => boolean;

/**
 * resource.list filter keys (unknown keys dropped like the server's whitelist does):
 * - searchQuery: substring of the name; name: the exact name ("use one or the other", say the docs);
 * - isMain: "Y" or "N";
 * - typeId: one type id, or a list of them (the provider takes both);
 * - description: the exact description.
 */
export function readResourceFilter(filter: PhpArray): ResourcePredicate {
  const tests: ResourcePredicate[] = [];
  if (phpIsset(filter, "searchQuery")) {
    const test = containsText(phpGet(filter, "searchQuery"));
    tests.push((resource) => test(resource.name));
  }
  for (const key of ["name", "description"] as const) {
    if (!phpIsset(filter, key)) continue;
    const test = exactText(phpGet(filter, key));
    tests.push((resource) => test(resource[key]));
  }
  if (phpIsset(filter, "isMain")) {
    const isMain = readYesNo(phpGet(filter, "isMain"));
    if (isMain === undefined) throw invalidFieldValue("isMain");
    tests.push((resource) => resource.isMain === isMain);
  }
  if (phpIsset(filter, "typeId")) {
    const value = phpGet(filter, "typeId");
    const wanted = new Set((isPhpArray(value) ? phpValues(value) : [value]).map(toInteger));
    tests.push((resource) => wanted.has(resource.typeId));
  }
  return (resource) => tests.every((test) => test(resource));
}

const ORDER_KEYS: Readonly<Record<string, OrderKey<Resource>>> = {
  id: (resource) => resource.id,
  name: (resource) => resource.name,
};

/** Order keys id and name; default id ASC. */
export function readResourceOrder(order: PhpArray): Comparator<Resource> {
  return readListOrder(order, ORDER_KEYS);
}

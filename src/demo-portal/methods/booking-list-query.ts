import {
  isPhpArray,
  phpEntries,
  phpGet,
  phpIsset,
  phpToString,
  phpValues,
  type PhpArray,
} from "../php-array";
import { requireFields, toInteger } from "../params";
import { type Booking } from "../store";
import { invalidDatePeriod } from "./date-period";

export type BookingPredicate = (booking: Booking) => boolean;
export type BookingComparator = (a: Booking, b: Booking) => number;

/**
 * booking.list filter keys (camelCase, unknown keys dropped like the server's whitelist does):
 * - within {dateFrom, dateTo}: bookings overlapping that window (both keys required);
 * - client {entities: [{id, module, code}]}: bookings having any of those clients;
 * - resourceId [ids]: bookings using any of those resources (not in the docs; the source has it).
 */
export function readBookingFilter(filter: PhpArray): BookingPredicate {
  const tests: BookingPredicate[] = [];
  if (phpIsset(filter, "within")) tests.push(withinTest(phpGet(filter, "within")));
  if (phpIsset(filter, "client")) tests.push(clientTest(phpGet(filter, "client")));
  if (phpIsset(filter, "resourceId")) tests.push(resourceTest(phpGet(filter, "resourceId")));
  return (booking) => tests.every((test) => test(booking));
}

const ORDER_KEYS: Readonly<Record<string, (booking: Booking) => number>> = {
  id: (booking) => booking.id,
  dateFrom: (booking) => booking.period.from.timestamp,
  dateTo: (booking) => booking.period.to.timestamp,
};

/**
 * Order keys id, dateFrom, dateTo with asc/desc in any case; default id ASC. Unknown keys and
 * directions are ignored (GUESS). Ties fall back to id ASC so pages are stable.
 */
export function readBookingOrder(order: PhpArray): BookingComparator {
  const rules: Array<{ key: (booking: Booking) => number; sign: number }> = [];
  for (const [name, direction] of phpEntries(order)) {
    const key = Object.hasOwn(ORDER_KEYS, name) ? ORDER_KEYS[name] : undefined;
    const sign = directionSign(direction);
    if (key !== undefined && sign !== 0) rules.push({ key, sign });
  }
  rules.push({ key: (booking) => booking.id, sign: 1 });
  return (a, b) => {
    for (const rule of rules) {
      const difference = rule.key(a) - rule.key(b);
      if (difference !== 0) return difference * rule.sign;
    }
    return 0;
  };
}

function directionSign(direction: unknown): number {
  if (typeof direction !== "string") return 0;
  const normalized = direction.trim().toUpperCase();
  if (normalized === "ASC") return 1;
  if (normalized === "DESC") return -1;
  return 0;
}

function withinTest(within: unknown): BookingPredicate {
  const window = isPhpArray(within) ? within : {};
  requireFields(window, ["dateFrom", "dateTo"]);
  const dateFrom = toInteger(phpGet(window, "dateFrom"));
  const dateTo = toInteger(phpGet(window, "dateTo"));
  if (dateFrom === undefined || dateTo === undefined || dateFrom > dateTo) {
    throw invalidDatePeriod();
  }
  return (booking) =>
    booking.period.from.timestamp < dateTo && booking.period.to.timestamp > dateFrom;
}

function clientTest(client: unknown): BookingPredicate {
  const container = isPhpArray(client) ? client : {};
  requireFields(container, ["entities"]);
  const entities = phpGet(container, "entities");
  const wanted = (isPhpArray(entities) ? phpValues(entities) : [entities]).map((entity) => {
    const fields = isPhpArray(entity) ? entity : {};
    requireFields(fields, ["id", "module", "code"]);
    return {
      id: toInteger(phpGet(fields, "id")),
      module: phpToString(phpGet(fields, "module")),
      code: phpToString(phpGet(fields, "code")),
    };
  });
  return (booking) =>
    booking.clients.some((held) =>
      wanted.some((w) => w.id === held.id && w.module === held.module && w.code === held.code),
    );
}

function resourceTest(resourceId: unknown): BookingPredicate {
  const items = isPhpArray(resourceId) ? phpValues(resourceId) : [resourceId];
  const wanted = new Set(items.map(toInteger));
  return (booking) => booking.resourceIds.some((id) => wanted.has(id));
}

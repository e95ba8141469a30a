import { isPhpArray, phpGet, phpIsset, phpToString, phpValues, type PhpArray } from "../php-array";
import { requireFields, toInteger } from "../params";
import { type Booking } from "../store";
import { isCreatedWithin, readCreatedWithin } from "./created-within";
import { invalidDatePeriod } from "./date-period";
import { readListOrder, type Comparator, type OrderKey } from "./list-order";

export type BookingPredicate = (booking: Booking) => boolean;
export type BookingComparator = Comparator<Booking>;

/**
 * booking.list filter keys (camelCase, unknown keys dropped like the server's whitelist does):
 * - within {dateFrom, dateTo}: bookings overlapping that window (both keys required);
 * - client {entities: [{id, module, code}]}: bookings having any of those clients;
 * - resourceId [ids]: bookings using any of those resources (not in the docs; the source has it);
 * - createdWithin {from, to}: bookings created on those days (not in the docs; the source has it).
 */
export function readBookingFilter(filter: PhpArray): BookingPredicate {
  const tests: BookingPredicate[] = [];
  if (phpIsset(filter, "within")) tests.push(withinTest(phpGet(filter, "within")));
  if (phpIsset(filter, "client")) tests.push(clientTest(phpGet(filter, "client")));
  if (phpIsset(filter, "resourceId")) tests.push(resourceTest(phpGet(filter, "resourceId")));
  if (phpIsset(filter, "createdWithin")) {
    const window = readCreatedWithin(phpGet(filter, "createdWithin"));
    tests.push((booking) => isCreatedWithin(booking.createdAt, window));
  }
  return (booking) => tests.every((test) => test(booking));
}

const ORDER_KEYS: Readonly<Record<string, OrderKey<Booking>>> = {
  id: (booking) => booking.id,
  dateFrom: (booking) => booking.period.from.timestamp,
  dateTo: (booking) => booking.period.to.timestamp,
};

/** Order keys id, dateFrom, dateTo with asc/desc in any case; default id ASC. */
export function readBookingOrder(order: PhpArray): BookingComparator {
  return readListOrder(order, ORDER_KEYS);
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

/* eslint-disable */
import * as types from "./graphql";
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  "mutation AddBooking($input: AddBookingInput!) {\n  addBooking(input: $input) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n  }\n}": typeof types.AddBookingDocument;
  "query Booking($id: Int!) {\n  booking(id: $id) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        code\n      }\n    }\n  }\n}": typeof types.BookingDocument;
  "query BookingClients($bookingId: Int!) {\n  bookingClients(bookingId: $bookingId) {\n    id\n    type {\n      module\n      code\n    }\n  }\n}": typeof types.BookingClientsDocument;
  "query Bookings($filter: BookingFilterInput, $order: BookingOrderInput, $page: PageInput) {\n  bookings(filter: $filter, order: $order, page: $page) {\n    items {\n      id\n      name\n      datePeriod {\n        from {\n          iso\n        }\n        to {\n          iso\n        }\n      }\n      clients {\n        id\n        type {\n          code\n        }\n      }\n    }\n    pageInfo {\n      offset\n      limit\n      hasMore\n    }\n  }\n}": typeof types.BookingsDocument;
  "query ClientTypes {\n  clientTypes {\n    module\n    code\n  }\n}": typeof types.ClientTypesDocument;
  "mutation DeleteBooking($id: Int!) {\n  deleteBooking(id: $id) {\n    bookingId\n  }\n}": typeof types.DeleteBookingDocument;
  "mutation SetBookingClients {\n  setBookingClients(\n    bookingId: 14\n    clients: [{id: 1, type: {module: CRM, code: CONTACT}}, {id: 2, type: {code: CONTACT}}]\n  ) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n}": typeof types.SetBookingClientsDocument;
  "mutation SetBookingClientsWithBooking($bookingId: Int!, $clients: [BookingClientInput!]!) {\n  setBookingClients(bookingId: $bookingId, clients: $clients) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n    booking {\n      id\n      name\n      clients {\n        id\n      }\n    }\n  }\n}": typeof types.SetBookingClientsWithBookingDocument;
  "mutation UnsetBookingClients($bookingId: Int!) {\n  unsetBookingClients(bookingId: $bookingId) {\n    bookingId\n  }\n}": typeof types.UnsetBookingClientsDocument;
  "mutation UpdateBooking($id: Int!, $input: UpdateBookingInput!) {\n  updateBooking(id: $id, input: $input) {\n    id\n    name\n    description\n    resourceIds\n  }\n}": typeof types.UpdateBookingDocument;
};
const documents: Documents = {
  "mutation AddBooking($input: AddBookingInput!) {\n  addBooking(input: $input) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n  }\n}":
    types.AddBookingDocument,
  "query Booking($id: Int!) {\n  booking(id: $id) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        code\n      }\n    }\n  }\n}":
    types.BookingDocument,
  "query BookingClients($bookingId: Int!) {\n  bookingClients(bookingId: $bookingId) {\n    id\n    type {\n      module\n      code\n    }\n  }\n}":
    types.BookingClientsDocument,
  "query Bookings($filter: BookingFilterInput, $order: BookingOrderInput, $page: PageInput) {\n  bookings(filter: $filter, order: $order, page: $page) {\n    items {\n      id\n      name\n      datePeriod {\n        from {\n          iso\n        }\n        to {\n          iso\n        }\n      }\n      clients {\n        id\n        type {\n          code\n        }\n      }\n    }\n    pageInfo {\n      offset\n      limit\n      hasMore\n    }\n  }\n}":
    types.BookingsDocument,
  "query ClientTypes {\n  clientTypes {\n    module\n    code\n  }\n}": types.ClientTypesDocument,
  "mutation DeleteBooking($id: Int!) {\n  deleteBooking(id: $id) {\n    bookingId\n  }\n}":
    types.DeleteBookingDocument,
  "mutation SetBookingClients {\n  setBookingClients(\n    bookingId: 14\n    clients: [{id: 1, type: {module: CRM, code: CONTACT}}, {id: 2, type: {code: CONTACT}}]\n  ) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n}":
    types.SetBookingClientsDocument,
  "mutation SetBookingClientsWithBooking($bookingId: Int!, $clients: [BookingClientInput!]!) {\n  setBookingClients(bookingId: $bookingId, clients: $clients) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n    booking {\n      id\n      name\n      clients {\n        id\n      }\n    }\n  }\n}":
    types.SetBookingClientsWithBookingDocument,
  "mutation UnsetBookingClients($bookingId: Int!) {\n  unsetBookingClients(bookingId: $bookingId) {\n    bookingId\n  }\n}":
    types.UnsetBookingClientsDocument,
  "mutation UpdateBooking($id: Int!, $input: UpdateBookingInput!) {\n  updateBooking(id: $id, input: $input) {\n    id\n    name\n    description\n    resourceIds\n  }\n}":
    types.UpdateBookingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation AddBooking($input: AddBookingInput!) {\n  addBooking(input: $input) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n  }\n}",
): (typeof documents)["mutation AddBooking($input: AddBookingInput!) {\n  addBooking(input: $input) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query Booking($id: Int!) {\n  booking(id: $id) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        code\n      }\n    }\n  }\n}",
): (typeof documents)["query Booking($id: Int!) {\n  booking(id: $id) {\n    id\n    name\n    description\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        code\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query BookingClients($bookingId: Int!) {\n  bookingClients(bookingId: $bookingId) {\n    id\n    type {\n      module\n      code\n    }\n  }\n}",
): (typeof documents)["query BookingClients($bookingId: Int!) {\n  bookingClients(bookingId: $bookingId) {\n    id\n    type {\n      module\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query Bookings($filter: BookingFilterInput, $order: BookingOrderInput, $page: PageInput) {\n  bookings(filter: $filter, order: $order, page: $page) {\n    items {\n      id\n      name\n      datePeriod {\n        from {\n          iso\n        }\n        to {\n          iso\n        }\n      }\n      clients {\n        id\n        type {\n          code\n        }\n      }\n    }\n    pageInfo {\n      offset\n      limit\n      hasMore\n    }\n  }\n}",
): (typeof documents)["query Bookings($filter: BookingFilterInput, $order: BookingOrderInput, $page: PageInput) {\n  bookings(filter: $filter, order: $order, page: $page) {\n    items {\n      id\n      name\n      datePeriod {\n        from {\n          iso\n        }\n        to {\n          iso\n        }\n      }\n      clients {\n        id\n        type {\n          code\n        }\n      }\n    }\n    pageInfo {\n      offset\n      limit\n      hasMore\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query ClientTypes {\n  clientTypes {\n    module\n    code\n  }\n}",
): (typeof documents)["query ClientTypes {\n  clientTypes {\n    module\n    code\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation DeleteBooking($id: Int!) {\n  deleteBooking(id: $id) {\n    bookingId\n  }\n}",
): (typeof documents)["mutation DeleteBooking($id: Int!) {\n  deleteBooking(id: $id) {\n    bookingId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation SetBookingClients {\n  setBookingClients(\n    bookingId: 14\n    clients: [{id: 1, type: {module: CRM, code: CONTACT}}, {id: 2, type: {code: CONTACT}}]\n  ) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n}",
): (typeof documents)["mutation SetBookingClients {\n  setBookingClients(\n    bookingId: 14\n    clients: [{id: 1, type: {module: CRM, code: CONTACT}}, {id: 2, type: {code: CONTACT}}]\n  ) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation SetBookingClientsWithBooking($bookingId: Int!, $clients: [BookingClientInput!]!) {\n  setBookingClients(bookingId: $bookingId, clients: $clients) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n    booking {\n      id\n      name\n      clients {\n        id\n      }\n    }\n  }\n}",
): (typeof documents)["mutation SetBookingClientsWithBooking($bookingId: Int!, $clients: [BookingClientInput!]!) {\n  setBookingClients(bookingId: $bookingId, clients: $clients) {\n    bookingId\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n    booking {\n      id\n      name\n      clients {\n        id\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation UnsetBookingClients($bookingId: Int!) {\n  unsetBookingClients(bookingId: $bookingId) {\n    bookingId\n  }\n}",
): (typeof documents)["mutation UnsetBookingClients($bookingId: Int!) {\n  unsetBookingClients(bookingId: $bookingId) {\n    bookingId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation UpdateBooking($id: Int!, $input: UpdateBookingInput!) {\n  updateBooking(id: $id, input: $input) {\n    id\n    name\n    description\n    resourceIds\n  }\n}",
): (typeof documents)["mutation UpdateBooking($id: Int!, $input: UpdateBookingInput!) {\n  updateBooking(id: $id, input: $input) {\n    id\n    name\n    description\n    resourceIds\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;

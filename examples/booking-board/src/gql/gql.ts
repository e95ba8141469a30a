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
  "\n  fragment BoardBooking on Booking {\n    id\n    name\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n": typeof types.BoardBookingFragmentDoc;
  "\n  query BoardDay($from: Int!, $to: Int!) {\n    resources(page: { limit: 200 }) {\n      items {\n        id\n        name\n      }\n    }\n    bookings(\n      filter: { within: { from: $from, to: $to } }\n      order: { field: DATE_FROM }\n      page: { limit: 200 }\n    ) {\n      items {\n        ...BoardBooking\n      }\n    }\n  }\n": typeof types.BoardDayDocument;
  "\n  subscription BoardChanges {\n    bookingChanged {\n      kind\n      id\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n": typeof types.BoardChangesDocument;
  "\n  query BookingDetails($id: Int!) {\n    booking(id: $id) {\n      ...BoardBooking\n      description\n    }\n    clientTypes {\n      module\n      code\n    }\n  }\n": typeof types.BookingDetailsDocument;
  "\n  mutation RenameBooking($id: Int!, $name: String!) {\n    updateBooking(id: $id, input: { name: $name }) {\n      ...BoardBooking\n    }\n  }\n": typeof types.RenameBookingDocument;
  "\n  mutation SetClients($bookingId: Int!, $clients: [BookingClientInput!]!) {\n    setBookingClients(bookingId: $bookingId, clients: $clients) {\n      bookingId\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n": typeof types.SetClientsDocument;
};
const documents: Documents = {
  "\n  fragment BoardBooking on Booking {\n    id\n    name\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n":
    types.BoardBookingFragmentDoc,
  "\n  query BoardDay($from: Int!, $to: Int!) {\n    resources(page: { limit: 200 }) {\n      items {\n        id\n        name\n      }\n    }\n    bookings(\n      filter: { within: { from: $from, to: $to } }\n      order: { field: DATE_FROM }\n      page: { limit: 200 }\n    ) {\n      items {\n        ...BoardBooking\n      }\n    }\n  }\n":
    types.BoardDayDocument,
  "\n  subscription BoardChanges {\n    bookingChanged {\n      kind\n      id\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n":
    types.BoardChangesDocument,
  "\n  query BookingDetails($id: Int!) {\n    booking(id: $id) {\n      ...BoardBooking\n      description\n    }\n    clientTypes {\n      module\n      code\n    }\n  }\n":
    types.BookingDetailsDocument,
  "\n  mutation RenameBooking($id: Int!, $name: String!) {\n    updateBooking(id: $id, input: { name: $name }) {\n      ...BoardBooking\n    }\n  }\n":
    types.RenameBookingDocument,
  "\n  mutation SetClients($bookingId: Int!, $clients: [BookingClientInput!]!) {\n    setBookingClients(bookingId: $bookingId, clients: $clients) {\n      bookingId\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n":
    types.SetClientsDocument,
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
  source: "\n  fragment BoardBooking on Booking {\n    id\n    name\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n",
): (typeof documents)["\n  fragment BoardBooking on Booking {\n    id\n    name\n    resourceIds\n    datePeriod {\n      from {\n        timestamp\n        timezone\n        iso\n      }\n      to {\n        timestamp\n        timezone\n        iso\n      }\n    }\n    clients {\n      id\n      type {\n        module\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query BoardDay($from: Int!, $to: Int!) {\n    resources(page: { limit: 200 }) {\n      items {\n        id\n        name\n      }\n    }\n    bookings(\n      filter: { within: { from: $from, to: $to } }\n      order: { field: DATE_FROM }\n      page: { limit: 200 }\n    ) {\n      items {\n        ...BoardBooking\n      }\n    }\n  }\n",
): (typeof documents)["\n  query BoardDay($from: Int!, $to: Int!) {\n    resources(page: { limit: 200 }) {\n      items {\n        id\n        name\n      }\n    }\n    bookings(\n      filter: { within: { from: $from, to: $to } }\n      order: { field: DATE_FROM }\n      page: { limit: 200 }\n    ) {\n      items {\n        ...BoardBooking\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  subscription BoardChanges {\n    bookingChanged {\n      kind\n      id\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n",
): (typeof documents)["\n  subscription BoardChanges {\n    bookingChanged {\n      kind\n      id\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query BookingDetails($id: Int!) {\n    booking(id: $id) {\n      ...BoardBooking\n      description\n    }\n    clientTypes {\n      module\n      code\n    }\n  }\n",
): (typeof documents)["\n  query BookingDetails($id: Int!) {\n    booking(id: $id) {\n      ...BoardBooking\n      description\n    }\n    clientTypes {\n      module\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RenameBooking($id: Int!, $name: String!) {\n    updateBooking(id: $id, input: { name: $name }) {\n      ...BoardBooking\n    }\n  }\n",
): (typeof documents)["\n  mutation RenameBooking($id: Int!, $name: String!) {\n    updateBooking(id: $id, input: { name: $name }) {\n      ...BoardBooking\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation SetClients($bookingId: Int!, $clients: [BookingClientInput!]!) {\n    setBookingClients(bookingId: $bookingId, clients: $clients) {\n      bookingId\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation SetClients($bookingId: Int!, $clients: [BookingClientInput!]!) {\n    setBookingClients(bookingId: $bookingId, clients: $clients) {\n      bookingId\n      booking {\n        ...BoardBooking\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;

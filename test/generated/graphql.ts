/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** A new booking (booking.v1.booking.add `fields`). */
export type AddBookingInput = {
  /** When the booking starts and ends. */
  datePeriod: DatePeriodInput;
  /** Booking description. */
  description?: string | null | undefined;
  /** Booking name. Default "". */
  name?: string | null | undefined;
  /** Ids of the resources to book; at least one. */
  resourceIds: Array<number>;
};

/** A CRM contact or company to attach to a booking. */
export type BookingClientInput = {
  /** Id of the CRM contact or company, a positive integer. */
  id: number;
  /** Which kind of CRM entity `id` refers to. */
  type: ClientTypeInput;
};

/** Which bookings to list; all given conditions must hold. */
export type BookingFilterInput = {
  /** Only bookings that have any of these clients (Bitrix24 `filter.client.entities`). */
  clients?: Array<BookingClientInput> | null | undefined;
  /** Only bookings of any of these resources (Bitrix24 `filter.resourceId`). */
  resourceIds?: Array<number> | null | undefined;
  /** Only bookings that overlap this window (Bitrix24 `filter.within`). */
  within?: TimeRangeInput | null | undefined;
};

/** Sort order of a booking list. Default: by id, ascending. */
export type BookingOrderInput = {
  direction?: SortDirection;
  field?: BookingSortField;
};

/** What a booking list can be sorted by. */
export type BookingSortField =
  /** Start of the booking. */
  | "DATE_FROM"
  /** End of the booking. */
  | "DATE_TO"
  /** Booking id. */
  | "ID";

/** Bitrix24 module that owns a client entity (booking.v1.clienttype.list `module`; `crm` on the wire). */
export type ClientModule =
  /** The CRM module: contacts and companies. */
  "CRM";

/** Kind of CRM entity a booking client is (booking.v1.clienttype.list `code`). */
export type ClientTypeCode =
  /** A CRM company. */
  | "COMPANY"
  /** A CRM contact (a person). */
  | "CONTACT";

/** Type of a booking client, e.g. `{code: CONTACT}` (module defaults to CRM). */
export type ClientTypeInput = {
  /** Kind of entity within the module. */
  code: ClientTypeCode;
  /** Module that owns the client entity. Default CRM, the only module today. */
  module?: ClientModule;
};

/** One end of a time period, as Bitrix24 takes it. */
export type DateBoundaryInput = {
  /** Unix time in seconds. */
  timestamp: number;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timezone: string;
};

/** Start and end of a booking; `from` must be before `to`. */
export type DatePeriodInput = {
  /** When the booking starts. */
  from: DateBoundaryInput;
  /** When the booking ends. */
  to: DateBoundaryInput;
};

/** A window of a list: skip `offset` items, then take up to `limit`. */
export type PageInput = {
  /** How many items to return, 1 to 200. Default 50. */
  limit?: number;
  /** How many items to skip. Default 0. */
  offset?: number;
};

/** Sort order of a list. */
export type SortDirection =
  /** Smallest first. */
  | "ASC"
  /** Largest first. */
  | "DESC";

/** A time window in Unix seconds; `from` must be before `to`. */
export type TimeRangeInput = {
  /** Start of the window, Unix seconds. */
  from: number;
  /** End of the window, Unix seconds. */
  to: number;
};

/** Changes to a booking (booking.v1.booking.update `fields`); fields left out stay as they are. */
export type UpdateBookingInput = {
  /** New start and end. */
  datePeriod?: DatePeriodInput | null | undefined;
  /** New description. */
  description?: string | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** New resource ids; at least one if given. */
  resourceIds?: Array<number> | null | undefined;
};

export type AddBookingMutationVariables = Exact<{
  input: AddBookingInput;
}>;

export type AddBookingMutation = {
  addBooking: {
    id: number;
    name: string;
    description: string | null;
    resourceIds: Array<number>;
    datePeriod: {
      from: { timestamp: number; timezone: string; iso: string };
      to: { timestamp: number; timezone: string; iso: string };
    };
  };
};

export type BookingQueryVariables = Exact<{
  id: number;
}>;

export type BookingQuery = {
  booking: {
    id: number;
    name: string;
    description: string | null;
    resourceIds: Array<number>;
    datePeriod: {
      from: { timestamp: number; timezone: string; iso: string };
      to: { timestamp: number; timezone: string; iso: string };
    };
    clients: Array<{ id: number; type: { code: ClientTypeCode } }>;
  } | null;
};

export type BookingClientsQueryVariables = Exact<{
  bookingId: number;
}>;

export type BookingClientsQuery = {
  bookingClients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
};

export type BookingsQueryVariables = Exact<{
  filter?: BookingFilterInput | null | undefined;
  order?: BookingOrderInput | null | undefined;
  page?: PageInput | null | undefined;
}>;

export type BookingsQuery = {
  bookings: {
    items: Array<{
      id: number;
      name: string;
      datePeriod: { from: { iso: string }; to: { iso: string } };
      clients: Array<{ id: number; type: { code: ClientTypeCode } }>;
    }>;
    pageInfo: { offset: number; limit: number; hasMore: boolean };
  };
};

export type ClientTypesQueryVariables = Exact<{ [key: string]: never }>;

export type ClientTypesQuery = {
  clientTypes: Array<{ module: ClientModule; code: ClientTypeCode }>;
};

export type DeleteBookingMutationVariables = Exact<{
  id: number;
}>;

export type DeleteBookingMutation = { deleteBooking: { bookingId: number } };

export type SetBookingClientsMutationVariables = Exact<{ [key: string]: never }>;

export type SetBookingClientsMutation = {
  setBookingClients: {
    bookingId: number;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
  };
};

export type SetBookingClientsWithBookingMutationVariables = Exact<{
  bookingId: number;
  clients: Array<BookingClientInput> | BookingClientInput;
}>;

export type SetBookingClientsWithBookingMutation = {
  setBookingClients: {
    bookingId: number;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
    booking: { id: number; name: string; clients: Array<{ id: number }> } | null;
  };
};

export type UnsetBookingClientsMutationVariables = Exact<{
  bookingId: number;
}>;

export type UnsetBookingClientsMutation = { unsetBookingClients: { bookingId: number } };

export type UpdateBookingMutationVariables = Exact<{
  id: number;
  input: UpdateBookingInput;
}>;

export type UpdateBookingMutation = {
  updateBooking: {
    id: number;
    name: string;
    description: string | null;
    resourceIds: Array<number>;
  };
};

export const AddBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddBookingInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "datePeriod" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "from" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "to" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddBookingMutation, AddBookingMutationVariables>;
export const BookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Booking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "booking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "datePeriod" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "from" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "to" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "code" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingQuery, BookingQueryVariables>;
export const BookingClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "BookingClients" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "bookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingClientsQuery, BookingClientsQueryVariables>;
export const BookingsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Bookings" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "BookingFilterInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "order" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "BookingOrderInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "page" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "PageInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "bookings" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "order" },
                value: { kind: "Variable", name: { kind: "Name", value: "order" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "page" },
                value: { kind: "Variable", name: { kind: "Name", value: "page" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "items" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "datePeriod" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "from" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "iso" } },
                                ],
                              },
                            },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "to" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "iso" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "type" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "code" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "offset" } },
                      { kind: "Field", name: { kind: "Name", value: "limit" } },
                      { kind: "Field", name: { kind: "Name", value: "hasMore" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingsQuery, BookingsQueryVariables>;
export const ClientTypesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ClientTypes" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "clientTypes" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "module" } },
                { kind: "Field", name: { kind: "Name", value: "code" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ClientTypesQuery, ClientTypesQueryVariables>;
export const DeleteBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "deleteBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "bookingId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteBookingMutation, DeleteBookingMutationVariables>;
export const SetBookingClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetBookingClients" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setBookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "IntValue", value: "14" },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "clients" },
                value: {
                  kind: "ListValue",
                  values: [
                    {
                      kind: "ObjectValue",
                      fields: [
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "id" },
                          value: { kind: "IntValue", value: "1" },
                        },
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "type" },
                          value: {
                            kind: "ObjectValue",
                            fields: [
                              {
                                kind: "ObjectField",
                                name: { kind: "Name", value: "module" },
                                value: { kind: "EnumValue", value: "CRM" },
                              },
                              {
                                kind: "ObjectField",
                                name: { kind: "Name", value: "code" },
                                value: { kind: "EnumValue", value: "CONTACT" },
                              },
                            ],
                          },
                        },
                      ],
                    },
                    {
                      kind: "ObjectValue",
                      fields: [
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "id" },
                          value: { kind: "IntValue", value: "2" },
                        },
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "type" },
                          value: {
                            kind: "ObjectValue",
                            fields: [
                              {
                                kind: "ObjectField",
                                name: { kind: "Name", value: "code" },
                                value: { kind: "EnumValue", value: "CONTACT" },
                              },
                            ],
                          },
                        },
                      ],
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "bookingId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "module" } },
                            { kind: "Field", name: { kind: "Name", value: "code" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetBookingClientsMutation, SetBookingClientsMutationVariables>;
export const SetBookingClientsWithBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetBookingClientsWithBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "clients" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "BookingClientInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setBookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "clients" },
                value: { kind: "Variable", name: { kind: "Name", value: "clients" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "bookingId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "module" } },
                            { kind: "Field", name: { kind: "Name", value: "code" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "booking" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  SetBookingClientsWithBookingMutation,
  SetBookingClientsWithBookingMutationVariables
>;
export const UnsetBookingClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnsetBookingClients" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "unsetBookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "bookingId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnsetBookingClientsMutation, UnsetBookingClientsMutationVariables>;
export const UpdateBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateBookingInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateBookingMutation, UpdateBookingMutationVariables>;

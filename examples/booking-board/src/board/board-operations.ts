import { graphql } from "../gql";

/** What a booking card shows; the subscription and the mutations select the same, so they refresh it. */
export const BoardBookingFragment = graphql(`
  fragment BoardBooking on Booking {
    id
    name
    resourceIds
    datePeriod {
      from {
        timestamp
        timezone
        iso
      }
      to {
        timestamp
        timezone
        iso
      }
    }
    clients {
      id
      type {
        module
        code
      }
    }
  }
`);

/** One day: every resource as a column, and the bookings that overlap the day. */
export const BoardDayQuery = graphql(`
  query BoardDay($from: Int!, $to: Int!) {
    resources(page: { limit: 200 }) {
      items {
        id
        name
      }
    }
    bookings(
      filter: { within: { from: $from, to: $to } }
      order: { field: DATE_FROM }
      page: { limit: 200 }
    ) {
      items {
        ...BoardBooking
      }
    }
  }
`);

/** Every booking change, as it happens: portal events and writes made through the gateway. */
export const BoardChangesSubscription = graphql(`
  subscription BoardChanges {
    bookingChanged {
      kind
      id
      booking {
        ...BoardBooking
      }
    }
  }
`);

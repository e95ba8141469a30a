import { graphql } from "../gql";

export const BookingDetailsQuery = graphql(`
  query BookingDetails($id: Int!) {
    booking(id: $id) {
      ...BoardBooking
      description
    }
    clientTypes {
      module
      code
    }
  }
`);

export const RenameBookingMutation = graphql(`
  mutation RenameBooking($id: Int!, $name: String!) {
    updateBooking(id: $id, input: { name: $name }) {
      ...BoardBooking
    }
  }
`);

export const SetClientsMutation = graphql(`
  mutation SetClients($bookingId: Int!, $clients: [BookingClientInput!]!) {
    setBookingClients(bookingId: $bookingId, clients: $clients) {
      bookingId
      booking {
        ...BoardBooking
      }
    }
  }
`);

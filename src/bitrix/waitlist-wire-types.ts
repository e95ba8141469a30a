/** Shapes of booking.v1 waitlist items and external-data links as the portal sends and takes them. */

export interface WireWaitListItem {
  id: number;
  note: string | null;
}

export interface WireWaitListFields {
  note?: string;
}

export interface WireWaitListFilter {
  /** Days as `dd.mm.yyyy`; `from` inclusive, `to` exclusive. */
  createdWithin?: { from: string; to: string };
}

/** A link from a booking or waitlist item to another module's record; only crm/DEAL today. */
export interface WireExternalData {
  /** "crm" on the wire. */
  moduleId: string;
  /** "DEAL" on the wire. */
  entityTypeId: string;
  /** The linked record's id, as text. */
  value: string;
}

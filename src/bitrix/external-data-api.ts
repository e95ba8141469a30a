import { list, writeThenRead, type RecordRead } from "./result-shape";
import type { Upstream } from "../transport/upstream";
import type { WireExternalData } from "./waitlist-wire-types";

/**
 * What holds external-data links: a booking or a waitlist item. Both answer the same three methods
 * under their own prefix and id argument; the list key is `externalData` for both.
 */
export interface ExternalDataOwner {
  /** "booking.v1.booking.externalData" or "booking.v1.waitlist.externalData". */
  prefix: string;
  /** The id argument: bookingId or waitListId. */
  idParam: string;
  /** The owner's own `get`, to read it back after a write, and its result key. */
  getMethod: string;
  getKey: string;
}

export const BOOKING_EXTERNAL_DATA: ExternalDataOwner = {
  prefix: "booking.v1.booking.externalData",
  idParam: "bookingId",
  getMethod: "booking.v1.booking.get",
  getKey: "booking",
};

export const WAITLIST_EXTERNAL_DATA: ExternalDataOwner = {
  prefix: "booking.v1.waitlist.externalData",
  idParam: "waitListId",
  getMethod: "booking.v1.waitlist.get",
  getKey: "waitList",
};

/** Typed booking.v1.booking.externalData.* and booking.v1.waitlist.externalData.* methods. */
export class ExternalDataApi {
  constructor(private readonly upstream: Upstream) {}

  async list(owner: ExternalDataOwner, id: number): Promise<WireExternalData[]> {
    const method = `${owner.prefix}.list`;
    const { result } = await this.upstream.call(method, { [owner.idParam]: id });
    return list<WireExternalData>(method, result, "externalData");
  }

  /**
   * Replaces the owner's whole link list; with `withOwner`, reads the owner (`T`: its wire shape) in
   * the same upstream request.
   */
  set<T>(
    owner: ExternalDataOwner,
    id: number,
    externalData: WireExternalData[],
    withOwner: boolean,
  ): Promise<T | undefined> {
    return writeThenRead<T>(
      this.upstream,
      { method: `${owner.prefix}.set`, params: { [owner.idParam]: id, externalData } },
      withOwner ? readOwner(owner, id) : undefined,
    );
  }

  /** Removes every link; with `withOwner`, reads the owner in the same upstream request. */
  unset<T>(owner: ExternalDataOwner, id: number, withOwner: boolean): Promise<T | undefined> {
    return writeThenRead<T>(
      this.upstream,
      { method: `${owner.prefix}.unset`, params: { [owner.idParam]: id } },
      withOwner ? readOwner(owner, id) : undefined,
    );
  }
}

function readOwner(owner: ExternalDataOwner, id: number): RecordRead {
  return { method: owner.getMethod, params: { id }, key: owner.getKey };
}

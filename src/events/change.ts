import type { ChangedEntity, ChangeKindName, RecordPart } from "../services/change-announcer";

export type {
  ChangedEntity,
  ChangeKindName,
  ChangeNotice,
  ChangeAnnouncer,
  RecordPart,
} from "../services/change-announcer";

/**
 * One change of one record, as it travels the bus between replicas and on to subscribers. It
 * carries no data of the record: each replica reads the current state once per caller identity.
 */
export interface Change {
  /** Unique per published change, across replicas: the key of the once-per-change entity read. */
  key: string;
  entity: ChangedEntity;
  kind: ChangeKindName;
  /** The record's id. */
  id: number;
  /** Only this part of the record changed (see ChangeNotice); its subscribers are sent it always. */
  part?: RecordPart;
  /** When it happened, Unix seconds: the event's `ts`, or the gateway's clock for its own writes. */
  occurredAt: number;
  /** A Bitrix24 event, or a write made through this gateway (published without waiting for Bitrix). */
  source: "portal" | "gateway";
  /** When it was published, in milliseconds on the publishing replica's clock (for delivery lag). */
  publishedAtMs: number;
}

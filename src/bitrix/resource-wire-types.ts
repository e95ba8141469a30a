/**
 * Shapes of booking.v1 resources, resource types and their slots as the portal sends and takes them.
 * Flags travel as "Y"/"N"; template types in lower case; delays in seconds.
 */
import type { WireSortDirection } from "./wire-types";

export type WireYesNo = "Y" | "N";

/**
 * The notification block resources and resource types share. Delays go out under the server view's
 * `*NotificationDelay` names: the docs' `infoDelay`-style names are dropped by the live server's
 * whitelist. Resource types have no `info` settings in their view.
 */
export interface WireNotificationSettings {
  isInfoNotificationOn?: WireYesNo;
  templateTypeInfo?: string;
  infoNotificationDelay?: number;
  isConfirmationNotificationOn?: WireYesNo;
  templateTypeConfirmation?: string;
  confirmationNotificationDelay?: number;
  confirmationNotificationRepetitions?: number;
  confirmationNotificationRepetitionsInterval?: number;
  confirmationCounterDelay?: number;
  isReminderNotificationOn?: WireYesNo;
  templateTypeReminder?: string;
  reminderNotificationDelay?: number;
  isFeedbackNotificationOn?: WireYesNo;
  templateTypeFeedback?: string;
  isDelayedNotificationOn?: WireYesNo;
  templateTypeDelayed?: string;
  delayedNotificationDelay?: number;
  delayedCounterDelay?: number;
}

export interface WireResourceType extends WireNotificationSettings {
  id: number;
  name: string;
  code: string;
}

export interface WireResourceTypeFields extends WireNotificationSettings {
  name?: string;
  code?: string;
}

export interface WireResourceTypeFilter {
  searchQuery?: string;
  name?: string;
  code?: string;
  moduleId?: string;
}

export interface WireResourceTypeOrder {
  id?: WireSortDirection;
  name?: WireSortDirection;
  code?: WireSortDirection;
}

export interface WireResource extends WireNotificationSettings {
  id: number;
  typeId: number;
  name: string;
  description: string | null;
  isMain: WireYesNo;
}

export interface WireResourceFields extends WireNotificationSettings {
  name?: string;
  typeId?: number;
  description?: string | null;
  isMain?: WireYesNo;
}

export interface WireResourceFilter {
  searchQuery?: string;
  name?: string;
  description?: string;
  /** One type id or several; the server's provider takes both. */
  typeId?: number[];
  isMain?: WireYesNo;
}

export interface WireResourceOrder {
  id?: WireSortDirection;
  name?: WireSortDirection;
}

/** "Mon" … "Sun". */
export type WireWeekDay = string;

/** When a resource can be booked: minutes after midnight in `timezone`, on `weekDays`. */
export interface WireSlot {
  id: number;
  from: number;
  to: number;
  timezone: string;
  weekDays: WireWeekDay[];
  /** Minutes. */
  slotSize: number;
}

export type WireSlotFields = Omit<WireSlot, "id">;

import type { WireExternalData } from "../bitrix/waitlist-wire-types";
import type { ItemKind } from "../common/known-items";
import { validateExternalData } from "./external-data-validation";
import { ExternalDataInput } from "./external-data.input";
import { inputToExternalData, toExternalData, toWireExternalData } from "./external-data.mapper";
import { ExternalData } from "./external-data.type";

/** External-data links as items of a booking's or waitlist item's link list. */
export const EXTERNAL_DATA_ITEMS: ItemKind<WireExternalData, ExternalData, ExternalDataInput> = {
  itemType: ExternalData,
  inputType: ExternalDataInput,
  toItem: toExternalData,
  unknown: (index, owner, wire) => ({
    subject: `the kind of link ${index} of ${owner}:`,
    value: `${wire.moduleId}/${wire.entityTypeId}`,
  }),
  toWire: toWireExternalData,
  inputToItem: inputToExternalData,
  validate: validateExternalData,
};

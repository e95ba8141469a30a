import type { WireExternalData } from "../bitrix/waitlist-wire-types";
import { ExternalDataEntityType } from "./external-data-entity-type.enum";
import { ExternalDataModule } from "./external-data-module.enum";
import type { ExternalDataInput } from "./external-data.input";
import type { ExternalData } from "./external-data.type";

const MODULES: Readonly<Record<string, ExternalDataModule>> = { crm: ExternalDataModule.CRM };
const ENTITY_TYPES: Readonly<Record<string, ExternalDataEntityType>> = {
  DEAL: ExternalDataEntityType.DEAL,
};

/** The enum form of a wire link, or undefined when the portal sent a kind this API lacks. */
export function toExternalData(wire: WireExternalData): ExternalData | undefined {
  const module = MODULES[String(wire.moduleId).toLowerCase()];
  const entityType = ENTITY_TYPES[String(wire.entityTypeId).toUpperCase()];
  return module && entityType ? { module, entityType, value: String(wire.value) } : undefined;
}

export function toWireExternalData(input: ExternalDataInput): WireExternalData {
  return {
    moduleId: input.module.toLowerCase(),
    entityTypeId: input.entityType,
    value: input.value,
  };
}

export function inputToExternalData(input: ExternalDataInput): ExternalData {
  return { module: input.module, entityType: input.entityType, value: input.value };
}

/**
 * The API server fills defaults in, and drops the nulls of fields that are not nullable, before it
 * validates an object. So a field that starts to be filled in (a new default) or kept (a null
 * newly allowed) where it was absent is compatible only when nothing about the object holding it
 * counts or reads its fields: under a `maxProperties` limit, an object already at the limit is
 * refused once the field is there, and a rule of that object that names the field (`!has(self.a)`)
 * now sees a value where it saw none. Map entries (`additionalProperties`) are counted the same
 * way, and any rule of the map may read them.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { isRecord } from "./crd-access.js";

/** The object schema (new side) that holds a node: as the property `name`, or as its map values. */
export interface Holder {
  object: JSONSchemaProps;
  /** Undefined for a map's values (`additionalProperties`). */
  name: string | undefined;
}

const CEL_STRING = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether a CEL rule may read the field: it names it (outside string literals), or any entry of a map. */
function reads(rule: string, name: string | undefined): boolean {
  if (name === undefined) return true;
  return new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`).test(rule.replace(CEL_STRING, "''"));
}

/**
 * Why objects can be refused once `what` (`the default`, `a null`) is kept where the field was
 * absent; undefined when nothing of the holding object counts or reads it.
 */
export function fillRisk(holder: Holder | undefined, what: string): string | undefined {
  if (holder === undefined) return undefined;
  const { object, name } = holder;
  const field = name === undefined ? "a map entry" : `"${name}"`;
  const limit = object.maxProperties;
  if (typeof limit === "number")
    return `the object holding it takes at most ${limit} ${limit === 1 ? "field" : "fields"}, and ${field} set to ${what} now counts as one`;
  const rules = Array.isArray(object["x-kubernetes-validations"]) ? object["x-kubernetes-validations"] : [];
  for (const rule of rules) {
    if (isRecord(rule) && typeof rule.rule === "string" && reads(rule.rule, name))
      return `the rule ${JSON.stringify(rule.rule)} of the object holding it now sees ${field} set to ${what}, and may refuse it`;
  }
  return undefined;
}

/**
 * `enum` values of another type than the node's. Kubernetes checks the type first, so such a
 * value is refused whatever it says (`enum: ["1", "2"]` on an integer allows no value at all);
 * it does not compare the two when the CRD is created.
 */
import { jsonKind, kindFitsType, type JsonKind } from "../../validate/json.js";
import type { LintRule } from "./rule.js";

/** Whether a value of `kind` can pass `type: type`. */
function fits(kind: JsonKind, type: string, intOrString: boolean): boolean {
  if (intOrString) return kind === "integer" || kind === "string";
  return kindFitsType(kind, type);
}

export const enumType: LintRule = {
  name: "enum-type",
  keys: ["enum"],
  node({ node, type, intOrString }, report) {
    const values = node["enum"];
    if (!Array.isArray(values) || (type === undefined && !intOrString)) return;
    const nullable = node["nullable"] === true;
    const holds = intOrString ? "integer or string" : type!;
    values.forEach((value: unknown, i) => {
      const kind = jsonKind(value);
      if (fits(kind, holds, intOrString) || (kind === "null" && nullable)) return;
      report(
        ["enum", i],
        "value",
        `enum value ${JSON.stringify(value)} is ${article(kind)} ${kind}, so no value can equal it: the field is of type ${holds}.`,
        hintFor(value, kind, holds),
      );
    });
  },
};

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? "an" : "a";
}

function hintFor(value: unknown, kind: JsonKind, type: string): string {
  if (kind === "null") return "add nullable: true to allow null, or remove the value";
  if (type === "string" && (kind === "integer" || kind === "number" || kind === "boolean"))
    return `quote it: "${String(value)}"`;
  if ((type === "integer" || type === "number") && kind === "string" && /^-?\d+(\.\d+)?$/.test(String(value)))
    return `write it without quotes: ${String(value)}`;
  if (type === "boolean" && kind === "string" && /^(true|false)$/.test(String(value)))
    return `write it without quotes: ${String(value)}`;
  return `write ${article(type)} ${type}, or change the field's type`;
}

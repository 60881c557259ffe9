/**
 * `@minimum 0` on a `Quantity`. Kubernetes checks `minimum` and `maximum` on numbers only, and a
 * quantity is an int-or-string: the bound holds for `memory: 1` but not for `memory: "-1Gi"`, the
 * form nearly every manifest uses. CEL's quantity library compares both forms, so the warning's
 * hint is the rule that bounds them all.
 */
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import { dereference, type IrDefinition, type IrType } from "../ir/model.js";
import type { AppliedTag } from "../tags/registry.js";
import { QUANTITY_PATTERN } from "./kubernetes/well-known.js";

/** Each bound tag with the comparison a CEL rule makes of it (`compareTo(...) >= 0` for a minimum). */
const BOUNDS: Readonly<Record<string, { inclusive: string; exclusive: string }>> = {
  minimum: { inclusive: ">= 0", exclusive: "> 0" },
  maximum: { inclusive: "<= 0", exclusive: "< 0" },
  exclusiveMinimum: { inclusive: "> 0", exclusive: "> 0" },
  exclusiveMaximum: { inclusive: "< 0", exclusive: "< 0" },
};

/** A Quantity, or an alias of one (`type Memory = Quantity`), however many names deep. */
function isQuantity(type: IrType, definitions: ReadonlyMap<string, IrDefinition>): boolean {
  const named = dereference(type, definitions);
  return named?.kind === "verbatim" && named.schema.pattern === QUANTITY_PATTERN;
}

/** The warning for bound tags on a field (or an alias) of type `Quantity`; undefined for any other. */
export function quantityBoundWarning(
  path: string,
  type: IrType,
  tags: readonly AppliedTag[],
  definitions: ReadonlyMap<string, IrDefinition>,
  location: () => SourceLocation,
): Diagnostic | undefined {
  const bounds = tags.filter((t) => Object.hasOwn(BOUNDS, t.name));
  if (bounds.length === 0 || !isQuantity(type, definitions)) return undefined;
  const exclusive = (bound: "minimum" | "maximum") =>
    tags.some((t) => t.name === `exclusive${bound[0]!.toUpperCase()}${bound.slice(1)}`);
  const rules = bounds.flatMap((t) => {
    if (typeof t.value !== "number") return []; // `@exclusiveMinimum` alone: its @minimum has the number
    const how = BOUNDS[t.name]!;
    const strict = (t.name === "minimum" || t.name === "maximum") && exclusive(t.name);
    return [
      `quantity(string(self)).compareTo(quantity('${t.value}')) ${strict ? how.exclusive : how.inclusive}`,
    ];
  });
  const written = bounds
    .map((t) => (typeof t.value === "number" ? `@${t.name} ${t.value}` : `@${t.name}`))
    .join(" ");
  return {
    severity: "warning",
    code: codes.quantityBound,
    message: `${written} on the Quantity ${path} bounds only quantities written as numbers: Kubernetes checks it on numbers, and a string such as "-1Gi" passes.`,
    location: location(),
    path,
    hint:
      rules.length > 0
        ? `to bound "1Gi" as well, write @validation rule="${rules.join(" && ")}" message="..." (CEL compares both forms)`
        : "to bound quantities written as strings too, write a @validation rule with CEL's quantity(): compareTo(quantity('0')) >= 0",
  };
}

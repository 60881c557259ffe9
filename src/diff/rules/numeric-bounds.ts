/**
 * `bounds-tightened` (breaking) / `bounds-loosened` (not breaking) for numbers:
 * `minimum` raised or newly set, `maximum` lowered or newly set, `exclusiveMinimum` /
 * `exclusiveMaximum` turned on, or `multipleOf` set to a value whose multiples are
 * not all multiples of the old one. Values outside the new range are rejected (Kubernetes
 * 1.30+ ratchets: an update leaving a stored one unchanged passes). For `type: integer`, exclusive bounds are normalised
 * (`> 4` is `>= 5`) so equivalent rewrites are not reported.
 * Example: `maximum: 10` → `maximum: 5`, or `minimum: 0` → `minimum: 0, exclusiveMinimum: true`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";
import type { SchemaRule } from "./rule.js";

interface Bound {
  value: number;
  exclusive: boolean;
}

type Side = "lower" | "upper";

const KEYWORDS = {
  lower: { limit: "minimum", exclusive: "exclusiveMinimum", symbol: ">" },
  upper: { limit: "maximum", exclusive: "exclusiveMaximum", symbol: "<" },
} as const;

function boundOf(node: JSONSchemaProps, side: Side): Bound | undefined {
  const { limit, exclusive } = KEYWORDS[side];
  const value = node[limit];
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  const isExclusive = node[exclusive] === true;
  if (node.type !== "integer") return { value, exclusive: isExclusive };
  // Integers: express every bound inclusively so `> 4` and `>= 5` compare equal.
  if (side === "lower")
    return { value: isExclusive ? Math.floor(value) + 1 : Math.ceil(value), exclusive: false };
  return { value: isExclusive ? Math.ceil(value) - 1 : Math.floor(value), exclusive: false };
}

/** Positive when `after` admits fewer values than `before` on this side, negative when more. */
function tightness(side: Side, before: Bound | undefined, after: Bound | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return 1;
  if (after === undefined) return -1;
  const direction = side === "lower" ? 1 : -1;
  if (before.value !== after.value) return direction * Math.sign(after.value - before.value);
  return Number(after.exclusive) - Number(before.exclusive);
}

function describe(side: Side, bound: Bound | undefined): string {
  if (bound === undefined) return "unbounded";
  return `${KEYWORDS[side].symbol}${bound.exclusive ? "" : "="} ${bound.value}`;
}

function compareSide(
  side: Side,
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
  at: FieldPath,
  report: Report,
): void {
  const before = boundOf(old, side);
  const after = boundOf(neu, side);
  const t = tightness(side, before, after);
  if (t === 0) return;
  const { limit, exclusive } = KEYWORDS[side];
  // Point at the exclusive flag when only it changed, else at the limit itself.
  const keyword = before && after && before.value === after.value ? exclusive : limit;
  report({
    kind: t > 0 ? "bounds-tightened" : "bounds-loosened",
    breaking: t > 0,
    at: at.field(keyword),
    message: `${side} bound changed from ${describe(side, before)} to ${describe(side, after)}`,
    old: describe(side, before),
    new: describe(side, after),
  });
}

function isMultiple(value: number, of: number): boolean {
  const ratio = value / of;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** The `multipleOf` step; integers have an implicit step of 1. */
function stepOf(node: JSONSchemaProps): number | undefined {
  if (typeof node.multipleOf === "number" && node.multipleOf > 0) return node.multipleOf;
  return node.type === "integer" ? 1 : undefined;
}

function compareMultipleOf(old: JSONSchemaProps, neu: JSONSchemaProps, at: FieldPath, report: Report): void {
  const before = stepOf(old);
  const after = stepOf(neu);
  if (before === after) return;
  // Looser only when every old multiple is still a multiple of the new step.
  const loosened = after === undefined || (before !== undefined && isMultiple(before, after));
  report({
    kind: loosened ? "bounds-loosened" : "bounds-tightened",
    breaking: !loosened,
    at: at.field("multipleOf"),
    message: `multipleOf changed from ${before ?? "unset"} to ${after ?? "unset"}`,
    old: old.multipleOf,
    new: neu.multipleOf,
  });
}

export const numericBoundsRule: SchemaRule = {
  keywords: ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf"],
  check(old, neu, at, report) {
    compareSide("lower", old, neu, at, report);
    compareSide("upper", old, neu, at, report);
    compareMultipleOf(old, neu, at, report);
  },
};

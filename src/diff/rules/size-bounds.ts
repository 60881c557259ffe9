/**
 * `bounds-tightened` (breaking) / `bounds-loosened` (not breaking) for the size
 * limits: `minLength`, `minItems`, `minProperties` raised (or newly set above 0), or
 * `maxLength`, `maxItems`, `maxProperties` lowered (or newly set). Stored values
 * outside the new limits fail validation on update; clients sending them are rejected.
 * Example: `maxLength: 63` → `maxLength: 40`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";
import type { SchemaRule } from "./rule.js";

const LOWER = ["minLength", "minItems", "minProperties"] as const;
const UPPER = ["maxLength", "maxItems", "maxProperties"] as const;
type SizeKeyword = (typeof LOWER)[number] | (typeof UPPER)[number];

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function compareLimit(
  keyword: SizeKeyword,
  isLower: boolean,
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
  at: FieldPath,
  report: Report,
): void {
  // An unset minimum is 0 and an unset maximum is unbounded.
  const unset = isLower ? 0 : Number.POSITIVE_INFINITY;
  const before = numberOr(old[keyword], unset);
  const after = numberOr(neu[keyword], unset);
  if (before === after) return;
  const tightened = isLower ? after > before : after < before;
  const show = (n: number): string => (n === Number.POSITIVE_INFINITY ? "unset" : String(n));
  report({
    kind: tightened ? "bounds-tightened" : "bounds-loosened",
    breaking: tightened,
    at: at.field(keyword),
    message: `${keyword} ${after > before ? "raised" : "lowered"} from ${show(before)} to ${show(after)}`,
    old: old[keyword],
    new: neu[keyword],
  });
}

export const sizeBoundsRule: SchemaRule = {
  keywords: [...LOWER, ...UPPER],
  check(old, neu, at, report) {
    for (const keyword of LOWER) compareLimit(keyword, true, old, neu, at, report);
    for (const keyword of UPPER) compareLimit(keyword, false, old, neu, at, report);
  },
};

/**
 * `bounds-tightened` (breaking) / `bounds-loosened` (not breaking) for the size
 * limits: `minLength`, `minItems`, `minProperties` raised (or newly set above 0), or
 * `maxLength`, `maxItems`, `maxProperties` lowered (or newly set). Values outside the new
 * limits are rejected (Kubernetes 1.30+ ratchets: an update leaving a stored one unchanged passes).
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
  report({
    kind: tightened ? "bounds-tightened" : "bounds-loosened",
    breaking: tightened,
    at: at.field(keyword),
    message: limitChange(
      keyword,
      old[keyword] === undefined ? undefined : before,
      neu[keyword] === undefined ? undefined : after,
    ),
    old: old[keyword],
    new: neu[keyword],
  });
}

/** `maxLength lowered from 63 to 40`; a limit newly set or removed says so (not "from unset"). */
function limitChange(keyword: SizeKeyword, before: number | undefined, after: number | undefined): string {
  if (before === undefined) return `${keyword} set to ${after}`;
  if (after === undefined) return `${keyword} removed (was ${before})`;
  return `${keyword} ${after > before ? "raised" : "lowered"} from ${before} to ${after}`;
}

export const sizeBoundsRule: SchemaRule = {
  keywords: [...LOWER, ...UPPER],
  check(old, neu, at, report) {
    for (const keyword of LOWER) compareLimit(keyword, true, old, neu, at, report);
    for (const keyword of UPPER) compareLimit(keyword, false, old, neu, at, report);
  },
};

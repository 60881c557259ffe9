/**
 * Numbers no CRD can hold. The API server reads a JSON number as a 64-bit float, and refuses one
 * beyond its range (`1e400`: "cannot unmarshal number 1e400 into Go value of type float64"); JSON
 * has no infinity or NaN at all. JavaScript reads such a literal as Infinity, which YAML would
 * print as a string and JSON as null, so wherever one is written (a tag's number or JSON, a
 * literal type, an enum member) it is refused with the same words.
 */

/** What is wrong with `written` (JavaScript's `value` for it), to follow its subject ("@default has the number ..."). */
export function outOfRangeNumberText(written: string, value: number): string {
  const what = written === String(value) ? written : `${written} (${value} in JavaScript)`;
  return Number.isNaN(value)
    ? `has the number ${what}, which JSON has no value for`
    : `has the number ${what}, beyond the largest 64-bit float (about 1.8e308), which is how Kubernetes reads numbers`;
}

/** The hint's start; callers add what else they take (", or a string"). */
export const IN_RANGE_HINT = "use a number within ±1.7976931348623157e308";

/**
 * Whether the JSON value `v` holds a number JSON cannot write (Infinity, NaN). Tags' JSON is
 * small, so a walk costs nothing next to parsing it.
 */
export function holdsNonFinite(v: unknown, depth = 0): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  if (depth > 500 || v === null || typeof v !== "object") return false;
  return Object.values(v).some((x) => holdsNonFinite(x, depth + 1));
}

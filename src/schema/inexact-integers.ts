/**
 * Integers, as written, that the CRD would not say. CRD values are JSON numbers, and crdgen reads
 * them as JavaScript numbers (doubles), which it writes back as JavaScript prints them: the
 * shortest digits that read back as the same double. Beyond 2^53 that can be another integer
 * (`9007199254740993` is written 9007199254740992; 2^60, exact in a double, is written
 * 1152921504606847000), and the API server, reading an integer exactly, would store that one.
 * Wherever such an integer is written (a tag's JSON or number, a literal type, an enum member) it is
 * refused with the same words.
 */

/** Whether the CRD would say another integer than `written` for the JavaScript number `value`. */
export function isInexact(written: bigint, value: number): boolean {
  return !Number.isFinite(value) || printedInteger(value) !== written;
}

/**
 * The integer JavaScript's printed `value` denotes: `1152921504606847000`, or `1.2e+21` (from
 * 10^21 on JavaScript prints an exponent, with digits that stay an integer). Undefined for a
 * fraction.
 */
function printedInteger(value: number): bigint | undefined {
  const printed = /^(-?\d+)(?:\.(\d+))?(?:e\+(\d+))?$/.exec(String(value));
  if (printed === null) return undefined;
  const [, whole = "", fraction = "", exponent = "0"] = printed;
  const zeros = Number(exponent) - fraction.length;
  return zeros < 0 ? undefined : BigInt(whole + fraction) * 10n ** BigInt(zeros);
}

/** What is wrong with `written`, to follow its subject ("@default has the integer ..."). */
export function inexactIntegerText(written: string, value: number): string {
  return `has the integer ${written}, which a JavaScript number does not keep: it would be written as ${value}`;
}

/** The hint's start; callers add what else they take (", or a string"). */
export const EXACT_INTEGER_HINT = "use an integer within 2^53 (9007199254740991)";

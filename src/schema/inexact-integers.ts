/**
 * Integers, as written, that a JavaScript number cannot hold. CRD values are JSON numbers, and
 * crdgen reads them as JavaScript numbers (doubles): beyond 2^53 doubles skip integers, so
 * `9007199254740993` would be written as 9007199254740992. Wherever such an integer is written
 * (a tag's JSON or number, a literal type, an enum member) it is refused with the same words.
 */

/** Whether the JavaScript number `value` is not the integer `written`. */
export function isInexact(written: bigint, value: number): boolean {
  return !Number.isFinite(value) || BigInt(value) !== written;
}

/** What is wrong with `written`, to follow its subject ("@default has the integer ..."). */
export function inexactIntegerText(written: string, value: number): string {
  return `has the integer ${written}, which no JavaScript number holds exactly: it would be written as ${value}`;
}

/** The hint's start; callers add what else they take (", or a string"). */
export const EXACT_INTEGER_HINT = "use an integer within 2^53 (9007199254740991)";

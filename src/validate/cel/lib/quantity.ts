import type { Environment } from "@marcbachmann/cel-js";

/**
 * Kubernetes resource quantities (`quantity('1Gi')`, Kubernetes 1.28+), kept exact as a
 * fraction of two bigints so that `1Gi == 1024Mi` and `0.1 + 0.2 == 0.3` hold as in Go.
 */
export class Quantity {
  constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  compare(other: Quantity): number {
    const l = this.numerator * other.denominator;
    const r = other.numerator * this.denominator;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  plus(other: Quantity, sign: 1n | -1n): Quantity {
    return normalise(
      this.numerator * other.denominator + sign * other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  toString(): string {
    return this.denominator === 1n
      ? this.numerator.toString()
      : `${Number(this.numerator) / Number(this.denominator)}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function normalise(n: bigint, d: bigint): Quantity {
  const g = gcd(n, d);
  return new Quantity(n / g, d / g);
}

const QUANTITY_SYNTAX =
  /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
export const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY_SYNTAX.exec(text);
  if (!m?.[1]) return undefined;
  const [whole = "", frac = ""] = m[1].replace(/^[+-]/, "").split(".");
  const negative = m[1].startsWith("-");
  let numerator = BigInt((whole || "0") + frac) * (negative ? -1n : 1n);
  let denominator = 10n ** BigInt(frac.length);
  const suffix = m[2] ?? "";
  const binary = BINARY[suffix];
  if (binary !== undefined) numerator *= binary;
  else {
    const exponent =
      suffix.startsWith("e") || suffix.startsWith("E") ? Number(suffix.slice(1)) : (DECIMAL[suffix] ?? 0);
    if (Math.abs(exponent) > 1000) return undefined;
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
    else denominator *= 10n ** BigInt(-exponent);
  }
  return normalise(numerator, denominator);
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function asInteger(q: Quantity): bigint | undefined {
  if (q.denominator !== 1n || q.numerator > INT64_MAX || q.numerator < INT64_MIN) return undefined;
  return q.numerator;
}

function fromInt(i: bigint): Quantity {
  return new Quantity(i, 1n);
}

export function registerQuantityLibrary(env: Environment): void {
  const Q = "kubernetes.Quantity";
  env.registerType(Q, Quantity);
  env.registerFunction(`quantity(string): ${Q}`, (s: string) => {
    const q = parseQuantity(s);
    if (!q) throw new Error(QUANTITY_ERROR);
    return q;
  });
  env.registerFunction("isQuantity(string): bool", (s: string) => parseQuantity(s) !== undefined);
  env.registerFunction(`${Q}.sign(): int`, (q: Quantity) => BigInt(q.compare(fromInt(0n))));
  env.registerFunction(`${Q}.isInteger(): bool`, (q: Quantity) => asInteger(q) !== undefined);
  env.registerFunction(`${Q}.asInteger(): int`, (q: Quantity) => {
    const i = asInteger(q);
    if (i === undefined) throw new Error("cannot convert value to integer");
    return i;
  });
  env.registerFunction(
    `${Q}.asApproximateFloat(): double`,
    (q: Quantity) => Number(q.numerator) / Number(q.denominator),
  );
  env.registerFunction(`${Q}.add(${Q}): ${Q}`, (a: Quantity, b: Quantity) => a.plus(b, 1n));
  env.registerFunction(`${Q}.add(int): ${Q}`, (a: Quantity, b: bigint) => a.plus(fromInt(b), 1n));
  env.registerFunction(`${Q}.sub(${Q}): ${Q}`, (a: Quantity, b: Quantity) => a.plus(b, -1n));
  env.registerFunction(`${Q}.sub(int): ${Q}`, (a: Quantity, b: bigint) => a.plus(fromInt(b), -1n));
  env.registerFunction(`${Q}.compareTo(${Q}): int`, (a: Quantity, b: Quantity) => BigInt(a.compare(b)));
  env.registerFunction(`${Q}.isGreaterThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.compare(b) > 0);
  env.registerFunction(`${Q}.isLessThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.compare(b) < 0);
  env.registerOperator(`${Q} == ${Q}`, (a: Quantity, b: Quantity) => a.compare(b) === 0);
}

import type { Environment } from "@marcbachmann/cel-js";

/**
 * The standard type conversions cel-go declares and the engine lacks. Without them a rule such
 * as `string(self.timeout)` on a `format: duration` field would fail to compile here while the
 * API server accepts it. Runtime behaviour follows cel-go's `ConvertToType`.
 */

/** The engine's Duration: seconds plus nanoseconds (same sign, or >= 0 after a subtraction). */
interface EngineDuration {
  readonly seconds: bigint;
  readonly nanos: number;
}

const NANOS_PER_SECOND = 1_000_000_000n;
const MAX_INT64 = 2n ** 63n - 1n;

function totalNanos(d: EngineDuration): bigint {
  return d.seconds * NANOS_PER_SECOND + BigInt(d.nanos);
}

/**
 * Go's `strconv.FormatFloat(f, 'f', -1, 64)`: the shortest digits that read back as `f`, never in
 * exponent form. JavaScript picks the same digits but writes tiny values as `1e-9`.
 */
export function formatFloatF(f: number): string {
  const text = String(f);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = "", lead = "", frac = "", exp = "0"] = m;
  const digits = lead + frac;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  return `${sign}${digits.padEnd(e + 1, "0")}`;
}

/** cel-go: `FormatFloat(d.Seconds(), 'f', -1, 64) + "s"`, with Go's truncating division. */
export function durationToString(d: EngineDuration): string {
  const nanos = totalNanos(d);
  const seconds = Number(nanos / NANOS_PER_SECOND) + Number(nanos % NANOS_PER_SECOND) / 1e9;
  return `${formatFloatF(seconds)}s`;
}

/**
 * cel-go formats with RFC3339Nano (trailing fraction zeros dropped). The engine's timestamps are
 * instants without the offset they were written with, so they print in UTC (`Z`).
 */
export function timestampToString(t: Date): string {
  return t.toISOString().replace(/\.?0*Z$/, "Z");
}

export function registerConversions(env: Environment): void {
  const D = "google.protobuf.Duration";
  const T = "google.protobuf.Timestamp";
  env.registerFunction("int(uint): int", (u: { valueOf(): bigint }) => {
    const v = u.valueOf();
    if (v > MAX_INT64) throw new Error("integer overflow");
    return v;
  });
  // Nanoseconds, and Unix seconds (Go's `Time.Unix` floors).
  env.registerFunction(`int(${D}): int`, (d: EngineDuration) => totalNanos(d));
  env.registerFunction(`int(${T}): int`, (t: Date) => BigInt(Math.floor(t.getTime() / 1000)));
  env.registerFunction(`string(${D}): string`, durationToString);
  env.registerFunction(`string(${T}): string`, timestampToString);
  env.registerFunction(`duration(${D}): ${D}`, (d: EngineDuration) => d);
  env.registerFunction(`timestamp(${T}): ${T}`, (t: Date) => t);
  // Declared (so it type-checks), but cel-go's Int has no conversion to a duration: evaluating
  // it is a conversion error.
  env.registerFunction(`duration(int): ${D}`, (): EngineDuration => {
    throw new Error(`type conversion error from 'int' to '${D}'`);
  });
}

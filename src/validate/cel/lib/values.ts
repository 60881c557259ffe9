/**
 * Ordering and equality of the engine's runtime values (bigint ints, number doubles, strings,
 * booleans, Uint8Array bytes, Date timestamps, Duration objects, arrays, plain-object maps),
 * used by the list and set libraries.
 */

function bytesCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function hasValueOf(x: unknown): x is { valueOf(): unknown } {
  return (
    typeof x === "object" &&
    x !== null &&
    Object.getPrototypeOf(x) !== Object.prototype &&
    typeof (x as { valueOf?: unknown }).valueOf === "function"
  );
}

export function celCompare(a: unknown, b: unknown): number {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return bytesCompare(a, b);
  // Timestamps and durations order by valueOf(); a map from data may carry its own `valueOf` key.
  if (hasValueOf(a) && hasValueOf(b)) {
    const x = Number(a.valueOf());
    const y = Number(b.valueOf());
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
  }
  throw new Error("no such overload");
}

/** A CEL map: a Map, or a plain record (whose own keys may shadow Object.prototype's names). */
function isMap(x: object): boolean {
  const proto = Object.getPrototypeOf(x) as unknown;
  return x instanceof Map || proto === Object.prototype || proto === null;
}

export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    return Number(a) === Number(b);
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return bytesCompare(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    if (isMap(a) && isMap(b)) {
      const bm: Map<unknown, unknown> = b instanceof Map ? b : new Map(Object.entries(b));
      const ea: Array<[unknown, unknown]> = a instanceof Map ? [...a] : Object.entries(a);
      return ea.length === bm.size && ea.every(([k, v]) => bm.has(k) && celEquals(v, bm.get(k)));
    }
    // Prototypes, not `.constructor`: a map from data may have its own `constructor` key.
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    return String(a) === String(b) && Number(a.valueOf()) === Number(b.valueOf());
  }
  return false;
}

/** Small helpers for reasoning about decoded JSON/YAML values. */

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map)
  );
}

export type JsonKind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

/** The JSON type of a value; integral numbers are "integer" (JSON has no such distinction, Go's decoder does). */
export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number" || typeof v === "bigint")
    return Number.isInteger(Number(v)) ? "integer" : "number";
  if (typeof v === "string") return "string";
  if (Array.isArray(v)) return "array";
  return "object";
}

/** Whether a value of `kind` has the schema `type` (an integer is a number too). */
export function kindFitsType(kind: JsonKind, type: string): boolean {
  return kind === type || (type === "number" && kind === "integer");
}

/** Deep equality of JSON values (Go's reflect.DeepEqual on decoded JSON). Depth-bounded. */
export function jsonEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > 500) return false;
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  // Plain loops: this compares whole schemas (identical versions are hoisted).
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      // A hole in `a` is skipped, as `every` does.
      if (i in a && !jsonEqual(a[i], b[i], depth + 1)) return false;
    }
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    // Own enumerable keys (Object.keys), counted and walked without making arrays of them.
    let count = 0;
    for (const k in a) {
      if (!Object.hasOwn(a, k)) continue;
      count++;
      if (!Object.hasOwn(b, k) || !jsonEqual(a[k], b[k], depth + 1)) return false;
    }
    return count === ownKeyCount(b);
  }
  return false;
}

function ownKeyCount(o: object): number {
  let count = 0;
  for (const k in o) if (Object.hasOwn(o, k)) count++;
  return count;
}

/**
 * `list` as JSON sends it, shallowly: a hole (`[a, , b]`, or an element removed with `delete`) or
 * an `undefined` element is null. Decoding maps over lists, and `map` skips a hole and keeps it.
 */
export function dense(list: unknown[]): unknown[] {
  return list.includes(undefined) ? Array.from(list, (x) => (x === undefined ? null : x)) : list;
}

/**
 * `v` as `JSON.stringify` sends it to the API server: what JSON has no value for (`undefined`, a
 * function, a symbol) is undefined, null in a list (as a hole is), and absent as a property;
 * Infinity and NaN are null. A bigint, on which `JSON.stringify` throws, is the integer YAML writes
 * for it. The value itself when nothing differs (depth-bounded).
 */
export function asSent(v: unknown, depth = 0): unknown {
  if (typeof v === "function" || typeof v === "symbol") return undefined;
  if (typeof v === "bigint") v = Number(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (depth > 500 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const sent = asSent(x, depth + 1) ?? null;
      if (sent !== x) out ??= v.slice(0, i);
      if (out) out.push(sent);
    }
    return out ?? v;
  }
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  let out: Record<string, unknown> | undefined;
  keys.forEach((k, i) => {
    const x = v[k];
    const sent = asSent(x, depth + 1);
    const dropped = sent === undefined;
    if ((dropped || sent !== x) && !out) {
      out = {};
      for (const earlier of keys.slice(0, i)) setOwn(out, earlier, v[earlier]);
    }
    if (out && !dropped) setOwn(out, k, sent);
  });
  return out ?? v;
}

/** A deep copy of a JSON value (depth-bounded; deeper parts are shared). */
export function jsonClone<T>(v: T, depth = 0): T {
  if (depth > 500 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => jsonClone(x, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) setOwn(out, k, jsonClone(x, depth + 1));
  return out as T;
}

/**
 * `record[key]` when `key` is the record's own property. Keys come from user data and schemas,
 * so a plain lookup of `constructor`, `valueOf` or `__proto__` would return Object.prototype's
 * members instead of "absent".
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Sets `record[key]` as an own data property. A plain assignment of `__proto__` would replace
 * the record's prototype (or be ignored) instead of storing the value.
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

import type { JSONSchemaProps } from "../../schema/types.js";
import { baseEnvironment } from "./engine.js";
import { additionalPropertiesSchema, itemsSchema, propertySchema } from "./decl-type.js";
import { CEL_RESERVED_SYMBOLS, escapeCelName } from "./escaping.js";
import type { CelVersion } from "./version.js";

/**
 * Custom-resource data as CEL sees it (Kubernetes' `UnstructuredToVal`): integers become int,
 * numbers double, `format: byte` bytes, `format: duration` durations, `format: date(-time)`
 * timestamps, object properties appear under their escaped CEL names, and fields the schema
 * does not expose are not visible.
 */

type DurationCtor = new (seconds: bigint | number, nanos?: number) => object;
let durationCtor: DurationCtor | undefined;

/** The engine's Duration class (not exported by the package, so taken from a value). */
function durationClass(version: CelVersion): DurationCtor {
  durationCtor ??= (baseEnvironment(version).evaluate('duration("1s")') as object)
    .constructor as DurationCtor;
  return durationCtor;
}

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Go's `time.ParseDuration` (what Kubernetes uses for `format: duration`), in nanoseconds. */
export function parseGoDuration(text: string): bigint | undefined {
  const m = /^([+-]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(text);
  if (!m) return undefined;
  if (m[2] === "0") return 0n;
  let total = 0n;
  for (const part of (m[2] ?? "").matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    const [whole = "0", frac = ""] = (part[1] ?? "0").split(".");
    const unit = UNIT_NANOS[part[2] ?? "s"] ?? 1n;
    total += BigInt(whole || "0") * unit;
    if (frac) total += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
  }
  return m[1] === "-" ? -total : total;
}

function toDuration(text: string, version: CelVersion): unknown {
  const nanos = parseGoDuration(text);
  if (nanos === undefined) return text;
  const Duration = durationClass(version);
  return new Duration(nanos / 1_000_000_000n, Number(nanos % 1_000_000_000n));
}

function toTimestamp(text: string): unknown {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(d.getTime()) ? text : d;
}

function toBytes(text: string): unknown {
  return Uint8Array.from(Buffer.from(text, "base64"));
}

function toNumber(value: number, integer: boolean): unknown {
  return integer && Number.isInteger(value) ? BigInt(value) : value;
}

/**
 * A CEL map or object value. The engine tells a value's type by its `constructor` property,
 * which a record's own `constructor` key would shadow, so such a record becomes a Map (which
 * the engine treats as the same map).
 */
function celRecord(entries: Array<[string, unknown]>): Record<string, unknown> | Map<string, unknown> {
  return entries.some(([k]) => k === "constructor") ? new Map(entries) : Object.fromEntries(entries);
}

/** Values under schemas CEL cannot type (preserve-unknown-fields without a type). */
function untyped(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(untyped);
  if (value && typeof value === "object") {
    return celRecord(Object.entries(value).map(([k, v]) => [k, untyped(v)]));
  }
  return value;
}

const RESOURCE_META = new Set(["apiVersion", "kind"]);

/** `metadata.name` and `metadata.generateName` are visible at every resource root. */
function resourceMetadata(value: unknown, schema: JSONSchemaProps | undefined, version: CelVersion): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const raw = value as Record<string, unknown>;
  const out = schema ? toCelValue(value, schema, false, version) : {};
  if (typeof out !== "object" || out === null || Array.isArray(out)) return out;
  for (const f of ["name", "generateName"]) {
    if (!Object.hasOwn(raw, f)) continue;
    if (out instanceof Map) {
      if (!out.has(f)) out.set(f, raw[f]);
    } else if (!Object.hasOwn(out, f)) {
      (out as Record<string, unknown>)[f] = raw[f];
    }
  }
  return out;
}

export function toCelValue(
  value: unknown,
  schema: JSONSchemaProps | undefined,
  isResourceRoot: boolean,
  version: CelVersion,
): unknown {
  if (value === null || value === undefined || !schema) return value === undefined ? null : untyped(value);
  if (schema["x-kubernetes-int-or-string"]) return typeof value === "number" ? toNumber(value, true) : value;
  switch (schema.type) {
    case "integer":
      return typeof value === "number" ? toNumber(value, true) : value;
    case "number":
      return value;
    case "string":
      if (typeof value !== "string") return value;
      if (schema.format === "byte") return toBytes(value);
      if (schema.format === "duration") return toDuration(value, version);
      if (schema.format === "date" || schema.format === "date-time") return toTimestamp(value);
      return value;
    case "array": {
      const items = itemsSchema(schema);
      if (!Array.isArray(value)) return value;
      return value.map((v) =>
        toCelValue(v, items, items?.["x-kubernetes-embedded-resource"] === true, version),
      );
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      const ap = additionalPropertiesSchema(schema);
      if (ap) {
        return celRecord(
          Object.entries(record).map(([k, v]) => [
            k,
            toCelValue(v, ap, ap["x-kubernetes-embedded-resource"] === true, version),
          ]),
        );
      }
      const fields = new Map<string, unknown>();
      const resource = isResourceRoot || schema["x-kubernetes-embedded-resource"] === true;
      for (const [k, v] of Object.entries(record)) {
        const prop = propertySchema(schema, k);
        const name = escapeCelName(k);
        if (name === undefined) continue;
        if (resource && k === "metadata") fields.set(name, resourceMetadata(v, prop, version));
        else if (prop)
          fields.set(name, toCelValue(v, prop, prop["x-kubernetes-embedded-resource"] === true, version));
        else if (resource && RESOURCE_META.has(k)) fields.set(name, v);
      }
      // 1.31+ also resolves `self.if` to the field escaped as `__if__`.
      for (const [k, v] of [...fields]) {
        const keyword = /^__(\w+)__$/.exec(k)?.[1];
        if (keyword && CEL_RESERVED_SYMBOLS.has(keyword) && !fields.has(keyword)) fields.set(keyword, v);
      }
      return celRecord([...fields]);
    }
    default:
      return untyped(value);
  }
}

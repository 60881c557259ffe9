/**
 * Semantic comparison of two CRDs as controller-gen's own integration test compares them
 * (../shared/anchors/controller-gen/README.md, "What may legitimately differ"): both sides
 * are parsed, normalised the same way, flattened into `path -> canonical JSON` leaves, and
 * diffed leaf by leaf, so a difference names the exact place it is at.
 *
 * Normalisations, and nothing else:
 * - the `controller-gen.kubebuilder.io/version` annotation is removed (the tool's version);
 * - every schema `description` is removed (wording comes from doc comments; values inside
 *   `default`/`example`/`enum` are data and are never touched);
 * - key order is irrelevant (leaves are keyed by path; object leaves use sorted keys);
 * - YAML formatting is irrelevant (both sides are parsed first);
 * - `allOf` whose members hold only size/range bounds is folded into its parent, keeping the
 *   tightest bound of each kind: that is what the conjunction means, and it is how
 *   controller-gen's allOf (type bounds, then field bounds) and crdgen's merged bounds spell
 *   the same constraint. Any other `allOf` is left alone and shows up as a difference.
 *
 * Order that carries meaning is kept: the version list order is its own leaf, and arrays
 * (`enum`, list-map keys, validation rules, defaults) compare in order. `required` is a set
 * (one leaf per name), as the README allows for a semantic comparison.
 */

/** Parsed YAML/JSON: objects, arrays and scalars, read through the guards below. */
type JsonObject = Record<string, unknown>;

export const VERSION_ANNOTATION = "controller-gen.kubebuilder.io/version";

const LOWER_BOUNDS = ["minimum", "minLength", "minItems", "minProperties"] as const;
const UPPER_BOUNDS = ["maximum", "maxLength", "maxItems", "maxProperties"] as const;
const BOUNDS = new Set<string>([...LOWER_BOUNDS, ...UPPER_BOUNDS]);

/** Schema keywords holding data, not schemas: compared whole, never normalised inside. */
const VALUE_KEYWORDS = new Set(["default", "example", "enum"]);

export interface LeafDifference {
  path: string;
  /** Canonical JSON on the expected side; absent when the path exists only in the actual CRD. */
  expected?: string;
  /** Canonical JSON on the actual side; absent when the path exists only in the expected CRD. */
  actual?: string;
}

export interface Comparison {
  /** Every leaf path present on either side. */
  paths: number;
  differences: LeafDifference[];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so key order never matters. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The tightest bound of each kind, when every allOf member holds bounds only. */
export function foldBoundsAllOf(schema: JsonObject): JsonObject {
  const members = schema.allOf;
  if (
    !Array.isArray(members) ||
    !members.every((m) => isObject(m) && Object.keys(m).every((k) => BOUNDS.has(k)))
  ) {
    return schema;
  }
  const { allOf: _folded, ...out } = schema;
  for (const member of members.filter(isObject)) {
    for (const [key, bound] of Object.entries(member)) {
      if (typeof bound !== "number") return schema;
      const current = out[key];
      const lower = (LOWER_BOUNDS as readonly string[]).includes(key);
      out[key] =
        typeof current !== "number" ? bound : lower ? Math.max(current, bound) : Math.min(current, bound);
    }
  }
  return out;
}

/** Leaves of one schema: `<prefix><property path>#<keyword>`, e.g. `v1:spec.hosts[]#minLength`. */
export function flattenSchema(schema: unknown, prefix: string, out: Map<string, string>, at = ""): void {
  if (!isObject(schema)) {
    out.set(`${prefix}${at}`, canonical(schema));
    return;
  }
  const node = foldBoundsAllOf(schema);
  if (Object.keys(node).every((k) => k === "description")) out.set(`${prefix}${at}`, "{}");
  for (const [key, value] of Object.entries(node)) {
    if (key === "description") continue;
    if (key === "properties" && isObject(value)) {
      for (const [name, child] of Object.entries(value))
        flattenSchema(child, prefix, out, at ? `${at}.${name}` : name);
    } else if (key === "items" && isObject(value)) {
      flattenSchema(value, prefix, out, `${at}[]`);
    } else if (key === "additionalProperties" && isObject(value)) {
      flattenSchema(value, prefix, out, `${at}[*]`);
    } else if ((key === "allOf" || key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
      value.forEach((branch, i) => flattenSchema(branch, prefix, out, `${at}#${key}[${i}]`));
    } else if (key === "required" && Array.isArray(value)) {
      // One leaf per name, so a field whose requiredness differs is named (the order of
      // `required` means nothing; both tools sort it anyway).
      for (const name of value) out.set(`${prefix}${at}#required[${String(name)}]`, "true");
    } else if (key === "not") {
      flattenSchema(value, prefix, out, `${at}#not`);
    } else if (Array.isArray(value) && !VALUE_KEYWORDS.has(key) && value.some(isObject)) {
      // e.g. x-kubernetes-validations: one leaf per rule, so a diff names the rule.
      value.forEach((entry, i) => out.set(`${prefix}${at}#${key}[${i}]`, canonical(entry)));
    } else {
      out.set(`${prefix}${at}#${key}`, canonical(value));
    }
  }
}

/** Leaves of a whole CRD; versions are keyed by name and their order is one leaf of its own. */
export function flattenCrd(crd: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (path === "metadata.annotations" && isObject(value)) {
      const { [VERSION_ANNOTATION]: _tool, ...rest } = value;
      // An annotations map that held only the tool's version is as good as none.
      if (Object.keys(rest).length === 0) return;
      value = rest;
    }
    if (path === "spec.versions" && Array.isArray(value)) {
      out.set("spec.versions(order)", canonical(value.map((v) => (isObject(v) ? (v.name ?? null) : null))));
      for (const version of value) {
        if (!isObject(version)) continue;
        const { schema, ...rest } = version;
        const name = String(version.name);
        walk(rest, `spec.versions[${name}]`);
        const openAPIV3Schema = isObject(schema) ? schema.openAPIV3Schema : undefined;
        if (openAPIV3Schema !== undefined) flattenSchema(openAPIV3Schema, `${name}:`, out);
      }
      return;
    }
    if (isObject(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    out.set(path, canonical(value));
  };
  walk(crd, "");
  return out;
}

/** Leaf-by-leaf differences, in the expected side's order, then the actual side's extras. */
export function diffLeaves(expected: Map<string, string>, actual: Map<string, string>): Comparison {
  const differences: LeafDifference[] = [];
  for (const [path, e] of expected) {
    const a = actual.get(path);
    if (a === undefined) differences.push({ path, expected: e });
    else if (a !== e) differences.push({ path, expected: e, actual: a });
  }
  for (const [path, a] of actual) if (!expected.has(path)) differences.push({ path, actual: a });
  const paths = new Set([...expected.keys(), ...actual.keys()]).size;
  return { paths, differences };
}

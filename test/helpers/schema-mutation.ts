/**
 * Generators for the soundness property of `crdgen diff` (test/diff/soundness.test.ts): structural
 * `spec` schemas of the kinds real CRDs use, values for a schema (mostly fitting, the oracle keeps
 * those the old CRD accepts), and single mutations of a schema (one keyword tightened, loosened,
 * added or removed at one node), each named so that a failure says what changed.
 */
import fc from "fast-check";
import type { JSONSchemaProps, JsonValue, ValidationRule } from "../../src/schema/types.js";

const PROPERTY_NAMES = ["a", "b", "c", "name"] as const;
const STRINGS = ["", "a", "b", "ab", "abc", "zz", "A", "a-b", "1.2.3.4", "2024-01-01T00:00:00Z", "abcdefgh"];
const INTEGERS = [-3, -1, 0, 1, 2, 3, 5, 8, 10, 11];
const PATTERNS = ["^[a-z]+$", "^a", "b$"];
const FORMATS = ["date-time", "ipv4", "hostname", "int32"];
const ENUM_STRINGS = ["a", "b", "ab", "zz"];

/** CEL rules a node of each type can carry without blowing the cost budget. */
const RULES: Record<string, readonly string[]> = {
  string: ["self.size() <= 2", "self != 'b'", "self.startsWith('a')", "self == oldSelf"],
  integer: ["self % 2 == 0", "self >= 1", "self == oldSelf"],
  number: ["self >= 1.0", "self == oldSelf"],
  boolean: ["self", "self == oldSelf"],
  array: ["self.size() <= 2", "self == oldSelf"],
};

function objectRules(properties: Record<string, JSONSchemaProps>): string[] {
  return Object.keys(properties).flatMap((p) => [`has(self.${p})`, `!has(self.${p})`]);
}

function rulesFor(node: JSONSchemaProps): readonly string[] {
  if (node["x-kubernetes-int-or-string"] === true) return ["self == oldSelf"];
  if (node.type === "object") {
    if (node.properties) return [...objectRules(node.properties), "self == oldSelf"];
    return ["self.size() <= 1", "self == oldSelf"];
  }
  return RULES[String(node.type)] ?? [];
}

const celRules = (node: JSONSchemaProps): fc.Arbitrary<ValidationRule[]> => {
  const texts = rulesFor(node);
  if (texts.length === 0) return fc.constant([]);
  return fc
    .uniqueArray(fc.constantFrom(...texts), { maxLength: 1 })
    .map((rs) => rs.map((rule) => ({ rule })));
};

/** Adds generated CEL rules to a node (sometimes). */
function withRules(node: fc.Arbitrary<JSONSchemaProps>): fc.Arbitrary<JSONSchemaProps> {
  return node.chain((n) =>
    fc
      .tuple(celRules(n), fc.boolean())
      .map(([rules, keep]) => (rules.length > 0 && keep ? { ...n, "x-kubernetes-validations": rules } : n)),
  );
}

const stringSchema: fc.Arbitrary<JSONSchemaProps> = fc.record(
  {
    type: fc.constant("string"),
    maxLength: fc.integer({ min: 1, max: 8 }),
    minLength: fc.integer({ min: 1, max: 2 }),
    pattern: fc.constantFrom(...PATTERNS),
    enum: fc.uniqueArray(fc.constantFrom(...ENUM_STRINGS), { minLength: 1, maxLength: 3 }),
    format: fc.constantFrom(...FORMATS),
    default: fc.constantFrom(...STRINGS),
    nullable: fc.constant(true),
  },
  { requiredKeys: ["type"] },
);

const integerSchema: fc.Arbitrary<JSONSchemaProps> = fc.record(
  {
    type: fc.constant("integer"),
    minimum: fc.integer({ min: -2, max: 2 }),
    maximum: fc.integer({ min: 3, max: 10 }),
    exclusiveMaximum: fc.constant(true),
    multipleOf: fc.constantFrom(2, 3),
    default: fc.constantFrom(...INTEGERS),
    nullable: fc.constant(true),
  },
  { requiredKeys: ["type"] },
);

const otherLeaf: fc.Arbitrary<JSONSchemaProps> = fc.oneof(
  fc.record({ type: fc.constant("boolean"), default: fc.boolean() }, { requiredKeys: ["type"] }),
  fc.record(
    { type: fc.constant("number"), maximum: fc.constantFrom(1.5, 10), default: fc.constantFrom(0.5, 2) },
    { requiredKeys: ["type"] },
  ),
  fc.constant<JSONSchemaProps>({ "x-kubernetes-int-or-string": true }),
  fc.constant<JSONSchemaProps>({ type: "object", "x-kubernetes-preserve-unknown-fields": true }),
);

const leaf: fc.Arbitrary<JSONSchemaProps> = withRules(fc.oneof(stringSchema, integerSchema, otherLeaf));

/** A list-map: objects keyed by a required `name`. */
const listMap = (item: fc.Arbitrary<JSONSchemaProps>): fc.Arbitrary<JSONSchemaProps> =>
  fc.tuple(item, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined })).map(([other, maxItems]) => ({
    type: "array",
    "x-kubernetes-list-type": "map",
    "x-kubernetes-list-map-keys": ["name"],
    ...(maxItems === undefined ? {} : { maxItems }),
    items: {
      type: "object",
      required: ["name"],
      properties: { name: { type: "string", maxLength: 5 }, a: other },
    },
  }));

export const { schema: schemaArb } = fc.letrec<{
  schema: JSONSchemaProps;
  object: JSONSchemaProps;
}>((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    tie("object"),
    // A list of scalars: atomic or a set.
    fc
      .record(
        {
          items: fc.oneof(stringSchema, integerSchema),
          listType: fc.constantFrom("atomic", "set", undefined),
          maxItems: fc.integer({ min: 1, max: 3 }),
          minItems: fc.constant(1),
        },
        { requiredKeys: ["items", "listType"] },
      )
      .map(({ items, listType, ...limits }) => {
        // A set's items must be comparable: no defaults, no nullable.
        const item = listType === "set" ? { ...items, default: undefined, nullable: undefined } : items;
        return JSON.parse(
          JSON.stringify({ type: "array", items: item, "x-kubernetes-list-type": listType, ...limits }),
        ) as JSONSchemaProps;
      })
      .chain((n) => withRules(fc.constant(n))),
    listMap(leaf),
    // A map.
    fc
      .record(
        { additionalProperties: leaf, maxProperties: fc.integer({ min: 1, max: 3 }) },
        { requiredKeys: ["additionalProperties"] },
      )
      .map((m) => ({ type: "object", ...m })),
  ),
  object: fc
    .dictionary(fc.constantFrom(...PROPERTY_NAMES), tie("schema"), { minKeys: 1, maxKeys: 3 })
    .chain((properties) =>
      withRules(
        fc.record(
          {
            type: fc.constant("object"),
            properties: fc.constant(properties),
            required: fc.subarray(Object.keys(properties), { minLength: 1 }),
            maxProperties: fc.integer({ min: 1, max: 3 }),
            nullable: fc.constant(true),
          },
          { requiredKeys: ["type", "properties"] },
        ),
      ),
    ),
}));

/** Whether `value` meets the node's own scalar limits (what a `default` must, CEL aside). */
function fitsLimits(node: JSONSchemaProps, value: JsonValue): boolean {
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return false;
  if (typeof value === "string") {
    if (node.type !== "string" && node["x-kubernetes-int-or-string"] !== true) return false;
    if (value.length > (node.maxLength ?? Infinity) || value.length < (node.minLength ?? 0)) return false;
    if (node.pattern !== undefined && !new RegExp(node.pattern).test(value)) return false;
    if (node.format === "date-time" && !/^\d{4}-\d\d-\d\dT/.test(value)) return false;
    if (node.format === "ipv4" && !/^\d+\.\d+\.\d+\.\d+$/.test(value)) return false;
    if (node.format === "hostname" && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(value)) return false;
    return true;
  }
  if (typeof value === "number") {
    if (node.minimum !== undefined && (node.exclusiveMinimum ? value <= node.minimum : value < node.minimum))
      return false;
    if (node.maximum !== undefined && (node.exclusiveMaximum ? value >= node.maximum : value > node.maximum))
      return false;
    return node.multipleOf === undefined || value % node.multipleOf === 0;
  }
  return true;
}

/** Each `default` replaced by a candidate that fits its node (or dropped), so most schemas are valid. */
function fitDefaults(node: JSONSchemaProps): JSONSchemaProps {
  const out: JSONSchemaProps = { ...node };
  if (out.default !== undefined && !fitsLimits(out, out.default)) {
    const candidates: readonly JsonValue[] = out.type === "string" ? STRINGS : INTEGERS;
    const fit = candidates.find((v) => fitsLimits(out, v));
    if (fit === undefined) delete out.default;
    else out.default = fit;
  }
  if (out.properties)
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, fitDefaults(v)]));
  if (out.items && !Array.isArray(out.items)) out.items = fitDefaults(out.items);
  if (typeof out.additionalProperties === "object")
    out.additionalProperties = fitDefaults(out.additionalProperties);
  return out;
}

/** The `spec` schema: an object with a few properties. */
export const specSchemaArb: fc.Arbitrary<JSONSchemaProps> = fc
  .dictionary(fc.constantFrom(...PROPERTY_NAMES), schemaArb, { minKeys: 1, maxKeys: 3 })
  .chain((properties) =>
    fc.record(
      {
        type: fc.constant("object"),
        properties: fc.constant(properties),
        required: fc.subarray(Object.keys(properties), { minLength: 1 }),
      },
      { requiredKeys: ["type", "properties"] },
    ),
  )
  .map(fitDefaults);

/** A value for `node`, mostly fitting it; the caller keeps those the CRD accepts. */
export function valueArb(node: JSONSchemaProps, depth = 0): fc.Arbitrary<JsonValue> {
  const fits = fitting(node, depth);
  // A null where null is not allowed is dropped (or defaulted) by the API server, without a warning.
  return fc.oneof({ weight: node.nullable === true ? 6 : 12, arbitrary: fits }, fc.constant(null));
}

function fitting(node: JSONSchemaProps, depth: number): fc.Arbitrary<JsonValue> {
  if (node["x-kubernetes-int-or-string"] === true)
    return fc.oneof(fc.constantFrom(...INTEGERS), fc.constantFrom(...STRINGS));
  if (Array.isArray(node.enum) && node.enum.length > 0) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case "string":
      return fc.constantFrom(...STRINGS);
    case "integer":
      return fc.constantFrom(...INTEGERS);
    case "number":
      return fc.constantFrom(0.5, 1, 2.5, 12);
    case "boolean":
      return fc.boolean();
    case "array":
      return node.items && !Array.isArray(node.items) && depth < 6
        ? fc.array(valueArb(node.items, depth + 1), { maxLength: 3 })
        : fc.constant([]);
    case "object":
      return objectValue(node, depth);
    default:
      return fc.constant(null);
  }
}

function objectValue(node: JSONSchemaProps, depth: number): fc.Arbitrary<JsonValue> {
  if (depth >= 6) return fc.constant({});
  const model: Record<string, fc.Arbitrary<JsonValue>> = {};
  for (const [name, child] of Object.entries(node.properties ?? {})) model[name] = valueArb(child, depth + 1);
  // Optional keys are left out, never set to undefined, so the record is JSON as it is.
  const known = fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, JsonValue>>;
  const ap = node.additionalProperties;
  const extraValue =
    typeof ap === "object"
      ? valueArb(ap, depth + 1)
      : node["x-kubernetes-preserve-unknown-fields"] === true
        ? fc.oneof(fc.constantFrom(...STRINGS), fc.constantFrom(...INTEGERS))
        : undefined;
  // Unknown keys only where they are kept: one the API server prunes comes with a warning, and
  // a request that gets warnings is not one the old CRD accepts as it is.
  if (extraValue === undefined) return known;
  const extra = fc.dictionary(fc.constantFrom("k", "x", "name", "a"), extraValue, { maxKeys: 3 });
  return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k }));
}

/** One mutation of a schema: what it does, and where (a path of keys from the spec schema). */
export interface Mutation {
  label: string;
  path: string[];
  apply: (node: JSONSchemaProps) => void;
  /** Whether it admits every value the schema admitted, and reads each the same (README: not breaking). */
  loosens: boolean;
}

/** The edits that only let more through: a limit removed or widened, an enum value added... */
const LOOSENING =
  /^(?:(?:maxLength|minLength|minimum|maximum|multipleOf|maxItems|minItems|maxProperties|minProperties|pattern|format|enum) removed|.* \(loosened\)|enum value \S+ added|\S+ no longer required|description changed|rule .* (?:removed|message changed))$/;

const DEFAULTS: Record<string, readonly JsonValue[]> = {
  string: ["a", "zz"],
  integer: [0, 4],
  number: [1.5],
  boolean: [true],
  object: [{}],
  array: [[]],
};

const TYPES: readonly JSONSchemaProps[] = [
  { type: "string" },
  { type: "integer" },
  { type: "number" },
  { type: "boolean" },
  { "x-kubernetes-int-or-string": true },
  { type: "object", "x-kubernetes-preserve-unknown-fields": true },
];

type Edit = [label: string, apply: (node: JSONSchemaProps) => void];

/** Sets (or, with `undefined`, deletes) a keyword. */
function set<K extends keyof JSONSchemaProps>(key: K, value: JSONSchemaProps[K] | undefined): Edit[1] {
  return (n) => {
    if (value === undefined) delete n[key];
    else n[key] = value;
  };
}

/** Whether a limit moved from `from` to `to` admits every value it did. */
function widens(key: keyof JSONSchemaProps, from: number, to: number): boolean {
  if (key === "multipleOf") return from % to === 0;
  return key.startsWith("max") ? to > from : to < from;
}

function boundEdits(node: JSONSchemaProps, key: keyof JSONSchemaProps, values: number[]): Edit[] {
  const current = node[key];
  const edits: Edit[] = values
    .filter((v) => v !== current)
    .map((v) => [
      `${String(key)} ${typeof current === "number" ? `${current} → ${v}${widens(key, current, v) ? " (loosened)" : ""}` : `set to ${v}`}`,
      set(key, v),
    ]);
  if (current !== undefined) edits.push([`${String(key)} removed`, set(key, undefined)]);
  return edits;
}

function stringEdits(node: JSONSchemaProps): Edit[] {
  const edits: Edit[] = [
    ...boundEdits(node, "maxLength", [1, 2, 5]),
    ...boundEdits(node, "minLength", [1, 2]),
  ];
  for (const p of PATTERNS) if (node.pattern !== p) edits.push([`pattern → ${p}`, set("pattern", p)]);
  if (node.pattern !== undefined) edits.push(["pattern removed", set("pattern", undefined)]);
  for (const f of FORMATS) if (node.format !== f) edits.push([`format → ${f}`, set("format", f)]);
  if (node.format !== undefined) edits.push(["format removed", set("format", undefined)]);
  return [...edits, ...enumEdits(node, ENUM_STRINGS)];
}

function enumEdits(node: JSONSchemaProps, pool: readonly JsonValue[]): Edit[] {
  const current = node.enum;
  if (current === undefined) return [["enum added [a, b]", set("enum", pool.slice(0, 2))]];
  const edits: Edit[] = [["enum removed", set("enum", undefined)]];
  for (const v of pool) {
    if (!current.includes(v))
      edits.push([`enum value ${JSON.stringify(v)} added`, set("enum", [...current, v])]);
  }
  for (const v of current) {
    if (current.length > 1)
      edits.push([
        `enum value ${JSON.stringify(v)} removed`,
        set(
          "enum",
          current.filter((x) => x !== v),
        ),
      ]);
  }
  return edits;
}

function numberEdits(node: JSONSchemaProps): Edit[] {
  const edits = [
    ...boundEdits(node, "minimum", [-1, 0, 1]),
    ...boundEdits(node, "maximum", [3, 5, 10]),
    ...boundEdits(node, "multipleOf", [2, 3]),
  ];
  for (const key of ["exclusiveMinimum", "exclusiveMaximum"] as const) {
    const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
    if (node[bound] !== undefined)
      edits.push([`${key} toggled`, set(key, node[key] === true ? undefined : true)]);
  }
  if (node.type === "integer") edits.push(...enumEdits(node, [1, 3]));
  return edits;
}

function objectEdits(node: JSONSchemaProps): Edit[] {
  const properties = node.properties ?? {};
  const names = Object.keys(properties);
  const required = node.required ?? [];
  const edits: Edit[] = [
    ...boundEdits(node, "maxProperties", [1, 2]),
    ...boundEdits(node, "minProperties", [1]),
  ];
  const free = PROPERTY_NAMES.find((n) => !Object.hasOwn(properties, n));
  if (free !== undefined && (node.properties || node["x-kubernetes-preserve-unknown-fields"] === true)) {
    edits.push([
      `optional property ${free} added`,
      (n) => (n.properties = { ...n.properties, [free]: { type: "string" } }),
    ]);
    edits.push([
      `required property ${free} added`,
      (n) => {
        n.properties = { ...n.properties, [free]: { type: "string" } };
        n.required = [...(n.required ?? []), free];
      },
    ]);
    edits.push([
      `required property ${free} with a default added`,
      (n) => {
        n.properties = { ...n.properties, [free]: { type: "string", default: "zz" } };
        n.required = [...(n.required ?? []), free];
      },
    ]);
  }
  for (const name of names) {
    const withoutName = (n: JSONSchemaProps): void => {
      const { [name]: gone, ...rest } = n.properties ?? {};
      void gone;
      n.properties = rest;
      if (n.required) n.required = n.required.filter((r) => r !== name);
      if (n.required?.length === 0) delete n.required;
    };
    edits.push([`property ${name} removed`, withoutName]);
    if (free !== undefined)
      edits.push([
        `property ${name} renamed ${free}`,
        (n) => {
          const moved = (n.properties ?? {})[name] as JSONSchemaProps;
          withoutName(n);
          n.properties = { ...n.properties, [free]: moved };
        },
      ]);
    if (required.includes(name))
      edits.push([`${name} no longer required`, (n) => (n.required = required.filter((r) => r !== name))]);
    else edits.push([`${name} now required`, (n) => (n.required = [...required, name])]);
  }
  if (node.additionalProperties !== undefined) {
    edits.push(["additionalProperties removed", set("additionalProperties", undefined)]);
  }
  return edits;
}

function arrayEdits(node: JSONSchemaProps): Edit[] {
  const edits = [...boundEdits(node, "maxItems", [1, 2]), ...boundEdits(node, "minItems", [1])];
  const listType = node["x-kubernetes-list-type"] ?? "atomic";
  for (const t of ["atomic", "set"] as const) {
    if (t !== listType)
      edits.push([
        `list type ${listType} → ${t}`,
        (n) => {
          n["x-kubernetes-list-type"] = t;
          delete n["x-kubernetes-list-map-keys"];
        },
      ]);
  }
  return edits;
}

function commonEdits(node: JSONSchemaProps): Edit[] {
  const edits: Edit[] = [
    [
      `nullable ${node.nullable === true ? "removed" : "added"}`,
      set("nullable", node.nullable === true ? undefined : true),
    ],
    ["description changed", set("description", `${node.description ?? ""}changed`)],
  ];
  const shape = node["x-kubernetes-int-or-string"] === true ? "int-or-string" : String(node.type);
  for (const t of TYPES) {
    const target = t["x-kubernetes-int-or-string"] === true ? "int-or-string" : String(t.type);
    if (target === shape || node.properties || node.items || node.additionalProperties) continue;
    edits.push([
      `type ${shape} → ${target}`,
      (n) => {
        for (const k of Object.keys(n)) delete n[k as keyof JSONSchemaProps];
        Object.assign(n, structuredClone(t));
      },
    ]);
  }
  if (node.default !== undefined) edits.push(["default removed", set("default", undefined)]);
  for (const d of DEFAULTS[String(node.type)] ?? []) {
    if (JSON.stringify(d) !== JSON.stringify(node.default))
      edits.push([
        `default ${node.default === undefined ? "added" : "changed to"} ${JSON.stringify(d)}`,
        set("default", d),
      ]);
  }
  const rules = node["x-kubernetes-validations"] ?? [];
  for (const text of rulesFor(node)) {
    if (!rules.some((r) => r.rule === text))
      edits.push([`rule ${text} added`, (n) => (n["x-kubernetes-validations"] = [...rules, { rule: text }])]);
  }
  rules.forEach((r, i) => {
    edits.push([
      `rule ${r.rule} removed`,
      (n) => (n["x-kubernetes-validations"] = rules.filter((_, j) => j !== i)),
    ]);
    edits.push([
      `rule ${r.rule} message changed`,
      (n) =>
        (n["x-kubernetes-validations"] = rules.map((x, j) => (j === i ? { ...x, message: "changed" } : x))),
    ]);
  });
  if (node.type === "object" && !node.additionalProperties) {
    const kept = node["x-kubernetes-preserve-unknown-fields"] === true;
    if (node.properties)
      edits.push([
        `x-kubernetes-preserve-unknown-fields ${kept ? "removed" : "added"}`,
        set("x-kubernetes-preserve-unknown-fields", kept ? undefined : true),
      ]);
  }
  return edits;
}

/** Every node of a schema with its key path: properties, items, additionalProperties. */
export function nodesOf(node: JSONSchemaProps, path: string[] = []): [string[], JSONSchemaProps][] {
  const out: [string[], JSONSchemaProps][] = [[path, node]];
  for (const [name, child] of Object.entries(node.properties ?? {}))
    out.push(...nodesOf(child, [...path, "properties", name]));
  if (node.items && !Array.isArray(node.items)) out.push(...nodesOf(node.items, [...path, "items"]));
  if (typeof node.additionalProperties === "object")
    out.push(...nodesOf(node.additionalProperties, [...path, "additionalProperties"]));
  return out;
}

/** Every single mutation of `schema`, in a fixed order. */
export function mutationsOf(schema: JSONSchemaProps): Mutation[] {
  return nodesOf(schema).flatMap(([path, node]) => {
    const edits = [...commonEdits(node)];
    if (node.type === "string") edits.push(...stringEdits(node));
    if (node.type === "integer" || node.type === "number") edits.push(...numberEdits(node));
    if (node.type === "object") edits.push(...objectEdits(node));
    if (node.type === "array") edits.push(...arrayEdits(node));
    return edits.map(([label, apply]) => ({
      label: `${path.join(".") || "spec"}: ${label}`,
      path,
      apply,
      loosens: LOOSENING.test(label),
    }));
  });
}

/** `schema` with `mutation` applied (a copy). */
export function applyMutation(schema: JSONSchemaProps, mutation: Mutation): JSONSchemaProps {
  const copy = structuredClone(schema);
  let node: JSONSchemaProps = copy;
  for (const key of mutation.path) node = (node as Record<string, unknown>)[key] as JSONSchemaProps;
  mutation.apply(node);
  return copy;
}

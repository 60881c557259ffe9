/** Strict decoding of a v1 `JSONSchemaProps` value (see decoder.ts for the rules). */
import type { JSONSchemaProps, JsonValue, ValidationRule } from "../../schema/types.js";
import { asSent, dense, isPlainObject, setOwn } from "../json.js";
import { PathStack } from "../path-stack.js";
import { FEATURE_FIELDS, nodeFeatures, noteSchemaFeatures } from "../schema-has.js";
import { hasChildSchemas } from "../memo.js";
import { Decoder, MAX_DEPTH, type At } from "./decoder.js";

const RULE_FIELDS = new Set([
  "rule",
  "message",
  "messageExpression",
  "reason",
  "fieldPath",
  "optionalOldSelf",
]);
const EXTERNAL_DOCS_FIELDS = new Set(["description", "url"]);

/** One decodeSchema call. */
interface Run {
  readonly dec: Decoder;
  /** The path of the node being decoded. */
  readonly path: PathStack;
  /** Whether plain objects inherit a field (see decodeSchema). */
  readonly plainInherits: boolean;
  /** What the nodes decoded so far have (schema-has.ts). */
  features: number;
}

/** One node being decoded: the input object, the output node and how deep it is. */
interface Node {
  readonly run: Run;
  readonly obj: Record<string, unknown>;
  readonly out: Record<string, unknown>;
  readonly depth: number;
}

/** Decodes some fields of a node. */
type FieldsDecoder = (node: Node, fields: readonly string[]) => void;

/** Decodes fields holding one kind of scalar, with the decoder's reader for that kind. */
function scalars(kind: "string" | "bool" | "int" | "number"): FieldsDecoder {
  return ({ run: { dec, path }, obj, out }, fields) => {
    for (const f of fields) {
      const v = dec[kind](obj, f, path);
      if (v !== undefined) out[f] = v;
    }
  };
}
const strings = scalars("string");
const bools = scalars("bool");
const ints = scalars("int");
const numbers = scalars("number");
/** default/example: any JSON; a JSON null leaves the pointer nil. */
const anyJson: FieldsDecoder = ({ obj, out }, fields) => {
  const f = fields[0]!;
  const v = asSent(obj[f]);
  if (v !== undefined && v !== null) out[f] = v as JsonValue;
};
const enumValues: FieldsDecoder = ({ run: { dec, path }, obj, out }) => {
  const en = dec.array(obj, "enum", path, "[]v1.JSON");
  if (en) out["enum"] = kept(en, en.map((e) => asSent(e) ?? null) as JsonValue[]);
};
const stringList: FieldsDecoder = ({ run: { dec, path }, obj, out }, fields) => {
  const f = fields[0]!;
  const list = dec.stringArray(obj, f, path);
  if (list) out[f] = kept(obj[f] as unknown[], list);
};
const items: FieldsDecoder = (node) => {
  const { run, obj, out, depth } = node;
  const { dec, path } = run;
  const v = obj["items"];
  if (v === undefined || v === null) return;
  path.child("items");
  if (Array.isArray(v)) {
    const decoded = dense(v).map((x, i) => {
      path.index(i);
      const item = decodeNode(x, run, depth + 1) ?? {};
      path.pop();
      return item;
    });
    out["items"] = kept(v, decoded);
  } else if (isPlainObject(v)) {
    out["items"] = decodeNode(v, run, depth + 1) ?? {};
  } else {
    dec.typeError(path, v, "v1.JSONSchemaPropsOrArray");
  }
  path.pop();
};
const schemaList: FieldsDecoder = ({ run, obj, out, depth }, fields) => {
  const { dec, path } = run;
  const f = fields[0]!;
  const arr = dec.array(obj, f, path, "[]v1.JSONSchemaProps");
  if (!arr) return;
  path.child(f);
  const decoded = arr.map((x, i) => {
    path.index(i);
    const item = decodeNode(x, run, depth + 1) ?? {};
    path.pop();
    return item;
  });
  out[f] = kept(arr, decoded);
  path.pop();
};
const not: FieldsDecoder = ({ run, obj, out, depth }) => {
  const path = run.path;
  const v = obj["not"];
  if (v === undefined || v === null) return;
  path.child("not");
  const decoded = decodeNode(v, run, depth + 1);
  path.pop();
  if (decoded) out["not"] = decoded;
};
const schemaMap: FieldsDecoder = ({ run, obj, out, depth }, fields) => {
  const { dec, path } = run;
  const f = fields[0]!;
  const v = obj[f];
  if (v === undefined || v === null) return;
  path.child(f);
  if (!isPlainObject(v)) dec.typeError(path, v, "map[string]v1.JSONSchemaProps");
  else {
    const map: Record<string, unknown> = {};
    let count = 0;
    let same = true;
    for (const k in v) {
      path.key(k);
      // setOwn, not `=`: a property may be named `__proto__`.
      const decoded = decodeNode(v[k], run, depth + 1) ?? {};
      setOwn(map, k, decoded);
      path.pop();
      count++;
      if (decoded !== v[k] || !Object.hasOwn(v, k)) same = false;
    }
    out[f] = same && isPlainJson(v, count, false) ? v : map;
  }
  path.pop();
};
const schemaOrBool: FieldsDecoder = ({ run, obj, out, depth }, fields) => {
  const { dec, path } = run;
  const f = fields[0]!;
  const v = obj[f];
  if (v === undefined || v === null) return;
  if (typeof v === "boolean") {
    out[f] = v;
    return;
  }
  path.child(f);
  if (isPlainObject(v)) out[f] = decodeNode(v, run, depth + 1) ?? {};
  else dec.typeError(path, v, "v1.JSONSchemaPropsOrBool");
  path.pop();
};
const dependencies: FieldsDecoder = ({ run, obj, out, depth }) => {
  const { dec, path } = run;
  const deps = obj["dependencies"];
  if (deps === undefined || deps === null) return;
  path.child("dependencies");
  if (!isPlainObject(deps)) dec.typeError(path, deps, "v1.JSONSchemaDependencies");
  else {
    out["dependencies"] = Object.fromEntries(
      Object.entries(deps).map(([k, v]) => {
        if (Array.isArray(v)) return [k, dense(v).map((x) => (typeof x === "string" ? x : ""))];
        path.key(k);
        const decoded = decodeNode(v, run, depth + 1) ?? {};
        path.pop();
        return [k, decoded];
      }),
    );
  }
  path.pop();
};
const externalDocs: FieldsDecoder = ({ run: { dec, path }, obj, out }) => {
  const v = obj["externalDocs"];
  if (v === undefined || v === null) return;
  path.child("externalDocs");
  const docs = dec.object(v, path, "v1.ExternalDocumentation", EXTERNAL_DOCS_FIELDS);
  if (docs) {
    const decoded: { description?: string; url?: string } = {};
    const d = dec.string(docs, "description", path);
    const u = dec.string(docs, "url", path);
    if (d !== undefined) decoded.description = d;
    if (u !== undefined) decoded.url = u;
    out["externalDocs"] = decoded;
  }
  path.pop();
};
const validations: FieldsDecoder = ({ run: { dec, path }, obj, out }) => {
  const rules = dec.array(obj, "x-kubernetes-validations", path, "v1.ValidationRules");
  if (!rules) return;
  path.child("x-kubernetes-validations");
  out["x-kubernetes-validations"] = rules.map((r, i) => {
    path.index(i);
    const rule = decodeRule(r, path, dec);
    path.pop();
    return rule;
  });
  path.pop();
};

/**
 * The fields of JSONSchemaProps in the order they are decoded (and so in which their errors
 * are reported), in groups that are decoded together. A node is decoded by looking at its
 * own keys once, then running only the groups it has a field of: schemas have a hundred
 * thousand nodes that set a few of these forty-five fields each.
 */
const GROUPS: ReadonlyArray<{ fields: readonly string[]; decode: FieldsDecoder }> = [
  { fields: ["id", "$schema", "$ref"], decode: strings },
  { fields: ["description"], decode: strings },
  { fields: ["type"], decode: strings },
  { fields: ["format"], decode: strings },
  { fields: ["title"], decode: strings },
  { fields: ["pattern"], decode: strings },
  { fields: ["x-kubernetes-list-type", "x-kubernetes-map-type"], decode: strings },
  {
    fields: [
      "exclusiveMaximum",
      "exclusiveMinimum",
      "uniqueItems",
      "nullable",
      "x-kubernetes-preserve-unknown-fields",
      "x-kubernetes-embedded-resource",
      "x-kubernetes-int-or-string",
    ],
    decode: bools,
  },
  {
    fields: ["maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"],
    decode: ints,
  },
  { fields: ["maximum", "minimum", "multipleOf"], decode: numbers },
  { fields: ["default"], decode: anyJson },
  { fields: ["example"], decode: anyJson },
  { fields: ["enum"], decode: enumValues },
  { fields: ["required"], decode: stringList },
  { fields: ["x-kubernetes-list-map-keys"], decode: stringList },
  { fields: ["items"], decode: items },
  { fields: ["allOf"], decode: schemaList },
  { fields: ["oneOf"], decode: schemaList },
  { fields: ["anyOf"], decode: schemaList },
  { fields: ["not"], decode: not },
  { fields: ["properties"], decode: schemaMap },
  { fields: ["patternProperties"], decode: schemaMap },
  { fields: ["definitions"], decode: schemaMap },
  { fields: ["additionalProperties"], decode: schemaOrBool },
  { fields: ["additionalItems"], decode: schemaOrBool },
  { fields: ["dependencies"], decode: dependencies },
  { fields: ["externalDocs"], decode: externalDocs },
  { fields: ["x-kubernetes-validations"], decode: validations },
];

/** Each known field's group, as a bit. */
const GROUP_BIT = new Map<string, number>(
  GROUPS.flatMap((g, i) => g.fields.map((f) => [f, 1 << i] as const)),
);
const ALL_GROUPS = (1 << GROUPS.length) - 1;
const FIELD_NAMES = [...GROUP_BIT.keys()];
/** The groups of the fields that nodeFeatures looks at. */
const FEATURE_GROUPS = FEATURE_FIELDS.reduce((bits, f) => bits | GROUP_BIT.get(f)!, 0);

function groupsDecodedBy(decode: FieldsDecoder): number {
  return GROUPS.reduce((bits, g, i) => (g.decode === decode ? bits | (1 << i) : bits), 0);
}

/** The groups of each scalar kind, and all other groups. */
const SCALAR_KINDS = [strings, bools, ints, numbers].map(groupsDecodedBy);
const NON_SCALAR_GROUPS = SCALAR_KINDS.reduce((rest, kind) => rest & ~kind, ALL_GROUPS);

/**
 * Whether `obj` is an object as parsed JSON or YAML makes them: a plain object whose own
 * enumerable keys are all it has (no non-enumerable own properties, nothing inherited from a
 * changed Object.prototype, see decodeSchema).
 */
function isPlainJson(obj: object, keyCount: number, plainInherits: boolean): boolean {
  return (
    Object.getPrototypeOf(obj) === Object.prototype &&
    !plainInherits &&
    Object.getOwnPropertyNames(obj).length === keyCount
  );
}

/**
 * Whether decoding left the node as it was: every key of `obj` was decoded to the very same
 * value (nested nodes, lists and maps included, see `kept`). Most nodes of a valid schema
 * are, and then the node itself is the decoded one: a copy would cost time and memory, and
 * nothing changes a decoded schema.
 */
function unchanged(obj: Record<string, unknown>, out: Record<string, unknown>): boolean {
  // Only called for plain JSON objects, whose keys are all own and enumerable.
  for (const k in obj) {
    const v = obj[k];
    if (v === undefined || out[k] !== v) return false;
  }
  return true;
}

/** `input` if `decoded`, its element-by-element decoding, has the very same elements; else `decoded`. */
function kept<T>(input: readonly unknown[], decoded: T[]): T[] {
  if (Object.getPrototypeOf(input) !== Array.prototype || input.length !== decoded.length) return decoded;
  for (let i = 0; i < input.length; i++) if (input[i] !== decoded[i]) return decoded;
  return input as T[];
}

/**
 * The groups decoded for an object that may have fields besides its own enumerable keys. The
 * decoder reads fields by lookup, so they count, exactly as they always did: a scalar kind
 * (strings, bools, ints, numbers) is decoded when the object has an own key of that kind,
 * every field of it; every other field is decoded wherever it comes from.
 */
function lookedUpGroups(ownKeyGroups: number): number {
  let groups = NON_SCALAR_GROUPS;
  for (const kind of SCALAR_KINDS) if (ownKeyGroups & kind) groups |= kind;
  return groups;
}

/**
 * Decodes one schema; returns undefined for null/absent or mistyped input. What its nodes have
 * (defaults, extensions, rules) is noted for schema-has.ts on the way.
 */
export function decodeSchema(value: unknown, path: string, dec: Decoder): JSONSchemaProps | undefined {
  // Plain objects inherit a field only from a changed Object.prototype.
  const plainInherits = FIELD_NAMES.some((f) => f in Object.prototype);
  const run: Run = { dec, path: new PathStack(path), plainInherits, features: 0 };
  const schema = decodeNode(value, run, 0);
  if (schema) noteSchemaFeatures(schema, run.features);
  return schema;
}

/**
 * One node and its subtree. With a session's memo, a subtree an earlier run decoded to itself
 * without an error, at this depth or deeper, is taken as it is (see validate/memo.ts); the root
 * is always decoded, as it is always a new node.
 */
function decodeNode(value: unknown, run: Run, depth: number): JSONSchemaProps | undefined {
  const memo = run.dec.memo;
  // Plain objects inheriting a field decode to copies: nothing of the walk is kept then.
  if (memo === undefined || depth === 0 || run.plainInherits || !hasChildSchemas(value))
    return decodeFresh(value, run, depth);
  const seen = memo.get(value);
  if (seen !== undefined && depth <= seen.depth) {
    run.features |= seen.features;
    return value as JSONSchemaProps;
  }
  const errors = run.dec.errors.length;
  const outer = run.features;
  run.features = 0;
  const schema = decodeFresh(value, run, depth);
  const features = run.features;
  run.features = outer | features;
  if (schema === value && run.dec.errors.length === errors) memo.set(value, { depth, features });
  return schema;
}

function decodeFresh(value: unknown, run: Run, depth: number): JSONSchemaProps | undefined {
  const { dec, path } = run;
  if (depth > MAX_DEPTH) {
    dec.tooDeep(path);
    return undefined;
  }
  const obj = dec.object(value, path, "v1.JSONSchemaProps");
  if (!obj) return undefined;
  let groups = 0;
  let keyCount = 0;
  // The own enumerable keys, in Object.keys order, without making an array of them.
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) continue;
    keyCount++;
    const bit = GROUP_BIT.get(k);
    if (bit === undefined) dec.unknownField(path, k, FIELD_NAMES);
    else groups |= bit;
  }
  const plain = isPlainJson(obj, keyCount, run.plainInherits);
  if (!plain) groups = lookedUpGroups(groups);
  const out: Record<string, unknown> = {};
  const node: Node = { run, obj, out, depth };
  const present = groups;
  for (let i = 0; groups !== 0; i++, groups >>>= 1) {
    if (groups & 1) GROUPS[i]!.decode(node, GROUPS[i]!.fields);
  }
  // The root is always a new node: it is what schema-has.ts notes features of.
  const schema = (depth > 0 && plain && unchanged(obj, out) ? obj : out) as JSONSchemaProps;
  if (present & FEATURE_GROUPS) run.features |= nodeFeatures(schema);
  return schema;
}

function decodeRule(value: unknown, path: At, dec: Decoder): ValidationRule {
  const rule: ValidationRule = { rule: "" };
  const obj = dec.object(value, path, "v1.ValidationRule", RULE_FIELDS);
  if (!obj) return rule;
  rule.rule = dec.string(obj, "rule", path) ?? "";
  const message = dec.string(obj, "message", path);
  if (message !== undefined) rule.message = message;
  const messageExpression = dec.string(obj, "messageExpression", path);
  if (messageExpression !== undefined) rule.messageExpression = messageExpression;
  const reason = dec.string(obj, "reason", path);
  if (reason !== undefined) rule.reason = reason;
  const fieldPath = dec.string(obj, "fieldPath", path);
  if (fieldPath !== undefined) rule.fieldPath = fieldPath;
  const optionalOldSelf = dec.bool(obj, "optionalOldSelf", path);
  if (optionalOldSelf !== undefined) rule.optionalOldSelf = optionalOldSelf;
  return rule;
}

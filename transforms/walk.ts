/**
 * The one schema walk every transform uses: rebuilds a tree bottom-up, handing each node
 * (with its children already rewritten) to a function that returns its replacement, or the
 * node itself when nothing changes. Never mutates its input, so transforms stay pure; a
 * rewrite must not mutate the node it is given either (it may be shared with the input).
 */
import type { DraftSchema } from "../src/emit/draft.js";
import { hasTypeMisfit } from "../src/schema/type-misfit.js";
import { exampleMisfit } from "../src/schema/example-fit.js";
import { KUBERNETES_FORMATS } from "../src/schema/formats.js";
import type { ValidationRule } from "../src/schema/types.js";
import { oneOfGroup } from "../src/tags/one-of.js";

/** A readable path to a node, e.g. `spec.containers[].ports`. */
export type SchemaPath = string;

export type NodeRewrite = (node: DraftSchema, path: SchemaPath) => DraftSchema;

/**
 * A rewrite's results on subtrees of earlier runs (watch mode): a subtree met again, as the
 * same object at the same path, is not walked again. Rewrites are pure functions of the node
 * and its path, so the result is the same; a subtree whose walk reported a diagnostic is not
 * remembered, so the diagnostic is reported again.
 */
export interface WalkMemo {
  /** By input node: its result at one path, or at each path it was met (a type used twice). */
  readonly results: WeakMap<DraftSchema, MemoEntry>;
  /** Diagnostics reported so far (by any transform). */
  reported(): number;
}

const BRANCHES = ["allOf", "anyOf", "oneOf"] as const;

/**
 * What a node can give a rewrite to act on. A rewrite that says which of these it acts on is
 * never handed a subtree that has none of them (it would return every node of it unchanged),
 * so the steps walk only the parts of a large schema that concern them.
 */
export const Feature = {
  anyOf: 1,
  /** `enum` listing null. */
  nullEnum: 2,
  /** `type: "null"`. */
  nullType: 4,
  intOrString: 8,
  immutable: 16,
  uniqueItems: 32,
  /**
   * `additionalProperties` as Kubernetes does not take it: `true`, or any beside named properties or
   * on an embedded resource, or on an object that preserves unknown fields, where an anything-map
   * is redundant (see additional-properties-cleanup). A map (additionalProperties alone) has
   * nothing to clean.
   */
  strayAdditionalProperties: 64,
  /** Keywords structural schemas forbid (see unsupported-keywords), or tuple `items`. */
  forbidden: 128,
  /** A `format` Kubernetes does not know; the usual ones (int32, date-time...) need no step. */
  unknownFormat: 256,
  description: 512,
  /**
   * A keyword its node's `type` makes meaningless (`maxLength` on an array: see kinded-keywords,
   * `properties` on a string), or an example of another kind of value (see example-fit).
   */
  misfitKeyword: 1024,
  /** A CEL rule made by a one-of tag (`@exactlyOneOf a,b`), whose names one-of-fields checks. */
  oneOfRule: 2048,
} as const;

/** Features of subtrees already looked at, by node (per run, or kept by a watch session). */
export interface FeatureCache {
  get(node: DraftSchema): number | undefined;
  set(node: DraftSchema, features: number): unknown;
}

let skipping = true;

/** Runs `fn` with every subtree walked: for tests that check skipping never changes a result. */
export function withoutSkipping<T>(fn: () => T): T {
  skipping = false;
  try {
    return fn();
  } finally {
    skipping = true;
  }
}

/**
 * The features of a node and everything below it (computed once per node object). One pass over
 * the node's own keys: nodes come in many shapes, so reading a fixed list of keywords from each
 * costs a slow property lookup per keyword, and most of them are absent.
 */
export function featuresOf(node: DraftSchema, cache: FeatureCache): number {
  let f = cache.get(node);
  if (f !== undefined) return f;
  f = scan(node, cache);
  cache.set(node, f);
  return f;
}

/** The features of a node's own keywords, leaving its children out (see emit/direct.ts). */
export function ownFeatures(node: DraftSchema): number {
  return scan(node, undefined);
}

/** A node's features, with its children's when `cache` is given. */
function scan(node: DraftSchema, cache: FeatureCache | undefined): number {
  let f = 0;
  /** Named properties, or an embedded resource's implicit ones. */
  let named = false;
  let props = false;
  let extra = false;
  let preserved = false;
  /** The kinds of value (kindBit) the node's kinded keywords constrain, and its type's kind. */
  let kinded = 0;
  let example = false;
  /** Item, value or literal schemas, which a `type` set by a tag can rule out (type-misfit.ts). */
  let typed = false;
  let typeKind = -1;
  const n = node as Record<string, unknown>;
  for (const key in n) {
    const value = n[key];
    if (value === undefined) continue;
    switch (key) {
      case "properties":
        if (value)
          for (const name in value) {
            props = true;
            if (!cache) break;
            f |= featuresOf((value as Record<string, DraftSchema>)[name]!, cache);
          }
        break;
      case "items":
        if (Array.isArray(value)) f |= Feature.forbidden;
        else if (value) {
          typed = true;
          if (cache) f |= featuresOf(value as DraftSchema, cache);
        }
        break;
      case "additionalProperties":
        extra = true;
        if (value === true) f |= Feature.strayAdditionalProperties;
        else if (value && typeof value === "object") {
          typed = true;
          if (cache) f |= featuresOf(value as DraftSchema, cache);
        }
        break;
      case "anyOf":
        f |= Feature.anyOf | (cache ? branchFeatures(value as DraftSchema[], cache) : 0);
        break;
      case "allOf":
      case "oneOf":
        if (cache) f |= branchFeatures(value as DraftSchema[], cache);
        break;
      case "not":
        if (value && cache) f |= featuresOf(value as DraftSchema, cache);
        break;
      case "enum":
        if ((value as unknown[]).includes(null)) f |= Feature.nullEnum;
        typed = true;
        break;
      case "type":
        if (value === "null") f |= Feature.nullType;
        typeKind = typeof value === "string" ? kindBit(value) : -1;
        break;
      // KEYWORD_KINDS, spelled out: a switch on literal keys is much cheaper than a table lookup
      // for every key of every node (test/transforms/features.test.ts checks that they agree).
      case "minLength":
      case "maxLength":
      case "pattern":
        kinded |= kindBit("string");
        break;
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
      case "multipleOf":
        kinded |= kindBit("number");
        break;
      case "minItems":
      case "maxItems":
        kinded |= kindBit("array");
        break;
      case "minProperties":
      case "maxProperties":
        kinded |= kindBit("object");
        break;
      case "x-kubernetes-int-or-string":
        if (value === true) f |= Feature.intOrString;
        break;
      case "example":
        example = true;
        break;
      case "x-kubernetes-embedded-resource":
        // An embedded resource takes no map: its anything-map becomes preserve-unknown-fields.
        if (value === true) named = true;
        break;
      case "x-kubernetes-preserve-unknown-fields":
        // Its anything-map says again what the object already says (see additional-properties-cleanup).
        if (value === true) preserved = true;
        break;
      case "x-crdgen-immutable":
        if (value === true) f |= Feature.immutable;
        break;
      case "uniqueItems":
        f |= Feature.uniqueItems;
        break;
      case "patternProperties":
      case "dependencies":
      case "additionalItems":
      case "$ref":
      case "definitions":
      case "id":
      case "$schema":
        f |= Feature.forbidden;
        break;
      case "format":
        if (typeof value === "string" && !KUBERNETES_FORMATS.has(value)) f |= Feature.unknownFormat;
        break;
      case "description":
        if (typeof value === "string") f |= Feature.description;
        break;
      case "x-kubernetes-validations":
        if ((value as ValidationRule[]).some((rule) => oneOfGroup(rule) !== undefined))
          f |= Feature.oneOfRule;
        break;
    }
  }
  if (extra && (named || props || preserved)) f |= Feature.strayAdditionalProperties;
  // `@schemaType string` on an interface: properties no value of that type can have.
  if (props && typeKind >= 0 && typeKind !== OBJECT_KIND) f |= Feature.misfitKeyword;
  if (kinded !== 0 && typeKind >= 0 && (kinded & ~typeKind) !== 0) f |= Feature.misfitKeyword;
  if (example && exampleMisfit(node) !== undefined) f |= Feature.misfitKeyword;
  // `@schemaType string` on a list, a map or a union of literals of another kind.
  if (typed && typeKind >= 0 && hasTypeMisfit(node)) f |= Feature.misfitKeyword;
  return f;
}

const OBJECT_KIND = 8;

/** One bit per kind of value a schema `type` holds (none for boolean), for scan's kinded keywords. */
function kindBit(type: string): number {
  switch (type) {
    case "string":
      return 1;
    case "number":
    case "integer":
      return 2;
    case "array":
      return 4;
    case "object":
      return OBJECT_KIND;
    default:
      return 0;
  }
}

function branchFeatures(branches: readonly DraftSchema[] | null, cache: FeatureCache): number {
  let f = 0;
  if (branches) for (const b of branches) f |= featuresOf(b, cache);
  return f;
}

export type MemoEntry =
  { readonly path: SchemaPath; readonly out: DraftSchema } | Map<SchemaPath, DraftSchema>;

function remembered(entry: MemoEntry | undefined, path: SchemaPath): DraftSchema | undefined {
  if (entry === undefined) return undefined;
  if (entry instanceof Map) return entry.get(path);
  return entry.path === path ? entry.out : undefined;
}

function remember(memo: WalkMemo, node: DraftSchema, path: SchemaPath, out: DraftSchema): void {
  const entry = memo.results.get(node);
  if (entry instanceof Map) entry.set(path, out);
  else if (entry !== undefined && entry.path !== path)
    memo.results.set(
      node,
      new Map([
        [entry.path, entry.out],
        [path, out],
      ]),
    );
  else memo.results.set(node, { path, out });
}

export interface WalkOptions {
  /** Results of earlier runs to reuse (watch mode). */
  memo?: WalkMemo | undefined;
  /** The Feature bits the rewrite acts on: subtrees with none of them are returned as they are. */
  acts?: number | undefined;
  /** Features of subtrees, shared by the steps of one run (a fresh one otherwise). */
  features?: FeatureCache | undefined;
}

/** `schema` rewritten bottom-up by `rewrite` (see WalkOptions for what may be skipped or reused). */
export function mapSchema(schema: DraftSchema, rewrite: NodeRewrite, options: WalkOptions = {}): DraftSchema {
  const { memo, acts } = options;
  const features = acts !== undefined && skipping ? (options.features ?? new Map()) : undefined;
  return mapNode(schema, "", { rewrite, memo, acts: acts ?? 0, features });
}

interface Walk {
  readonly rewrite: NodeRewrite;
  readonly memo: WalkMemo | undefined;
  readonly acts: number;
  readonly features: FeatureCache | undefined;
}

function mapNode(schema: DraftSchema, path: SchemaPath, w: Walk): DraftSchema {
  const memo = w.memo;
  const known = memo && remembered(memo.results.get(schema), path);
  if (known) return known;
  if (w.features && (featuresOf(schema, w.features) & w.acts) === 0) return schema;
  if (memo) {
    const before = memo.reported();
    const out = walk(schema, w, path);
    if (memo.reported() === before) remember(memo, schema, path, out);
    return out;
  }
  return walk(schema, w, path);
}

function walk(schema: DraftSchema, w: Walk, path: SchemaPath): DraftSchema {
  return w.rewrite(mapChildren(schema, path, mapNode, w), path);
}

/**
 * `node` with each child schema (properties, items, additionalProperties, allOf/anyOf/oneOf
 * branches, not) replaced by `f(child, childPath, context)`; the node itself when no child
 * changed. Structural sharing: a node is copied only when one of its children changed, so a
 * rewrite that touches a few nodes allocates a few nodes, not a second copy of the whole tree.
 */
export function mapChildren<C>(
  node: DraftSchema,
  path: SchemaPath,
  f: (child: DraftSchema, path: SchemaPath, context: C) => DraftSchema,
  context: C,
): DraftSchema {
  let out: DraftSchema | undefined;
  const properties = node.properties;
  if (properties) {
    let props: Record<string, DraftSchema> | undefined;
    for (const name in properties) {
      const child = properties[name]!;
      const next = f(child, join(path, name), context);
      if (next !== child && !props) props = { ...properties };
      if (props) props[name] = next;
    }
    if (props) (out ??= { ...node }).properties = props;
  }
  const items = node.items;
  if (items && !Array.isArray(items)) {
    const next = f(items, `${path}[]`, context);
    if (next !== items) (out ??= { ...node }).items = next;
  }
  const additional = node.additionalProperties;
  if (additional && typeof additional === "object") {
    const next = f(additional, `${path}[*]`, context);
    if (next !== additional) (out ??= { ...node }).additionalProperties = next;
  }
  for (const key of BRANCHES) {
    const branches = node[key];
    if (!branches) continue;
    let changed: DraftSchema[] | undefined;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i]!;
      const next = f(branch, `${path}.${key}[${i}]`, context);
      if (next !== branch && !changed) changed = branches.slice();
      if (changed) changed[i] = next;
    }
    if (changed) (out ??= { ...node })[key] = changed;
  }
  if (node.not) {
    const next = f(node.not, `${path}.not`, context);
    if (next !== node.not) (out ??= { ...node }).not = next;
  }
  return out ?? node;
}

/** The path of property `name` of the node at `path`. */
export function join(path: SchemaPath, name: string): SchemaPath {
  return path === "" ? name : `${path}.${name}`;
}

/**
 * IR to draft schema. Each named type is emitted once as a definition and referenced with
 * `$ref`; the inline-refs transform flattens them. Field docs and tags are written beside
 * the reference so they win over the named type's own when inlined.
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrDefinition, IrModel, IrObject, IrProperty, IrRoot, IrType } from "../ir/model.js";
import { tagRegistry } from "../tags/index.js";
import type { AppliedTag } from "../tags/registry.js";
import { deprecationNote, isSchemaless } from "../tags/schema-tags.js";
import { inSameFile, moveLocation } from "../read/location.js";
import { noteRuleOrigins, ruleCount } from "./rule-origins.js";
import {
  ABSENT,
  DEPRECATION,
  ORIGIN,
  refTo,
  TYPE_NAME,
  type DraftDocument,
  type DraftSchema,
} from "./draft.js";

/** The standard descriptions Kubernetes' TypeMeta carries (as controller-gen writes them). */
const API_VERSION_DESCRIPTION =
  "APIVersion defines the versioned schema of this representation of an object.\nServers should convert recognized schemas to the latest internal value, and\nmay reject unrecognized values.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
const KIND_DESCRIPTION =
  "Kind is a string value representing the REST resource this object represents.\nServers may infer this from the endpoint the client submits requests to.\nCannot be updated.\nIn CamelCase.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

/**
 * Deep equality of IR data (plain objects, arrays and scalars, as the reader builds them): the
 * same keys with equal values. A key holding `undefined` counts as set. Origins are worked out
 * when first read (read/location.ts): two in one file count as the same place, whatever their
 * positions (the definitions around them being equal, an edit above moved it), and are noted in
 * `moves`; other origins compare as their JSON. Anything else that is not plain data (a Map, a
 * class instance) counts as different, which only costs a re-emit.
 */
function sameData(a: unknown, b: unknown, moves: Moves): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (!isPlain(a) || !isPlain(b)) {
    const sameFile = inSameFile(a, b);
    if (sameFile !== undefined) return sameFile && moves.note(a as SourceLocation, b as SourceLocation);
    const x = asJson(a);
    const y = asJson(b);
    return (x !== a || y !== b) && sameData(x, y, moves);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], moves)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!(k in y) || !sameData(x[k], y[k], moves)) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

/** Origins of a cached definition and where the same places are now (see sameData). */
class Moves {
  private readonly to = new Map<SourceLocation, SourceLocation>();

  /** Notes that `from` is now at `to`; false if `from` was found at another place already. */
  note(from: SourceLocation, to: SourceLocation): boolean {
    const earlier = this.to.get(from);
    if (earlier !== undefined && earlier !== to && !sameData(asJson(earlier), asJson(to), this)) return false;
    this.to.set(from, to);
    return true;
  }

  apply(): void {
    for (const [from, to] of this.to) moveLocation(from, to);
  }
}

function asJson(value: object): unknown {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === "function" ? (toJSON as () => unknown).call(value) : value;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

/** Drafts of a watch session's last run, by definition name (see emitDefinitions). */
export type DraftCache = Map<string, { readonly definition: IrDefinition; readonly draft: DraftSchema }>;

/**
 * Each named type's draft. With `cache` (a watch session's), a definition equal to last run's
 * (the very object, when the reader reused it; or read again to the same data, as aliases and
 * known types are, or as a type is when an edit above it in its file moved it) keeps its draft
 * from then, so later stages see unchanged types unchanged. Drafts are never mutated after emit;
 * the origins they hold are moved to where this run read them.
 */
export function emitDefinitions(model: IrModel, cache?: DraftCache): Record<string, DraftSchema> {
  const out: Record<string, DraftSchema> = {};
  for (const [name, definition] of model.definitions) {
    const last = cache?.get(name);
    if (last) {
      const moves = new Moves();
      if (last.definition === definition || sameData(last.definition, definition, moves)) {
        // The draft holds the cached definition's origins: they now point where this run read them.
        moves.apply();
        out[name] = last.draft;
        continue;
      }
    }
    const draft = emitDefinition(definition);
    cache?.set(name, { definition, draft });
    out[name] = draft;
  }
  return out;
}

export function emitRoot(root: IrRoot, definitions: Record<string, DraftSchema>): DraftDocument {
  return { schema: rootSchema(root, emitObject(root.type)), definitions };
}

/**
 * A root's schema around its own object type's (`body`): TypeMeta's fields first, then the
 * root's tags. `typeMeta` maps TypeMeta's three fixed nodes (emit/direct.ts finalizes them).
 */
export function rootSchema(
  root: IrRoot,
  body: DraftSchema,
  typeMeta: (node: DraftSchema) => DraftSchema = (node) => node,
): DraftSchema {
  const required = root.metadataRequired ? ["metadata", ...(body.required ?? [])].sort() : body.required;
  const schema: DraftSchema = {
    type: "object",
    ...(root.description ? { description: root.description } : {}),
    properties: {
      apiVersion: typeMeta({ type: "string", description: API_VERSION_DESCRIPTION }),
      kind: typeMeta({ type: "string", description: KIND_DESCRIPTION }),
      metadata: typeMeta({ type: "object" }),
      ...body.properties,
    },
    ...(required ? { required } : {}),
    [ORIGIN]: root.origin,
  };
  // On a root, @deprecated deprecates the version (see the envelope), not the schema.
  applyTags(
    schema,
    root.tags.filter((t) => t.name !== "deprecated"),
  );
  return schema;
}

function emitDefinition(def: IrDefinition): DraftSchema {
  const schema = isSchemaless(def.tags) ? withOrigin({}, def.origin) : emitType(def.type);
  describe(schema, def.description, def.tags);
  const note = typeDeprecation(def.tags);
  if (note) schema[DEPRECATION] = note;
  schema[TYPE_NAME] = def.name;
  withOrigin(schema, def.origin);
  return schema;
}

/**
 * How a node's children are built: as drafts, which later stages inline and finalize, or
 * (emit/direct.ts) already in final form.
 */
export interface ChildEmitter {
  type(type: IrType): DraftSchema;
  property(property: IrProperty): DraftSchema;
}

const DRAFTS: ChildEmitter = { type: emitType, property: emitProperty };

export function emitType(type: IrType): DraftSchema {
  const s = emitBare(type, DRAFTS);
  return withOrigin(s, type.origin);
}

/** The node for `type` itself, without its origin; its children built by `children`. */
export function emitBare(type: IrType, children: ChildEmitter): DraftSchema {
  switch (type.kind) {
    case "primitive": {
      const schema: DraftSchema = { type: type.type };
      if (type.format) schema.format = type.format;
      if (type.pattern) schema.pattern = type.pattern;
      return schema;
    }
    case "enum":
      return { type: type.type, enum: [...type.values] };
    case "array": {
      const items = children.type(type.items);
      return type.set ? { type: "array", items, uniqueItems: true } : { type: "array", items };
    }
    case "object":
      return emitObject(type, children);
    case "union":
      return { anyOf: type.members.map((m) => children.type(m)) };
    case "null":
      return { type: "null" };
    case "unknown":
      return { "x-kubernetes-preserve-unknown-fields": true };
    case "ref":
      return { $ref: refTo(type.name) };
    case "verbatim":
      return markVerbatim(structuredClone(type.schema) as DraftSchema);
  }
}

export function emitObject(object: IrObject, children: ChildEmitter = DRAFTS): DraftSchema {
  const schema: DraftSchema = { type: "object" };
  if (object.properties.length > 0) {
    const properties: Record<string, DraftSchema> = {};
    for (const p of object.properties) properties[p.name] = children.property(p);
    schema.properties = properties;
    const required = object.properties.filter((p) => !p.optional).map((p) => p.name);
    // Sorted, as controller-gen does: the order of `required` carries no meaning.
    if (required.length > 0) schema.required = required.sort();
  }
  if (object.additionalProperties) schema.additionalProperties = children.type(object.additionalProperties);
  if (object.absent) schema[ABSENT] = object.absent;
  return schema;
}

function emitProperty(p: IrProperty): DraftSchema {
  const schema = isSchemaless(p.tags) ? {} : emitType(p.type);
  describe(schema, p.description, p.tags);
  return withOrigin(schema, p.origin);
}

/** A field's or named type's own description, then its tags (which may read or extend it). */
export function describe(
  schema: DraftSchema,
  description: string | undefined,
  tags: readonly AppliedTag[],
): DraftSchema {
  if (description) schema.description = description;
  applyTags(schema, tags);
  return schema;
}

/** Marks a supplied schema so transforms that add crdgen's own conventions leave it as published. */
function markVerbatim(schema: DraftSchema): DraftSchema {
  schema["x-crdgen-verbatim"] = true;
  for (const child of Object.values(schema.properties ?? {})) markVerbatim(child);
  if (schema.items) markVerbatim(schema.items);
  if (typeof schema.additionalProperties === "object") markVerbatim(schema.additionalProperties);
  return schema;
}

/** A named type's own @deprecated note, which fields using it keep (inline-refs' inlinedAt). */
export function typeDeprecation(tags: readonly AppliedTag[]): string | undefined {
  const tag = tags.find((t) => t.name === "deprecated");
  return tag && typeof tag.value === "string" ? deprecationNote(tag.value) : undefined;
}

function applyTags(schema: DraftSchema, tags: readonly AppliedTag[]): void {
  for (const tag of tags) {
    const apply = tagRegistry.get(tag.name)?.applySchema;
    if (!apply) continue;
    const rules = ruleCount(schema);
    apply(schema, tag.value);
    // A rule's errors belong to the tag that wrote it, not to each use of its type.
    if (tag.origin && ruleCount(schema) > rules) noteRuleOrigins(schema, rules, tag.origin);
  }
}

function withOrigin(schema: DraftSchema, origin: SourceLocation | undefined): DraftSchema {
  if (origin) schema[ORIGIN] = origin;
  return schema;
}

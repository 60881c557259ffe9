import type { Environment } from "@marcbachmann/cel-js";
import type { DeclField, DeclType } from "./decl-type.js";
import { baseEnvironment, registerNullComparison } from "./engine.js";
import { CEL_LEXER_KEYWORDS, CEL_RESERVED_SYMBOLS } from "./escaping.js";
import { celEquals } from "./lib/values.js";
import { atLeast, versionKey, type CelVersion } from "./version.js";

/**
 * Typed environments for rules: `self` (and `oldSelf`) have the DeclType of the rule's node.
 * The object types of a schema are registered once, in a "universe" built for the outermost
 * node that needs them; the environment of a node below it is a clone of that universe with
 * its own `self`. Registering each node's whole subtree again cost time that grew with the
 * depth of nested rules.
 */

export interface TypedEnvironment {
  env: Environment;
  version: CelVersion;
  selfType: DeclType;
  /** Registered object type name → its DeclType, to resolve fields after checking. */
  objectTypes: Map<string, DeclType>;
}

/** Object types registered in one environment, which is cloned, never changed, once built. */
interface Universe {
  env: Environment;
  names: Map<DeclType, string>;
  objectTypes: Map<string, DeclType>;
  /** When set, objects declare only the fields of these names (see `checkingEnvironment`). */
  only?: ReadonlySet<string>;
}

const DYN: DeclType = { kind: "dyn", maxElements: 0, minSerializedSize: 1 };

/** Per object DeclType and CEL version: the universe it is registered in. */
const universes = new WeakMap<DeclType, Map<string, Universe>>();

function register(type: DeclType, u: Universe, version: CelVersion): string {
  switch (type.kind) {
    case "object": {
      const known = u.names.get(type);
      if (known) return known;
      const name = `Object_${u.objectTypes.size + 1}`;
      u.names.set(type, name);
      u.objectTypes.set(name, type);
      // A universe of some fields only is no other rule's.
      if (!u.only) {
        let byVersion = universes.get(type);
        if (!byVersion) universes.set(type, (byVersion = new Map()));
        byVersion.set(versionKey(version), u);
      }
      const fields: Record<string, string> = {};
      const declared = new Map<string, DeclField>();
      for (const field of type.fields?.values() ?? []) {
        if (u.only && !named(field.name, u.only)) continue;
        const fieldType = register(field.type, u, version);
        fields[field.name] = fieldType;
        declared.set(field.name, field);
        const alias = keywordAlias(field.name, type, version);
        if (alias) fields[alias] = fieldType;
      }
      // Presence tests are judged by the fields declared (compile.ts): a universe shared by
      // rules of one shape (see namedShape) declares the same ones for each.
      if (u.only && type.fields) u.objectTypes.set(name, { ...type, fields: declared });
      u.env.registerType(name, { fields });
      // Object values compare structurally, like any CEL message.
      u.env.registerOperator(`${name} == ${name}`, (a: unknown, b: unknown) => celEquals(a, b));
      registerNullComparison(u.env, name);
      return name;
    }
    case "map":
      return `map<string, ${register(type.elem ?? DYN, u, version)}>`;
    case "list":
      return `list<${register(type.elem ?? DYN, u, version)}>`;
    default:
      return scalarName(type);
  }
}

/** The name inside an escaped field name (`if` of `__if__`). */
function unescapedName(field: string): string | undefined {
  return /^__(\w+)__$/.exec(field)?.[1];
}

/** 1.31+ resolves `self.if` to the field escaped as `__if__`: the name it is also known by. */
function keywordAlias(field: string, type: DeclType, version: CelVersion): string | undefined {
  const keyword = unescapedName(field);
  return keyword &&
    atLeast(version, 1, 31) &&
    CEL_RESERVED_SYMBOLS.has(keyword) &&
    !CEL_LEXER_KEYWORDS.has(keyword) &&
    !type.fields?.has(keyword)
    ? keyword
    : undefined;
}

/**
 * Whether an expression naming `only` may reach `field`: by its name, or an escaped field
 * (`__if__`, `__x__`) by the name inside (as a keyword alias, or in a presence test).
 */
function named(field: string, only: ReadonlySet<string>): boolean {
  if (only.has(field)) return true;
  const inner = unescapedName(field);
  return inner !== undefined && only.has(inner);
}

function scalarName(type: DeclType): string {
  switch (type.kind) {
    case "duration":
      return "google.protobuf.Duration";
    case "timestamp":
      return "google.protobuf.Timestamp";
    default:
      return type.kind;
  }
}

/** The name of `type` in `u`, or undefined when one of its object types is not registered there. */
function nameIn(type: DeclType, u: Universe): string | undefined {
  switch (type.kind) {
    case "object":
      return u.names.get(type);
    case "map": {
      const elem = nameIn(type.elem ?? DYN, u);
      return elem === undefined ? undefined : `map<string, ${elem}>`;
    }
    case "list": {
      const elem = nameIn(type.elem ?? DYN, u);
      return elem === undefined ? undefined : `list<${elem}>`;
    }
    default:
      return scalarName(type);
  }
}

/** The universe holding `type`'s outermost object type, if one was built. */
function existingUniverse(type: DeclType, version: CelVersion): Universe | undefined {
  if (type.kind === "object") return universes.get(type)?.get(versionKey(version));
  if (type.kind === "map" || type.kind === "list") return existingUniverse(type.elem ?? DYN, version);
  return undefined;
}

/** `self`, and `oldSelf` (optional with `optionalOldSelf`), of the node's type. */
function declareSelf(env: Environment, typeName: string, optionalOldSelf: boolean): Environment {
  env.registerVariable("self", typeName);
  env.registerVariable("oldSelf", optionalOldSelf ? `optional<${typeName}>` : typeName);
  return env;
}

const typedCache = new WeakMap<DeclType, Map<string, TypedEnvironment>>();

/** The environment for rules on a node of `selfType` (cached per type and oldSelf flavour). */
export function typedEnvironment(
  version: CelVersion,
  selfType: DeclType,
  optionalOldSelf: boolean,
): TypedEnvironment {
  const key = `${versionKey(version)}/${optionalOldSelf}`;
  let byKey = typedCache.get(selfType);
  const cached = byKey?.get(key);
  if (cached) return cached;
  let universe = existingUniverse(selfType, version);
  let typeName = universe && nameIn(selfType, universe);
  if (!universe || typeName === undefined) {
    universe = { env: baseEnvironment(version).clone(), names: new Map(), objectTypes: new Map() };
    typeName = register(selfType, universe, version);
  }
  const env = declareSelf(universe.env.clone(), typeName, optionalOldSelf);
  const typed = { env, version, selfType, objectTypes: universe.objectTypes };
  if (!byKey) typedCache.set(selfType, (byKey = new Map()));
  byKey.set(key, typed);
  return typed;
}

/** Environments for checking, by the shape of what their rules name (see `namedShape`). */
const checkingCache = new Map<string, TypedEnvironment>();
/**
 * The corpus's 215 CRDs need 159; each holds a copy of the engine's overload tables once used
 * (about 70 KB), so a long-lived process (watch mode, the plugin) starts over past this.
 */
const MAX_CHECKING_ENVIRONMENTS = 512;

/**
 * An environment for type-checking (never evaluating) expressions on a node of `selfType`:
 * objects declare only the fields named somewhere in `sources`, the rule and its message
 * expression. An expression reaches a field only by naming it (CEL has no reflection on
 * objects, and lists' and maps' elements are always declared), so it checks as it does against
 * every field. Registering every object type below a large node with the engine, each a scan of
 * all the overloads registered before it, cost `crdgen check` of the corpus a tenth of its time.
 *
 * Environments are shared by rules whose named fields have the same shape: the same rule on
 * each version of a CRD, or in each copy of a type. Evaluation needs every field:
 * `typedEnvironment`.
 */
export function checkingEnvironment(
  version: CelVersion,
  selfType: DeclType,
  optionalOldSelf: boolean,
  sources: readonly string[],
): TypedEnvironment {
  const only = new Set<string>();
  for (const source of sources) for (const [word] of source.matchAll(WORDS)) only.add(word);
  const key = `${versionKey(version)}/${optionalOldSelf}/${namedShape(selfType, only, version, new Map())}`;
  const cached = checkingCache.get(key);
  if (cached) return cached;
  const universe: Universe = {
    env: baseEnvironment(version).clone(),
    names: new Map(),
    objectTypes: new Map(),
    only,
  };
  const typeName = register(selfType, universe, version);
  // The universe is this environment's alone: no clone of it is needed.
  const env = declareSelf(universe.env, typeName, optionalOldSelf);
  const typed = { env, version, selfType, objectTypes: universe.objectTypes };
  if (checkingCache.size >= MAX_CHECKING_ENVIRONMENTS) checkingCache.clear();
  checkingCache.set(key, typed);
  return typed;
}

/**
 * What `register` declares of `type` for a rule naming `only`, as text: the named fields, their
 * types, and which object types are one (`#n`, the nth met): `self.a == self.b` checks only
 * when both fields have one type. Types of one shape check every expression alike.
 */
function namedShape(
  type: DeclType,
  only: ReadonlySet<string>,
  version: CelVersion,
  met: Map<DeclType, number>,
): string {
  switch (type.kind) {
    case "object": {
      const seen = met.get(type);
      if (seen !== undefined) return `#${seen}`;
      met.set(type, met.size);
      // An object without a field list passes every presence test (compile.ts): not one with none named.
      if (!type.fields) return "{*}";
      let shape = "{";
      for (const field of type.fields.values()) {
        if (!named(field.name, only)) continue;
        const alias = keywordAlias(field.name, type, version);
        shape += `${field.name}${alias ? `|${alias}` : ""}:${namedShape(field.type, only, version, met)},`;
      }
      return `${shape}}`;
    }
    case "map":
      return `map<${namedShape(type.elem ?? DYN, only, version, met)}>`;
    case "list":
      return `list<${namedShape(type.elem ?? DYN, only, version, met)}>`;
    default:
      return scalarName(type);
  }
}

/** Every word of an expression, string literals' too: a superset of the fields it names. */
const WORDS = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * TypeScript types to IR. The checker's types are the source of truth, but written type
 * nodes are followed wherever they are faithful to the checked type, because the checker
 * forgets aliases of primitives (`type Group = string`, `int32`) and users tag those.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostic.js";
import type {
  IrDefinition,
  IrEnum,
  IrObject,
  IrProperty,
  IrType,
  PrimitiveName,
  Scalar,
} from "../ir/model.js";
import { readDoc } from "./jsdoc.js";
import { knownTypeByName } from "./known-types.js";
import { nodeLocation } from "./location.js";
import { collectTags } from "./tags.js";

/** Where a conversion happens: the property path for messages and a node to point at. */
interface Ctx {
  path: string;
  at: ts.Node;
}

type NamedDeclaration =
  ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration | ts.ClassDeclaration;

export class TypeReader {
  readonly definitions = new Map<string, IrDefinition>();
  private readonly nameOfDeclaration = new Map<ts.Node, string>();
  /** The alias whose body is being converted right now (see fromObjectType). */
  private aliasBody: ts.Node | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** Converts a type, following its written node when that node is faithful. */
  convert(type: ts.Type, node: ts.TypeNode | undefined, ctx: Ctx): IrType {
    if (node) {
      const viaNode = this.fromNode(type, node, ctx);
      if (viaNode) return viaNode;
    }
    return this.fromType(type, ctx);
  }

  /** The properties of an object type, in declaration order. */
  objectOf(type: ts.Type, ctx: Ctx): IrObject {
    const properties: IrProperty[] = [];
    for (const symbol of this.checker.getPropertiesOfType(type)) {
      const property = this.property(symbol, ctx);
      if (property) properties.push(property);
    }
    const object: IrObject = { kind: "object", properties, origin: nodeLocation(ctx.at) };
    const stringIndex = this.checker.getIndexInfoOfType(type, tsApi.IndexKind.String);
    // `Record<string, never>` is the idiom for "an empty object": no extra keys allowed.
    if (stringIndex && !(stringIndex.type.flags & tsApi.TypeFlags.Never)) {
      const node = stringIndex.declaration?.type;
      object.additionalProperties = this.convert(stringIndex.type, node, {
        path: `${ctx.path}[*]`,
        at: stringIndex.declaration ?? ctx.at,
      });
    } else if (this.checker.getIndexInfoOfType(type, tsApi.IndexKind.Number)) {
      this.unsupported(ctx, "a number index signature", "use an array, or a string index signature");
    }
    return object;
  }

  private property(symbol: ts.Symbol, ctx: Ctx): IrProperty | undefined {
    const name = symbol.getName();
    if (name.startsWith("__@") || name.startsWith("#")) return undefined; // symbol-keyed or private
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    const at = decl ?? ctx.at;
    const path = `${ctx.path}.${name}`;
    if (decl && isPrivateOrStatic(decl)) return undefined;
    if (decl && (tsApi.isMethodSignature(decl) || tsApi.isMethodDeclaration(decl))) {
      this.unsupported(
        { path, at },
        "a method",
        "a CRD holds data only: remove the method or declare an interface",
      );
      return undefined;
    }
    const type = this.checker.getTypeOfSymbol(symbol);
    const written =
      decl && (tsApi.isPropertySignature(decl) || tsApi.isPropertyDeclaration(decl)) ? decl.type : undefined;
    const node = written && this.isFaithful(written, type) ? written : undefined;
    const doc = decl ? readDoc(decl) : { tags: [] };
    const optional = (symbol.flags & tsApi.SymbolFlags.Optional) !== 0 || admitsUndefined(type);
    return {
      name,
      type: this.convert(type, node, { path, at }),
      optional,
      description: doc.description,
      tags: collectTags(doc.tags, ["field"], this.diagnostics),
      origin: nodeLocation(at),
    };
  }

  /** A written node can stand for a checked type when both mean the same (ignoring `undefined`). */
  private isFaithful(node: ts.TypeNode, type: ts.Type): boolean {
    const written = this.checker.getTypeFromTypeNode(node);
    if (written === type) return true;
    const a = definedMembers(written);
    const b = definedMembers(type);
    return a.length === b.length && a.every((t) => b.includes(t));
  }

  private fromNode(type: ts.Type, node: ts.TypeNode, ctx: Ctx): IrType | undefined {
    if (tsApi.isParenthesizedTypeNode(node)) return this.convert(type, node.type, ctx);
    if (tsApi.isTypeOperatorNode(node) && node.operator === tsApi.SyntaxKind.ReadonlyKeyword) {
      return this.convert(type, node.type, ctx);
    }
    if (tsApi.isUnionTypeNode(node)) {
      const members = node.types.map((n) => ({ type: this.checker.getTypeFromTypeNode(n), node: n }));
      return this.union(members, ctx);
    }
    if (tsApi.isArrayTypeNode(node)) {
      const element = this.checker.getTypeFromTypeNode(node.elementType);
      return this.array(this.convert(element, node.elementType, { path: `${ctx.path}[]`, at: ctx.at }), ctx);
    }
    if (tsApi.isTypeReferenceNode(node)) return this.fromReference(node, ctx);
    return undefined;
  }

  private fromReference(node: ts.TypeReferenceNode, ctx: Ctx): IrType | undefined {
    const symbol = this.resolve(this.checker.getSymbolAtLocation(node.typeName));
    if (!symbol) return undefined;
    const args = node.typeArguments ?? [];
    const decl = symbol.declarations?.[0];
    if (args.length === 0 && decl) {
      const known = knownTypeByName(symbol.getName(), decl);
      if (known) return this.named(decl as NamedDeclaration, ctx, () => known(nodeLocation(node)), false);
      if (tsApi.isTypeAliasDeclaration(decl) && !decl.typeParameters) {
        const aliased = this.checker.getTypeFromTypeNode(decl.type);
        return this.named(decl, ctx, () => {
          this.aliasBody = decl;
          try {
            return this.convert(aliased, decl.type, { path: ctx.path, at: decl });
          } finally {
            this.aliasBody = undefined;
          }
        });
      }
    }
    const name = symbol.getName();
    const first = args[0];
    if ((name === "Array" || name === "ReadonlyArray") && first && isFromLib(decl)) {
      const element = this.checker.getTypeFromTypeNode(first);
      return this.array(this.convert(element, first, { path: `${ctx.path}[]`, at: ctx.at }), ctx);
    }
    if ((name === "Set" || name === "ReadonlySet") && first && isFromLib(decl)) {
      const element = this.checker.getTypeFromTypeNode(first);
      const items = this.convert(element, first, { path: `${ctx.path}[]`, at: ctx.at });
      return { kind: "array", items, set: true, origin: nodeLocation(ctx.at) };
    }
    if (name === "Record" && args.length === 2 && isFromLib(decl)) {
      const key = this.checker.getTypeFromTypeNode(args[0]!);
      const valueType = this.checker.getTypeFromTypeNode(args[1]!);
      if (key.flags & tsApi.TypeFlags.String && valueType.flags & tsApi.TypeFlags.Never) {
        return { kind: "object", properties: [], origin: nodeLocation(ctx.at) };
      }
      if (key.flags & tsApi.TypeFlags.String) {
        const value = args[1]!;
        const values = this.convert(this.checker.getTypeFromTypeNode(value), value, {
          path: `${ctx.path}[*]`,
          at: ctx.at,
        });
        return { kind: "object", properties: [], additionalProperties: values, origin: nodeLocation(ctx.at) };
      }
    }
    return undefined;
  }

  private fromType(type: ts.Type, ctx: Ctx): IrType {
    const f = type.flags;
    const origin = nodeLocation(ctx.at);
    if (f & (tsApi.TypeFlags.Any | tsApi.TypeFlags.Unknown)) return { kind: "unknown", origin };
    if (f & tsApi.TypeFlags.Null) return { kind: "null", origin };
    if (f & tsApi.TypeFlags.EnumLike && type.symbol && isEnumDeclaration(type.symbol)) {
      const decl = type.symbol.declarations!.find(tsApi.isEnumDeclaration)!;
      if (
        f & tsApi.TypeFlags.Union ||
        f & tsApi.TypeFlags.Enum ||
        type.symbol.flags & tsApi.SymbolFlags.Enum
      ) {
        return this.named(decl, ctx, () => this.enumOf(decl, ctx));
      }
    }
    if (f & tsApi.TypeFlags.Boolean) return { kind: "primitive", type: "boolean", origin };
    if (f & tsApi.TypeFlags.Union) {
      return this.union(
        (type as ts.UnionType).types.map((t) => ({ type: t, node: undefined })),
        ctx,
      );
    }
    if (f & tsApi.TypeFlags.StringLiteral)
      return enumOf("string", [(type as ts.StringLiteralType).value], origin);
    if (f & tsApi.TypeFlags.NumberLiteral) {
      const v = (type as ts.NumberLiteralType).value;
      return enumOf(Number.isInteger(v) ? "integer" : "number", [v], origin);
    }
    if (f & tsApi.TypeFlags.BooleanLiteral) return enumOf("boolean", [isTrue(type)], origin);
    if (f & (tsApi.TypeFlags.String | tsApi.TypeFlags.TemplateLiteral | tsApi.TypeFlags.StringMapping)) {
      return { kind: "primitive", type: "string", origin };
    }
    if (f & tsApi.TypeFlags.Number) return { kind: "primitive", type: "number", origin };
    if (f & tsApi.TypeFlags.BigIntLike) {
      return this.unsupported(ctx, "bigint", "JSON has no bigint: use number (int64) or a string");
    }
    if (f & tsApi.TypeFlags.ESSymbolLike)
      return this.unsupported(ctx, "a symbol", "symbols are not data: remove it");
    if (f & (tsApi.TypeFlags.Undefined | tsApi.TypeFlags.Void)) {
      return this.unsupported(ctx, "undefined", "make the property optional instead (`name?: T`)");
    }
    if (f & tsApi.TypeFlags.Never) return this.unsupported(ctx, "never", "remove the property");
    if (f & tsApi.TypeFlags.TypeParameter) {
      return this.unsupported(ctx, "an uninstantiated type parameter", "instantiate the generic type");
    }
    if (f & tsApi.TypeFlags.Intersection) return this.intersection(type as ts.IntersectionType, ctx);
    if (f & tsApi.TypeFlags.Object) return this.fromObjectType(type as ts.ObjectType, ctx);
    return this.unsupported(ctx, `the type ${this.checker.typeToString(type)}`, "use a JSON-compatible type");
  }

  private fromObjectType(type: ts.ObjectType, ctx: Ctx): IrType {
    const origin = nodeLocation(ctx.at);
    if (this.checker.isTupleType(type)) {
      return this.unsupported(
        ctx,
        "a tuple",
        "Kubernetes lists hold one item type: use T[] or an object with named fields",
      );
    }
    if (this.checker.isArrayType(type)) {
      const element = this.checker.getTypeArguments(type as ts.TypeReference)[0];
      if (!element) return this.unsupported(ctx, "an array without an element type", "write T[]");
      return this.array(this.convert(element, undefined, { path: `${ctx.path}[]`, at: ctx.at }), ctx);
    }
    // Go's []byte: JSON carries the bytes base64-encoded. Read from type.symbol because a generic
    // lib type reached through an alias (`type Bytes = Uint8Array`) carries the alias as aliasSymbol;
    // @types/node redeclares Uint8Array, so any declaration from TypeScript's lib counts.
    if (type.symbol?.getName() === "Uint8Array" && type.symbol.declarations?.some(isFromLib)) {
      return { kind: "primitive", type: "string", format: "byte", origin };
    }
    const symbol = type.aliasSymbol ? undefined : type.symbol;
    const libName = symbol && isFromLib(symbol.declarations?.[0]) ? symbol.getName() : undefined;
    if (libName === "Date") return { kind: "primitive", type: "string", format: "date-time", origin };
    if (libName === "Set" || libName === "ReadonlySet") {
      const element = this.checker.getTypeArguments(type as ts.TypeReference)[0];
      if (element) {
        const items = this.convert(element, undefined, { path: `${ctx.path}[]`, at: ctx.at });
        return { kind: "array", items, set: true, origin };
      }
    }
    if (libName === "Map" || libName === "ReadonlyMap" || libName === "WeakMap") {
      return this.unsupported(ctx, "a Map", "Map does not serialize to JSON: use Record<string, T>");
    }
    if (libName === "RegExp" || libName === "Promise" || libName === "Error") {
      return this.unsupported(ctx, `a ${libName}`, "use a JSON-compatible type");
    }
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
      return this.unsupported(ctx, "a function", "a CRD holds data only: remove the function");
    }
    // A named, non-generic interface or class is converted once and referenced.
    const objectFlags = type.objectFlags;
    const isPlainNamed =
      (objectFlags & tsApi.ObjectFlags.ClassOrInterface) !== 0 &&
      !((type as ts.InterfaceType).typeParameters?.length ?? 0);
    const decl = type.symbol?.declarations?.[0];
    if (isPlainNamed && decl && (tsApi.isInterfaceDeclaration(decl) || tsApi.isClassDeclaration(decl))) {
      const known = knownTypeByName(type.symbol.getName(), decl);
      if (known) return this.named(decl, ctx, () => known(origin), false);
      return this.named(decl, ctx, () => this.objectOf(type, { path: ctx.path, at: decl }));
    }
    const alias = type.aliasSymbol?.declarations?.[0];
    if (alias && tsApi.isTypeAliasDeclaration(alias) && !alias.typeParameters && !type.aliasTypeArguments) {
      // Reached while converting this alias's own body: the body, not another reference to it.
      if (this.aliasBody === alias) {
        this.aliasBody = undefined;
        return this.objectOf(type, { path: ctx.path, at: alias });
      }
      return this.named(alias, ctx, () => this.objectOf(type, { path: ctx.path, at: alias }));
    }
    return this.objectOf(type, ctx);
  }

  /** Object intersections merge (the checker already merged their properties); a branded primitive stays primitive. */
  private intersection(type: ts.IntersectionType, ctx: Ctx): IrType {
    const primitive = type.types.find(
      (t) =>
        t.flags &
        (tsApi.TypeFlags.String | tsApi.TypeFlags.Number | tsApi.TypeFlags.Boolean | tsApi.TypeFlags.Literal),
    );
    if (primitive) return this.fromType(primitive, ctx);
    return this.objectOf(type, ctx);
  }

  private union(members: { type: ts.Type; node: ts.TypeNode | undefined }[], ctx: Ctx): IrType {
    const origin = nodeLocation(ctx.at);
    const present = members.filter(
      (m) => !(m.type.flags & (tsApi.TypeFlags.Undefined | tsApi.TypeFlags.Void)),
    );
    const converted: IrType[] = [];
    let hasNull = false;
    let sawTrue = false;
    let sawFalse = false;
    for (const m of present) {
      if (m.type.flags & tsApi.TypeFlags.Null) {
        hasNull = true;
        continue;
      }
      // `boolean` arrives as its two literals when read from a checked union.
      if (m.type.flags & tsApi.TypeFlags.BooleanLiteral && !m.node) {
        if (isTrue(m.type)) sawTrue = true;
        else sawFalse = true;
        continue;
      }
      converted.push(this.convert(m.type, m.node, ctx));
    }
    if (sawTrue && sawFalse) converted.push({ kind: "primitive", type: "boolean", origin });
    else if (sawTrue || sawFalse) converted.push(enumOf("boolean", [sawTrue], origin));

    const merged = mergeEnums(converted);
    if (merged.length === 0) {
      return hasNull
        ? { kind: "null", origin }
        : this.unsupported(ctx, "an empty union", "remove the property");
    }
    const nonNull = merged.length === 1 ? merged[0]! : { kind: "union" as const, members: merged, origin };
    return hasNull ? { kind: "union", members: [nonNull, { kind: "null", origin }], origin } : nonNull;
  }

  private array(items: IrType, ctx: Ctx): IrType {
    return { kind: "array", items, origin: nodeLocation(ctx.at) };
  }

  private enumOf(decl: ts.EnumDeclaration, ctx: Ctx): IrType {
    const values: Scalar[] = [];
    for (const member of decl.members) {
      const v = this.checker.getConstantValue(member);
      if (v === undefined) {
        return this.unsupported(
          { path: ctx.path, at: member },
          "a computed enum member",
          "give members constant values",
        );
      }
      values.push(v);
    }
    const kinds = new Set(values.map((v) => typeof v));
    if (kinds.size > 1) {
      return this.unsupported(ctx, "an enum mixing strings and numbers", "Kubernetes enums have one type");
    }
    const type: PrimitiveName = kinds.has("string")
      ? "string"
      : values.every((v) => Number.isInteger(v))
        ? "integer"
        : "number";
    return { kind: "enum", type, values, origin: nodeLocation(decl) };
  }

  /**
   * A named declaration becomes a definition, converted once and referenced wherever used;
   * its doc and tags apply at every use. Recursion simply produces a ref to itself here;
   * the inline-refs transform reports the cycle with its path.
   */
  private named(decl: NamedDeclaration, ctx: Ctx, build: () => IrType, readDocs = true): IrType {
    const origin = nodeLocation(decl);
    const use = nodeLocation(ctx.at);
    const existing = this.nameOfDeclaration.get(decl);
    if (existing) return { kind: "ref", name: existing, origin: use };
    const name = this.uniqueName(decl.name?.text ?? "Anonymous");
    this.nameOfDeclaration.set(decl, name);
    const placeholder: IrDefinition = { name, type: { kind: "unknown" }, tags: [], origin };
    this.definitions.set(name, placeholder);
    // Known types (int32, IntOrString...) are documented for crdgen's users, not for their CRDs.
    const doc = readDocs ? readDoc(decl) : { tags: [] };
    placeholder.type = build();
    placeholder.description = doc.description;
    placeholder.tags = collectTags(doc.tags, ["type"], this.diagnostics);
    return { kind: "ref", name, origin: use };
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.definitions.has(name); i++) name = `${base}_${i}`;
    return name;
  }

  private resolve(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    if (symbol && symbol.flags & tsApi.SymbolFlags.Alias) return this.checker.getAliasedSymbol(symbol);
    return symbol;
  }

  private unsupported(ctx: Ctx, what: string, hint: string): IrType {
    this.diagnostics.push({
      severity: "error",
      code: codes.unsupportedType,
      message: `${ctx.path} is ${what}, which a CRD schema cannot express.`,
      location: nodeLocation(ctx.at),
      path: ctx.path,
      hint,
    });
    return { kind: "unknown" };
  }
}

function enumOf(type: PrimitiveName, values: Scalar[], origin: SourceLocation): IrEnum {
  return { kind: "enum", type, values, origin };
}

/** Literal members of one primitive type collapse into one enum: `"a" | "b"` -> enum [a, b]. */
function mergeEnums(types: IrType[]): IrType[] {
  const out: IrType[] = [];
  for (const t of types) {
    const previous = out.find(
      (o): o is IrEnum => o.kind === "enum" && t.kind === "enum" && sameFamily(o.type, t.type),
    );
    if (previous && t.kind === "enum") {
      for (const v of t.values) if (!previous.values.includes(v)) previous.values.push(v);
      if (t.type === "number") previous.type = "number";
    } else {
      out.push(t.kind === "enum" ? { ...t, values: [...t.values] } : t);
    }
  }
  return out;
}

function sameFamily(a: PrimitiveName, b: PrimitiveName): boolean {
  const numeric = (x: PrimitiveName) => x === "number" || x === "integer";
  return a === b || (numeric(a) && numeric(b));
}

function definedMembers(type: ts.Type): ts.Type[] {
  const members = type.flags & tsApi.TypeFlags.Union ? (type as ts.UnionType).types : [type];
  return members.filter((t) => !(t.flags & tsApi.TypeFlags.Undefined));
}

function admitsUndefined(type: ts.Type): boolean {
  return type.flags & tsApi.TypeFlags.Union
    ? (type as ts.UnionType).types.some((t) => t.flags & tsApi.TypeFlags.Undefined)
    : false;
}

function isTrue(type: ts.Type): boolean {
  return (type as { intrinsicName?: string }).intrinsicName === "true";
}

function isEnumDeclaration(symbol: ts.Symbol): boolean {
  return symbol.declarations?.some(tsApi.isEnumDeclaration) ?? false;
}

function isPrivateOrStatic(decl: ts.Declaration): boolean {
  const flags = tsApi.getCombinedModifierFlags(decl);
  return (
    (flags & (tsApi.ModifierFlags.Private | tsApi.ModifierFlags.Protected | tsApi.ModifierFlags.Static)) !== 0
  );
}

/** Declared in TypeScript's own lib files (so `Date` is the real Date, not a user's). */
function isFromLib(decl: ts.Node | undefined): boolean {
  if (!decl) return false;
  const file = decl.getSourceFile().fileName;
  return /[\\/]lib\.[\w.]+\.d\.ts$/.test(file) || /^\/?lib\.[\w.]+\.d\.ts$/.test(file);
}

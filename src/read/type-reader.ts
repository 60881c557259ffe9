/**
 * TypeScript types to IR. The checker's types are the source of truth, but written type
 * nodes are followed wherever they are faithful to the checked type, because the checker
 * forgets aliases of primitives (`type Group = string`, `int32`) and users tag those.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import { codes } from "../diagnostics/codes.js";
import { RECURSION_HINT } from "../diagnostics/recursion.js";
import { quantityBoundWarning } from "./quantity-bounds.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { IrDefinition, IrObject, IrProperty, IrType, PrimitiveName, Scalar } from "../ir/model.js";
import { readDoc } from "./jsdoc.js";
import { isSchemaless } from "../tags/schema-tags.js";
import { knownTypeByName, type KnownType } from "./known-types.js";
import { isKubernetesClientModule, isKubernetesModelsModule } from "./kubernetes/index.js";
import { isModifier, modifiedSchema, type Modifier } from "./kubernetes/mapped.js";
import { unwritableLiteral } from "./number-literals.js";
import { EXACT_INTEGER_HINT, inexactIntegerText } from "../schema/inexact-integers.js";
import { IN_RANGE_HINT, outOfRangeNumberText } from "../schema/out-of-range-numbers.js";
import { templatePattern } from "../schema/template-pattern.js";
import { computesUnion, sourceOrdered } from "./union-order.js";
import {
  isFieldTag,
  isMappedValue,
  mappedTemplateOf,
  sameJsonKind,
  type MappedTemplate,
} from "./mapped-members.js";
import { nodeLocation, nodeOrigin } from "./location.js";
import type { ReadCache, ReadRecord, Route } from "./read-cache.js";
import { ReadDependencies } from "./read-dependencies.js";
import { PackageReach } from "./package-reach.js";
import { DeclarationDocs, NO_DOC, NO_TYPE_DOC } from "./declaration-docs.js";
import { collectTags } from "./tags.js";
import { withEnumDefaults } from "./enum-defaults.js";
import { intersectionNames, withInherited } from "./inherited-tags.js";
import { inferredFrom } from "./inferred.js";
import { declaredAt, libraryHint } from "./library-types.js";
import {
  holdsTypeParameter,
  isFromLib,
  isNullishNode,
  isTypeParameter,
  resolveArg,
  ScopeKeys,
  writtenScope,
  unparenthesized,
  type GenericDeclaration,
  type TypeArgScope,
  type WrittenArg,
} from "./type-arguments.js";
import {
  admitsUndefined,
  definedMembers,
  heritageOwners,
  holdsNoValue,
  isErrorType,
  isLiteralUnion,
  isTrue,
  remappedDeclaration,
  withoutNullish,
  withoutUndefined,
} from "./checked-types.js";
import {
  declaredName,
  declaresType,
  dependencyOf,
  enclosingGeneric,
  hasWrittenType,
  instanceOwning,
  isAccessor,
  isEnumDeclaration,
  isGenericDeclaration,
  isHeritageOwner,
  isHiddenInstanceField,
  isInside,
  isObjectNode,
  isPrivateOrStatic,
  isProtected,
  isWithin,
  mentions,
  unionMembers,
  writesUndefined,
} from "./declarations.js";
import { enumOf, mergeEnums, withoutNull } from "./ir-enums.js";
import { computedMemberHint, keyRuleExample } from "./read-hints.js";
import type { AppliedTag } from "../tags/registry.js";
import type { JSONSchemaProps } from "../schema/types.js";

// The compiler's namespace object exposes every member through a getter: read the hot ones once.
const { TypeFlags, SymbolFlags, ObjectFlags, IndexKind, SyntaxKind } = tsApi;
const {
  isArrayTypeNode,
  isClassDeclaration,
  isClassLike,
  isConditionalTypeNode,
  isEnumDeclaration: isEnumDeclarationNode,
  isIdentifier,
  isImportTypeNode,
  isIndexedAccessTypeNode,
  isInterfaceDeclaration,
  isIntersectionTypeNode,
  isLiteralTypeNode,
  isMappedTypeNode,
  isMethodDeclaration,
  isMethodSignature,
  isParenthesizedTypeNode,
  isPropertySignature,
  isTupleTypeNode,
  isTypeAliasDeclaration,
  isTypeLiteralNode,
  isTypeOperatorNode,
  isTypeReferenceNode,
  isUnionTypeNode,
} = tsApi;

/** Where a conversion happens: the property path for messages and a node to point at. */
interface Ctx {
  path: string;
  at: ts.Node;
}

type NamedDeclaration =
  ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration | ts.ClassDeclaration;

/** Written type nodes whose checked type the reader can tie to files (see `convert`). */
const TRACEABLE_NODES = new Set<ts.SyntaxKind>([
  SyntaxKind.TypeReference,
  SyntaxKind.TypeLiteral,
  SyntaxKind.LiteralType,
  SyntaxKind.StringKeyword,
  SyntaxKind.NumberKeyword,
  SyntaxKind.BooleanKeyword,
  SyntaxKind.AnyKeyword,
  SyntaxKind.UnknownKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.UndefinedKeyword,
  SyntaxKind.NeverKeyword,
  SyntaxKind.ObjectKeyword,
  SyntaxKind.BigIntKeyword,
  SyntaxKind.SymbolKeyword,
  SyntaxKind.VoidKeyword,
]);

/** A member of a user's mapped type whose template changes its type, being read (mapped-members.ts). */
interface MappedMember {
  readonly mapped: MappedSource;
  /** The declaration of the property the member maps (none for a Record's), and its written type. */
  readonly decl: ts.Declaration | undefined;
  readonly written: ts.TypeNode;
  readonly name: string;
  /** Whether the template's `T[K]` was read as that property. */
  reached: boolean;
}

/** A mapped type's template, with what the reader knows of the type whose keys it maps. */
interface MappedSource extends MappedTemplate {
  /** The written value of the Record it maps: its members have no declaration to read it from. */
  readonly value: ts.TypeNode | undefined;
  /** The written arguments of the source, when it is a use of the user's generic type. */
  readonly instance: TypeArgScope | undefined;
  /** The source's interfaces and classes, whose bases may be generic instances. */
  readonly owners: readonly (ts.InterfaceDeclaration | ts.ClassDeclaration)[];
  /** The source as the checker instantiated it (`Lists<Base>` of `Partial<Lists<Base>>`), when known. */
  readonly sourceType: ts.Type | undefined;
}

/**
 * Instantiations of one generic type read one inside another before it counts as recursive
 * through its type arguments: `Page<Page<Item>>` nests two; a type that grows its arguments
 * at every level never ends.
 */
const MAX_NESTED_INSTANCES = 16;

/** Interfaces that only rename another followed to a known type (see inheritedKnown). */
const MAX_RENAMINGS = 16;

/** What to write instead of `object` or `Object`, which say nothing of the fields. */
const ANY_OBJECT_HINT =
  "declare an interface with the fields, or use Record<string, unknown> for an object of any fields";

export class TypeReader {
  readonly definitions = new Map<string, IrDefinition>();
  private readonly nameOfDeclaration = new Map<ts.Node, string>();
  /** The alias whose body is being converted right now (see fromObjectType). */
  private aliasBody: ts.Node | undefined;
  /**
   * Instantiations of the user's generic types (`Page<Item>`), named by the checker's text, by
   * the type and the arguments written for it (see type-arguments.ts).
   */
  private readonly nameOfInstance = new Map<string, string>();
  private readonly scopeKeys = new ScopeKeys();
  /** The written type arguments of the generic instance being read. */
  private scope: TypeArgScope | undefined;
  /** The property schemas of each known Kubernetes type declaring members (null: not one). */
  private readonly knownMembers = new Map<ts.Node, Record<string, JSONSchemaProps> | null>();
  /** The tags an indexed access to each property carries (see withCarriedTags). */
  private readonly carriedTags = new Map<ts.Node, AppliedTag[]>();
  /** The definition read for `NonNullable<X>` of each named type X that admits null, by X's. */
  private readonly nonNullableOf = new Map<string, string>();
  /** The object types being read, one inside another, with the path each was first met at. */
  private readonly objectsInProgress = new Map<ts.Type, string>();
  private readonly recursionsReported = new Set<ts.Type>();
  /** How many instantiations of each generic declaration are being read, one inside another. */
  private readonly instancesInProgress = new Map<ts.Node, number>();
  /** The mapped member whose template is being read (see mappedMemberType). */
  private mappedMember: MappedMember | undefined;

  /** What the declaration being read depends on, when a cache keeps readings (read-dependencies.ts). */
  private readonly deps: ReadDependencies;
  /** Doc comments and tags of the declarations read, each read once (declaration-docs.ts). */
  readonly docs: DeclarationDocs;
  /** Where the types read reach into installed packages (package-reach.ts). */
  private readonly packages: PackageReach;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly diagnostics: Diagnostic[],
    private readonly cache?: ReadCache,
  ) {
    this.deps = new ReadDependencies(checker, diagnostics);
    this.docs = new DeclarationDocs(checker, diagnostics, this.deps);
    this.packages = new PackageReach(checker);
  }

  /** Converts a type, following its written node when that node is faithful. */
  convert(type: ts.Type, node: ts.TypeNode | undefined, ctx: Ctx): IrType {
    if (node) {
      const viaNode = this.fromNode(type, node, ctx);
      if (viaNode) return viaNode;
      // What the checker made of a written `T["k"]`, `typeof x`, `Pick<T, K>`... depends on
      // declarations the reader never sees.
      if (this.deps.frame && !this.isTraceable(node)) this.deps.frame.opaque = true;
    }
    return this.fromType(type, ctx);
  }

  private isTraceable(node: ts.TypeNode): boolean {
    if (!TRACEABLE_NODES.has(node.kind)) return false;
    return !isTypeReferenceNode(node) || !node.typeArguments;
  }

  /**
   * The properties of an object type, in declaration order. `instances`: the written arguments of
   * the generic instances an intersection was written with (`Box<int32> & {...}`).
   */
  objectOf(type: ts.Type, ctx: Ctx, instances: readonly TypeArgScope[] = []): IrObject {
    if (!this.packages.use) {
      // `Omit<Settings, "id">` of a package's Settings: its members are the package's declarations.
      const member = this.checker.getPropertiesOfType(type)[0]?.declarations?.[0];
      const owner = (member?.parent as Partial<NamedDeclaration> | undefined)?.name?.text;
      // Not when the field is in a package itself (an entry under node_modules): inLibrary then notes
      // nothing, and this would call itself for ever.
      const fromPackage = member && this.packages.packageOfFile(member.getSourceFile());
      if (fromPackage && !this.packages.packageOfFile(ctx.at.getSourceFile()))
        return this.packages.inLibrary(member, owner ?? this.checker.typeToString(type), ctx, () =>
          this.objectOf(type, ctx, instances),
        );
    }
    // An unnamed type met again inside itself (`spec: { a?: Thing["spec"] }`, `typeof x` in x's
    // own type) has no name to refer to: it would be read for ever.
    const outerPath = this.objectsInProgress.get(type);
    if (outerPath !== undefined) return this.recursiveObject(type, outerPath, ctx);
    this.objectsInProgress.set(type, ctx.path);
    try {
      return this.objectMembers(type, ctx, instances);
    } finally {
      this.objectsInProgress.delete(type);
    }
  }

  private objectMembers(type: ts.Type, ctx: Ctx, instances: readonly TypeArgScope[]): IrObject {
    const properties: IrProperty[] = [];
    let absent: string[] | undefined;
    // Only an interface or class with `extends` inherits members (most objects have none).
    const owners = heritageOwners(type);
    const extending = owners.some((d) => d.heritageClauses);
    const template = mappedTemplateOf(type, this.checker);
    const mapped = template && this.mappedSource(template, type);
    for (const symbol of this.checker.getPropertiesOfType(type)) {
      const scope =
        instanceOwning(symbol, instances) ?? (extending ? this.baseScope(owners, symbol) : undefined);
      const bases = extending ? this.inheritedDeclarations(type, symbol) : undefined;
      const property = scope
        ? this.inScope(scope, () => this.property(symbol, ctx, bases, mapped))
        : this.property(symbol, ctx, bases, mapped);
      if (property === NEVER_SET) (absent ??= []).push(symbol.getName());
      else if (property) properties.push(property);
    }
    const object: IrObject = { kind: "object", properties, origin: nodeOrigin(ctx.at) };
    if (absent) object.absent = absent;
    const additional = this.indexSignature(type, ctx, mapped);
    if (additional) object.additionalProperties = additional;
    return object;
  }

  /**
   * What the reader knows of the type whose keys `type` maps, beyond the checker's members: as
   * written where the mapped type was used (`Ports` of `Nullable<Ports>`), or else the type the
   * checker instantiated the mapped type's alias with (`Partial<Ports>`).
   */
  private mappedSource(mapped: MappedTemplate, type: ts.Type): MappedSource {
    let node: ts.TypeNode | undefined = unparenthesized(mapped.operand);
    let source: ts.Type | undefined = mapped.source;
    const symbol =
      isTypeReferenceNode(node) && !node.typeArguments
        ? this.checker.getSymbolAtLocation(node.typeName)
        : undefined;
    if (symbol && isTypeParameter(symbol)) {
      node = this.scope?.args.get(symbol)?.node;
      source = this.aliasArgument(type, symbol) ?? (node && this.checker.getTypeFromTypeNode(node));
      if (!node && source?.aliasSymbol && !source.aliasTypeArguments)
        node = source.aliasSymbol.declarations?.find(isTypeAliasDeclaration)?.type;
    }
    return {
      ...mapped,
      value: node && this.recordValue(node),
      instance: node && this.instanceScope(node),
      owners: source ? heritageOwners(source) : [],
      sourceType: source,
    };
  }

  /**
   * The written value of a Record (`Port` of `type Ports = Record<"http" | "grpc", Port>`),
   * through aliases; undefined for anything else, or a value that names a type parameter.
   */
  private recordValue(written: ts.TypeNode): ts.TypeNode | undefined {
    let node = written;
    for (let depth = 0; depth < MAX_RENAMINGS; depth++) {
      const bare = unparenthesized(node);
      if (!isTypeReferenceNode(bare)) return undefined;
      const alias = this.deps
        .resolve(this.checker.getSymbolAtLocation(bare.typeName))
        ?.declarations?.find(isTypeAliasDeclaration);
      if (!alias) return undefined;
      const args = bare.typeArguments;
      if (isFromLib(alias)) {
        const value = alias.name.text === "Record" && args?.length === 2 ? args[1]! : undefined;
        return value && this.closedType(value) ? value : undefined;
      }
      if (alias.typeParameters || args) return undefined;
      node = alias.type;
    }
    return undefined;
  }

  /** The type argument the checker instantiated `type`'s alias with for its parameter `parameter`. */
  private aliasArgument(type: ts.Type, parameter: ts.Symbol): ts.Type | undefined {
    const decl = type.aliasSymbol?.declarations?.find(isTypeAliasDeclaration);
    const index = decl?.typeParameters?.findIndex(
      (p) => this.checker.getSymbolAtLocation(p.name) === parameter,
    );
    return index !== undefined && index >= 0 ? type.aliasTypeArguments?.[index] : undefined;
  }

  /**
   * For a mapped member declared `value: T` in a generic the mapped type's source instantiates
   * (`Opt<Ext>` for `interface Ext extends Box<Port>`, or `Opt<Box<Port>>`), the argument written
   * for T (`Port`): the checker's member forgot it. Undefined for any other written type.
   */
  private sourceArgument(mapped: MappedSource, written: ts.TypeNode): ts.TypeNode | undefined {
    if (!isTypeReferenceNode(written) || written.typeArguments) return undefined;
    const symbol = this.checker.getSymbolAtLocation(written.typeName);
    if (!symbol || !isTypeParameter(symbol)) return undefined;
    const owner = symbol.declarations?.[0]?.parent;
    if (!owner || !isGenericDeclaration(owner)) return undefined;
    const scope =
      mapped.instance?.owner === owner
        ? mapped.instance
        : this.heritageScope(mapped.owners, owner, mapped.instance, 0);
    const arg = scope?.args.get(symbol)?.node;
    return arg && this.closedType(arg) ? arg : undefined;
  }

  /**
   * For a member that `type` inherits from a generic base (`interface IntBox extends Box<int32>`),
   * the arguments its `extends` clauses write for that base: the checker's Box<number> forgot
   * the int32. Undefined for any other member.
   */
  private baseScope(
    declarations: readonly (ts.InterfaceDeclaration | ts.ClassDeclaration)[],
    member: ts.Symbol,
  ): TypeArgScope | undefined {
    const owner = (member.valueDeclaration ?? member.declarations?.[0])?.parent;
    if (!owner || !isHeritageOwner(owner) || !owner.typeParameters?.length || owner === this.scope?.owner)
      return undefined;
    return this.heritageScope(declarations, owner, this.scope, 0);
  }

  /** The scope in which `owner` is extended, searching the bases of `declarations` (written in `scope`). */
  private heritageScope(
    declarations: readonly (ts.InterfaceDeclaration | ts.ClassDeclaration)[],
    owner: GenericDeclaration,
    scope: TypeArgScope | undefined,
    depth: number,
  ): TypeArgScope | undefined {
    // TypeScript rejects a cycle of bases; the bound only keeps a broken program finite.
    if (depth > MAX_RENAMINGS) return undefined;
    for (const decl of declarations) {
      for (const clause of decl.heritageClauses ?? []) {
        for (const base of clause.types) {
          const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(base.expression));
          const baseDecls = symbol?.declarations?.filter(isHeritageOwner) ?? [];
          const args = base.typeArguments ?? [];
          if (baseDecls.includes(owner as ts.InterfaceDeclaration))
            return writtenScope(this.checker, owner, args, scope);
          const generic = baseDecls.find((d) => d.typeParameters?.length);
          const inner = generic ? writtenScope(this.checker, generic, args, scope) : undefined;
          const found = this.heritageScope(baseDecls, owner, inner, depth + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  /**
   * Every declaration of a member that an interface inherits from several bases declaring it
   * (`interface Spec extends A, B`): the checker keeps the first base's, but a Spec is an A and
   * a B, so the doc comments of both apply, as for `A & B`. Undefined for any other member.
   */
  private inheritedDeclarations(type: ts.Type, member: ts.Symbol): ts.Declaration[] | undefined {
    if (
      !(type.flags & TypeFlags.Object) ||
      !((type as ts.ObjectType).objectFlags & ObjectFlags.ClassOrInterface)
    )
      return undefined;
    const bases = this.checker.getBaseTypes(type as ts.InterfaceType);
    const own = member.declarations ?? [];
    if (bases.length < 2 || own.some((d) => type.symbol?.declarations?.includes(d.parent as ts.Declaration)))
      return undefined;
    const all = [...own];
    for (const base of bases) {
      for (const d of this.checker.getPropertyOfType(base, member.getName())?.declarations ?? [])
        if (!all.includes(d)) all.push(d);
    }
    return all.length > own.length ? all : undefined;
  }

  /** A string index signature's values (`Record<string, never>`, "an empty object", has none). */
  private indexSignature(type: ts.Type, ctx: Ctx, mapped?: MappedSource): IrType | undefined {
    const stringIndex = this.checker.getIndexInfoOfType(type, IndexKind.String);
    if (stringIndex && !(stringIndex.type.flags & TypeFlags.Never)) {
      const written = stringIndex.declaration?.type;
      if (!written && mapped?.value) return this.mappedIndex(mapped, mapped.value, stringIndex.type, ctx);
      const node =
        written &&
        (this.isFaithful(written, stringIndex.type) || this.isTemplateMember(stringIndex.declaration))
          ? written
          : undefined;
      if (stringIndex.declaration) this.deps.dependOn(stringIndex.declaration);
      return this.convert(stringIndex.type, node, {
        path: `${ctx.path}[*]`,
        at: stringIndex.declaration ?? ctx.at,
      });
    }
    if (this.checker.getIndexInfoOfType(type, IndexKind.Number)) {
      // JSON object keys are strings: `Record<number, T>` is a map with string keys, or a list.
      this.unsupported(
        ctx,
        "a map with number keys (Record<number, T> or [key: number]: T)",
        "JSON object keys are strings: use Record<string, T> (a @validation rule can check that keys are numbers), or T[]",
      );
    }
    return this.patternIndexSignature(type, ctx);
  }

  /** The values of a mapped `Record<string, V>` (`Nullable<Record<string, Port>>`), V as written. */
  private mappedIndex(mapped: MappedSource, value: ts.TypeNode, type: ts.Type, ctx: Ctx): IrType {
    const at = { path: `${ctx.path}[*]`, at: ctx.at };
    if (this.isFaithful(value, type)) return this.convert(type, value, at);
    const added = this.addedMembers(value, type);
    if (added)
      return this.union([{ type: this.checker.getTypeFromTypeNode(value), node: value }, ...added], at);
    const member = { mapped, decl: undefined, written: value, name: "[*]", reached: false };
    return this.mappedMemberType(member, type, at);
  }

  /**
   * `[key: \`x-${string}\`]: T`: a map whose keys follow a pattern. A structural schema cannot
   * constrain map keys, so it becomes a map of T (leaving it out would make the API server drop
   * every such key) with a warning that the pattern is not enforced. Symbol keys are not JSON and
   * are left out, as symbol-keyed properties are.
   */
  private patternIndexSignature(type: ts.Type, ctx: Ctx): IrType | undefined {
    const patterned = this.checker
      .getIndexInfosOfType(type)
      .filter((info) => info.keyType.flags & (TypeFlags.TemplateLiteral | TypeFlags.StringMapping));
    const [first] = patterned;
    if (!first || first.type.flags & TypeFlags.Never) return undefined;
    if (patterned.some((info) => info.type !== first.type)) {
      this.unsupported(ctx, "a map whose key patterns have different value types", "use one index signature");
      return undefined;
    }
    const at = first.declaration ?? ctx.at;
    for (const info of patterned) if (info.declaration) this.deps.dependOn(info.declaration);
    const keys = patterned.map((info) => this.checker.typeToString(info.keyType)).join(" | ");
    this.diagnostics.push({
      severity: "warning",
      code: codes.unenforcedKeyPattern,
      message: `The keys of ${ctx.path} must match ${keys}, which a CRD schema cannot enforce: the API server accepts any key.`,
      location: nodeLocation(at),
      path: ctx.path,
      hint: `use Record<string, T>, or check the keys with @validation (a CEL rule such as ${keyRuleExample(first.keyType)})`,
    });
    return this.convert(first.type, first.declaration?.type, { path: `${ctx.path}[*]`, at });
  }

  /** `mapped`: the template of the mapped type `symbol` is a member of, if any. */
  private property(
    symbol: ts.Symbol,
    ctx: Ctx,
    declarations = symbol.declarations,
    mapped?: MappedSource,
  ): IrProperty | typeof NEVER_SET | undefined {
    const name = symbol.getName();
    // Symbol-keyed (`__@iterator@12`) or a class's #private field (`__#3@#secret`), which no JSON has;
    // getName() gives `#secret` for the latter, as it does for a quoted "#hash" key, which is a field.
    const escaped = symbol.escapedName as string;
    if (escaped.startsWith("__@") || escaped.startsWith("__#")) return undefined;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0] ?? remappedDeclaration(symbol);
    const at = decl ?? ctx.at;
    const path = `${ctx.path}.${name}`;
    if (name === "__proto__") {
      // Set on a plain object, the name replaces the object's prototype instead of adding a key.
      this.diagnostics.push({
        severity: "error",
        code: codes.unsupportedType,
        message: `${path}: a property named __proto__ is not supported (JavaScript takes the name for an object's prototype).`,
        location: nodeLocation(decl ?? ctx.at),
        path,
        hint: "rename the field",
      });
      return undefined;
    }
    const signature = decl !== undefined && isPropertySignature(decl);
    if (decl && !signature && isPrivateOrStatic(decl)) {
      if (isHiddenInstanceField(decl) && !this.packages.packageOfFile(decl.getSourceFile()))
        this.diagnostics.push({
          severity: "warning",
          code: codes.hiddenField,
          message: `${path} is ${isProtected(decl) ? "protected" : "private"}, so the schema leaves it out, but JSON.stringify writes it: the API server would prune it from every object.`,
          location: nodeLocation(decl),
          path,
          hint: `make it public to keep it in the CRD, or move it out of the class if it is no data of the resource`,
        });
      return undefined;
    }
    if (decl && (isMethodSignature(decl) || isMethodDeclaration(decl))) {
      this.unsupported(
        { path, at },
        "a method",
        "a CRD holds data only: remove the method or declare an interface",
      );
      return undefined;
    }
    // A class's accessors live on its prototype: JSON.stringify of an instance leaves them out.
    if (decl && isAccessor(decl) && isClassLike(decl.parent)) {
      this.unsupported(
        { path, at },
        "a class accessor",
        "JSON.stringify leaves a class's accessors out: declare a property, or use an interface",
      );
      return undefined;
    }
    const frame = this.deps.frame;
    if (frame) {
      for (const d of declarations ?? []) this.deps.dependOn(d);
      if (
        !decl ||
        !symbol.declarations ||
        (decl as ts.NamedDeclaration).name?.kind === SyntaxKind.ComputedPropertyName
      )
        frame.opaque = true;
    }
    const type = this.checker.getTypeOfSymbol(symbol);
    const known = decl && this.knownMember(decl, name);
    if (known) {
      // A member of a Kubernetes type reached through `extends`, Partial, Pick...: its own schema,
      // with the list types and map keys its TypeScript declaration does not carry.
      const optional = (symbol.flags & SymbolFlags.Optional) !== 0 || admitsUndefined(type);
      return { name, type: known, optional, tags: [], origin: nodeOrigin(at) };
    }
    let written = decl ? (signature || hasWrittenType(decl) ? decl.type : undefined) : mapped?.value;
    // `value: T` of Box, for a mapped type over an instance of Box, is the argument written for T.
    if (mapped && written && !this.isTemplateMember(decl))
      written = this.sourceArgument(mapped, written) ?? written;
    const node =
      written && (this.isFaithful(written, type) || this.isTemplateMember(decl)) ? written : undefined;
    // Asked only of a property whose written type is not its checked one, and of a mapped or
    // instantiated member only (a transient symbol): `T[K] | null` over `b?: int32`.
    const added =
      written && !node && symbol.flags & SymbolFlags.Transient ? this.addedMembers(written, type) : undefined;
    // A template that changes the type (`T[K][]` over `name: string`) is read as written.
    const member: MappedMember | undefined =
      mapped && written && !node && !added
        ? { mapped, decl, written, name: (decl && declaredName(decl)) ?? name, reached: false }
        : undefined;
    // An inferred or instantiated property type comes from declarations the reader never sees.
    if (frame && !node) frame.opaque = true;
    const optional =
      (symbol.flags & SymbolFlags.Optional) !== 0 || admitsUndefined(type) || writesUndefined(written);
    // `path?: never` (or `?: undefined`) says the property is never set, as in the exclusive
    // union `{ url: string; path?: never } | { path: string; url?: never }`: JSON holds nothing
    // there, so the schema has no such property.
    if (optional && holdsNoValue(type)) return NEVER_SET;
    const doc = decl ? this.docs.propertyDoc(declarations, decl, path) : NO_DOC;
    if (decl) {
      this.docs.noteStrandedDocs(decl, path);
      this.docs.notePlainCommentTags(decl, path);
    }
    // @schemaless: the type makes no schema, so it is not read. It may be one no schema can say
    // (the point of recursion, a Map with its own JSON encoding), as controller-gen's Schemaless.
    const converted: IrType = isSchemaless(doc.tags)
      ? { kind: "unknown", origin: nodeOrigin(at) }
      : added
        ? this.union([{ type: this.checker.getTypeFromTypeNode(written!), node: written }, ...added], {
            path,
            at,
          })
        : member
          ? this.mappedMemberType(member, type, { path, at })
          : this.convert(type, node, { path, at });
    const collected =
      doc.tags.length > 0
        ? collectTags(
            withEnumDefaults(doc.tags, () => type),
            ["field"],
            this.diagnostics,
          )
        : [];
    const tags = member ? this.mappedMemberTags(member, collected, type) : collected;
    if (tags.length > 0) {
      const quantity = quantityBoundWarning(path, converted, tags, this.definitions, () => nodeLocation(at));
      if (quantity) this.diagnostics.push(quantity);
    }
    // `base?: Base & { extra?: string }`: the field is a Base, bound by its rules.
    const members = intersectionNames(written);
    return {
      name,
      type: converted,
      optional,
      description: doc.description,
      tags: members.length > 0 ? withInherited(tags, this.docs.inheritedFrom(members)) : tags,
      origin: nodeOrigin(at),
    };
  }

  /** The schema of property `name` of a known Kubernetes type that declares `decl`. */
  private knownMember(decl: ts.Declaration, name: string): IrType | undefined {
    const owner = decl.parent;
    if (!(isClassDeclaration(owner) || isInterfaceDeclaration(owner)) || !owner.name) return undefined;
    // Asked for every property read: each declaring type is looked up once, in a Kubernetes package only.
    let members = this.knownMembers.get(owner);
    if (members === undefined) {
      const file = owner.getSourceFile().fileName;
      const kubernetes = isKubernetesClientModule(file) || isKubernetesModelsModule(file);
      const known = kubernetes ? knownTypeByName(owner.name.text, owner)?.(nodeOrigin(owner)) : undefined;
      members = (known?.kind === "verbatim" && known.schema.properties) || null;
      this.knownMembers.set(owner, members);
    }
    const schema = members && Object.hasOwn(members, name) ? members[name] : undefined;
    return schema && { kind: "verbatim", schema: structuredClone(schema), origin: nodeOrigin(decl) };
  }

  /** A written node can stand for a checked type when both mean the same (ignoring `undefined`). */
  private isFaithful(node: ts.TypeNode, type: ts.Type): boolean {
    return this.isFaithfulType(this.checker.getTypeFromTypeNode(node), type);
  }

  private isFaithfulType(written: ts.Type, type: ts.Type): boolean {
    if (written === type) return true;
    // The usual case: an optional property's `T | undefined` for a written T.
    if (type.flags & TypeFlags.Union && !(written.flags & TypeFlags.Union)) {
      const members = (type as ts.UnionType).types;
      if (members.length === 2) {
        const [x, y] = members as [ts.Type, ts.Type];
        if (
          (x === written && y.flags & TypeFlags.Undefined) ||
          (y === written && x.flags & TypeFlags.Undefined)
        )
          return !(written.flags & TypeFlags.Undefined);
      }
    }
    const a = definedMembers(written);
    const b = definedMembers(type);
    return a.length === b.length && a.every((t) => b.includes(t));
  }

  /**
   * What a mapped type added to a property's written type: `Nullable<T> = { [K in keyof T]: T[K] | null }`
   * over `b?: int32` checks as `number | null`, which forgot the int32 but holds all of it. The
   * members beyond the written ones (`null`), when the checked type holds every written member;
   * undefined otherwise (a template that changes the type, `T[K][]`, is the checker's reading).
   */
  private addedMembers(
    written: ts.TypeNode,
    type: ts.Type,
  ): { type: ts.Type; node: undefined }[] | undefined {
    const own = definedMembers(this.checker.getTypeFromTypeNode(written));
    const all = definedMembers(type);
    if (own.length === 0 || all.length <= own.length || !own.every((t) => all.includes(t))) return undefined;
    return all.filter((t) => !own.includes(t)).map((t) => ({ type: t, node: undefined }));
  }

  private fromNode(type: ts.Type, node: ts.TypeNode, ctx: Ctx): IrType | undefined {
    if (isParenthesizedTypeNode(node)) return this.convert(type, node.type, ctx);
    if (isTypeOperatorNode(node) && node.operator === SyntaxKind.ReadonlyKeyword) {
      return this.convert(type, node.type, ctx);
    }
    if (isUnionTypeNode(node)) {
      // `unknown | number` is any value, as TypeScript reads it: its other members narrow nothing.
      if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return undefined;
      const members = unionMembers(node).map((n) => ({ type: this.checker.getTypeFromTypeNode(n), node: n }));
      // Inside a generic, `Box<T> | null` is known only as the checker instantiated it.
      if (members.some((m) => this.isOpenType(m.type))) return this.withMappedValue(members, type, ctx);
      return this.union(members, ctx);
    }
    if (isArrayTypeNode(node)) {
      const element = this.elementOf(type) ?? this.checker.getTypeFromTypeNode(node.elementType);
      if (this.isOpenType(element)) return undefined;
      return this.array(this.convert(element, node.elementType, { path: `${ctx.path}[]`, at: ctx.at }), ctx);
    }
    if (isTypeReferenceNode(node)) return this.fromReference(node, node.typeName, type, ctx);
    const member = this.mappedMember;
    if (member && isMappedValue(node, member.mapped, this.checker))
      return this.mappedValue(member, type, ctx);
    if (isIndexedAccessTypeNode(node) && node.indexType.kind === SyntaxKind.NumberKeyword) {
      const item = this.itemOf(node.objectType, ctx);
      if (item) return item;
    }
    if (isConditionalTypeNode(node)) return this.fromConditional(node, type, ctx);
    if (computesUnion(node)) return this.inSourceOrder(type, node, ctx);
    if (isIndexedAccessTypeNode(node)) return this.fromIndexedAccess(node, type, ctx);
    if (isIntersectionTypeNode(node)) return this.fromIntersection(node, type, ctx);
    if (isMappedTypeNode(node)) return this.fromMappedType(node, type, ctx);
    // `import("./types").Quantity`, as declaration files emitted by tsc write references.
    if (isImportTypeNode(node) && node.qualifier && !node.isTypeOf) {
      const name = isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.right;
      return this.fromReference(node, name, type, ctx);
    }
    if (isLiteralTypeNode(node) && node.literal.kind !== SyntaxKind.StringLiteral) {
      const literal = this.checker.getTypeFromTypeNode(node);
      if (literal.flags & TypeFlags.NumberLiteral) {
        const value = (literal as ts.NumberLiteralType).value;
        const written = unwritableLiteral(node.literal, value);
        if (written !== undefined) return this.unwritableNumber({ path: ctx.path, at: node }, written, value);
      }
    }
    return undefined;
  }

  /**
   * `Spec["ports"][number]`: the item of the list `list` writes, as written (`Port`, with its tags;
   * the checker's `number` forgot them). Undefined when `list` is not a list (a tuple, an
   * `as const` array: those are unions the checker computes) or is read only as checked.
   */
  private itemOf(list: ts.TypeNode, ctx: Ctx): IrType | undefined {
    const listType = this.checker.getTypeFromTypeNode(list);
    const defined = withoutNullish(listType);
    if (!this.checker.isArrayType(defined) || this.isOpenType(defined)) return undefined;
    // The item comes from another declaration's reading, which the records do not tie to this one.
    if (this.deps.frame) this.deps.frame.opaque = true;
    let read: IrType | undefined = this.convert(listType, list, ctx);
    // Through the named types (`Spec["ports"]`, `type Ports = Port[]`) to the list.
    for (let depth = 0; read?.kind === "ref" && depth < MAX_RENAMINGS; depth++)
      read = this.definitions.get(read.name)?.type;
    return read?.kind === "array" ? read.items : undefined;
  }

  /**
   * `T extends string ? Short : Port`: the branch the checker chose, read as written, when its
   * written type is known (no type parameter but those of the instance being read) and only
   * that branch's is the checked type. Undefined otherwise (the checker's reading).
   */
  private fromConditional(node: ts.ConditionalTypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const chosen = [node.trueType, node.falseType].filter((branch) => {
      const written = this.writtenType(branch);
      return written !== undefined && this.isFaithfulType(written, type);
    });
    if (chosen.length !== 1) return this.fromInferred(node, type, ctx);
    // Which branch applies depends on declarations the reader does not see.
    if (this.deps.frame) this.deps.frame.opaque = true;
    return this.convert(type, chosen[0]!, ctx);
  }

  /**
   * `A extends (infer E)[] ? E : never`: the inferred type, read where the written check type
   * (the argument written for A) writes it (inferred.ts), when that is what the checker chose.
   */
  private fromInferred(node: ts.ConditionalTypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const from = inferredFrom(node, this.checker);
    const check = from && this.writtenCheck(node.checkType);
    if (!from || !check) return undefined;
    // What the check type holds depends on declarations the reader does not see.
    if (this.deps.frame) this.deps.frame.opaque = true;
    if (from.kind === "argument") {
      const use = this.writtenUse(check, this.deps.resolve(from.generic));
      const arg = use?.node.typeArguments?.[from.index];
      if (!use || !arg) return undefined;
      return this.inScope(use.scope, () => {
        const argType = this.writtenType(arg);
        return argType && this.isFaithfulType(argType, type) ? this.convert(type, arg, ctx) : undefined;
      });
    }
    return this.inScope(check.scope, () => {
      if (from.kind === "property") return this.propertyOf(check.node, from.name, type, ctx);
      const list = withoutNullish(this.checker.getTypeFromTypeNode(check.node));
      if (!this.checker.isArrayType(list) || this.isOpenType(list)) return undefined;
      const element = this.checker.getTypeArguments(list as ts.TypeReference)[0];
      return element && this.isFaithfulType(element, type) ? this.itemOf(check.node, ctx) : undefined;
    });
  }

  /**
   * The written use of `generic` (`Box<Port>`) that `written` stands for: itself, or what it names
   * through type parameters, aliases, `NonNullable`, `| undefined` and `Spec["box"]`.
   */
  private writtenUse(
    written: WrittenArg,
    generic: ts.Symbol | undefined,
  ): { node: ts.TypeReferenceNode; scope: TypeArgScope | undefined } | undefined {
    let { node, scope } = written;
    for (let depth = 0; generic && depth < MAX_RENAMINGS; depth++) {
      const bare = unparenthesized(node);
      if (isUnionTypeNode(bare)) {
        const defined = bare.types.filter((t) => !isNullishNode(t));
        if (defined.length !== 1) return undefined;
        node = defined[0]!;
        continue;
      }
      if (isIndexedAccessTypeNode(bare)) {
        const index = bare.indexType;
        if (!isLiteralTypeNode(index) || index.literal.kind !== SyntaxKind.StringLiteral) return undefined;
        const owner = withoutNullish(this.checker.getTypeFromTypeNode(bare.objectType));
        const decl = this.checker.getPropertyOfType(owner, index.literal.text)?.valueDeclaration;
        // A property of a generic type is written in terms of its parameters.
        if (!decl || !isPropertySignature(decl) || !decl.type || enclosingGeneric(decl)) return undefined;
        node = decl.type;
        scope = undefined;
        continue;
      }
      if (!isTypeReferenceNode(bare)) return undefined;
      const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(bare.typeName));
      if (!symbol) return undefined;
      if (symbol === generic) return { node: bare, scope };
      const arg = isTypeParameter(symbol) && !bare.typeArguments ? scope?.args.get(symbol) : undefined;
      const alias = symbol.declarations?.find(isTypeAliasDeclaration);
      const args = bare.typeArguments;
      if (arg) ({ node, scope } = arg);
      else if (alias && isFromLib(alias) && alias.name.text === "NonNullable" && args?.length === 1)
        node = args[0]!;
      else if (alias && !alias.typeParameters && !args && !isFromLib(alias)) {
        node = alias.type;
        scope = undefined;
      } else return undefined;
    }
    return undefined;
  }

  /** A conditional's written check type, a parameter of the instance being read standing for its argument. */
  private writtenCheck(node: ts.TypeNode): WrittenArg | undefined {
    const bare = unparenthesized(node);
    if (isTypeReferenceNode(bare) && !bare.typeArguments && this.scope) {
      const symbol = this.checker.getSymbolAtLocation(bare.typeName);
      const arg = symbol && this.scope.args.get(symbol);
      if (arg) return resolveArg(arg, this.checker);
    }
    return this.isOpenType(this.checker.getTypeFromTypeNode(node)) ? undefined : { node, scope: this.scope };
  }

  /** The type `node` writes, a parameter of the instance being read standing for its argument. */
  private writtenType(node: ts.TypeNode): ts.Type | undefined {
    const bare = unparenthesized(node);
    if (isTypeReferenceNode(bare) && !bare.typeArguments && this.scope) {
      const symbol = this.checker.getSymbolAtLocation(bare.typeName);
      const arg = symbol && this.scope.args.get(symbol);
      if (arg) return this.closedType(arg.node);
    }
    return this.closedType(bare);
  }

  private closedType(node: ts.TypeNode): ts.Type | undefined {
    const type = this.checker.getTypeFromTypeNode(node);
    return holdsTypeParameter(type, this.checker) ? undefined : type;
  }

  /**
   * A union the checker computed (`(typeof PHASES)[number]`, `keyof Spec`, `Exclude<Phase, "Done">`),
   * its members in the order the source declares them (union-order.ts). Undefined for anything
   * else, and for an enum's members, which the enum's own reading orders.
   */
  private inSourceOrder(type: ts.Type, node: ts.TypeNode, ctx: Ctx): IrType | undefined {
    if (!(type.flags & TypeFlags.Union) || type.flags & TypeFlags.EnumLike) return undefined;
    const union = type as ts.UnionType;
    if (union.types.some((t) => t.flags & TypeFlags.EnumLike)) return undefined;
    // The members come from declarations the reader does not see.
    if (this.deps.frame) this.deps.frame.opaque = true;
    const ordered = sourceOrdered(union, node, this.checker);
    return this.union(
      ordered.map((t) => ({ type: t, node: undefined })),
      ctx,
    );
  }

  /** A reference to a named type (`typeName`: the identifier or qualified name naming it). */
  private fromReference(
    node: ts.TypeReferenceNode | ts.ImportTypeNode,
    typeName: ts.EntityName,
    type: ts.Type,
    ctx: Ctx,
  ): IrType | undefined {
    const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(typeName));
    if (!symbol) return undefined;
    if (isTypeParameter(symbol)) return this.fromTypeArgument(symbol, type, ctx);
    if (this.deps.frame) this.deps.dependOnSymbol(symbol);
    const args = node.typeArguments ?? [];
    // A name can be a value and a type at once (`const Phase = {...} as const` beside
    // `type Phase = ...`): the reference names the type.
    const declarations = symbol.declarations;
    const decl = declarations?.find(declaresType) ?? declarations?.[0];
    if (args.length === 0 && decl) {
      const known = knownTypeByName(symbol.getName(), decl);
      if (known) return this.named(decl as NamedDeclaration, ctx, { kind: "known", known, at: node });
      // TypeScript's own aliases (`PropertyKey`) are read as what they stand for, at the use.
      if (isTypeAliasDeclaration(decl) && !decl.typeParameters && !isFromLib(decl)) {
        return this.named(decl, ctx, { kind: "alias" });
      }
      // Read from the reference: the checked type of an optional `c?: Color` is the union of
      // Color's members and undefined, which no longer names the enum (or its doc comment).
      if (isEnumDeclarationNode(decl)) return this.named(decl, ctx, { kind: "enum" });
    }
    // The user's generic type, with its arguments written (or all defaulted: `S` for `S<T = string>`).
    if (decl && isGenericDeclaration(decl) && decl.typeParameters?.length && !isFromLib(decl)) {
      return this.writtenInstance(decl, args, type, ctx);
    }
    const name = symbol.getName();
    const first = args[0];
    if (!first || !isFromLib(decl)) return undefined;
    if (name === "Array" || name === "ReadonlyArray" || name === "Set" || name === "ReadonlySet") {
      const element = this.elementOf(type) ?? this.checker.getTypeFromTypeNode(first);
      if (this.isOpenType(element)) return undefined;
      const items = this.convert(element, first, { path: `${ctx.path}[]`, at: ctx.at });
      return name.endsWith("Set")
        ? { kind: "array", items, set: true, origin: nodeOrigin(ctx.at) }
        : this.array(items, ctx);
    }
    if (name === "Record" && args.length === 2) return this.fromRecord(args[0]!, args[1]!, type, ctx);
    if (isModifier(name) && args.length === 1) {
      const known = this.modifiedKnown(first, name, node);
      if (known) return known;
    }
    if (name === "Readonly" && args.length === 1) return this.readonlyOf(first, ctx);
    if ((name === "Partial" || name === "Required") && args.length === 1) {
      const record = this.withOptionality(first, name === "Partial", ctx);
      if (record) return record;
    }
    if (name === "NonNullable" && args.length === 1) return this.nonNullable(first, ctx);
    if ((name === "Exclude" || name === "Extract") && args.length === 2) {
      // A union of literals (`Exclude<Phase, null>`) is one enum, its members in source order.
      const written =
        name === "Exclude" && !isLiteralUnion(type)
          ? this.withoutExcludedNull(first, args[1]!, ctx)
          : undefined;
      return written ?? this.inSourceOrder(type, node, ctx);
    }
    if (PROPERTY_UTILITIES.has(name)) return this.utilityOfInstance(first, type, ctx);
    return undefined;
  }

  /**
   * `Partial<Box<int32>>`, `Pick<Box<Port>, "value">`: the checker's reading of the utility type,
   * with Box's members read from the arguments written for it (the checker's Box<number> forgot
   * the int32). Undefined when the first argument is not a use of the user's generic object type.
   */
  private utilityOfInstance(inner: ts.TypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const scope = this.instanceScope(inner);
    if (!scope) return undefined;
    if (this.deps.frame) this.deps.frame.opaque = true;
    return this.inScope(scope, () => this.fromType(type, ctx));
  }

  /**
   * `Box<int32> & { more: string }`: the checker's merged object, each member that a use of the
   * user's generic type declares read with the arguments written there (the checker's Box<number>
   * forgot the int32). Undefined when no member of the intersection is such a use.
   */
  private fromIntersection(node: ts.IntersectionTypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const merged = withoutUndefined(type);
    if (!(merged.flags & TypeFlags.Intersection) || this.isOpenType(merged)) return undefined;
    const instances = this.intersectedInstances(node);
    if (instances.length === 0) return undefined;
    return this.intersection(merged as ts.IntersectionType, ctx, instances);
  }

  /** The scopes of the generic instances an intersection is written with, nested ones included. */
  private intersectedInstances(node: ts.IntersectionTypeNode): TypeArgScope[] {
    return node.types.flatMap((member) => {
      const bare = unparenthesized(member);
      if (isIntersectionTypeNode(bare)) return this.intersectedInstances(bare);
      // `Box<U>` inside `Outer<U>`: U is the argument written for Outer (the merged type is closed).
      const scope = this.instanceScope(bare, true);
      return scope ? [scope] : [];
    });
  }

  /**
   * The written arguments of `node` when it is a use of the user's generic interface, class or
   * alias of an object; `open`: also when they name a parameter of the instance being read.
   */
  private instanceScope(node: ts.TypeNode, open = false): TypeArgScope | undefined {
    const bare = unparenthesized(node);
    if (!isTypeReferenceNode(bare)) return undefined;
    const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(bare.typeName));
    const decl = symbol?.declarations?.find(declaresType);
    if (!decl || !isGenericDeclaration(decl) || !decl.typeParameters?.length || isFromLib(decl))
      return undefined;
    if (isTypeAliasDeclaration(decl) && !isObjectNode(decl.type)) return undefined;
    if (!open && this.isOpenType(this.checker.getTypeFromTypeNode(bare))) return undefined;
    return writtenScope(this.checker, decl, bare.typeArguments ?? [], this.scope);
  }

  /**
   * `Record<K, V>`: a map for string keys; an object with a property per key for literal keys
   * (`Record<"cpu" | "memory", Quantity>`), each property's value read from the written V.
   */
  private fromRecord(keyNode: ts.TypeNode, value: ts.TypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const key = this.checker.getTypeFromTypeNode(keyNode);
    const valueType = this.checker.getTypeFromTypeNode(value);
    if (key.flags & TypeFlags.String && valueType.flags & TypeFlags.Never) {
      return { kind: "object", properties: [], origin: nodeOrigin(ctx.at) };
    }
    if (key.flags & TypeFlags.String) {
      // Inside a generic (`Record<string, Box<T>>`) only the checker's instantiation is known.
      const values = this.isOpenType(valueType)
        ? this.checker.getIndexInfoOfType(withoutUndefined(type), IndexKind.String)?.type
        : valueType;
      if (!values || this.isOpenType(values)) return undefined;
      const items = this.convert(values, value, { path: `${ctx.path}[*]`, at: ctx.at });
      return { kind: "object", properties: [], additionalProperties: items, origin: nodeOrigin(ctx.at) };
    }
    return this.objectOfKeys(type, value, ctx);
  }

  /**
   * An object whose properties the checker computed from a set of keys (`Record<"a" | "b", V>`,
   * `{ [K in Keys]: V }`), each property's value read from the one written value node V. Not for
   * index signatures (a map) or keys the checker could not list.
   */
  private objectOfKeys(type: ts.Type, value: ts.TypeNode, ctx: Ctx): IrType | undefined {
    const object = withoutUndefined(type);
    if (!(object.flags & TypeFlags.Object) || this.checker.getIndexInfosOfType(object).length > 0)
      return undefined;
    if (this.deps.frame) this.deps.frame.opaque = true;
    const properties: IrProperty[] = [];
    for (const symbol of this.checker.getPropertiesOfType(object)) {
      const name = symbol.getName();
      if (name.startsWith("__@") || name === "__proto__") return undefined;
      const path = `${ctx.path}.${name}`;
      const propertyType = this.checker.getTypeOfSymbol(symbol);
      const optional = (symbol.flags & SymbolFlags.Optional) !== 0;
      if (optional && holdsNoValue(propertyType)) continue;
      properties.push({
        name,
        type: this.convert(propertyType, value, { path, at: ctx.at }),
        optional,
        tags: [],
        origin: nodeOrigin(ctx.at),
      });
    }
    return { kind: "object", properties, origin: nodeOrigin(ctx.at) };
  }

  /** `{ [K in Keys]: V }` whose V does not depend on the key; otherwise the checker's reading. */
  private fromMappedType(node: ts.MappedTypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const value = node.type;
    if (!value || node.nameType || node.questionToken?.kind === SyntaxKind.MinusToken) return undefined;
    const key = this.checker.getSymbolAtLocation(node.typeParameter.name);
    if (!key || mentions(value, key, this.checker)) return undefined;
    return this.objectOfKeys(type, value, ctx);
  }

  /**
   * `Partial<Record<"a" | "b", V>>` (or `Required<...>`): the Record read from its written nodes,
   * every property made optional (or required). Anything else is the checker's reading: a named
   * interface's properties keep their declarations under Partial, and property() reads those.
   */
  private withOptionality(inner: ts.TypeNode, optional: boolean, ctx: Ctx): IrType | undefined {
    if (!isTypeReferenceNode(inner) || inner.typeArguments?.length !== 2) return undefined;
    const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(inner.typeName));
    if (symbol?.getName() !== "Record" || !isFromLib(symbol.declarations?.[0])) return undefined;
    const innerType = this.checker.getTypeFromTypeNode(inner);
    if (this.isOpenType(innerType)) return undefined;
    const [keys, value] = inner.typeArguments as unknown as [ts.TypeNode, ts.TypeNode];
    const read = this.fromRecord(keys, value, innerType, ctx);
    if (read?.kind !== "object") return undefined;
    // A map's values that may be undefined are keys JSON leaves out: the same map.
    if (read.additionalProperties) return read;
    return { ...read, properties: read.properties.map((p) => ({ ...p, optional })) };
  }

  /**
   * `Readonly<X>` holds in JSON what X holds: X read as written (`Readonly<Record<string, int32>>`
   * keeps its int32). Not TypeScript's own interfaces: a `Readonly<Date>` is no Date.
   */
  private readonlyOf(inner: ts.TypeNode, ctx: Ctx): IrType | undefined {
    const innerType = this.checker.getTypeFromTypeNode(inner);
    if (this.isOpenType(innerType)) return undefined;
    const builtIn =
      innerType.flags & TypeFlags.Object &&
      (innerType as ts.ObjectType).objectFlags & ObjectFlags.ClassOrInterface &&
      !this.checker.isArrayType(innerType) &&
      (innerType.symbol?.declarations?.some(isFromLib) ?? false);
    return builtIn ? undefined : this.convert(innerType, inner, ctx);
  }

  /**
   * `Partial<V1LabelSelector>` (or `Required`, `Readonly`) of a known type, or of an interface that
   * only renames one: the known type's schema, its `required` changed (see kubernetes/mapped.ts).
   */
  private modifiedKnown(inner: ts.TypeNode, modifier: Modifier, at: ts.Node): IrType | undefined {
    if (!isTypeReferenceNode(inner) || inner.typeArguments) return undefined;
    const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(inner.typeName));
    const decl = symbol?.declarations?.find(declaresType);
    if (!symbol || !decl) return undefined;
    const known = knownTypeByName(symbol.getName(), decl) ?? this.inheritedKnown(decl);
    if (!known) return undefined;
    if (this.deps.frame) this.deps.dependOnSymbol(symbol);
    const read = known(nodeOrigin(at));
    return read.kind === "verbatim" ? { ...read, schema: modifiedSchema(read.schema, modifier) } : read;
  }

  /**
   * The known type an interface (or class) stands for when it only renames one, as in
   * `interface Meta extends V1ObjectMeta {}`: adding nothing, it is that type, with the type-level
   * extensions its members alone would not give (and ObjectMeta stays `{type: object}`). One that
   * adds members is read member by member, the inherited ones keeping their known schemas.
   */
  private inheritedKnown(decl: ts.Declaration, depth = 0): KnownType | undefined {
    // Cheap checks first: this is asked of every interface read.
    if (!(isInterfaceDeclaration(decl) || isClassDeclaration(decl)) || decl.members.length > 0)
      return undefined;
    const clause = decl.heritageClauses?.length === 1 ? decl.heritageClauses[0] : undefined;
    const extended = clause?.token === SyntaxKind.ExtendsKeyword ? clause.types : undefined;
    const base = extended?.length === 1 ? extended[0] : undefined;
    if (!base || base.typeArguments || decl.typeParameters || !decl.name) return undefined;
    // A declaration merged with another (`interface Meta { extra: string }`) adds its members.
    const own = this.checker.getSymbolAtLocation(decl.name);
    if ((own?.declarations?.filter(declaresType).length ?? 0) !== 1) return undefined;
    const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(base.expression));
    const baseDecl = symbol?.declarations?.find(declaresType);
    if (!symbol || !baseDecl) return undefined;
    if (this.deps.frame) this.deps.dependOnSymbol(symbol);
    // A chain of renamings (`interface A extends Meta {}`) is bounded: TypeScript rejects a cycle.
    return (
      knownTypeByName(symbol.getName(), baseDecl) ??
      (depth < MAX_RENAMINGS ? this.inheritedKnown(baseDecl, depth + 1) : undefined)
    );
  }

  /** `NonNullable<Port | null>`: the written type without its null (so still a Port). */
  private nonNullable(inner: ts.TypeNode, ctx: Ctx): IrType | undefined {
    const innerType = this.checker.getTypeFromTypeNode(inner);
    if (this.isOpenType(innerType)) return undefined;
    const read = this.convert(innerType, inner, ctx);
    if (read.kind === "ref") return this.nonNullableNamed(read.name, ctx);
    return read.kind === "null" ? undefined : withoutNull(read);
  }

  /**
   * `Exclude<Spec["ports"], undefined>` (or of `null`): the written type, as NonNullable's. Undefined
   * when anything else is excluded.
   */
  private withoutExcludedNull(inner: ts.TypeNode, excluded: ts.TypeNode, ctx: Ctx): IrType | undefined {
    const out = this.checker.getTypeFromTypeNode(excluded);
    const members = out.flags & TypeFlags.Union ? (out as ts.UnionType).types : [out];
    if (!members.every((m) => m.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)))
      return undefined;
    if (members.some((m) => m.flags & TypeFlags.Null)) return this.nonNullable(inner, ctx);
    // `undefined` is no JSON value: the type read without it is the type.
    const innerType = this.checker.getTypeFromTypeNode(inner);
    return this.isOpenType(innerType) ? undefined : this.convert(innerType, inner, ctx);
  }

  /**
   * `NonNullable<Phase>` for `type Phase = "A" | "B" | null`: Phase's doc comment and tags over its
   * type without null, as a definition of its own (Phase itself stays nullable where it is used).
   */
  private nonNullableNamed(name: string, ctx: Ctx): IrType | undefined {
    const origin = nodeOrigin(ctx.at);
    // Through aliases of it (`type P2 = Phase`), to the definition that holds the union.
    let named = this.definitions.get(name);
    for (let depth = 0; named?.type.kind === "ref" && depth < 8; depth++)
      named = this.definitions.get(named.type.name);
    const target = named?.type;
    // A type still being read (a recursive one) is the checker's reading.
    if (!named || !target || target.kind === "unknown" || target.kind === "ref") return undefined;
    if (target.kind !== "union" || !target.members.some((m) => m.kind === "null"))
      return { kind: "ref", name, origin };
    const stripped = withoutNull(target);
    if (!stripped) return undefined;
    if (this.deps.frame) this.deps.frame.opaque = true;
    let definition = this.nonNullableOf.get(name);
    if (definition === undefined) {
      definition = this.uniqueName(`NonNullable<${name}>`);
      this.nonNullableOf.set(name, definition);
      const description = this.definitions.get(name)?.description ?? named.description;
      const { tags } = named;
      this.definitions.set(definition, {
        name: definition,
        type: stripped,
        description,
        tags,
        origin: named.origin,
      });
    }
    return { kind: "ref", name: definition, origin };
  }

  /** `HasPort["port"]`: the property's written type, when it is faithful to the checked one. */
  private fromIndexedAccess(node: ts.IndexedAccessTypeNode, type: ts.Type, ctx: Ctx): IrType | undefined {
    const index = node.indexType;
    if (!isLiteralTypeNode(index) || index.literal.kind !== SyntaxKind.StringLiteral) return undefined;
    return this.propertyOf(node.objectType, index.literal.text, type, ctx);
  }

  /**
   * Property `name` of the written `owner` (`Spec` of `Spec["port"]`, or what a conditional's
   * `{ port: infer P }` matched), as written, when its written type is `type`.
   */
  private propertyOf(owner: ts.TypeNode, name: string, type: ts.Type, ctx: Ctx): IrType | undefined {
    const objectType = withoutNullish(this.checker.getTypeFromTypeNode(owner));
    if (this.isOpenType(objectType)) return undefined;
    const property = this.checker.getPropertyOfType(objectType, name);
    const decl = property?.valueDeclaration;
    const known = decl && this.knownMember(decl, name);
    if (known) return known;
    const written = decl && (isPropertySignature(decl) || hasWrittenType(decl)) ? decl.type : undefined;
    if (!written) return undefined;
    let scope = this.scope;
    if (!this.isFaithful(written, type)) {
      // `Box<int32>["value"]`: Box's `value: T`, read with the argument written for T.
      const instance = this.instanceScope(owner);
      if (!instance || !decl || !isWithin(decl, instance.owner)) return undefined;
      scope = instance;
    }
    if (this.deps.frame) this.deps.frame.opaque = true;
    const read = this.inScope(scope, () => this.convert(type, written, ctx));
    return decl ? this.withCarriedTags(decl, name, read, ctx) : read;
  }

  /**
   * `Spec["replicas"]` is the same as that field: its value tags (`@minimum 1`, `@pattern`...)
   * come along, as a named type's would, so the field's own tags narrow them. Left behind are
   * what is about that field only: its description, title, examples, default and immutability.
   */
  private withCarriedTags(decl: ts.Declaration, name: string, read: IrType, ctx: Ctx): IrType {
    let tags = this.carriedTags.get(decl);
    if (!tags) {
      // Kubernetes' and TypeScript's own types carry documentation, not crdgen's tags.
      const file = decl.getSourceFile().fileName;
      const foreign = isFromLib(decl) || isKubernetesClientModule(file) || isKubernetesModelsModule(file);
      const raw = foreign ? [] : readDoc(decl).tags.filter((t) => !NOT_CARRIED.has(t.name));
      // A tag in error is reported where the property itself is read, not again at each use.
      tags = raw.length > 0 ? collectTags(raw, ["field"], []) : [];
      this.carriedTags.set(decl, tags);
    }
    if (tags.length === 0) return read;
    const owner = (decl.parent as Partial<NamedDeclaration>).name?.text ?? "Anonymous";
    const definition = this.uniqueName(`${owner}["${name}"]`);
    this.definitions.set(definition, { name: definition, type: read, tags, origin: nodeOrigin(decl) });
    return { kind: "ref", name: definition, origin: nodeOrigin(ctx.at) };
  }

  /**
   * A mapped member's template (`T[K][]`), read with the written nodes in it: the checker's
   * `number[]` forgot the property's int32 (mapped-members.ts).
   */
  private mappedMemberType(member: MappedMember, type: ts.Type, ctx: Ctx): IrType {
    const outer = this.mappedMember;
    this.mappedMember = member;
    try {
      return this.convert(type, member.mapped.template, ctx);
    } finally {
      this.mappedMember = outer;
    }
  }

  /**
   * The template's `T[K]`: the mapped property's written type, with its value tags as
   * `Base["name"]` carries them. Undefined when the written type is not what the checker made of
   * `T[K]` here (a chain of mapped types, `Partial<Lists<Base>>`, maps a changed type).
   */
  private mappedValue(member: MappedMember, type: ts.Type, ctx: Ctx): IrType | undefined {
    if (!this.isFaithful(member.written, type)) return this.chainedValue(member, type, ctx);
    member.reached = true;
    this.mappedMember = undefined;
    try {
      const read = this.inScope(undefined, () => this.convert(type, member.written, ctx));
      return member.decl ? this.withCarriedTags(member.decl, member.name, read, ctx) : read;
    } finally {
      this.mappedMember = member;
    }
  }

  /**
   * The template's `T[K]` when T is itself a mapped type that changes the property's type
   * (`Partial<Lists<Base>>`): the member as that mapped type's template makes it, read as written.
   */
  private chainedValue(member: MappedMember, type: ts.Type, ctx: Ctx): IrType | undefined {
    const source = member.mapped.sourceType;
    const inner = source && mappedTemplateOf(source, this.checker);
    if (!inner || inner.node === member.mapped.node) return undefined;
    const chained: MappedMember = { ...member, mapped: this.mappedSource(inner, source), reached: false };
    const read = this.mappedMemberType(chained, type, ctx);
    member.reached = chained.reached;
    return read;
  }

  /**
   * A mapped template's `T[K] | null`, T[K] being a type of its own (`Nullable<Lists<Base>>`,
   * whose T[K] is Lists' `string[]`): T[K] is what the checked type holds beyond the other
   * members. Undefined for any other union with a member the checker alone knows.
   */
  private withMappedValue(
    members: { type: ts.Type; node: ts.TypeNode }[],
    type: ts.Type,
    ctx: Ctx,
  ): IrType | undefined {
    const member = this.mappedMember;
    if (!member) return undefined;
    const value = members.filter((m) => isMappedValue(m.node, member.mapped, this.checker));
    const others = members.filter((m) => !value.includes(m));
    if (value.length !== 1 || others.some((m) => this.isOpenType(m.type))) return undefined;
    const written = others.flatMap((m) => definedMembers(m.type));
    const rest = definedMembers(type).filter((t) => !written.includes(t));
    if (rest.length !== 1) return undefined;
    return this.union([{ type: rest[0]!, node: value[0]!.node }, ...others], ctx);
  }

  /**
   * A mapped member's own tags: those documenting the field, when its value tags went to the
   * template's `T[K]` or the template changed the kind of value; all of them otherwise
   * (`DeepPartial<T[K]>` of an object is still an object).
   */
  private mappedMemberTags(member: MappedMember, tags: AppliedTag[], type: ts.Type): AppliedTag[] {
    if (tags.length === 0) return tags;
    const same =
      !member.reached && sameJsonKind(type, this.checker.getTypeFromTypeNode(member.written), this.checker);
    return same ? tags : tags.filter((t) => isFieldTag(t.name));
  }

  /** A written type parameter: the argument written for it where the generic was used. */
  private fromTypeArgument(symbol: ts.Symbol, type: ts.Type, ctx: Ctx): IrType | undefined {
    const arg = this.scope?.args.get(symbol);
    if (!arg) return undefined;
    const argType = type.flags & TypeFlags.TypeParameter ? this.checker.getTypeFromTypeNode(arg.node) : type;
    return this.inScope(arg.scope, () => this.convert(argType, arg.node, ctx));
  }

  /** A written use of the user's generic type (`Box<Port>`), read with its arguments as written. */
  private writtenInstance(
    decl: GenericDeclaration,
    args: readonly ts.TypeNode[],
    type: ts.Type,
    ctx: Ctx,
  ): IrType | undefined {
    const scope = writtenScope(this.checker, decl, args, this.scope);
    if (!scope) return undefined;
    if (this.deps.frame) this.deps.frame.opaque = true;
    const defined = withoutUndefined(type);
    // An alias of a list, a union or a scalar is read from its body; one of an object, as an interface.
    if (isTypeAliasDeclaration(decl) && !isObjectNode(decl.type))
      return this.aliasInstance(decl, scope, defined, ctx);
    if (defined.flags & TypeFlags.Object && this.instantiates(defined as ts.ObjectType, decl)) {
      return this.namedInstance(defined as ts.ObjectType, decl, ctx, scope);
    }
    return undefined;
  }

  /**
   * Whether `type` is an instance of `decl`. The checker names an instance after the alias it
   * was written in (`type IntBox = Box<int32>`, `type Wrap<T> = Box<T>`), which hides the
   * generic interface or class it instantiates but not the reference's target.
   */
  private instantiates(type: ts.ObjectType, decl: GenericDeclaration): boolean {
    if (this.genericDeclaration(type) === decl) return true;
    if (isTypeAliasDeclaration(decl) || !(type.objectFlags & ObjectFlags.Reference)) return false;
    const target = (type as ts.TypeReference).target;
    return target !== type && (target.symbol?.declarations?.includes(decl) ?? false);
  }

  /** Runs `read` with `scope` as the written type arguments in force. */
  private inScope<T>(scope: TypeArgScope | undefined, read: () => T): T {
    const outer = this.scope;
    this.scope = scope;
    try {
      return read();
    } finally {
      this.scope = outer;
    }
  }

  /** Whether `decl` is written inside the generic declaration whose instance is being read. */
  private isTemplateMember(decl: ts.Node | undefined): boolean {
    if (decl === undefined) return false;
    const owner = this.scope?.owner;
    if (owner !== undefined && isWithin(decl, owner)) return true;
    // `{ value: Base[K] }` of a mapped type written in place.
    const template = this.mappedMember?.mapped.template;
    return template !== undefined && isInside(decl, template);
  }

  /** A type read from a written node that holds a type parameter no written argument stands for. */
  private isOpenType(type: ts.Type): boolean {
    // Outside a generic's instance or a mapped template, written nodes are followed only where
    // faithful: none holds one.
    if (!this.scope) return this.mappedMember !== undefined && holdsTypeParameter(type, this.checker);
    if (type.flags & TypeFlags.TypeParameter && type.symbol && this.scope.args.has(type.symbol)) return false;
    return holdsTypeParameter(type, this.checker);
  }

  /** The element type of an array type (leaving out the `undefined` of an optional property), inside a generic's instance. */
  private elementOf(type: ts.Type): ts.Type | undefined {
    // Outside a generic's instance or a mapped template the written element is the checked one
    // (and cheaper to ask).
    if (!this.scope && !this.mappedMember) return undefined;
    const array = withoutUndefined(type);
    return this.checker.isArrayType(array)
      ? this.checker.getTypeArguments(array as ts.TypeReference)[0]
      : undefined;
  }

  private fromType(type: ts.Type, ctx: Ctx): IrType {
    const f = type.flags;
    const origin = nodeOrigin(ctx.at);
    if (f & (TypeFlags.Any | TypeFlags.Unknown)) {
      // The checker's error type: a name it could not resolve, which a later edit elsewhere can fix.
      if (this.deps.frame && isErrorType(type)) this.deps.frame.opaque = true;
      return { kind: "unknown", origin };
    }
    if (f & TypeFlags.Null) return { kind: "null", origin };
    if (f & TypeFlags.EnumLike && type.symbol && isEnumDeclaration(type.symbol)) {
      const decl = type.symbol.declarations!.find(isEnumDeclarationNode)!;
      if (f & TypeFlags.Union || f & TypeFlags.Enum || type.symbol.flags & SymbolFlags.Enum) {
        if (this.deps.frame) this.deps.dependOnSymbol(type.symbol);
        return this.named(decl, ctx, { kind: "enum" });
      }
    }
    if (f & TypeFlags.Boolean) return { kind: "primitive", type: "boolean", origin };
    if (f & TypeFlags.Union) {
      return this.union(
        (type as ts.UnionType).types.map((t) => ({ type: t, node: undefined })),
        ctx,
      );
    }
    // A member of an enum (`kind: Kind.Web`) is its value: it depends on the enum's declaration,
    // and on whatever declarations a computed value (`Web = Base.Web`, `Max = LIMIT`) comes from.
    if (f & TypeFlags.EnumLiteral && this.deps.frame && type.symbol)
      this.deps.dependOnEnumMember(type.symbol);
    if (f & TypeFlags.StringLiteral) return enumOf("string", [(type as ts.StringLiteralType).value], origin);
    if (f & TypeFlags.NumberLiteral) {
      const v = (type as ts.NumberLiteralType).value;
      // Written elsewhere (`[1e400] as const`): the checker's value is all there is to name.
      if (!Number.isFinite(v)) return this.unwritableNumber(ctx, String(v), v);
      return enumOf(Number.isInteger(v) ? "integer" : "number", [v], origin);
    }
    if (f & TypeFlags.BooleanLiteral) return enumOf("boolean", [isTrue(type)], origin);
    if (f & TypeFlags.TemplateLiteral) {
      const pattern = templatePattern((type as ts.TemplateLiteralType).texts);
      return pattern === undefined
        ? { kind: "primitive", type: "string", origin }
        : { kind: "primitive", type: "string", pattern, origin };
    }
    if (f & (TypeFlags.String | TypeFlags.StringMapping)) {
      return { kind: "primitive", type: "string", origin };
    }
    if (f & TypeFlags.Number) return { kind: "primitive", type: "number", origin };
    if (f & TypeFlags.BigIntLike) {
      return this.unsupported(ctx, "bigint", "JSON has no bigint: use number (int64) or a string");
    }
    if (f & TypeFlags.ESSymbolLike)
      return this.unsupported(ctx, "a symbol", "symbols are not data: remove it");
    if (f & (TypeFlags.Undefined | TypeFlags.Void)) {
      // "x is undefined" would read as crdgen's own failure: name the type as the user wrote it.
      const what = `the type ${f & TypeFlags.Void ? "void" : "undefined"}`;
      // A list's item or a map's value (`Record<string, void>`) has no property to make optional.
      return ctx.path.endsWith("]")
        ? this.unsupported(
            ctx,
            what,
            "JSON always holds a value there: give the items or values a type that is data (`string`, an object...)",
          )
        : this.unsupported(ctx, what, "make the property optional instead (`name?: T`)");
    }
    if (f & TypeFlags.Never) return this.unsupported(ctx, "never", "remove the property");
    if (f & TypeFlags.TypeParameter) {
      return this.unsupported(ctx, "an uninstantiated type parameter", "instantiate the generic type");
    }
    if (f & TypeFlags.Intersection) return this.intersection(type as ts.IntersectionType, ctx);
    if (f & TypeFlags.Object) return this.fromObjectType(type as ts.ObjectType, ctx);
    const hint = f & TypeFlags.NonPrimitive ? ANY_OBJECT_HINT : "use a JSON-compatible type";
    return this.unsupported(ctx, `the type ${this.checker.typeToString(type)}`, hint);
  }

  private fromObjectType(type: ts.ObjectType, ctx: Ctx): IrType {
    const origin = nodeOrigin(ctx.at);
    if (this.checker.isTupleType(type)) return this.unsupported(ctx, "a tuple", this.tupleHint(type, ctx.at));
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
    // Through an alias too (`type ByName = Map<string, T>`): named, it is still a Map.
    const mapName =
      libName ?? (type.symbol && isFromLib(type.symbol.declarations?.[0]) ? type.symbol.getName() : "");
    if (mapName === "Map" || mapName === "ReadonlyMap" || mapName === "WeakMap") {
      return this.unsupported(ctx, "a Map", "Map does not serialize to JSON: use Record<string, T>");
    }
    // The wrapper interfaces of primitives hold what the primitives hold; Object and Function
    // would otherwise be read member by member, down into lib.es5.d.ts.
    if (libName === "String") return { kind: "primitive", type: "string", origin };
    if (libName === "Number") return { kind: "primitive", type: "number", origin };
    if (libName === "Boolean") return { kind: "primitive", type: "boolean", origin };
    if (libName === "Object") return this.unsupported(ctx, "the type Object", ANY_OBJECT_HINT);
    if (libName === "Function") {
      return this.unsupported(ctx, "a function", "a CRD holds data only: remove the function");
    }
    if (libName === "RegExp" || libName === "Promise" || libName === "Error") {
      return this.unsupported(
        ctx,
        `${libName === "Error" ? "an" : "a"} ${libName}`,
        "use a JSON-compatible type",
      );
    }
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
      return this.unsupported(ctx, "a function", "a CRD holds data only: remove the function");
    }
    // Any other of TypeScript's own object types (URL, ArrayBuffer, Int32Array, `Readonly<Date>`...)
    // holds methods and internal state, not JSON: one error at the use, not one per method.
    if (libName !== undefined || (!this.isTypeLiteral(type) && this.hasOnlyBuiltInMembers(type))) {
      return this.unsupported(
        ctx,
        `the built-in type ${this.checker.typeToString(type)}`,
        "store it as a string (with @format where one fits), or declare an interface of the fields you keep",
      );
    }
    if (this.isEmptyTypeLiteral(type)) {
      // `{}` admits a string or a list as well as any object: `type: object` with no properties
      // would refuse the one and prune every field of the other.
      return this.unsupported(
        ctx,
        "the type {} (in TypeScript any value but null and undefined)",
        "write Record<string, never> for an object with no fields, Record<string, unknown> for an object of any fields, or unknown for any value",
      );
    }
    const library = this.packages.libraryTypeWithMethods(type);
    if (library) {
      return this.unsupported(
        ctx,
        `the ${library.kind} ${this.checker.typeToString(type)} of ${library.packageName}, with methods (${library.methods})`,
        "a CRD holds data only: declare an interface of the fields you keep",
      );
    }
    // A named, non-generic interface or class is converted once and referenced.
    const objectFlags = type.objectFlags;
    const isPlainNamed =
      (objectFlags & ObjectFlags.ClassOrInterface) !== 0 &&
      !((type as ts.InterfaceType).typeParameters?.length ?? 0);
    const decl = type.symbol?.declarations?.find(declaresType);
    if (isPlainNamed && decl && (isInterfaceDeclaration(decl) || isClassDeclaration(decl))) {
      if (this.deps.frame) this.deps.dependOnSymbol(type.symbol);
      const known = knownTypeByName(type.symbol.getName(), decl);
      if (known) return this.named(decl, ctx, { kind: "known", known, at: ctx.at });
      return this.named(decl, ctx, { kind: "interface" });
    }
    const alias = type.aliasSymbol?.declarations?.find(isTypeAliasDeclaration);
    if (alias && !alias.typeParameters && !type.aliasTypeArguments) {
      if (this.deps.frame) this.deps.dependOnSymbol(type.aliasSymbol!);
      // Reached while converting this alias's own body: the body, not another reference to it.
      if (this.aliasBody === alias) {
        this.aliasBody = undefined;
        if (this.deps.frame && !this.isTypeLiteral(type)) this.deps.frame.opaque = true;
        return this.objectOf(type, { path: ctx.path, at: alias });
      }
      return this.named(alias, ctx, { kind: "aliasObject" });
    }
    // An object literal type's properties are recorded as they are read; anything else here
    // (mapped, instantiated generic, class expression...) is computed by the checker.
    if (this.deps.frame && !this.isTypeLiteral(type)) this.deps.frame.opaque = true;
    const generic = this.genericDeclaration(type);
    if (generic) return this.namedInstance(type, generic, ctx, undefined);
    return this.objectOf(type, ctx);
  }

  /**
   * The user's generic interface, class or alias that `type` instantiates (`Page<Item>`). Not
   * TypeScript's own (`Partial<T>`, `Pick<T, K>`): their doc comments are not the user's.
   */
  private genericDeclaration(type: ts.ObjectType): GenericDeclaration | undefined {
    const alias = type.aliasSymbol?.declarations?.find(isTypeAliasDeclaration);
    if (type.aliasSymbol) {
      const generic = alias?.typeParameters && type.aliasTypeArguments;
      return generic && !isFromLib(alias) ? alias : undefined;
    }
    if (!(type.objectFlags & ObjectFlags.Reference)) return undefined;
    const target = (type as ts.TypeReference).target;
    if (target === type || !target.typeParameters?.length) return undefined;
    const decl = target.symbol?.declarations?.find(declaresType);
    return decl && (isInterfaceDeclaration(decl) || isClassDeclaration(decl)) && !isFromLib(decl)
      ? decl
      : undefined;
  }

  /**
   * An instantiation of a generic type, read once and referenced as a named type is: it keeps
   * the declaration's doc comment and tags, and a recursive one (`Tree<T>` holding `Tree<T>[]`)
   * is inline-refs' located "recursive" error rather than a conversion without end.
   */
  private namedInstance(
    type: ts.ObjectType,
    decl: GenericDeclaration,
    ctx: Ctx,
    scope: TypeArgScope | undefined,
  ): IrType {
    const own = { path: ctx.path, at: decl };
    return this.instance(
      this.instanceKey(type, scope),
      () => this.checker.typeToString(type),
      decl,
      type,
      ctx,
      () =>
        this.inScope(scope, () => {
          const body = isTypeAliasDeclaration(decl) ? unparenthesized(decl.type) : undefined;
          const mapped = body && isMappedTypeNode(body) ? this.fromMappedType(body, type, own) : undefined;
          return mapped ?? this.objectOf(type, own);
        }),
    );
  }

  /**
   * A written use of a generic alias that is not an object (`NonEmpty<Port>` for
   * `type NonEmpty<T> = T[]`, `Maybe<T> = T | null`): its body read with the written arguments,
   * as a named type, so that the alias's doc comment and tags apply.
   */
  private aliasInstance(decl: ts.TypeAliasDeclaration, scope: TypeArgScope, type: ts.Type, ctx: Ctx): IrType {
    const key = `alias:${this.scopeKeys.id(decl)}|${this.scopeKeys.key(scope, this.checker)}${this.memberKey()}`;
    const args = () => [...scope.args.values()].map((a) => a.node.getText()).join(", ");
    return this.instance(
      key,
      () => `${decl.name.text}<${args()}>`,
      decl,
      type,
      ctx,
      () => this.inScope(scope, () => this.convert(type, decl.type, { path: ctx.path, at: decl })),
    );
  }

  /**
   * One instance of a generic declaration, by `key`: read once (`read` gives its type) as a
   * definition named after `text` (asked only then), with the declaration's doc and tags, and referenced.
   */
  private instance(
    key: string,
    text: () => string,
    decl: GenericDeclaration,
    type: ts.Type,
    ctx: Ctx,
    read: () => IrType,
  ): IrType {
    const origin = nodeOrigin(ctx.at);
    const existing = this.nameOfInstance.get(key);
    if (existing !== undefined) return { kind: "ref", name: existing, origin };
    const depth = this.instancesInProgress.get(decl) ?? 0;
    if (depth >= MAX_NESTED_INSTANCES) return this.recursiveInstance(decl, type, ctx);
    const name = this.uniqueName(text());
    this.nameOfInstance.set(key, name);
    const definition: IrDefinition = { name, type: { kind: "unknown" }, tags: [], origin: nodeOrigin(decl) };
    this.definitions.set(name, definition);
    this.instancesInProgress.set(decl, depth + 1);
    try {
      definition.type = read();
    } finally {
      this.instancesInProgress.set(decl, depth);
    }
    const doc = this.docs.genericDoc(decl);
    definition.description = doc.description;
    definition.tags = doc.tags;
    return { kind: "ref", name, origin };
  }

  /** An object type of no name of its own met again inside itself, at `ctx.path`. */
  private recursiveObject(type: ts.Type, outerPath: string, ctx: Ctx): IrObject {
    // Once: a mapped type's keys (`{ [K in "x" | "y"]: { inner?: ... } }`) meet it once each.
    if (!this.recursionsReported.has(type)) {
      this.recursionsReported.add(type);
      this.diagnostics.push({
        severity: "error",
        code: codes.recursiveType,
        message: `${outerPath} is recursive (${outerPath} -> ${ctx.path}); a CRD schema cannot describe recursive types.`,
        location: nodeLocation(ctx.at),
        path: ctx.path,
        hint: RECURSION_HINT,
      });
    }
    return { kind: "object", properties: [], origin: nodeOrigin(ctx.at) };
  }

  /** `interface X<T> { next?: X<T[]> }`: every level is a new type, so no reference repeats. */
  private recursiveInstance(decl: GenericDeclaration, type: ts.Type, ctx: Ctx): IrType {
    this.diagnostics.push({
      severity: "error",
      code: codes.recursiveType,
      message: `${decl.name?.text ?? "A generic type"} is recursive through its type arguments (${this.checker.typeToString(type)}); a CRD schema cannot describe recursive types.`,
      location: nodeLocation(ctx.at),
      path: ctx.path,
      hint: RECURSION_HINT,
    });
    return { kind: "unknown", origin: nodeOrigin(ctx.at) };
  }

  /** Tells instances apart by the checked type and by the arguments written for it. */
  private instanceKey(type: ts.Type, scope: TypeArgScope | undefined): string {
    const written = scope ? this.scopeKeys.key(scope, this.checker) : "";
    return `${this.scopeKeys.id(type)}|${written}${this.memberKey()}`;
  }

  /**
   * In a mapped template, an instance written with `T[K]` (`Box<T[K]>`) is one for each property
   * mapped: each has its property's written type and tags.
   */
  private memberKey(): string {
    const member = this.mappedMember;
    // By the property mapped, not the member: a recursive mapped type meets it again, and stops.
    return member ? `|m${this.scopeKeys.id(member.decl ?? member.written)}` : "";
  }

  /** A type whose members are all declared in TypeScript's lib files (a mapped `Readonly<Date>`). */
  private hasOnlyBuiltInMembers(type: ts.Type): boolean {
    const members = this.checker.getPropertiesOfType(type);
    return (
      members.length > 0 &&
      members.every(
        (m) => m.declarations !== undefined && m.declarations.length > 0 && m.declarations.every(isFromLib),
      )
    );
  }

  /**
   * A written `{}` (or an alias of it): no member, no index or call signature. The checker reads
   * every written `{}` as one shared type, whose symbol has no declaration.
   */
  private isEmptyTypeLiteral(type: ts.ObjectType): boolean {
    if (!(type.objectFlags & ObjectFlags.Anonymous) || type.objectFlags & ObjectFlags.Instantiated)
      return false;
    const declarations = type.symbol?.declarations ?? [];
    return (
      declarations.every((d) => isTypeLiteralNode(d) && d.members.length === 0) &&
      this.checker.getPropertiesOfType(type).length === 0 &&
      this.checker.getIndexInfosOfType(type).length === 0 &&
      type.getCallSignatures().length === 0 &&
      type.getConstructSignatures().length === 0
    );
  }

  /** An object literal type (`{ a: string }`) as written, not one the checker computed. */
  private isTypeLiteral(type: ts.ObjectType): boolean {
    if (!(type.objectFlags & ObjectFlags.Anonymous) || type.objectFlags & ObjectFlags.Instantiated)
      return false;
    const declarations = type.symbol?.declarations;
    return declarations !== undefined && declarations.length > 0 && declarations.every(isTypeLiteralNode);
  }

  /** Object intersections merge (the checker already merged their properties); a branded primitive stays primitive. */
  private intersection(type: ts.IntersectionType, ctx: Ctx, instances: readonly TypeArgScope[] = []): IrType {
    if (this.deps.frame) this.deps.frame.opaque = true;
    const primitive = type.types.find(
      (t) => t.flags & (TypeFlags.String | TypeFlags.Number | TypeFlags.Boolean | TypeFlags.Literal),
    );
    if (primitive) return this.fromType(primitive, ctx);
    return this.objectOf(type, ctx, instances);
  }

  private union(members: { type: ts.Type; node: ts.TypeNode | undefined }[], ctx: Ctx): IrType {
    const origin = nodeOrigin(ctx.at);
    const present = members.filter((m) => !(m.type.flags & (TypeFlags.Undefined | TypeFlags.Void)));
    const converted: IrType[] = [];
    let hasNull = false;
    let sawTrue = false;
    let sawFalse = false;
    for (const m of present) {
      if (m.type.flags & TypeFlags.Null) {
        hasNull = true;
        continue;
      }
      // `boolean` arrives as its two literals when read from a checked union.
      if (m.type.flags & TypeFlags.BooleanLiteral && !m.node) {
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

  /**
   * A tuple of one item type and a fixed length (`[number, number]`) is a list with both bounds:
   * the hint spells it. Any other tuple has no list to be.
   */
  private tupleHint(type: ts.ObjectType, at: ts.Node): string {
    const general = "Kubernetes lists hold one item type: use T[] or an object with named fields";
    const elements = this.checker.getTypeArguments(type as ts.TypeReference);
    const flags = ((type as ts.TypeReference).target as ts.TupleType).elementFlags;
    const [first] = elements;
    const fixed = flags.every((f) => f & tsApi.ElementFlags.Required);
    if (!first || !fixed || elements.some((e) => e !== first)) return general;
    // The item as written where it is (`[int32, int32]`): the checker forgets aliases of number.
    const written = isPropertySignature(at) && at.type && isTupleTypeNode(at.type) ? at.type.elements : [];
    const texts = new Set(written.map((e) => e.getText()));
    const item = texts.size === 1 ? [...texts][0]! : this.checker.typeToString(first);
    const list = first.flags & TypeFlags.Union ? `(${item})[]` : `${item}[]`;
    return `Kubernetes lists hold one item type: write ${list} with @minItems ${elements.length} @maxItems ${elements.length} (on the property), or an object with named fields`;
  }

  private array(items: IrType, ctx: Ctx): IrType {
    return { kind: "array", items, origin: nodeOrigin(ctx.at) };
  }

  private enumOf(decl: ts.EnumDeclaration, ctx: Ctx): IrType {
    const values: Scalar[] = [];
    for (const member of decl.members) {
      const v = this.checker.getConstantValue(member);
      if (v === undefined) {
        return this.unsupported(
          { path: ctx.path, at: member },
          "a computed enum member",
          computedMemberHint(member),
        );
      }
      if (typeof v === "number" && member.initializer) {
        const written = unwritableLiteral(member.initializer, v);
        if (written !== undefined) return this.unwritableNumber({ path: ctx.path, at: member }, written, v);
      }
      values.push(v);
    }
    const kinds = new Set(values.map((v) => typeof v));
    if (kinds.size > 1) {
      // A member to rewrite, so that the hint is one the user can follow as written.
      const index = values.findIndex((v) => typeof v === "number");
      const example = `${decl.members[index]!.name.getText()} = ${JSON.stringify(String(values[index]))}`;
      return this.unsupported(
        ctx,
        `an enum mixing strings and numbers (${decl.name.text})`,
        `a Kubernetes field has one type: give every member of ${decl.name.text} a string value (${example})`,
      );
    }
    const type: PrimitiveName = kinds.has("string")
      ? "string"
      : values.every((v) => Number.isInteger(v))
        ? "integer"
        : "number";
    return { kind: "enum", type, values, origin: nodeOrigin(decl) };
  }

  /**
   * A named declaration becomes a definition, converted once and referenced wherever used;
   * its doc and tags apply at every use. Recursion simply produces a ref to itself here;
   * the inline-refs transform reports the cycle with its path.
   */
  private named(decl: NamedDeclaration, ctx: Ctx, route: Route): IrType {
    const name = this.nameAndRead(decl, ctx, route);
    return { kind: "ref", name, origin: nodeOrigin(ctx.at) };
  }

  /**
   * Names `decl` and reads it, the first time it is reached. In a session with a ReadCache, an
   * interface whose last reading is still valid is not read again (see read-cache.ts), and the
   * reading of one that is read is recorded with what it depended on.
   */
  private nameAndRead(decl: NamedDeclaration, ctx: Ctx, route: Route): string {
    const { path } = ctx;
    const parent = this.deps.frame;
    if (parent) this.deps.dependOn(decl);
    const existing = this.nameOfDeclaration.get(decl);
    if (existing) {
      parent?.refs.push({ decl, route, at: ctx.at, suffix: path.slice(parent.path.length), name: existing });
      return existing;
    }
    const name = this.uniqueName(decl.name?.text ?? "Anonymous");
    this.nameOfDeclaration.set(decl, name);
    parent?.refs.push({ decl, route, at: ctx.at, suffix: path.slice(parent.path.length), name });
    const cache = this.cache;
    const recordable = route.kind === "interface" && cache !== undefined && this.aliasBody === undefined;
    if (recordable) {
      const record = cache.get(decl);
      if (record && record.definition.name === name) {
        this.definitions.set(name, record.definition);
        if (this.replay(record, path)) {
          cache.reused++;
          return name;
        }
      }
    }
    const placeholder: IrDefinition = {
      name,
      type: { kind: "unknown" },
      tags: [],
      origin: nodeOrigin(decl),
    };
    this.definitions.set(name, placeholder);
    const frame = cache ? this.deps.openFrame(path) : undefined;
    try {
      // Known types (int32, IntOrString...) are documented for crdgen's users, not for their CRDs.
      const known = route.kind === "known";
      if (!known) this.docs.notePlainCommentTags(decl, name);
      const doc = known ? NO_TYPE_DOC : this.docs.typeDoc(decl);
      // @schemaless: the type makes no schema, so its body is not read (see property()).
      placeholder.type = isSchemaless(doc.tags)
        ? { kind: "unknown", origin: nodeOrigin(decl) }
        : // A named declaration names no type parameter of the instance it was reached from.
          this.inScope(undefined, () =>
            this.packages.inLibrary(decl, decl.name?.text, ctx, () => this.build(decl, ctx, route)),
          );
      placeholder.description = doc.description;
      placeholder.tags =
        route.kind === "enum" || known ? doc.tags : withInherited(doc.tags, this.docs.inheritedTags(decl));
      if (!known && doc.tags.length > 0) {
        const quantity = quantityBoundWarning(name, placeholder.type, doc.tags, this.definitions, () =>
          nodeLocation(decl),
        );
        if (quantity) this.diagnostics.push(quantity);
      }
    } finally {
      if (frame) this.deps.closeFrame(frame, parent);
    }
    if (recordable && frame && !frame.opaque && frame.diagnostics === 0) {
      frame.statements.add(dependencyOf(decl));
      cache.set(decl, {
        definition: placeholder,
        refs: frame.refs,
        statements: [...frame.statements],
      });
    }
    return name;
  }

  /** The type of a named declaration, read the way `route` reached it (`ctx`: where it was used). */
  private build(decl: NamedDeclaration, ctx: Ctx, route: Route): IrType {
    const own: Ctx = { path: ctx.path, at: decl };
    switch (route.kind) {
      case "known":
        return route.known(nodeOrigin(route.at));
      case "enum":
        return this.enumOf(decl as ts.EnumDeclaration, ctx);
      case "alias": {
        const alias = decl as ts.TypeAliasDeclaration;
        this.aliasBody = alias;
        try {
          return this.convert(this.checker.getTypeFromTypeNode(alias.type), alias.type, own);
        } finally {
          this.aliasBody = undefined;
        }
      }
      case "aliasObject":
      case "interface": {
        // A non-generic interface's or class's declared type, or an alias's: the type that was reached.
        const type = this.checker.getTypeAtLocation(decl);
        if (this.deps.frame) {
          if (route.kind === "interface") this.deps.dependOnBases(type);
          else if (!this.isTypeLiteral(type as ts.ObjectType)) this.deps.frame.opaque = true;
        }
        const renamed = route.kind === "interface" ? this.inheritedKnown(decl) : undefined;
        return renamed ? renamed(nodeOrigin(decl)) : this.objectOf(type, own);
      }
    }
  }

  /**
   * Reuses a recorded reading: the definition is kept, and the types it names are reached
   * again, in order, as a full read would reach them (each read again only if it changed).
   * False when they no longer get the names the definition refers to them by (an edit elsewhere
   * took a name first): then the declaration is read in full.
   */
  private replay(record: ReadRecord, path: string): boolean {
    const parent = this.deps.frame;
    const frame = this.deps.openFrame(path);
    try {
      for (const ref of record.refs) {
        const ctx = { path: path + ref.suffix, at: ref.at };
        if (this.nameAndRead(ref.decl, ctx, ref.route) !== ref.name) return false;
      }
      return true;
    } finally {
      this.deps.closeFrame(frame, parent);
    }
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.definitions.has(name); i++) name = `${base}_${i}`;
    return name;
  }

  /** A number the CRD cannot say as `written` (unwritableLiteral): out of a float's range, or an inexact integer. */
  private unwritableNumber(ctx: Ctx, written: string, value: number): IrType {
    const finite = Number.isFinite(value);
    this.diagnostics.push({
      severity: "error",
      code: codes.unsupportedType,
      message: `${ctx.path} ${finite ? inexactIntegerText(written, value) : outOfRangeNumberText(written, value)}.`,
      location: nodeLocation(ctx.at),
      path: ctx.path,
      hint: `${finite ? EXACT_INTEGER_HINT : IN_RANGE_HINT}, or a string literal`,
    });
    return { kind: "unknown" };
  }

  private unsupported(ctx: Ctx, what: string, hint: string): IrType {
    const use = this.packages.use;
    this.diagnostics.push({
      severity: "error",
      code: codes.unsupportedType,
      message: `${ctx.path} is ${what}, which a CRD schema cannot express${use ? ` (${declaredAt(ctx.at)})` : ""}.`,
      location: nodeLocation(use?.at ?? ctx.at),
      path: ctx.path,
      hint: use ? libraryHint(use, ctx.path, hint) : hint,
    });
    return { kind: "unknown" };
  }
}

/** A property declared `?: never` (or `?: undefined`): never in JSON (IrObject.absent). */
const NEVER_SET = "never set";

/** Tags of a property that are about that field only, not its values (see withCarriedTags). */
const NOT_CARRIED = new Set([
  "title",
  "description",
  "externalDocs",
  "exampleValue",
  "deprecated",
  "default",
  "immutable",
]);

/** TypeScript's utility types whose properties keep their declarations (and so their written types). */
const PROPERTY_UTILITIES = new Set(["Partial", "Required", "Pick", "Omit"]);

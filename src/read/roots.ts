/**
 * Finds the CRD roots (declarations tagged `@crd`) in the entry files and reads each into
 * the IR, resolving the CRD-level settings and their defaults.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import { codes } from "../diagnostics/codes.js";
import { plainLocation, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.js";
import { sortInSourceOrder } from "../diagnostics/source-order.js";
import type { CrdSettings, IrModel, IrObject, IrRoot, VersionSettings } from "../ir/model.js";
import type { CustomResourceColumnDefinition } from "../schema/types.js";
import { MAX_KIND_LENGTH } from "../tags/crd-tags.js";
import { deprecationOf, type SubresourceTag } from "../tags/version-tags.js";
import type { AppliedTag } from "../tags/registry.js";
import { docMentions, readDoc } from "./jsdoc.js";
import { nodeLocation } from "./location.js";
import { pluralize } from "./names.js";
import { checkRootLiterals } from "./root-literals.js";
import { plainCommentTags } from "./plain-comment-tags.js";
import { collectTags } from "./tags.js";
import { withInherited } from "./inherited-tags.js";
import type { ReadCache } from "./read-cache.js";
import { TypeReader } from "./type-reader.js";

/** Properties every Kubernetes object has; the emitter writes them in their standard form. */
const OBJECT_META_PROPERTIES = new Set(["apiVersion", "kind", "metadata"]);

/**
 * The IR of every `@crd` root in `entries`. With a `cache` (one per long-lived session, begun on
 * the program being read), named types an edit cannot have changed are not read again.
 */
export function readModel(
  entries: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
  diagnostics: Diagnostic[],
  cache?: ReadCache,
): IrModel {
  const reported = diagnostics.length;
  const reader = new TypeReader(checker, diagnostics, cache);
  const roots: IrRoot[] = [];
  const rootDecls = new Set<ts.Node>();
  for (const decl of rootCandidates(entries, checker)) {
    const doc = readDoc(decl);
    if (!doc.tags.some((t) => t.name === "crd")) continue;
    rootDecls.add(decl);
    const root = readRoot(decl, doc, reader, checker, diagnostics);
    if (root) roots.push(root);
  }
  for (const sf of entries)
    for (const statement of sf.statements) {
      reportMisplacedCrd(statement, diagnostics);
      reportNamespacedCrds(statement, diagnostics);
      // A root's own plain-comment tags, and a `// @crd` that was meant to make one.
      if (
        isRootShaped(statement) &&
        (rootDecls.has(statement) || plainCommentTags(statement).some((t) => t.written === "@crd"))
      )
        reader.docs.notePlainCommentTags(statement, statement.name.text);
    }
  // Reading is depth-first: what it found is reported in the order of the files instead.
  sortInSourceOrder(diagnostics, reported);
  return { roots, definitions: reader.definitions };
}

/**
 * `@crd` on a class (or an enum, a function...), which is no root shape: without this error it was
 * skipped, and the user read "No CRD found" about a type they had tagged.
 */
function reportMisplacedCrd(node: ts.Node, diagnostics: Diagnostic[]): void {
  if (isRootShaped(node) || !docMentions(node, "@crd")) return;
  const name = (node as { name?: ts.Node }).name;
  if (!name || !tsApi.isIdentifier(name) || !readDoc(node).tags.some((t) => t.name === "crd")) return;
  const isClass = tsApi.isClassDeclaration(node);
  diagnostics.push({
    severity: "error",
    code: codes.rootShape,
    message: `${name.text} is tagged @crd but is ${isClass ? "a class" : "neither an interface nor a type alias"}: a CRD root is an interface or a type alias.`,
    location: nodeLocation(name),
    path: name.text,
    hint: isClass
      ? `write \`export interface ${name.text}\` with the same fields (a class's methods are no data)`
      : "move the doc comment to the exported interface of the resource",
  });
}

/**
 * `@crd` on a declaration inside a namespace (`export namespace v1 { ... }`): roots are looked for
 * at the top level of the entries (and what they re-export), so without this error the user read
 * "No CRD found" about a type they had tagged.
 */
function reportNamespacedCrds(node: ts.Node, diagnostics: Diagnostic[], within: string[] = []): void {
  if (!tsApi.isModuleDeclaration(node)) return;
  const names = [...within, node.name.text];
  let body = node.body;
  // `namespace a.b { }` nests a declaration per name.
  while (body && tsApi.isModuleDeclaration(body)) {
    names.push(body.name.text);
    body = body.body;
  }
  if (!body || !tsApi.isModuleBlock(body)) return;
  for (const statement of body.statements) {
    reportNamespacedCrds(statement, diagnostics, names);
    if (!isRootShaped(statement) || !docMentions(statement, "@crd")) continue;
    if (!readDoc(statement).tags.some((t) => t.name === "crd")) continue;
    const name = statement.name.text;
    diagnostics.push({
      severity: "error",
      code: codes.rootShape,
      message: `${name} is tagged @crd inside namespace ${names.join(".")}: a CRD root is declared at the top level of its file.`,
      location: nodeLocation(statement.name),
      path: `${names.join(".")}.${name}`,
      hint: `move ${name} out of the namespace (export it from the file, or from a file of its own per API version)`,
    });
  }
}

/**
 * Why entries declaring no root may have meant to (tags in a `//` comment, a type with @group but
 * no @crd), for the hint of "No CRD found"; the generic hint when nothing looks so.
 */
export function noRootsHint(entries: readonly ts.SourceFile[]): string {
  for (const sf of entries) {
    // Tags are read from doc comments only: `// @crd` and `/* @crd */` are plain comments.
    if (/^[ \t]*\/\/.*@crd\b/m.test(sf.text))
      return "tags are read from doc comments only: write /** @crd @group example.com @version v1 */ above the type, not // comments";
    if (/\/\*(?!\*)[^]*?@crd\b/.test(sf.text.replace(/\/\*\*[^]*?\*\//g, "")))
      return "a doc comment starts with /** (two stars): /** @crd @group example.com @version v1 */";
    for (const statement of sf.statements) {
      if (!isRootShaped(statement)) continue;
      const tags = readDoc(statement).tags.map((t) => t.name);
      if (tags.includes("group") || tags.includes("version"))
        return `add @crd to the doc comment of ${statement.name.text}, next to its @${tags.includes("group") ? "group" : "version"}`;
    }
  }
  return "tag the root interface with /** @crd @group example.com @version v1 */";
}

export type RootDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

/**
 * The declarations mentioning @crd that the entries declare, then those they re-export
 * (`export * from "./widget.js"`: an index file is a usual entry; `export * as v1 from
 * "./v1/types.js"`, one namespace per API version), each once.
 */
export function rootCandidates(
  entries: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
): RootDeclaration[] {
  const found = new Set<ts.Node>();
  const out: RootDeclaration[] = [];
  const add = (node: ts.Node) => {
    if (!isRootShaped(node) || found.has(node) || !docMentions(node, "@crd")) return;
    found.add(node);
    out.push(node);
  };
  for (const sf of entries) for (const statement of sf.statements) add(statement);
  const modules = new Set<ts.Node>(entries);
  const exportsOf = (module: ts.Symbol, own: ts.SourceFile | undefined) => {
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & tsApi.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const decl of symbol.declarations ?? []) {
        // A module re-exported as a namespace: its roots, and what it re-exports in turn.
        if (tsApi.isSourceFile(decl)) {
          if (!modules.has(decl)) {
            modules.add(decl);
            exportsOf(symbol, undefined);
          }
        } else if (decl.getSourceFile() !== own) add(decl);
      }
    }
  };
  for (const sf of entries) {
    const module = checker.getSymbolAtLocation(sf);
    if (module) exportsOf(module, sf);
  }
  return out;
}

export function isRootShaped(node: ts.Node): node is RootDeclaration {
  return tsApi.isInterfaceDeclaration(node) || tsApi.isTypeAliasDeclaration(node);
}

/** Exported by an `export` modifier, or by an `export { Widget }` of its own file. */
function isExported(decl: RootDeclaration, checker: ts.TypeChecker): boolean {
  if (decl.modifiers?.some((m) => m.kind === tsApi.SyntaxKind.ExportKeyword)) return true;
  const module = checker.getSymbolAtLocation(decl.getSourceFile());
  const own = checker.getSymbolAtLocation(decl.name);
  if (!module || !own) return false;
  return checker.getExportsOfModule(module).some((e) => {
    const target = e.flags & tsApi.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    return target === own;
  });
}

function readRoot(
  decl: RootDeclaration,
  doc: ReturnType<typeof readDoc>,
  reader: TypeReader,
  checker: ts.TypeChecker,
  diagnostics: Diagnostic[],
): IrRoot | undefined {
  const origin = nodeLocation(decl.name);
  const typeName = decl.name.text;
  const tags = collectTags(doc.tags, ["crd", "type"], diagnostics);
  const error = (message: string, hint?: string) =>
    diagnostics.push({
      severity: "error",
      code: codes.rootShape,
      message,
      location: origin,
      path: typeName,
      hint,
    });

  if (!isExported(decl, checker)) {
    error(
      `${typeName} is tagged @crd but not exported.`,
      `write \`export ${tsApi.isInterfaceDeclaration(decl) ? "interface" : "type"} ${typeName}\``,
    );
    return undefined;
  }
  if (decl.typeParameters?.length) {
    error(
      `${typeName} is tagged @crd but generic.`,
      "declare a concrete root type, e.g. `export interface Foo extends Base<Spec> {}`",
    );
    return undefined;
  }
  const written = new Set(doc.tags.map((t) => t.name));
  const settings = resolveSettings(typeName, tags, written, (problem) =>
    diagnostics.push({
      severity: "error",
      code: problem.code,
      message: problem.message,
      location: plainLocation(problem.at ?? origin),
      path: typeName,
      hint: problem.hint,
    }),
  );

  const type = checker.getTypeAtLocation(decl.name);
  const object: IrObject = reader.objectOf(type, { path: typeName, at: decl });
  // Go's `json:"metadata"` without omitempty: controller-gen requires it, and so does `metadata:` without `?`.
  const metadataRequired = object.properties.some((p) => p.name === "metadata" && !p.optional);
  if (settings) checkRootLiterals(typeName, object, settings, reader.definitions, diagnostics);
  object.properties = object.properties.filter((p) => !OBJECT_META_PROPERTIES.has(p.name));
  // No \`spec\` is required: as controller-gen, a root is any object (cnpg's FailoverQuorum has only a
  // status, clusterctl's Metadata and Crossplane's EnvironmentConfig have top-level fields).
  const part = /(Spec|Status)$/.exec(typeName)?.[1];
  // A resource type is tagged, not its spec: `@crd` on WidgetSpec makes a kind WidgetSpec whose
  // fields are top-level. An explicit @kind says the name is meant.
  if (part && !tags.some((t) => t.name === "kind")) {
    diagnostics.push({
      severity: "warning",
      code: codes.rootLooksLikePart,
      message: `${typeName} is tagged @crd, but its name reads as the ${part.toLowerCase()} of a resource: the CRD is the kind ${typeName}, with ${typeName}'s fields at its top level.`,
      location: origin,
      path: typeName,
      hint: `tag the resource type instead (\`export interface ${typeName.slice(0, -part.length) || "Widget"} { ${part.toLowerCase()}: ${typeName} }\`), or add @kind ${typeName} if this is the resource`,
    });
  }
  if (object.additionalProperties) {
    error(`${typeName} has an index signature; a CRD root cannot have additional properties.`);
    object.additionalProperties = undefined;
  }
  if (!settings) return undefined;
  return {
    typeName,
    settings,
    version: versionSettings(tags),
    annotations: pairs(tags, "annotation"),
    labels: pairs(tags, "label"),
    // A root that extends a tagged base is bound by its rules, as any type that does.
    tags: withInherited(tags, reader.docs.inheritedTags(decl)),
    description: reader.docs.typeDescription(doc, decl, typeName),
    type: object,
    ...(metadataRequired ? { metadataRequired } : {}),
    origin,
  };
}

function versionSettings(tags: readonly AppliedTag[]): VersionSettings {
  const tagOrigins = new Map<string, SourceLocation[]>();
  for (const t of tags) if (t.origin) tagOrigins.set(t.name, [...(tagOrigins.get(t.name) ?? []), t.origin]);
  const subresourceTags = tags.filter((t) => t.name === "subresource");
  const subresources = subresourceTags.map((t) => t.value as SubresourceTag);
  const scale = subresources.find((s) => s.kind === "scale");
  const scaleOrigin = subresourceTags[subresources.findIndex((s) => s.kind === "scale")]?.origin;
  const deprecated = tags.find((t) => t.name === "deprecated");
  return {
    served: (tags.find((t) => t.name === "served")?.value as boolean | undefined) ?? true,
    storage: tags.some((t) => t.name === "storageVersion"),
    deprecated: deprecated ? deprecationOf(deprecated.value) : undefined,
    status: subresources.some((s) => s.kind === "status"),
    scale:
      scale?.kind === "scale"
        ? {
            specReplicasPath: scale.specReplicasPath,
            statusReplicasPath: scale.statusReplicasPath,
            ...(scale.labelSelectorPath ? { labelSelectorPath: scale.labelSelectorPath } : {}),
          }
        : undefined,
    scaleOrigin,
    printerColumns: tags
      .filter((t) => t.name === "printColumn")
      .map((t) => t.value as CustomResourceColumnDefinition),
    selectableFields: tags.filter((t) => t.name === "selectableField").map((t) => t.value as string),
    tagOrigins,
  };
}

/** `@annotation k=v` tags as an object; fromEntries makes every key an own one, `__proto__` too. */
function pairs(tags: readonly AppliedTag[], name: string): Record<string, string> {
  return Object.fromEntries(tags.filter((t) => t.name === name).map((t) => t.value as [string, string]));
}

function single(tags: readonly AppliedTag[], name: string): string | undefined {
  const tag = tags.find((t) => t.name === name);
  return typeof tag?.value === "string" ? tag.value : undefined;
}

function all(tags: readonly AppliedTag[], name: string): string[] {
  return tags.filter((t) => t.name === name && typeof t.value === "string").map((t) => t.value as string);
}

/** A problem with the CRD-level settings: at the tag that gave the value, or else at the root. */
interface SettingsProblem {
  code: string;
  message: string;
  hint: string;
  at?: SourceLocation | undefined;
}

/** metadata.name, `<plural>.<group>`, is a DNS subdomain. */
const MAX_CRD_NAME_LENGTH = 253;

function resolveSettings(
  typeName: string,
  tags: readonly AppliedTag[],
  written: ReadonlySet<string>,
  report: (problem: SettingsProblem) => void,
): CrdSettings | undefined {
  const group = single(tags, "group");
  const version = single(tags, "version");
  // A @group or @version whose value was refused has been reported at the tag already.
  if (!group && !written.has("group"))
    report({
      code: codes.missingCrdTag,
      message: `${typeName} is tagged @crd but has no @group.`,
      hint: "add e.g. `@group batch.example.com`",
    });
  if (!version && !written.has("version"))
    report({
      code: codes.missingCrdTag,
      message: `${typeName} is tagged @crd but has no @version.`,
      hint: "add e.g. `@version v1`",
    });
  if (!group || !version) return undefined;
  const kind = single(tags, "kind") ?? typeName;
  // @kind is checked when parsed; a kind taken from the type's name is checked here.
  if (!written.has("kind") && !validDefaultKind(typeName)) {
    report({
      code: codes.badTagValue,
      message:
        typeName.length > MAX_KIND_LENGTH
          ? `${typeName} is ${typeName.length} characters long; a kind has at most ${MAX_KIND_LENGTH}, so that its list kind ${typeName}List has at most 63.`
          : `${typeName} is not a valid kind: Kubernetes allows only letters and digits, starting with a letter.`,
      hint: `name the kind with @kind, e.g. \`@kind ${kindSuggestion(typeName)}\``,
    });
    return undefined;
  }
  const singular = single(tags, "singular") ?? kind.toLowerCase();
  const plural = single(tags, "plural") ?? pluralize(kind.toLowerCase());
  const name = `${plural}.${group}`;
  if (name.length > MAX_CRD_NAME_LENGTH) {
    report({
      code: codes.badTagValue,
      message: `The CRD's name ${name} is ${name.length} characters long; Kubernetes allows at most ${MAX_CRD_NAME_LENGTH} for <plural>.<group>.`,
      hint: "shorten @group (or the plural, with @plural)",
      at: tags.find((t) => t.name === "group")?.origin,
    });
    return undefined;
  }
  return {
    group,
    version,
    kind,
    plural,
    singular,
    listKind: `${kind}List`,
    scope: single(tags, "scope") === "Cluster" ? "Cluster" : "Namespaced",
    shortNames: all(tags, "shortName"),
    categories: all(tags, "category"),
  };
}

/** A type name Kubernetes takes as a kind: letters and digits (no `_` or `$`), short enough for its list kind. */
function validDefaultKind(typeName: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(typeName) && typeName.length <= MAX_KIND_LENGTH;
}

/** `Thing_v1` -> `ThingV1`: the type's name as a kind, for a hint. */
function kindSuggestion(typeName: string): string {
  const word = typeName
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, next?: string) => next?.toUpperCase() ?? "")
    .replace(/^[0-9]+/, "");
  return validDefaultKind(word) ? word : "Widget";
}

/**
 * Doc comments and tags as the reader applies them: a property's description and tags (merged
 * over its declarations, `{@inheritDoc}` followed), a type's own tags and those it inherits
 * from its bases, each read once for all uses of its declaration; and the warnings about
 * comments whose tags nobody reads (stranded doc comments, tags in plain comments), once each.
 */
import type { ts } from "ts-morph";
import { codes } from "../diagnostics/codes.js";
import { plainLocation, type Diagnostic } from "../diagnostics/diagnostic.js";
import { NO_EQUIVALENT_HINT } from "../tags/controller-gen-markers.js";
import type { AppliedTag } from "../tags/registry.js";
import { declaresType } from "./declarations.js";
import { EARLY_END_HINT } from "./early-comment-end.js";
import { withEnumDefaults } from "./enum-defaults.js";
import { defersDescription, implementsAny, inheritedDescription } from "./inherited-docs.js";
import { baseNames, inheritable, withInherited } from "./inherited-tags.js";
import { readDoc, strandedDocComments, type DocInfo } from "./jsdoc.js";
import { knownTypeByName } from "./known-types.js";
import { locationOf, nodeLocation } from "./location.js";
import { mergedDoc } from "./merged-docs.js";
import { plainCommentTags, type PlainCommentTag } from "./plain-comment-tags.js";
import type { ReadDependencies } from "./read-dependencies.js";
import { collectTags, rootTypeTags } from "./tags.js";
import { isFromLib, type GenericDeclaration } from "./type-arguments.js";
import { tsApi } from "./typescript.js";

const { isEnumDeclaration, isInterfaceDeclaration } = tsApi;

/** A type declaration's description and the type tags it applies. */
export interface TypeDoc {
  description?: string | undefined;
  tags: AppliedTag[];
}

export const NO_DOC: DocInfo = { tags: [] };
export const NO_TYPE_DOC: TypeDoc = { tags: [] };

export class DeclarationDocs {
  /** Stranded doc comments already warned of, by file and position. */
  private readonly strandedReported = new Set<string>();
  /**
   * Each type declaration's doc comment and own type tags, read once for all its uses (a generic
   * one's instantiations, a base's extensions), so that a tag's error is reported once.
   */
  private readonly typeDocs = new Map<ts.Node, TypeDoc>();
  /** The tags each declaration inherits from the types it is made of (inherited-tags.ts). */
  private readonly inheritedOf = new Map<ts.Node, AppliedTag[]>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly diagnostics: Diagnostic[],
    private readonly deps: ReadDependencies,
  ) {}

  /**
   * A property's doc comment; for one declared in several places (`A & B`, a merged interface,
   * several bases), all of theirs, a tag that two give different values being a warning.
   */
  propertyDoc(
    declarations: readonly ts.Declaration[] | undefined,
    decl: ts.Declaration,
    path: string,
  ): DocInfo {
    const doc = this.writtenPropertyDoc(declarations, decl, path);
    return defersDescription(doc, decl) ? this.withInheritedDescription(doc, decl, path) : doc;
  }

  /** A property's doc comments as written (see `propertyDoc`). */
  private writtenPropertyDoc(
    declarations: readonly ts.Declaration[] | undefined,
    decl: ts.Declaration,
    path: string,
  ): DocInfo {
    if (!declarations || declarations.length < 2) return readDoc(decl);
    const { doc, conflicts } = mergedDoc(decl, declarations);
    for (const { dropped, kept } of conflicts) {
      this.diagnostics.push({
        severity: "warning",
        code: codes.conflictingDeclarations,
        message: `${path} is declared in several places: @${dropped.name} ${dropped.text.trim()} here is left out, @${kept.name} ${kept.text.trim()} of the first declaration applies.`,
        location: plainLocation(dropped.origin),
        path,
        hint: "write the tag on one declaration only, or give both the same value",
      });
    }
    return doc;
  }

  /**
   * `doc` with the description the IDE shows for `decl` (inherited-docs.ts): an overridden
   * member's, or the one `{@inheritDoc X}` names; a name that resolves to nothing is a warning.
   */
  private withInheritedDescription(doc: DocInfo, decl: ts.Declaration, path: string): DocInfo {
    const { description, unresolved } = inheritedDescription(doc, decl, this.checker);
    // Read from declarations the read cache may not tie to this one (a name in the comment, an
    // `implements` clause): such a reading is not kept between runs. Bases it `extends` are tied.
    if (this.deps.frame && (description !== undefined || implementsAny(decl.parent)))
      this.deps.frame.opaque = true;
    const sf = decl.getSourceFile();
    for (const reference of unresolved) {
      const written = `{@inheritDoc ${reference}`;
      const at = sf.text.lastIndexOf(written, decl.getStart(sf));
      this.diagnostics.push({
        severity: "warning",
        code: codes.unresolvedInheritDoc,
        message: `${written}} names nothing crdgen finds from this comment: it is left in the description as written.`,
        location: at >= decl.getFullStart() ? locationOf(sf, at, written.length + 1) : nodeLocation(decl),
        path,
        hint: "name a type or a member in scope here: {@inheritDoc Type} or {@inheritDoc Type.member}",
      });
    }
    return description === doc.description ? doc : { description, tags: doc.tags };
  }

  /** A type's (or root's) own description, `{@inheritDoc X}` read as X's (see `withInheritedDescription`). */
  typeDescription(doc: DocInfo, decl: ts.Node, path: string): string | undefined {
    const own = doc.description;
    return own?.includes("{@inheritDoc")
      ? this.withInheritedDescription(doc, decl as ts.Declaration, path).description
      : own;
  }

  /** A type declaration's description and own type tags (typeDocs). */
  typeDoc(decl: ts.Node): TypeDoc {
    let doc = this.typeDocs.get(decl);
    if (!doc) {
      const read = readDoc(decl);
      const named = (decl as ts.NamedDeclaration).name ?? decl;
      const tags = withEnumDefaults(read.tags, () => this.checker.getTypeAtLocation(named));
      const root = tags.some((t) => t.name === "crd");
      doc = {
        description: this.typeDescription(read, decl, tsApi.isIdentifier(named) ? named.text : ""),
        tags:
          tags.length === 0 ? [] : root ? rootTypeTags(tags) : collectTags(tags, ["type"], this.diagnostics),
      };
      this.typeDocs.set(decl, doc);
    }
    return doc;
  }

  /** A generic type's doc comment and type tags, its inherited ones included. */
  genericDoc(decl: GenericDeclaration): TypeDoc {
    if (!this.typeDocs.has(decl)) this.notePlainCommentTags(decl, decl.name?.text ?? "");
    const doc = this.typeDoc(decl);
    return { description: doc.description, tags: withInherited(doc.tags, this.inheritedTags(decl)) };
  }

  /** What `decl` inherits from the bases it extends or the intersection it stands for (a root's too). */
  inheritedTags(decl: ts.Node): AppliedTag[] {
    let tags = this.inheritedOf.get(decl);
    if (tags) return tags;
    // A circular `extends` (TypeScript's error) inherits nothing more.
    this.inheritedOf.set(decl, []);
    const merged = isInterfaceDeclaration(decl)
      ? this.checker.getSymbolAtLocation(decl.name)?.declarations
      : undefined;
    tags = this.inheritedFrom(baseNames(decl, merged ?? [decl]));
    this.inheritedOf.set(decl, tags);
    return tags;
  }

  /** The inheritable tags of the types `names` name: their own, then what they inherit. */
  inheritedFrom(names: readonly ts.Node[]): AppliedTag[] {
    let tags: AppliedTag[] = [];
    for (const name of names) {
      const symbol = this.deps.resolve(this.checker.getSymbolAtLocation(name));
      const base = symbol?.declarations?.find(declaresType);
      // Kubernetes' and TypeScript's own types carry documentation, not crdgen's tags.
      if (!symbol || !base || isEnumDeclaration(base) || isFromLib(base)) continue;
      if (knownTypeByName(symbol.getName(), base)) continue;
      this.deps.dependOn(base);
      tags = withInherited(
        tags,
        inheritable(withInherited(this.typeDoc(base).tags, this.inheritedTags(base))),
      );
    }
    return tags;
  }

  /** Warns of each tagged doc comment beside `decl` that TypeScript gives to no declaration. */
  noteStrandedDocs(decl: ts.Declaration, path: string): void {
    const members = (decl.parent as Partial<ts.TypeLiteralNode>).members;
    const isLast = members !== undefined && members[members.length - 1] === decl;
    for (const stranded of strandedDocComments(decl as ts.Declaration & { type?: ts.Node }, isLast)) {
      // An inherited property is read with each interface that extends its own: warn once.
      const key = `${decl.getSourceFile().fileName}:${stranded.pos}`;
      if (this.strandedReported.has(key)) continue;
      this.strandedReported.add(key);
      this.diagnostics.push({
        severity: "warning",
        code: codes.strandedDocComment,
        message:
          stranded.follows === "member"
            ? "This doc comment follows the property on its line, so TypeScript attaches it to no declaration: its tags are ignored."
            : "This doc comment follows the token before the property on the same line, so TypeScript attaches it to no declaration: its tags are ignored.",
        location: locationOf(decl.getSourceFile(), stranded.pos),
        path,
        hint: "put the comment on a line of its own above the property",
      });
    }
  }

  /**
   * Warns, once per comment, of what was meant for crdgen in plain comments above `decl`
   * (plain-comment-tags.ts): its tags in one warning, each controller-gen marker in its own.
   */
  notePlainCommentTags(decl: ts.Node, path: string): void {
    const found = plainCommentTags(decl);
    if (found.length === 0) return;
    const sf = decl.getSourceFile();
    const key = `${sf.fileName}:${found[0]!.pos}`;
    if (this.strandedReported.has(key)) return;
    this.strandedReported.add(key);
    const warn = (pos: number, message: string, hint: string) =>
      this.diagnostics.push({
        severity: "warning",
        code: codes.tagInPlainComment,
        message,
        location: locationOf(sf, pos),
        path,
        hint,
      });
    const tags = found.filter((f) => f.written.startsWith("@"));
    if (tags.length > 0) {
      const names = tags.map((t) => t.written);
      const one = names.length === 1;
      warn(
        tags[0]!.pos,
        `${listed(names)} ${one ? "is" : "are"} in a plain comment, but tags are read from doc comments only (/** */, as TypeScript reads them): ${one ? "it is" : "they are"} ignored.`,
        `write ${one ? "it" : "them"} in a doc comment, which starts with two stars: /** ${names.join(" ... ")} ... */${endingEarly(tags)}`,
      );
    }
    for (const marker of found) {
      if (marker.written.startsWith("@")) continue;
      warn(
        marker.pos,
        `${marker.written} is a controller-gen marker, which crdgen does not read: it is ignored.`,
        marker.hint?.startsWith("write ")
          ? `${marker.hint} (in a /** */ doc comment)`
          : (marker.hint ?? NO_EQUIVALENT_HINT),
      );
    }
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;
}

/**
 * For tags whose `//` line holds a star and a slash (`// @pattern ^([a-z]*` + `/)?[a-z]+$`), what
 * keeps them from ending the doc comment they are moved to (see early-comment-end.ts).
 */
function endingEarly(tags: readonly PlainCommentTag[]): string {
  const lines = tags.flatMap((t) => (t.line?.includes("*/") ? [t.line.replaceAll("*/", "*\\/")] : []));
  return lines.length > 0 ? `; ${EARLY_END_HINT}: ${lines.join(" ")}` : "";
}

/**
 * Where the user's types reach into installed packages (library-types.ts): which package a file
 * belongs to, which of the user's fields reached the package declaration being read (what the
 * reader refuses inside is reported at that field), and which of a package's classes and
 * interfaces have methods.
 */
import type { ts } from "ts-morph";
import { isHeritageOwner } from "./declarations.js";
import { packageOf, type LibraryObject, type LibraryUse } from "./library-types.js";
import { tsApi } from "./typescript.js";

const { ObjectFlags } = tsApi;
const { isClassDeclaration, isMethodDeclaration, isMethodSignature } = tsApi;

/** A place the reader is at: the property path and the node it reads. */
interface At {
  readonly path: string;
  readonly at: ts.Node;
}

export class PackageReach {
  /** The package each file read belongs to (null: none). */
  private readonly packageOfFiles = new Map<ts.SourceFile, string | null>();
  /** Each class or interface declared in an installed package, and its methods (null: none, or not a package's). */
  private readonly methodsOf = new Map<ts.Node, LibraryObject | null>();
  private reachedFrom: LibraryUse | undefined;

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Where the user's types reached the installed package's declaration being read (see inLibrary). */
  get use(): LibraryUse | undefined {
    return this.reachedFrom;
  }

  /** The package `sf` belongs to (see packageOf), asked once per file. */
  packageOfFile(sf: ts.SourceFile): string | undefined {
    let found = this.packageOfFiles.get(sf);
    if (found === undefined) this.packageOfFiles.set(sf, (found = packageOf(sf.fileName) ?? null));
    return found ?? undefined;
  }

  /**
   * Runs `read` of `decl`, noting the user's field when `decl` is the first of an installed
   * package's declarations reached from it: what the reader refuses inside is reported there,
   * where the user can change something, not at a line of the package.
   */
  inLibrary<T>(decl: ts.Node | undefined, name: string | undefined, ctx: At, read: () => T): T {
    if (this.reachedFrom || !decl || !name) return read();
    const packageName = this.packageOfFile(decl.getSourceFile());
    // Reached from another file of the package (a library interface's base, read on its own).
    if (!packageName || this.packageOfFile(ctx.at.getSourceFile())) return read();
    this.reachedFrom = { path: ctx.path, at: ctx.at, type: name, packageName };
    try {
      return read();
    } finally {
      this.reachedFrom = undefined;
    }
  }

  /**
   * For a class or interface of an installed package that has methods (`KubeConfig` of
   * @kubernetes/client-node), the package and the first methods: it is refused once, at the
   * user's field, not once per method at lines of the package the user cannot change.
   */
  libraryTypeWithMethods(type: ts.ObjectType): LibraryObject | undefined {
    if (!(type.objectFlags & (ObjectFlags.ClassOrInterface | ObjectFlags.Reference))) return undefined;
    const decl = type.symbol?.declarations?.find(isHeritageOwner);
    if (!decl) return undefined;
    let found = this.methodsOf.get(decl);
    if (found === undefined) {
      const packageName = packageOf(decl.getSourceFile().fileName);
      const methods = packageName
        ? this.checker
            .getPropertiesOfType(type)
            .filter((p) => p.declarations?.some((d) => isMethodSignature(d) || isMethodDeclaration(d)))
            .map((p) => p.getName())
        : [];
      const listedMethods = methods.length > 3 ? [...methods.slice(0, 3), "..."] : methods;
      const kind = isClassDeclaration(decl) ? "class" : "interface";
      found =
        packageName && methods.length > 0 ? { kind, packageName, methods: listedMethods.join(", ") } : null;
      this.methodsOf.set(decl, found);
    }
    return found ?? undefined;
  }
}

/**
 * Types of installed packages (under node_modules) that the reader refuses. The user cannot edit
 * a package's declaration files, so what is refused inside one is reported at the user's field
 * whose type reached it, naming the package's line, with what the user can write instead:
 *
 *   in:  `settings?: Settings` (fakelib's, `id: bigint` at fakelib/index.d.ts:2)
 *   out: error at that field: "... settings.id is bigint ... (declared in fakelib/index.d.ts:2)",
 *        hint: `write Omit<Settings, "id">, or an interface of the fields you keep (...)`
 */
import type { ts } from "ts-morph";

/** A class or interface of an installed package, which has methods. */
export interface LibraryObject {
  readonly kind: "class" | "interface";
  readonly packageName: string;
  /** The first methods' names, for the message. */
  readonly methods: string;
}

/** The user's field whose type is an installed package's declaration (see TypeReader.inLibrary). */
export interface LibraryUse {
  /** The field's path and declaration. */
  readonly path: string;
  readonly at: ts.Node;
  /** The declaration's name and its package. */
  readonly type: string;
  readonly packageName: string;
}

/** Where in its package `node` is written: `fakelib/index.d.ts:2`. */
export function declaredAt(node: ts.Node): string {
  const sf = node.getSourceFile();
  const file =
    /[\\/]node_modules[\\/](?!.*[\\/]node_modules[\\/])(.*)$/.exec(sf.fileName)?.[1] ?? sf.fileName;
  const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  return `declared in ${file.replaceAll("\\", "/")}:${line}`;
}

/**
 * What to do about a type refused inside a package's declaration, which the user cannot edit:
 * leave a field of it out, or declare their own interface. `hint` says why the type is refused.
 */
export function libraryHint(use: LibraryUse, path: string, hint: string): string {
  const rest = path.slice(use.path.length);
  const member = /^\.([A-Za-z_$][\w$]*)$/.exec(rest)?.[1];
  const omit = member ? `Omit<${use.type}, "${member}">, or ` : "";
  return `${use.type} is ${use.packageName}'s, not yours to change: write ${omit}an interface of the fields you keep (${hint})`;
}

/** The package a file under node_modules belongs to (`@kubernetes/client-node`); undefined for any other file. */
export function packageOf(fileName: string): string | undefined {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(
    fileName,
  );
  return match?.[1]?.replace("\\", "/");
}

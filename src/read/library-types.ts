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
import { plainLocation, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.js";
import { placeOf } from "../diagnostics/repeats.js";
import type { IrModel, IrType } from "../ir/model.js";
import { propertiesAlong } from "../emit/keyword-origins.js";
import { NODE_MODULES } from "./library-files.js";

/** A class or interface of an installed package, which has methods. */
export interface LibraryObject {
  readonly kind: "class" | "interface";
  readonly packageName: string;
  /** The first methods' names, for the message. */
  readonly methods: string;
}

/** The user's field whose type is an installed package's declaration (see PackageReach.inLibrary). */
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
  return declaredIn(sf.fileName, sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1);
}

function declaredIn(fileName: string, line: number): string {
  const file = /[\\/]node_modules[\\/](?!.*[\\/]node_modules[\\/])(.*)$/.exec(fileName)?.[1] ?? fileName;
  return `declared in ${file.replaceAll("\\", "/")}:${line}`;
}

/**
 * What to do about a type refused inside a package's declaration, which the user cannot edit:
 * leave a field of it out, or declare their own interface. `hint` says why the type is refused.
 */
export function libraryHint(
  use: Pick<LibraryUse, "path" | "type" | "packageName">,
  path: string,
  hint: string,
): string {
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

/**
 * The diagnostics from index `from` on (those of the stages after reading: transforms, Kubernetes'
 * checks) placed in an installed package's declaration files, moved as the reader's are: to the
 * user's field whose type reached the package (the last property of their path written outside
 * node_modules), naming where the package declares it, with a hint that says how to leave it out.
 * One the path leads to no such field keeps its place.
 */
export function toUsersFields(diagnostics: Diagnostic[], from: number, model: IrModel): void {
  for (const d of diagnostics.slice(from)) {
    if (!d.location || !NODE_MODULES.test(d.location.file)) continue;
    const packageName = packageOf(d.location.file);
    const use = packageName && usersField(placeOf(d), model);
    if (!use) continue;
    const declared = `(${declaredIn(d.location.file, d.location.line)})`;
    // In place: what was noted of the diagnostic (diagnostics/repeats.ts) stays with it.
    d.message = d.message.endsWith(".")
      ? `${d.message.slice(0, -1)} ${declared}.`
      : `${d.message} ${declared}`;
    d.location = plainLocation(use.origin);
    if (d.hint) d.hint = libraryHint({ ...use, packageName }, placeOf(d), d.hint);
  }
}

interface UsersField {
  path: string;
  origin: SourceLocation;
  /** The package's type the field names (its first reference), else the field's name. */
  type: string;
}

/** The last property of `path` (`Widget.spec.settings.mode`) declared outside node_modules. */
function usersField(path: string, model: IrModel): UsersField | undefined {
  const root = model.roots.find((r) => path.startsWith(`${r.typeName}.`));
  if (!root) return undefined;
  const along = propertiesAlong(
    { root, definitions: model.definitions },
    path.slice(root.typeName.length + 1),
  );
  const found = along.findLast(
    ({ property: p }) => p.origin !== undefined && !NODE_MODULES.test(p.origin.file),
  );
  if (!found) return undefined;
  const { property } = found;
  return {
    path: `${root.typeName}.${found.path}`,
    origin: property.origin!,
    type: refName(property.type) ?? property.name,
  };
}

/** The name a field's type refers to, through lists and maps (`Settings[]`). */
function refName(type: IrType): string | undefined {
  if (type.kind === "ref") return type.name;
  if (type.kind === "array") return refName(type.items);
  if (type.kind === "object" && type.properties.length === 0 && type.additionalProperties)
    return refName(type.additionalProperties);
  return undefined;
}

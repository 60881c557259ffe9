/**
 * Reads the model classes of `@kubernetes/client-node`: their JSON property names, types and
 * formats (the classes' runtime `attributeTypeMap`, which the OpenAPI generator fills from
 * Kubernetes' OpenAPI), and which properties are optional plus their doc comments (the
 * declaration files).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { docCommentOf } from "./doc-comments.js";
import { parseClientNodeType, type TypeShape } from "./type-shape.js";

export interface ClientNodeProperty {
  jsonName: string;
  type: TypeShape;
  /** The OpenAPI format of the innermost type (`int32`, `int64`, `byte`, `date-time`, ...), or "". */
  format: string;
  optional: boolean;
  doc: string | undefined;
}

export interface ClientNodeModel {
  className: string;
  doc: string | undefined;
  properties: ClientNodeProperty[];
}

interface AttributeType {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

export interface ClientNodePackage {
  version: string;
  /** The Kubernetes release its models were generated from, e.g. `release-1.36`. */
  kubernetesRelease: string;
  models: Map<string, ClientNodeModel>;
}

export async function readClientNode(repoRoot: string): Promise<ClientNodePackage> {
  const packageDir = path.join(repoRoot, "node_modules", "@kubernetes", "client-node");
  const modelsDir = path.join(packageDir, "dist", "gen", "models");
  // The models barrel only; the package's main entry loads an HTTP stack this script does not need.
  const barrel = (await import(pathToFileURL(path.join(modelsDir, "all.js")).href)) as Record<
    string,
    unknown
  >;
  const models = new Map<string, ClientNodeModel>();
  let kubernetesRelease = "";
  for (const [className, value] of Object.entries(barrel)) {
    const attributes = attributeTypeMapOf(value);
    if (!attributes) continue;
    const declarationFile = path.join(modelsDir, `${className}.d.ts`);
    const declarations = readClassDeclaration(declarationFile, className);
    kubernetesRelease ||= declarations.specVersion ?? "";
    models.set(className, {
      className,
      doc: declarations.doc,
      properties: attributes.map((attribute) => {
        const member = declarations.members.get(attribute.name);
        if (!member) throw new Error(`${className}.${attribute.name} is missing from ${declarationFile}`);
        return {
          jsonName: attribute.baseName,
          type: parseClientNodeType(attribute.type),
          format: attribute.format,
          optional: member.optional,
          doc: member.doc === undefined ? undefined : unescapeClientNodeDoc(member.doc),
        };
      }),
    });
  }
  const packageJson = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  return { version: packageJson.version, kubernetesRelease, models };
}

function attributeTypeMapOf(value: unknown): AttributeType[] | undefined {
  if (typeof value !== "function") return undefined;
  const map: unknown = (value as { attributeTypeMap?: unknown }).attributeTypeMap;
  return Array.isArray(map) ? (map as AttributeType[]) : undefined;
}

interface ClassDeclaration {
  doc: string | undefined;
  specVersion: string | undefined;
  members: Map<string, { optional: boolean; doc: string | undefined }>;
}

function readClassDeclaration(fileName: string, className: string): ClassDeclaration {
  const text = readFileSync(fileName, "utf8");
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (statement): statement is ts.ClassDeclaration =>
      ts.isClassDeclaration(statement) && statement.name?.text === className,
  );
  if (!declaration) throw new Error(`no class ${className} in ${fileName}`);
  const members = new Map<string, { optional: boolean; doc: string | undefined }>();
  for (const member of declaration.members) {
    if (!ts.isPropertyDeclaration(member) || !ts.isStringLiteral(member.name)) continue;
    if (member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) continue;
    members.set(member.name.text, {
      optional: member.questionToken !== undefined,
      doc: docCommentOf(member, text),
    });
  }
  const docText = docCommentOf(declaration, text);
  return {
    doc: docText === undefined ? undefined : unescapeClientNodeDoc(docText),
    specVersion: /OpenAPI spec version: (\S+)/.exec(text)?.[1],
    members,
  };
}

/** The OpenAPI generator escapes quotes and backslashes in doc comments as if they were strings. */
function unescapeClientNodeDoc(doc: string): string {
  return doc.replace(/\\(["'\\])/g, "$1");
}

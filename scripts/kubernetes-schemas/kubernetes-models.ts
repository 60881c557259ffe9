/**
 * Reads the declaration files of `kubernetes-models` and `@kubernetes-models/apimachinery`.
 * Unlike `@kubernetes/client-node`, they keep what a property refers to (a Quantity, a
 * RawExtension, a Time, rather than `string` or `any`) and the property's own doc comment on
 * references, both of which the schemas need.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { docCommentOf } from "./doc-comments.js";
import { shapeOfTypeNode, type TypeShape } from "./type-shape.js";

export interface ModelProperty {
  jsonName: string;
  optional: boolean;
  doc: string | undefined;
  type: TypeShape;
}

export interface ModelDefinition {
  /** The name other declarations use for it, e.g. `IIoK8sApiCoreV1PodSpec`. */
  referenceName: string;
  /** The OpenAPI definition name, e.g. `io.k8s.api.core.v1.PodSpec`. */
  openapiName: string;
  doc: string | undefined;
  /** Undefined for type aliases (`Quantity = number | string`), which have no properties. */
  properties: Map<string, ModelProperty> | undefined;
}

export interface ModelsPackages {
  versions: Record<string, string>;
  /** By reference name. */
  definitions: Map<string, ModelDefinition>;
}

export function readKubernetesModels(repoRoot: string): ModelsPackages {
  const definitions = new Map<string, ModelDefinition>();
  const versions: Record<string, string> = {};
  const roots = [
    { name: "kubernetes-models", openapiName: apiOpenapiName },
    { name: "@kubernetes-models/apimachinery", openapiName: apimachineryOpenapiName },
  ];
  for (const root of roots) {
    const dir = path.join(repoRoot, "node_modules", ...root.name.split("/"));
    versions[root.name] = (
      JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }
    ).version;
    for (const file of declarationFiles(dir)) {
      const relative = path.relative(dir, file).split(path.sep);
      const definition = readDefinition(file, root.openapiName(relative));
      if (definition) definitions.set(definition.referenceName, definition);
    }
  }
  return { versions, definitions };
}

function declarationFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "_schemas" && entry.name !== "node_modules") files.push(...declarationFiles(full));
    } else if (entry.name.endsWith(".d.ts") && entry.name !== "index.d.ts") {
      files.push(full);
    }
  }
  return files;
}

/** `apps/v1/Deployment.d.ts` → `io.k8s.api.apps.v1.Deployment`; the core group sits at `v1/`. */
function apiOpenapiName(segments: string[]): string {
  const kind = kindOf(segments);
  if (segments.length === 2) return `io.k8s.api.core.${segments[0]}.${kind}`;
  const [group = "", version = ""] = segments;
  const prefix = GROUP_PACKAGES[group] ?? `io.k8s.api.${group.split(".")[0]}`;
  return `${prefix}.${version}.${kind}`;
}

/** API groups whose Go types do not live in k8s.io/api. */
const GROUP_PACKAGES: Record<string, string> = {
  "apiextensions.k8s.io": "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
  "apiregistration.k8s.io": "io.k8s.kube-aggregator.pkg.apis.apiregistration",
};

/** `apis/meta/v1/ObjectMeta.d.ts` → `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`. */
function apimachineryOpenapiName(segments: string[]): string {
  return ["io.k8s.apimachinery.pkg", ...segments.slice(0, -1), kindOf(segments)].join(".");
}

function kindOf(segments: string[]): string {
  return (segments.at(-1) ?? "").replace(/\.d\.ts$/, "");
}

function readDefinition(fileName: string, openapiName: string): ModelDefinition | undefined {
  const text = readFileSync(fileName, "utf8");
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const exported = exportedReferenceName(source);
  if (!exported) return undefined;
  const declaration = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
      (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) &&
      statement.name.text === exported.localName,
  );
  if (!declaration) return undefined;
  const doc = unescapeModelsDoc(docCommentOf(declaration, text));
  if (ts.isTypeAliasDeclaration(declaration)) {
    return { referenceName: exported.referenceName, openapiName, doc, properties: undefined };
  }
  const properties = new Map<string, ModelProperty>();
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const jsonName = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
    properties.set(jsonName, {
      jsonName,
      optional: member.questionToken !== undefined,
      doc: unescapeModelsDoc(docCommentOf(member, text)),
      type: renameSelfReferences(shapeOfTypeNode(member.type), exported),
    });
  }
  return { referenceName: exported.referenceName, openapiName, doc, properties };
}

/** A declaration refers to itself by its local name (`IJSONSchemaProps`); others use reference names. */
function renameSelfReferences(
  shape: TypeShape,
  self: { localName: string; referenceName: string },
): TypeShape {
  if (shape.kind === "array") return { kind: "array", items: renameSelfReferences(shape.items, self) };
  if (shape.kind === "map") return { kind: "map", values: renameSelfReferences(shape.values, self) };
  return shape.name === self.localName ? { kind: "named", name: self.referenceName } : shape;
}

/** Each file ends with `export type { IKind as IIoK8s...Kind, Kind as IoK8s...Kind }`. */
function exportedReferenceName(
  source: ts.SourceFile,
): { localName: string; referenceName: string } | undefined {
  for (const statement of source.statements) {
    if (
      !ts.isExportDeclaration(statement) ||
      !statement.exportClause ||
      !ts.isNamedExports(statement.exportClause)
    ) {
      continue;
    }
    for (const element of statement.exportClause.elements) {
      const localName = element.propertyName?.getText() ?? element.name.text;
      if (element.name.text.startsWith("IIoK8s")) return { localName, referenceName: element.name.text };
    }
  }
  return undefined;
}

/** The generator escapes `*` and `/` so descriptions cannot close the comment early. */
function unescapeModelsDoc(doc: string | undefined): string | undefined {
  return doc?.replace(/\\([*/])/g, "$1");
}

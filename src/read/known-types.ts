/**
 * Types recognised by name rather than by structure: the integer aliases and IntOrString
 * (users may declare their own `type int32 = number`), and the Kubernetes types crdgen
 * exports (`src/known-types.ts`), which keep their Kubernetes meaning only when they
 * come from crdgen, so a project's own `Quantity` stays its own.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrType } from "../ir/model.js";
import type { JSONSchemaProps } from "../schema/types.js";
import {
  isKubernetesClientModule,
  isKubernetesModelsModule,
  kubernetesIntOrStringNames,
  kubernetesSchemaFor,
  kubernetesSchemaForOpenApiName,
} from "./kubernetes/index.js";
import { wellKnownSchema } from "./kubernetes/well-known.js";

export type KnownType = (origin: SourceLocation) => IrType;

const INTEGER_ALIASES: Record<string, string | undefined> = {
  int32: "int32",
  int64: "int64",
  integer: undefined,
};

/**
 * Schemas of crdgen's exported Kubernetes types, by name: Kubernetes' own fixed shapes
 * (shared with the client-node data, see kubernetes/well-known.ts), metav1.Condition, and two of crdgen's.
 */
function crdgenTypeSchema(name: string): JSONSchemaProps | undefined {
  if (name === "Duration") return { type: "string" };
  if (name === "ObjectMeta") return { type: "object" };
  // metav1.Condition, exactly as Kubernetes (and controller-gen) write it.
  if (name === "Condition") return kubernetesSchemaFor("V1Condition");
  return WELL_KNOWN.includes(name) ? wellKnownSchema(name) : undefined;
}

const WELL_KNOWN = ["IntOrString", "Quantity", "Time", "MicroTime", "RawExtension"];

/** Every type crdgen exports for users' declarations (src/known-types.ts): `int32`, `Quantity`... */
export const crdgenTypeNames: ReadonlySet<string> = new Set([
  ...Object.keys(INTEGER_ALIASES),
  ...WELL_KNOWN,
  "Duration",
  "ObjectMeta",
  "Condition",
]);

/** Names recognised wherever they are declared, as long as they are type aliases. */
const ANYWHERE = new Set(["IntOrString"]);

/**
 * crdgen's own known-types module, as source (in this repo) or as published declarations
 * (`dist/src/known-types.d.ts`), whichever of the two this code runs from: a project that links
 * crdgen into its node_modules (`npm link`, a workspace) reaches the declarations by their real path.
 */
const OWN_MODULE = fileURLToPath(new URL("../known-types.js", import.meta.url)).replace(/\.js$/, "");
const DIST = `${path.sep}dist${path.sep}`;
const OWN_MODULES = new Set([
  OWN_MODULE,
  OWN_MODULE.includes(DIST)
    ? OWN_MODULE.replace(DIST, path.sep)
    : path.join(path.dirname(path.dirname(OWN_MODULE)), "dist", "src", "known-types"),
]);

function isCrdgenModule(fileName: string): boolean {
  return (
    OWN_MODULES.has(path.normalize(fileName).replace(/(\.d)?\.ts$/, "")) ||
    /[\\/]node_modules[\\/]crdgen[\\/]/.test(fileName)
  );
}

export function knownTypeByName(name: string, decl: ts.Node): KnownType | undefined {
  const file = decl.getSourceFile().fileName;
  if (isKubernetesClientModule(file)) {
    // @kubernetes/client-node: its IntOrString alias and its V1* model classes.
    if (kubernetesIntOrStringNames.has(name)) {
      return (origin) => ({ kind: "verbatim", schema: wellKnownSchema("IntOrString")!, origin });
    }
    const kubernetes = kubernetesSchemaFor(name);
    if (kubernetes) return (origin) => ({ kind: "verbatim", schema: kubernetes, origin });
  }
  if (isKubernetesModelsModule(file)) {
    // kubernetes-models: each module exports its types again under their OpenAPI names.
    const openApiName = openApiExportName(name, decl.getSourceFile());
    const kubernetes = openApiName === undefined ? undefined : kubernetesSchemaForOpenApiName(openApiName);
    if (kubernetes) return (origin) => ({ kind: "verbatim", schema: kubernetes, origin });
  }
  // hasOwn, not `in`: an alias named `toString` is the user's own, not one of these.
  if (Object.hasOwn(INTEGER_ALIASES, name) && tsApi.isTypeAliasDeclaration(decl)) {
    const format = INTEGER_ALIASES[name];
    return (origin) => ({ kind: "primitive", type: "integer", format, origin });
  }
  const schema = crdgenTypeSchema(name);
  if (schema && (isCrdgenModule(file) || (ANYWHERE.has(name) && tsApi.isTypeAliasDeclaration(decl)))) {
    return (origin) => ({ kind: "verbatim", schema: structuredClone(schema), origin });
  }
  return undefined;
}

/**
 * The OpenAPI name a kubernetes-models module exports `localName` under, in its spelling:
 * `export type { IContainer as IIoK8sApiCoreV1Container, Container as IoK8sApiCoreV1Container }`
 * gives `IoK8sApiCoreV1Container` for both.
 */
function openApiExportName(localName: string, file: ts.SourceFile): string | undefined {
  for (const statement of file.statements) {
    if (!tsApi.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (!clause || !tsApi.isNamedExports(clause)) continue;
    for (const element of clause.elements) {
      const exported = element.name.text;
      if ((element.propertyName ?? element.name).text !== localName) continue;
      const openApi = /^I?(IoK8s\w+)$/.exec(exported);
      if (openApi) return openApi[1];
    }
  }
  return undefined;
}

/**
 * Types recognised by name rather than by structure: the integer aliases and IntOrString
 * (users may declare their own `type int32 = number`), and the Kubernetes types crdgen
 * exports (`src/known-types.ts`), which keep their Kubernetes meaning only when they
 * come from crdgen, so a project's own `Quantity` stays its own.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrType } from "../ir/model.js";
import type { JSONSchemaProps } from "../schema/types.js";
import { isKubernetesClientModule, kubernetesIntOrStringNames, kubernetesSchemaFor } from "./kubernetes/index.js";

export type KnownType = (origin: SourceLocation) => IrType;

const INTEGER_ALIASES: Record<string, string | undefined> = { int32: "int32", int64: "int64", integer: undefined };

/** controller-gen's pattern for resource.Quantity. */
export const QUANTITY_PATTERN =
  "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

const intOrString = (): JSONSchemaProps => ({
  anyOf: [{ type: "integer" }, { type: "string" }],
  "x-kubernetes-int-or-string": true,
});

/** Schemas of crdgen's exported Kubernetes types, by name. */
const CRDGEN_TYPES: Record<string, () => JSONSchemaProps> = {
  IntOrString: intOrString,
  Quantity: () => ({ ...intOrString(), pattern: QUANTITY_PATTERN }),
  Time: () => ({ type: "string", format: "date-time" }),
  MicroTime: () => ({ type: "string", format: "date-time" }),
  Duration: () => ({ type: "string" }),
  ObjectMeta: () => ({ type: "object" }),
  RawExtension: () => ({ type: "object", "x-kubernetes-preserve-unknown-fields": true }),
};

/** Names recognised wherever they are declared, as long as they are type aliases. */
const ANYWHERE = new Set(["IntOrString"]);

/** crdgen's own known-types module, as source (in this repo) or as published declarations. */
const OWN_MODULE = fileURLToPath(new URL("../known-types.js", import.meta.url)).replace(/\.js$/, "");
const OWN_MODULES = new Set([OWN_MODULE, OWN_MODULE.replace(`${path.sep}dist${path.sep}`, path.sep)]);

function isCrdgenModule(fileName: string): boolean {
  return OWN_MODULES.has(path.normalize(fileName).replace(/(\.d)?\.ts$/, "")) || /[\\/]node_modules[\\/]crdgen[\\/]/.test(fileName);
}

export function knownTypeByName(name: string, decl: ts.Node): KnownType | undefined {
  const file = decl.getSourceFile().fileName;
  if (isKubernetesClientModule(file)) {
    // @kubernetes/client-node: its IntOrString alias and its V1* model classes.
    if (kubernetesIntOrStringNames.has(name)) return (origin) => ({ kind: "verbatim", schema: intOrString(), origin });
    const kubernetes = kubernetesSchemaFor(name);
    if (kubernetes) return (origin) => ({ kind: "verbatim", schema: kubernetes, origin });
  }
  if (name in INTEGER_ALIASES && ts.isTypeAliasDeclaration(decl)) {
    const format = INTEGER_ALIASES[name];
    return (origin) => ({ kind: "primitive", type: "integer", format, origin });
  }
  const schema = CRDGEN_TYPES[name];
  if (schema && (isCrdgenModule(file) || (ANYWHERE.has(name) && ts.isTypeAliasDeclaration(decl)))) {
    return (origin) => ({ kind: "verbatim", schema: schema(), origin });
  }
  return undefined;
}

/** One CRD as file content, in the format the user asked for. */
import type { CustomResourceDefinition } from "../schema/types.js";
import { canonicalCrd } from "./canonical.js";
import { toYamlDocument } from "./yaml.js";

export type OutputFormat = "yaml" | "json";

export function renderCrd(crd: CustomResourceDefinition, format: OutputFormat): string {
  const canonical = canonicalCrd(crd);
  return format === "json" ? `${JSON.stringify(canonical, null, 2)}\n` : toYamlDocument(canonical);
}

/** Several CRDs as one stream: a multi-document YAML or a JSON List. */
export function renderStream(crds: readonly CustomResourceDefinition[], format: OutputFormat): string {
  if (format === "json") {
    return `${JSON.stringify({ apiVersion: "v1", kind: "List", items: crds.map(canonicalCrd) }, null, 2)}\n`;
  }
  return crds.map((c) => renderCrd(c, "yaml")).join("");
}

export function fileNameFor(crd: CustomResourceDefinition, format: OutputFormat): string {
  return `${crd.spec.group}_${crd.spec.names.plural}.${format === "json" ? "json" : "yaml"}`;
}

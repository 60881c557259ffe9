/** One CRD as file content, in the format the user asked for. */
import type { CustomResourceDefinition, JSONSchemaProps } from "../schema/types.js";
import { canonicalCrd } from "./canonical.js";
import { Utf8Text } from "./utf8-text.js";
import { toYamlDocument, type RenderMemo } from "./yaml.js";

export type OutputFormat = "yaml" | "json";

/** What a watch session keeps between renderings: nodes known canonical, YAML blocks by node. */
export interface RenderCache {
  readonly canonical: WeakSet<JSONSchemaProps>;
  readonly blocks: RenderMemo;
}

export function newRenderCache(): RenderCache {
  return { canonical: new WeakSet(), blocks: new WeakMap() };
}

/** With `cache` (a watch session's), unchanged parts of the schema are not looked at or written again. */
export function renderCrd(crd: CustomResourceDefinition, format: OutputFormat, cache?: RenderCache): string {
  return renderCrdBytes(crd, format, cache).toString();
}

/** renderCrd's text as the UTF-8 bytes it is written in (see Utf8Text). */
export function renderCrdBytes(
  crd: CustomResourceDefinition,
  format: OutputFormat,
  cache?: RenderCache,
): Utf8Text {
  const canonical = canonicalCrd(crd, cache?.canonical);
  return format === "json"
    ? Utf8Text.of(`${JSON.stringify(canonical, null, 2)}\n`)
    : toYamlDocument(canonical, cache?.blocks);
}

/** Several CRDs as one stream: a multi-document YAML or a JSON List. */
export function renderStream(crds: readonly CustomResourceDefinition[], format: OutputFormat): string {
  if (format === "json") {
    return `${JSON.stringify({ apiVersion: "v1", kind: "List", items: crds.map((crd) => canonicalCrd(crd)) }, null, 2)}\n`;
  }
  return crds.map((c) => renderCrd(c, "yaml")).join("");
}

export function fileNameFor(crd: CustomResourceDefinition, format: OutputFormat): string {
  return `${crd.spec.group}_${crd.spec.names.plural}.${format === "json" ? "json" : "yaml"}`;
}

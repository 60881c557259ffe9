/**
 * A printer column whose `jsonPath` names no field of the schema. Kubernetes only checks that the
 * path starts with a dot; kubectl then shows `<none>` in that column for every object, as pruning
 * drops any such field a controller writes. Paths into metadata are looked up in ObjectMeta's
 * fields; a path crdgen cannot read (JSONPath beyond fields, indexes and filters) is not judged.
 */
import { OBJECT_META_FIELDS, resolvePath, type Resolved } from "../../emit/json-paths.js";
import type { JSONSchemaProps } from "../../schema/types.js";
import { didYouMean } from "../../tags/suggest.js";
import { isPlainObject } from "../../validate/json.js";
import type { LintRule } from "./rule.js";

export const printerColumnPath: LintRule = {
  name: "printer-column-path",
  version({ version, schema }, report) {
    const columns = version["additionalPrinterColumns"];
    if (!Array.isArray(columns)) return;
    const root = withMetadata(schema);
    columns.forEach((column: unknown, i) => {
      if (!isPlainObject(column)) return;
      const path = column["jsonPath"];
      if (typeof path !== "string") return;
      const r = resolvePath(root, path);
      if (r.kind !== "missing") return;
      const name = typeof column["name"] === "string" ? column["name"] : String(i);
      report(
        ["additionalPrinterColumns", i, "jsonPath"],
        "value",
        `Printer column "${name}" shows ${path}, which the schema does not have (no field at ${r.at}): kubectl shows <none> there for every object.`,
        hintFor(r, path, schema),
      );
    });
  },
};

/**
 * The schema with the `metadata` every resource has, declared or not (resolvePath looks it up in
 * ObjectMeta's fields). The CRD passed Kubernetes' checks, so its schema decodes as JSONSchemaProps.
 */
function withMetadata(schema: Readonly<Record<string, unknown>>): JSONSchemaProps {
  const s = schema as JSONSchemaProps;
  if (s.properties?.["metadata"] !== undefined) return s;
  return { ...s, properties: { ...s.properties, metadata: { type: "object" } } };
}

function hintFor(
  r: Extract<Resolved, { kind: "missing" }>,
  path: string,
  schema: Readonly<Record<string, unknown>>,
): string {
  // A field the controller reports back is often declared in the other part (velero's `.status.node`).
  const swapped = /^\.(spec|status)\./.test(path)
    ? path.replace(/^\.(spec|status)\./, (_, part: string) => (part === "spec" ? ".status." : ".spec."))
    : undefined;
  if (swapped !== undefined && resolvePath(withMetadata(schema), swapped).kind === "found")
    return `did you mean ${swapped}? (else declare the field under ${path.slice(0, path.indexOf(".", 1))})`;
  const meta = /^\.metadata\.([^.[\]\\]+)$/.exec(r.at)?.[1];
  if (meta !== undefined) {
    const near = didYouMean(meta, OBJECT_META_FIELDS);
    return near !== undefined
      ? `did you mean .metadata.${near}?`
      : `metadata has ${OBJECT_META_FIELDS.join(", ")}`;
  }
  if (r.name === undefined || r.parent === undefined)
    return "point the column at a field the schema declares";
  if (r.inList) return `${r.parent} is a list: write ${r.parent}[*].${r.name}`;
  const fields = r.fields ?? [];
  const near = didYouMean(r.name, fields);
  if (near !== undefined) return `did you mean ${r.parent}.${near}?`;
  return fields.length > 0
    ? `${r.parent || "the root"} has ${fields.join(", ")}: fix the path, or declare ${r.name} in the schema`
    : `declare ${r.name} in the schema, or fix the path`;
}

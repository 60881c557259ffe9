/**
 * Checks of a version's printer columns, scale paths and selectable fields against its
 * final schema. The API server accepts any path starting with a dot, so a typo would
 * only show up later as an empty column or a broken `kubectl scale`.
 */
import { codes } from "../diagnostics/codes.js";
import { plainLocation, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrRoot } from "../ir/model.js";
import type { JSONSchemaProps } from "../schema/types.js";
import { didYouMean } from "../tags/suggest.js";
import { OBJECT_META_FIELDS, resolvePath, valueType, type PathSyntax, type Resolved } from "./json-paths.js";

/** Which field types each printer column type can show (a Map: a type is user text, `constructor` too). */
const COLUMN_ACCEPTS = new Map<string, (t: string) => boolean>([
  ["integer", (t) => t === "integer" || t === "int-or-string"],
  ["number", (t) => t === "integer" || t === "number" || t === "int-or-string"],
  ["boolean", (t) => t === "boolean"],
  ["date", (t) => t === "string"],
  ["string", () => true],
]);

export function checkVersionPaths(root: IrRoot, schema: JSONSchemaProps): Diagnostic[] {
  const out: Diagnostic[] = [];
  const v = root.version;
  const at = (tag: string, i = 0): SourceLocation => v.tagOrigins.get(tag)?.[i] ?? root.origin;
  const error = (location: SourceLocation, message: string, hint?: string) =>
    out.push({
      severity: "error",
      code: codes.badTagValue,
      message,
      location: plainLocation(location),
      path: root.typeName,
      ...(hint ? { hint } : {}),
    });

  /**
   * Resolves a path as Kubernetes reads it (`syntax`), reporting one that is missing or cannot be
   * read. The field's type; undefined when the schema cannot tell, null after a report.
   */
  const lookup = (
    path: string,
    location: SourceLocation,
    what: string,
    syntax: PathSyntax,
  ): string | null | undefined => {
    const r = resolvePath(schema, path, syntax);
    if (r.kind === "unreadable") {
      if (syntax === "jsonpath") {
        error(
          location,
          `${what} ${path} is not a JSONPath crdgen can follow (at "${r.rest}").`,
          `write fields as .name (a dot inside a name as \\. or ['a.b']), list items as [*], [0] or [?(@.type=="Ready")]`,
        );
      } else {
        error(
          location,
          `${what} ${path} is not a plain path: Kubernetes reads it as names between dots, with no brackets or \\ escapes (at "${r.rest}").`,
          "a field whose name holds a dot, or one inside a list, cannot be used here",
        );
      }
      return null;
    }
    if (r.kind === "missing") {
      const meta = metadataField(r.at);
      error(
        location,
        `${what} ${path} does not exist in ${root.typeName}'s schema (no field at ${r.at}).`,
        meta !== undefined ? metadataHint(meta) : missingFieldHint(r, root.typeName, syntax),
      );
      return null;
    }
    return r.kind === "unknown" ? undefined : (valueType(r.schema) ?? undefined);
  };

  v.printerColumns.forEach((c, i) => {
    const type = lookup(c.jsonPath, at("printColumn", i), `Printer column "${c.name}" path`, "jsonpath");
    // A type Kubernetes does not know is its own error, at the tag (emit/envelope-origins.ts).
    const accepts = COLUMN_ACCEPTS.get(c.type);
    if (type === null || type === undefined || !accepts) return;
    if (!accepts(type)) {
      error(
        at("printColumn", i),
        `Printer column "${c.name}" has type ${c.type} but ${c.jsonPath} is ${type}.`,
        // As for scale's replicas: a whole number is meant, or the column shows fractions. A port of
        // Go's `int` wants `integer` (no format), which int32 alone would not suggest.
        c.type === "integer" && type === "number"
          ? "write type=number, or type the field int32, int64 or integer (no format, as Go's int)"
          : undefined,
      );
    }
  });

  if (v.scale) {
    const scaleAt = v.scaleOrigin ?? at("subresource");
    if (!v.status) {
      error(
        scaleAt,
        `${root.typeName} has @subresource scale but not @subresource status; Kubernetes' scale subresource reads replicas from status.`,
        "add @subresource status",
      );
    }
    const replicaPaths: [string, string, string][] = [
      [v.scale.specReplicasPath, ".spec.", "specReplicasPath"],
      [v.scale.statusReplicasPath, ".status.", "statusReplicasPath"],
    ];
    for (const [path, prefix, name] of replicaPaths) {
      // Kubernetes refuses a path outside its part ("should be a json path under .spec"), at the
      // tag (emit/envelope-origins.ts): not looked up, so that its error is the one reported.
      if (!path.startsWith(prefix)) continue;
      const type = lookup(path, scaleAt, name, "dotted");
      if (type !== null && type !== undefined && type !== "integer") {
        error(
          scaleAt,
          `${name} ${path} must point to an integer field, but it is ${type}.`,
          "type the field int32",
        );
      }
    }
    const selector = v.scale.labelSelectorPath;
    // Likewise "should be a json path under either .spec or .status".
    if (selector && (selector.startsWith(".spec.") || selector.startsWith(".status."))) {
      const type = lookup(selector, scaleAt, "labelSelectorPath", "dotted");
      if (type !== null && type !== undefined && type !== "string") {
        error(scaleAt, `labelSelectorPath ${selector} must point to a string field, but it is ${type}.`);
      }
    }
  }

  // More than Kubernetes allows (8) is its error, at the first one over (emit/envelope-origins.ts).
  v.selectableFields.forEach((path, i) => {
    if (path === ".metadata" || path.startsWith(".metadata.")) {
      // Kubernetes refuses these ("must not point to fields in metadata"): it selects by
      // metadata.name and metadata.namespace itself, for every resource.
      error(
        at("selectableField", i),
        `Selectable field ${path} is in metadata; Kubernetes allows only fields outside it.`,
        "metadata.name and metadata.namespace can always be used in a field selector",
      );
      return;
    }
    const type = lookup(path, at("selectableField", i), "Selectable field", "dotted");
    if (type !== null && type !== undefined && !["string", "boolean", "integer"].includes(type)) {
      error(
        at("selectableField", i),
        `Selectable field ${path} must be a string, boolean or integer, but it is ${type}.`,
      );
    }
  });
  // The deprecation warning is Kubernetes' check alone, reported at @deprecated.
  return out;
}

/**
 * A near name (`.spec.replica` for `.spec.replicas`), the `[*]` a list needs, or else the fields
 * there are, so that the path can be fixed. Only names a path of `syntax` can write are suggested.
 */
function missingFieldHint(
  r: Extract<Resolved, { kind: "missing" }>,
  typeName: string,
  syntax: PathSyntax,
): string | undefined {
  if (r.name === undefined || r.parent === undefined) return undefined;
  // A dotted path (scale, selectable fields) has no way to write a dot in a name, nor a list.
  const step = (name: string) => (syntax === "jsonpath" ? `.${name.replaceAll(".", "\\.")}` : `.${name}`);
  if (r.inList)
    return syntax === "jsonpath" ? `${r.parent} is a list: write ${r.parent}[*]${step(r.name)}` : undefined;
  const fields = (r.fields ?? []).filter((f) => syntax === "jsonpath" || !f.includes("."));
  if (fields.length === 0) return undefined;
  const near = didYouMean(r.name, fields);
  if (near !== undefined && near !== r.name) return `did you mean ${r.parent}${step(near)}?`;
  const where = r.parent === "" ? typeName : r.parent;
  return `${where} has ${fields.join(", ")}: fix the path, or add a ${r.name} field to the type`;
}

/** The field of metadata that a missing path stops at (`.metadata.creationTimestmp`), or undefined. */
function metadataField(at: string): string | undefined {
  const m = /^\.metadata(?:\.([^.[\]\\]+)|\['([^']*)'\]|\["([^"]*)"\])$/.exec(at);
  return m?.[1] ?? m?.[2] ?? m?.[3];
}

/** The ObjectMeta field meant by a name metadata does not have, or the ones it has. */
function metadataHint(name: string): string {
  const near = didYouMean(name, OBJECT_META_FIELDS);
  return near !== undefined && near !== name
    ? `did you mean .metadata.${near}?`
    : `metadata holds ObjectMeta's fields: ${OBJECT_META_FIELDS.join(", ")}`;
}

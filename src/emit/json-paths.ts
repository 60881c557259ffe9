/**
 * Resolves the simple JSONPaths CRDs use (`.spec.replicas`,
 * `.status.conditions[?(@.type=="Ready")].status`) against a schema, so printer columns,
 * scale paths and selectable fields can be checked at generation time. The API server
 * only checks that they start with a dot; a typo there shows up as an empty column.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { own } from "../validate/json.js";

export type Resolved =
  | { kind: "found"; schema: JSONSchemaProps }
  /** Under preserve-unknown-fields or another schema-less node: anything may be there. */
  | { kind: "unknown" }
  | { kind: "missing"; at: string };

/** ObjectMeta's fields as the API server defines them (the root's metadata schema is just `object`). */
const OBJECT_META: Record<string, JSONSchemaProps> = {
  name: { type: "string" },
  generateName: { type: "string" },
  namespace: { type: "string" },
  uid: { type: "string" },
  resourceVersion: { type: "string" },
  generation: { type: "integer", format: "int64" },
  creationTimestamp: { type: "string", format: "date-time" },
  deletionTimestamp: { type: "string", format: "date-time" },
  labels: { type: "object", additionalProperties: { type: "string" } },
  annotations: { type: "object", additionalProperties: { type: "string" } },
};

/** Splits `.a.b[0].c[?(@.x=="y")]` into names and `[]` steps into list items. */
export function splitPath(path: string): string[] | undefined {
  if (!path.startsWith(".")) return undefined;
  const out: string[] = [];
  const re = /\.([^.[\]]+)|\[(?:\?\([^)]*\)|\*|\d+|'[^']*'|"[^"]*")\]/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path)) !== null) {
    out.push(m[1] ?? (/^\[['"]/.test(m[0]) ? m[0].slice(2, -2) : "[]"));
    last = re.lastIndex;
  }
  return last === path.length ? out : undefined;
}

export function resolvePath(root: JSONSchemaProps, path: string): Resolved {
  const steps = splitPath(path);
  if (!steps) return { kind: "missing", at: path };
  let node: JSONSchemaProps = root;
  let walked = "";
  for (const [i, step] of steps.entries()) {
    if (i === 1 && steps[0] === "metadata") {
      const meta = own(OBJECT_META, step);
      if (!meta) return { kind: "missing", at: `.metadata.${step}` };
      node = meta;
      walked += `.${step}`;
      continue;
    }
    if (node["x-kubernetes-preserve-unknown-fields"] === true && !own(node.properties, step))
      return { kind: "unknown" };
    if (step === "[]") {
      if (node.type !== "array" || !node.items || Array.isArray(node.items))
        return { kind: "missing", at: `${walked}[]` };
      node = node.items;
      walked += "[]";
      continue;
    }
    const next =
      own(node.properties, step) ??
      (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
    walked += `.${step}`;
    if (!next) return { kind: "missing", at: walked };
    node = next;
  }
  return { kind: "found", schema: node };
}

/** The schema's value type as a column would show it: integer, number, string, boolean, object, array or int-or-string. */
export function valueType(schema: JSONSchemaProps): string | undefined {
  if (schema["x-kubernetes-int-or-string"] === true) return "int-or-string";
  return schema.type;
}

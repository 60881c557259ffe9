/**
 * inline-refs: no `$ref` or `definitions` may reach a CRD, so every reference to a named
 * type is replaced by that type's schema, resolved once and reused (linear cost, as
 * controller-gen's flatten pass). Keywords written beside the `$ref` (the field's own
 * description and tags) win over the named type's; CEL rules of both are kept, the
 * field's first.
 *
 *   in:  {properties: {a: {$ref: "#/definitions/Port", description: "the port"}}}
 *        definitions: {Port: {type: integer, format: int32, description: "A port", minimum: 1}}
 *   out: {properties: {a: {type: integer, format: int32, description: "the port", minimum: 1}}}
 *
 * A recursive type cannot be inlined: it is a located error naming the cycle, suggesting
 * `@preserveUnknownFields` at the point of recursion.
 */
import { codes } from "../src/diagnostics/codes.js";
import { REF_PREFIX, type DraftDocument, type DraftSchema } from "../src/emit/draft.js";
import { reportAt, type TransformContext } from "./context.js";

export const name = "inline-refs";

export function inlineRefs(doc: DraftDocument, ctx: TransformContext): DraftSchema {
  const resolved = new Map<string, DraftSchema>();
  const reported = new Set<string>();

  const resolveNode = (node: DraftSchema, path: string, stack: string[]): DraftSchema => {
    const ref = node.$ref;
    if (ref !== undefined) {
      const { $ref: _ignored, ...siblings } = node;
      const target = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
      const definition = target !== undefined ? doc.definitions[target] : undefined;
      if (target === undefined || definition === undefined) {
        reportAt(ctx, node, path, {
          severity: "error",
          code: codes.unsupportedKeyword,
          message: `Unresolvable reference ${ref}.`,
        });
        return resolveChildren(siblings, path, stack);
      }
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].join(" -> ");
        if (!reported.has(cycle)) {
          reported.add(cycle);
          reportAt(ctx, node, path, {
            severity: "error",
            code: codes.recursiveType,
            message: `${target} is recursive (${cycle}); a CRD schema cannot describe recursive types.`,
            hint: "tag the property where the recursion happens with @preserveUnknownFields, or break the cycle",
          });
        }
        return { ...siblings, "x-kubernetes-preserve-unknown-fields": true };
      }
      let body = resolved.get(target);
      if (!body) {
        body = resolveNode(definition, path, [...stack, target]);
        resolved.set(target, body);
      }
      const own = resolveChildren(siblings, path, stack);
      const merged: DraftSchema = { ...body, ...own };
      // Rules add up: the field's own first, then its type's (controller-gen's order).
      const rules = [...(own["x-kubernetes-validations"] ?? []), ...(body["x-kubernetes-validations"] ?? [])];
      if (rules.length > 0) merged["x-kubernetes-validations"] = rules;
      return merged;
    }
    return resolveChildren(node, path, stack);
  };

  const resolveChildren = (node: DraftSchema, path: string, stack: string[]): DraftSchema => {
    const out: DraftSchema = { ...node };
    if (node.properties) {
      out.properties = {};
      for (const [k, v] of Object.entries(node.properties)) {
        out.properties[k] = resolveNode(v, path ? `${path}.${k}` : k, stack);
      }
    }
    if (node.items && !Array.isArray(node.items)) out.items = resolveNode(node.items, `${path}[]`, stack);
    if (node.additionalProperties && typeof node.additionalProperties === "object") {
      out.additionalProperties = resolveNode(node.additionalProperties, `${path}[*]`, stack);
    }
    for (const key of ["allOf", "anyOf", "oneOf"] as const) {
      const branches = node[key];
      if (branches) out[key] = branches.map((b, i) => resolveNode(b, `${path}.${key}[${i}]`, stack));
    }
    if (node.not) out.not = resolveNode(node.not, `${path}.not`, stack);
    return out;
  };

  return resolveNode(doc.schema, "", []);
}

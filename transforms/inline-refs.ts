/**
 * inline-refs: no `$ref` or `definitions` may reach a CRD, so every reference to a named
 * type is replaced by that type's schema, resolved once and reused (linear cost, as
 * controller-gen's flatten pass). Keywords written beside the `$ref` (the field's own
 * description and tags) win over the named type's; CEL rules of both are kept, the
 * field's first; a value validation both set differently must hold twice (see inlinedAt).
 *
 *   in:  {properties: {a: {$ref: "#/definitions/Port", description: "the port"}}}
 *        definitions: {Port: {type: integer, format: int32, description: "A port", minimum: 1}}
 *   out: {properties: {a: {type: integer, format: int32, description: "the port", minimum: 1}}}
 *
 * A recursive type cannot be inlined: it is a located error naming the cycle, suggesting
 * `@schemaless @preserveUnknownFields` at the point of recursion.
 *
 * With an InlineMemo (kept by a watch session), a named type whose definition and whose
 * referenced types' inlined bodies are the very objects of the last run keeps its inlined body
 * from then, so an edit re-inlines only the types on the way from the edited one to the root.
 */
import { codes } from "../src/diagnostics/codes.js";
import { RECURSION_HINT } from "../src/diagnostics/recursion.js";
import {
  DEPRECATION,
  RECURSION,
  REF_PREFIX,
  type DraftDocument,
  type DraftSchema,
} from "../src/emit/draft.js";
import { jsonEqual } from "../src/validate/json.js";
import { reportAt, type TransformContext } from "./context.js";
import { mapChildren } from "./walk.js";

export const name = "inline-refs";

interface InlinedRef {
  readonly name: string;
  readonly suffix: string;
  readonly body: DraftSchema;
}

/** Inlined bodies of named types from earlier runs, by name (see the module comment). */
export type InlineMemo = Map<string, InlinedBody>;

interface InlinedBody {
  readonly definition: DraftSchema;
  /** The named types its definition refers to, where (after its own path), and the bodies they had. */
  readonly refs: readonly InlinedRef[];
  readonly body: DraftSchema;
}

export function inlineRefs(doc: DraftDocument, ctx: TransformContext, memo?: InlineMemo): DraftSchema {
  const resolved = new Map<string, DraftSchema>();
  const reported = new Set<string>();
  let reports = 0;
  const report: TransformContext = { ...ctx, report: (d) => (reports++, ctx.report(d)) };
  /** The references met while inlining the definition being inlined now (for the memo). */
  let current: { path: string; refs: InlinedRef[] } | undefined;

  /** The inlined body of named type `target`, inlined once per run (or taken from the memo). */
  const bodyOf = (target: string, definition: DraftSchema, path: string, stack: string[]): DraftSchema => {
    let body = resolved.get(target);
    if (body) return body;
    const remembered = memo?.get(target);
    if (remembered && remembered.definition === definition) {
      // Still current if every type it names still inlines to the same body (each reached with
      // the path and stack it has when inlined in place, so problems are reported alike).
      const outer = current;
      current = undefined;
      const inner = [...stack, target];
      const same = remembered.refs.every((r) => {
        const definitionOfRef = doc.definitions[r.name];
        return (
          definitionOfRef !== undefined && bodyOf(r.name, definitionOfRef, path + r.suffix, inner) === r.body
        );
      });
      current = outer;
      if (same) body = remembered.body;
    }
    if (!body) {
      const outer = current;
      const refs: InlinedRef[] = [];
      current = { path, refs };
      const before = reports;
      body = resolveNode(definition, path, [...stack, target]);
      current = outer;
      // A body whose inlining reported a problem is inlined again next time, reporting it again.
      // (Named types are reached below the root, so paths of their references extend theirs.)
      if (memo && reports === before && path !== "") memo.set(target, { definition, refs, body });
      else memo?.delete(target);
    }
    resolved.set(target, body);
    return body;
  };

  const resolveNode = (node: DraftSchema, path: string, stack: string[]): DraftSchema => {
    const ref = node.$ref;
    if (ref !== undefined) {
      const { $ref: _ignored, ...siblings } = node;
      const target = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
      const definition = target !== undefined ? doc.definitions[target] : undefined;
      if (target === undefined || definition === undefined) {
        reportAt(report, node, path, {
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
          reportAt(report, node, path, {
            severity: "error",
            code: codes.recursiveType,
            message: `${target} is recursive (${cycle}); a CRD schema cannot describe recursive types.`,
            hint: RECURSION_HINT,
          });
        }
        return { ...siblings, "x-kubernetes-preserve-unknown-fields": true, [RECURSION]: true };
      }
      const body = bodyOf(target, definition, path, stack);
      current?.refs.push({ name: target, suffix: path.slice(current.path.length), body });
      return inlinedAt(body, resolveChildren(siblings, path, stack), body[DEPRECATION]);
    }
    return resolveChildren(node, path, stack);
  };

  /** `node` with its children inlined; the node itself when none of them held a reference. */
  const resolveChildren = (node: DraftSchema, path: string, stack: string[]): DraftSchema =>
    mapChildren(node, path, resolveNode, stack);

  return resolveNode(doc.schema, "", []);
}

/**
 * A reference replaced by the named type's inlined `body`: the keywords written beside the
 * reference (`own`) win, and the CEL rules of both add up, the field's own first, then its
 * type's (controller-gen's order). A value validation both set differently must hold twice: a
 * field narrows its type, it cannot loosen it. Of two bounds the stricter is kept (one bound
 * accepts exactly what the two do, and Kubernetes' CEL cost estimate reads bounds only from the
 * node itself); two patterns, factors or enums each go into `allOf`, the type's first, as
 * controller-gen writes them.
 *
 *   in:  body {type: string, maxLength: 63, pattern: "^[a-z]+$"}, own {maxLength: 10, pattern: "^ab"}
 *   out: {type: string, maxLength: 10, allOf: [{pattern: "^[a-z]+$"}, {pattern: "^ab"}]}
 */
export function inlinedAt(body: DraftSchema, own: DraftSchema, typeNote?: string): DraftSchema {
  const merged: DraftSchema = { ...body, ...own };
  // The field's own doc replaces its type's, but a deprecated type stays so wherever it is used.
  if (typeNote && own.description && !own.description.includes(typeNote)) {
    merged.description = `${own.description}\n\n${typeNote}`;
  }
  const rules = [...(own["x-kubernetes-validations"] ?? []), ...(body["x-kubernetes-validations"] ?? [])];
  if (rules.length > 0) merged["x-kubernetes-validations"] = rules;
  // Most fields beside a reference write a description at most: nothing to narrow.
  if (constrains(own)) narrow(merged, body, own);
  return merged;
}

/** inlinedAt's narrowing of the type's value validations by the field's (`merged` is both spread). */
function narrow(merged: DraftSchema, body: DraftSchema, own: DraftSchema): void {
  for (const [key, stricter] of COUNT_BOUNDS) {
    const a = body[key];
    const b = own[key];
    if (a !== undefined && b !== undefined) merged[key] = stricter(a, b);
  }
  mergeBound(merged, body, own, "maximum", "exclusiveMaximum", -1);
  mergeBound(merged, body, own, "minimum", "exclusiveMinimum", 1);
  let typeBranch: DraftSchema | undefined;
  let fieldBranch: DraftSchema | undefined;
  for (const key of TWICE) {
    if (body[key] === undefined || own[key] === undefined || jsonEqual(body[key], own[key])) continue;
    (typeBranch ??= {})[key] = body[key] as never;
    (fieldBranch ??= {})[key] = own[key] as never;
    delete merged[key];
  }
  if (typeBranch && fieldBranch) merged.allOf = [...(body.allOf ?? []), typeBranch, fieldBranch];
  // `@format int64` on a field of a number type makes it an integer (only a number: a string stays one).
  if (merged.type === "number" && (own.format === "int32" || own.format === "int64")) merged.type = "integer";
}

type CountKey = "maxLength" | "minLength" | "maxItems" | "minItems" | "maxProperties" | "minProperties";

const COUNT_BOUNDS: readonly (readonly [CountKey, (a: number, b: number) => number])[] = [
  ["maxLength", Math.min],
  ["maxItems", Math.min],
  ["maxProperties", Math.min],
  ["minLength", Math.max],
  ["minItems", Math.max],
  ["minProperties", Math.max],
];

/** Constraints that cannot be merged into one: both go into `allOf`. */
const TWICE = ["pattern", "multipleOf", "enum"] as const;

/** Every keyword narrow() reads of a field (a plain array: cheaper to test than a for-in over the node). */
const NARROWED = [
  ...COUNT_BOUNDS.map(([key]) => key),
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  ...TWICE,
  "format",
] as const satisfies readonly (keyof DraftSchema)[];

/** Whether a field's own keywords include one narrow() acts on (see inlinedAt). */
function constrains(own: DraftSchema): boolean {
  for (const key of NARROWED) if (own[key] !== undefined) return true;
  return false;
}

/**
 * The stricter of two numeric bounds with their exclusive flags: the lower maximum (`sign` -1)
 * or the higher minimum (1); at equal values, exclusive if either is. A flag written alone on the
 * field (`@exclusiveMaximum`) qualifies the type's bound, and merges as any other keyword.
 */
function mergeBound(
  merged: DraftSchema,
  body: DraftSchema,
  own: DraftSchema,
  bound: "maximum" | "minimum",
  flag: "exclusiveMaximum" | "exclusiveMinimum",
  sign: 1 | -1,
): void {
  const a = body[bound];
  const b = own[bound];
  if (a === undefined || b === undefined) return;
  const exclusive = (s: DraftSchema) => s[flag] === true;
  if (a === b) {
    if (exclusive(body) || exclusive(own)) merged[flag] = true;
    return;
  }
  const stricter = Math.sign(b - a) === sign ? own : body;
  merged[bound] = stricter[bound];
  if (exclusive(stricter)) merged[flag] = true;
  else delete merged[flag];
}

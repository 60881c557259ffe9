/**
 * A root's final schema straight from the IR, in one pass, for the common case in which the
 * transform stage would only inline named types and finalize. The stage builds every node three
 * times (emit, inline-refs, finalize) and its steps walk the schema to find nothing to do; here
 * each node is built once (at 5,000 synthetic types, 86 against 317 ms: see
 * bench/experiments/fused-emit-probe.mjs).
 *
 * The output is the stage's, by construction:
 * - each node is emitted by emit's own code (emitBare, describe, rootSchema) and a reference is
 *   inlined by inline-refs' own (inlinedAt), with children that are final already;
 * - no step before finalize would act on any node: a node's own features (walk.ts) hold none of
 *   the bits the steps act on (stepTriggers), and a step returns a schema without them as it is;
 * - each node is put in final form by finalize's own code (finalNode).
 * At the first node a step would act on, or at a reference inline-refs would report (recursive,
 * or to no definition), it gives up: the caller then runs the stage, so output and diagnostics
 * are the stage's. test/emit/direct.test.ts checks both on generated models.
 */
import type { IrModel, IrProperty, IrRoot, IrType } from "../ir/model.js";
import type { JSONSchemaProps } from "../schema/types.js";
import { builtInCanonicalForm } from "../write/canonical.js";
import { finalNode } from "../../transforms/finalize.js";
import { stepTriggers, type TransformOptions } from "../../transforms/index.js";
import { inlinedAt } from "../../transforms/inline-refs.js";
import { ownFeatures } from "../../transforms/walk.js";
import { isSchemaless } from "../tags/schema-tags.js";
import { refTo, type DraftSchema } from "./draft.js";
import { describe, emitBare, emitObject, rootSchema, typeDeprecation, type ChildEmitter } from "./schema.js";

/** Thrown (and caught below) where the stage has work to do. */
class NeedsTransforms {}
const NEEDS_TRANSFORMS = new NeedsTransforms();

/** The schema the transform stage would give for `root`, or undefined when it has work to do. */
export function emitDirect(
  root: IrRoot,
  model: IrModel,
  options: TransformOptions = {},
): JSONSchemaProps | undefined {
  const triggers = stepTriggers(options);
  /** Final bodies of named types, by name: each inlined once and shared, as inline-refs does. */
  const bodies = new Map<string, DraftSchema>();
  /** Each named type's @deprecated note, its own or its alias target's (the stage keeps it on the body). */
  const notes = new Map<string, string | undefined>();
  const inlining = new Set<string>();

  const asIs = (node: DraftSchema) => node;
  /** `node` (its children final) in final form, unless a step would act on it. */
  const done = (node: DraftSchema): DraftSchema => {
    if ((ownFeatures(node) & triggers) !== 0) throw NEEDS_TRANSFORMS;
    return finalNode(node, asIs);
  };

  const bodyOf = (name: string): DraftSchema => {
    const known = bodies.get(name);
    if (known) return known;
    const definition = model.definitions.get(name);
    // Recursion and missing definitions are inline-refs' to report.
    if (definition === undefined || inlining.has(name)) throw NEEDS_TRANSFORMS;
    inlining.add(name);
    const body = written(definition.type, definition.description, definition.tags);
    inlining.delete(name);
    bodies.set(name, body);
    const { type, tags } = definition;
    const target = type.kind === "ref" && !isSchemaless(tags) ? notes.get(type.name) : undefined;
    notes.set(name, typeDeprecation(tags) ?? target);
    return body;
  };

  /** A type with the description and tags written on its field or declaration, in final form. */
  const written = (type: IrType, description: string | undefined, tags: IrProperty["tags"]): DraftSchema => {
    if (isSchemaless(tags)) return done(describe({}, description, tags));
    // Keywords written beside a reference win over the named type's (inline-refs).
    if (type.kind === "ref") {
      // Its tags see a reference, as in the stage: a type known only once inlined.
      // Not enumerable: the tags see it, the merged node (a spread) does not get it.
      const own = describe(Object.defineProperty({}, "$ref", { value: refTo(type.name) }), description, tags);
      const merged = inlinedAt(bodyOf(type.name), own, notes.get(type.name));
      // Constraints of both the field and its type become allOf branches: final form for them too.
      if (merged.allOf) merged.allOf = merged.allOf.map((branch) => finalNode(branch, asIs));
      return done(merged);
    }
    return done(describe(bare(type), description, tags));
  };

  const bare = (type: IrType): DraftSchema => {
    // Schemas supplied whole (Kubernetes' own) are kept as published by the steps: theirs to handle.
    if (type.kind === "union" || type.kind === "null" || type.kind === "verbatim") throw NEEDS_TRANSFORMS;
    return emitBare(type, children);
  };

  const children: ChildEmitter = {
    // A reference with nothing written beside it is the named type's body as it is.
    type: (type) => (type.kind === "ref" ? bodyOf(type.name) : done(bare(type))),
    property: (p) => written(p.type, p.description, p.tags),
  };

  try {
    const schema = done(rootSchema(root, emitObject(root.type, children), done));
    return builtInCanonicalForm(schema) as JSONSchemaProps;
  } catch (e) {
    if (e === NEEDS_TRANSFORMS) return undefined;
    throw e;
  }
}

/**
 * `ValidateDefaults` (reference §10 D1–D6): every `default` must validate against its node,
 * be pruned, and carry valid metadata where it builds an embedded object. Defaults under
 * an embedded resource's metadata/apiVersion/kind are checked inside their surrounding object.
 */
import { asResourceRoot } from "./structural/resource-root.js";
import type { FieldError } from "./field-error.js";
import { child, invalid } from "./errors.js";
import { PathStack } from "./path-stack.js";
import { formatFieldError } from "./format.js";
import { isPlainObject, jsonClone, jsonEqual } from "./json.js";
import { coerceMeta, validateEmbeddedMeta } from "./embedded-meta.js";
import { prune } from "./pruning.js";
import type { Structural } from "./structural/types.js";
import { validateListSetsAndMaps } from "./value/list-sets.js";
import { validateValue } from "./value/openapi.js";
import { evaluateRules } from "./cel/evaluate.js";
import { parseCelVersion } from "./cel/version.js";

/** Rebuilds the object surrounding a default, from the nearest embedded resource down to it. */
type Surrounding = (x: unknown) => unknown;

const rootObject: Surrounding = (x) => {
  // TypeMeta is filled in at the resource root so that only the default itself can be at fault.
  if (isPlainObject(x)) {
    if (!Object.hasOwn(x, "apiVersion")) x["apiVersion"] = "validation/v1";
    if (!Object.hasOwn(x, "kind")) x["kind"] = "Validation";
  }
  return x;
};

export function validateDefaults(
  path: string,
  s: Structural,
  isResourceRoot: boolean,
  requirePrunedDefaults: boolean,
  celVersion = "1.35",
): FieldError[] {
  const root = isResourceRoot ? asResourceRoot(s) : s;
  const walk = new DefaultsWalk(path, requirePrunedDefaults, celVersion);
  walk.visit(root, root, 0, false, 0);
  return walk.errors;
}

/**
 * The walk to every `default`. It visits every node of the structural schema, so the path and
 * the object surrounding a default are only built where there is a default.
 */
class DefaultsWalk {
  readonly errors: FieldError[] = [];
  private readonly path: PathStack;
  /** From the root down to the node: null for array items, else the property name. */
  private readonly steps: Array<string | null> = [];

  constructor(
    rootPath: string,
    private readonly requirePrunedDefaults: boolean,
    private readonly celVersion: string,
  ) {
    this.path = new PathStack(rootPath);
  }

  /** `rootStep`: the first step inside the nearest embedded resource (or the root). */
  visit(s: Structural, rootSchema: Structural, rootStep: number, insideMeta: boolean, depth: number): void {
    if (depth > 200) return;
    if (s.extensions.xEmbeddedResource) {
      insideMeta = false;
      rootStep = this.steps.length;
      rootSchema = s;
    }
    if (s.generic.default !== undefined) {
      const surround = this.surrounding(rootStep);
      this.errors.push(
        ...checkDefault(
          this.path.text(),
          s,
          rootSchema,
          surround,
          insideMeta,
          this.requirePrunedDefaults,
          this.celVersion,
        ),
      );
    }
    // additionalProperties is not followed: defaults are forbidden there (metadata) or never applied.
    if (s.items) {
      this.path.child("items");
      this.steps.push(null);
      this.visit(s.items, rootSchema, rootStep, insideMeta, depth + 1);
      this.steps.pop();
      this.path.pop();
    }
    const properties = s.properties;
    if (properties) {
      for (const k of Object.keys(properties)) {
        const subInsideMeta =
          insideMeta ||
          (s.extensions.xEmbeddedResource && (k === "metadata" || k === "apiVersion" || k === "kind"));
        this.path.child("properties");
        this.path.key(k);
        this.steps.push(k);
        this.visit(properties[k]!, rootSchema, rootStep, subInsideMeta, depth + 1);
        this.steps.pop();
        this.path.pop(2);
      }
    }
  }

  /** Rebuilds the object around the current node from the steps since `rootStep`. */
  private surrounding(rootStep: number): Surrounding {
    const steps = this.steps.slice(rootStep);
    return (x) => {
      for (let i = steps.length - 1; i >= 0; i--) {
        const k = steps[i]!;
        x = k === null ? [x] : { [k]: x };
      }
      return rootObject(x);
    };
  }
}

function aggregate(errs: FieldError[]): string {
  const msgs = errs.map(formatFieldError);
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(", ")}]`;
}

function checkDefault(
  path: string,
  s: Structural,
  rootSchema: Structural,
  surround: Surrounding,
  insideMeta: boolean,
  requirePrunedDefaults: boolean,
  celVersion: string,
): FieldError[] {
  const dflt = s.generic.default;
  const dPath = child(path, "default");
  if (insideMeta) {
    const obj = surround(jsonClone(dflt));
    const coerceErr = coerceMeta("", obj, rootSchema, true);
    if (coerceErr)
      return [invalid(dPath, dflt, `must result in valid metadata: ${formatFieldError(coerceErr)}`)];
    const metaErrs = validateEmbeddedMeta("", obj, rootSchema, true);
    if (metaErrs.length > 0)
      return [invalid(dPath, dflt, `must result in valid metadata: ${aggregate(metaErrs)}`)];
    const valueErrs = validateValue(dPath, dflt, s);
    return valueErrs.length > 0 ? valueErrs : celDefaultErrors(dPath, dflt, s, celVersion);
  }
  const errs: FieldError[] = [];
  if (requirePrunedDefaults) {
    const pruned = jsonClone(dflt);
    prune(pruned, s, s.extensions.xEmbeddedResource);
    if (!jsonEqual(pruned, dflt)) errs.push(invalid(dPath, dflt, "must not have unknown fields"));
  }
  // Coercion normalises metadata in place, as Kubernetes does on the stored default.
  const value = jsonClone(dflt);
  const coerceErr = coerceMeta(dPath, value, s, s.extensions.xEmbeddedResource);
  if (coerceErr) return [...errs, coerceErr];
  const metaErrs = validateEmbeddedMeta(dPath, value, s, s.extensions.xEmbeddedResource);
  if (metaErrs.length > 0) return [...errs, ...metaErrs];
  const valueErrs = validateValue(dPath, value, s);
  if (valueErrs.length > 0) return [...errs, ...valueErrs];
  const listErrs = validateListSetsAndMaps(dPath, s, value);
  if (listErrs.length > 0) return [...errs, ...listErrs];
  return [...errs, ...celDefaultErrors(dPath, value, s, celVersion)];
}

/** The node's CEL rules evaluated on the default (the CEL helper's evaluator). */
function celDefaultErrors(dPath: string, value: unknown, s: Structural, celVersion: string): FieldError[] {
  if (!s.source) return [];
  try {
    return evaluateRules(value, s.source, dPath, s.extensions.xEmbeddedResource, {
      version: parseCelVersion(celVersion),
    });
  } catch {
    // Evaluation problems surface as CEL compile errors elsewhere; a default is not blamed for them.
    return [];
  }
}

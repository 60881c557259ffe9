/**
 * The generic schema walk, `ValidateCustomResourceDefinitionOpenAPISchema` with
 * `specStandardValidatorV3` (reference §8 G2–G31 and the static half of §11). It visits every
 * node, including value validations, items, additionalProperties and unsupported keywords.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import type { FieldError } from "./field-error.js";
import { forbidden, invalid, notSupported } from "./errors.js";
import { hasListTypeKeywords, listTypeErrors } from "./list-types.js";
import type { ValidationOptions } from "./options.js";
import { PathStack } from "./path-stack.js";
import { ruleStaticErrors } from "./rule-static.js";
import { rareKeywords, type RareKeywords } from "./schema-has.js";

export const OPENAPI_V3_TYPES = ["array", "boolean", "integer", "number", "object", "string"];
const META_FIELDS = new Set(["metadata", "kind", "apiVersion"]);

interface WalkState {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
}

export interface WalkResult {
  errors: FieldError[];
  /** Paths of nodes whose own subtree had errors: Kubernetes skips CEL compilation there. */
  nodesWithErrors: Set<string>;
}

export function walkSchema(schema: JSONSchemaProps, path: string, opts: ValidationOptions): WalkResult {
  const walker = new Walker(path, opts, rareKeywords(schema));
  walker.walk(schema, walker.rootState, true);
  return { errors: walker.errors, nodesWithErrors: walker.nodesWithErrors };
}

/** One walk: errors go to one list in visiting order, paths are only spelled out for errors. */
class Walker {
  readonly errors: FieldError[] = [];
  readonly nodesWithErrors = new Set<string>();
  readonly rootState: WalkState;
  private readonly path: PathStack;

  constructor(
    rootPath: string,
    private readonly opts: ValidationOptions,
    /** Kinds of keyword no node sets are not looked for. */
    private readonly rare: RareKeywords,
  ) {
    this.path = new PathStack(rootPath);
    this.rootState = {
      allowDefaults: opts.allowDefaults,
      disallowDefaultsReason: opts.disallowDefaultsReason,
      insideResourceMeta: false,
    };
  }

  walk(s: JSONSchemaProps, state: WalkState, isRoot: boolean): void {
    const errs = this.errors;
    const path = this.path;
    const before = errs.length;
    this.nodeErrors(s, state);

    if (s.uniqueItems) {
      errs.push(
        forbidden(
          path.childText("uniqueItems"),
          "uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
        ),
      );
    }
    const ap = s.additionalProperties;
    if (ap !== undefined) {
      if (hasOwnKeys(s.properties) && (ap === false || typeof ap === "object")) {
        errs.push(
          forbidden(
            path.childText("additionalProperties"),
            "additionalProperties and properties are mutual exclusive",
          ),
        );
      }
      if (typeof ap === "object") {
        // Pruning without a value is ambiguous, so defaults are forbidden in maps applying to metadata.
        const sub = state.insideResourceMeta
          ? {
              ...state,
              allowDefaults: false,
              disallowDefaultsReason: "inside additionalProperties applying to object metadata",
            }
          : state;
        this.childNode(ap, "additionalProperties", sub);
      }
    }
    const properties = s.properties;
    if (properties) {
      const metaParent = isRoot || s["x-kubernetes-embedded-resource"];
      for (const name of Object.keys(properties)) {
        let sub = state;
        if (metaParent && META_FIELDS.has(name)) {
          sub = { ...sub, insideResourceMeta: true };
          if (isRoot) sub = { ...sub, allowDefaults: false, disallowDefaultsReason: `in top-level ${name}` };
        }
        this.entry(properties[name], "properties", name, sub);
      }
    }
    const { unsupported, composition, extensions } = this.rare;
    if (unsupported) {
      this.entries(s.patternProperties, "patternProperties", state);
      if (typeof s.additionalItems === "object") this.childNode(s.additionalItems, "additionalItems", state);
    }
    if (composition) {
      if (s.not) this.childNode(s.not, "not", state);
      // Named lookups, not a loop over the three names: a keyed lookup costs more on every node.
      this.elements(s.allOf, "allOf", state);
      this.elements(s.oneOf, "oneOf", state);
      this.elements(s.anyOf, "anyOf", state);
    }
    if (unsupported) this.entries(s.definitions, "definitions", state);
    const items = s.items;
    if (items !== undefined) {
      if (Array.isArray(items)) this.elements(items, "items", state);
      else this.childNode(items, "items", state);
    }
    const dependencies = unsupported ? s.dependencies : undefined;
    if (dependencies) {
      for (const name of Object.keys(dependencies)) {
        const dep = dependencies[name];
        if (!Array.isArray(dep)) this.entry(dep, "dependencies", name, state);
      }
    }
    if (extensions) {
      if (s["x-kubernetes-preserve-unknown-fields"] === false) {
        errs.push(
          invalid(path.childText("x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined"),
        );
      }
      if (hasListTypeKeywords(s)) errs.push(...listTypeErrors(s, path.text(), this.opts));
      if ((s["x-kubernetes-validations"]?.length ?? 0) > 0) errs.push(...ruleStaticErrors(s, path.text()));
    }
    if (errs.length > before) this.nodesWithErrors.add(path.text());
  }

  /** `<path>.<field>`, e.g. additionalProperties. */
  private childNode(sub: JSONSchemaProps | undefined, field: string, state: WalkState): void {
    if (!sub) return;
    this.path.child(field);
    this.walk(sub, state, false);
    this.path.pop();
  }

  /** `<path>.<field>[<i>]`, e.g. allOf[0]. */
  private element(sub: JSONSchemaProps | undefined, field: string, i: number, state: WalkState): void {
    if (!sub) return;
    this.path.child(field);
    this.path.index(i);
    this.walk(sub, state, false);
    this.path.pop(2);
  }

  private elements(list: JSONSchemaProps[] | undefined, field: string, state: WalkState): void {
    if (list) for (let i = 0; i < list.length; i++) this.element(list[i], field, i, state);
  }

  /** `<path>.<field>[<name>]`, e.g. properties[spec]. */
  private entry(sub: JSONSchemaProps | undefined, field: string, name: string, state: WalkState): void {
    if (!sub) return;
    this.path.child(field);
    this.path.key(name);
    this.walk(sub, state, false);
    this.path.pop(2);
  }

  private entries(map: Record<string, JSONSchemaProps> | undefined, field: string, state: WalkState): void {
    if (map) for (const name of Object.keys(map)) this.entry(map[name], field, name, state);
  }

  /** `specStandardValidatorV3.validate`: the checks on one node's own keywords. */
  private nodeErrors(s: JSONSchemaProps, state: WalkState): void {
    const errs = this.errors;
    const path = this.path;
    const type = s.type ?? "";
    if (this.opts.requireValidPropertyType && type && !OPENAPI_V3_TYPES.includes(type)) {
      errs.push(notSupported(path.childText("type"), type, OPENAPI_V3_TYPES));
    }
    if (s.default !== undefined && !state.allowDefaults) {
      const detail = state.disallowDefaultsReason
        ? `must not be set ${state.disallowDefaultsReason}`
        : "must not be set";
      errs.push(forbidden(path.childText("default"), detail));
    }
    if (this.rare.unsupported) {
      if (s.id) errs.push(forbidden(path.childText("id"), "id is not supported"));
      if (s.additionalItems !== undefined)
        errs.push(forbidden(path.childText("additionalItems"), "additionalItems is not supported"));
      if (hasOwnKeys(s.patternProperties)) {
        errs.push(forbidden(path.childText("patternProperties"), "patternProperties is not supported"));
      }
      if (hasOwnKeys(s.definitions)) {
        errs.push(forbidden(path.childText("definitions"), "definitions is not supported"));
      }
      if (s.dependencies !== undefined)
        errs.push(forbidden(path.childText("dependencies"), "dependencies is not supported"));
      if (s.$ref !== undefined) errs.push(forbidden(path.childText("$ref"), "$ref is not supported"));
    }
    if (type === "null")
      errs.push(
        forbidden(path.childText("type"), "type cannot be set to null, use nullable as an alternative"),
      );
    if (Array.isArray(s.items) && s.items.length > 0) {
      errs.push(forbidden(path.childText("items"), "items must be a schema object and not an array"));
    }
    if (state.insideResourceMeta && s["x-kubernetes-embedded-resource"]) {
      errs.push(
        forbidden(
          path.childText("x-kubernetes-embedded-resource"),
          "must not be used inside of resource meta",
        ),
      );
    }
  }
}

/** `Object.keys(map).length > 0`, without making the array. */
function hasOwnKeys(map: object | undefined): boolean {
  if (map) for (const k in map) if (Object.hasOwn(map, k)) return true;
  return false;
}

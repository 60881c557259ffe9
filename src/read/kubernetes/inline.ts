/**
 * Expands stored definitions into self-contained schemas, the way controller-gen inlines named
 * types: no `$ref`, no `definitions`. Expansions are memoised per definition; callers get
 * their own copy from `index.ts`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import type { StoredDefinition, StoredSchema } from "./data-format.js";
import { wellKnownSchema } from "./well-known.js";

interface Expansion {
  schema: JSONSchemaProps;
  /**
   * The shallowest position on the current reference path that a recursion cut inside this
   * expansion points back to (Infinity when there is none). An expansion that only points back
   * to itself or deeper does not depend on how it was reached, so it can be memoised.
   */
  pointsBackTo: number;
}

export class DefinitionInliner {
  private readonly memo = new Map<string, JSONSchemaProps>();

  constructor(private readonly definitions: Readonly<Record<string, StoredDefinition>>) {}

  has(name: string): boolean {
    return Object.hasOwn(this.definitions, name);
  }

  /**
   * The fully inlined schema of `name`. Subtrees are shared with the memo and with each other:
   * copy before handing it out.
   */
  expand(name: string): JSONSchemaProps | undefined {
    return this.has(name) ? this.expandDefinition(name, []).schema : undefined;
  }

  private expandDefinition(name: string, path: string[]): Expansion {
    const memoised = this.memo.get(name);
    if (memoised) return { schema: memoised, pointsBackTo: Infinity };
    const definition = this.definitions[name];
    if (!definition) throw new Error(`Kubernetes schema data refers to unknown type ${name}`);
    const onPath = path.indexOf(name);
    if (onPath >= 0) return { schema: recursionCut(definition.schema), pointsBackTo: onPath };

    const depth = path.length;
    path.push(name);
    const expansion = this.expandNode(definition.schema, path);
    path.pop();
    if (expansion.pointsBackTo < depth) return expansion;
    this.memo.set(name, expansion.schema);
    return { schema: expansion.schema, pointsBackTo: Infinity };
  }

  private expandNode(node: StoredSchema, path: string[]): Expansion {
    const { $ref, properties, items, additionalProperties, ...ownKeywords } = node;
    let pointsBackTo = Infinity;
    let schema: JSONSchemaProps = {};
    if ($ref !== undefined) {
      const wellKnown = wellKnownSchema($ref);
      if (wellKnown) {
        schema = wellKnown;
      } else {
        const referenced = this.expandDefinition($ref, path);
        pointsBackTo = referenced.pointsBackTo;
        schema = { ...referenced.schema };
      }
    }
    // The referring node's own keywords win: a field's doc comment replaces its type's, as in controller-gen.
    Object.assign(schema, ownKeywords);
    if (properties) {
      const expanded: Record<string, JSONSchemaProps> = {};
      for (const [key, child] of Object.entries(properties)) {
        const expansion = this.expandNode(child, path);
        pointsBackTo = Math.min(pointsBackTo, expansion.pointsBackTo);
        expanded[key] = expansion.schema;
      }
      schema.properties = expanded;
    }
    for (const key of ["items", "additionalProperties"] as const) {
      const child = key === "items" ? items : additionalProperties;
      if (!child) continue;
      const expansion = this.expandNode(child, path);
      pointsBackTo = Math.min(pointsBackTo, expansion.pointsBackTo);
      schema[key] = expansion.schema;
    }
    return { schema, pointsBackTo };
  }
}

/**
 * A type that contains itself (JSONSchemaProps does) cannot be inlined; like controller-gen's
 * users do by hand, keep the nested value as written instead of pruning it.
 */
function recursionCut(definition: StoredSchema): JSONSchemaProps {
  const cut: JSONSchemaProps = { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  if (definition.description !== undefined) cut.description = definition.description;
  return cut;
}

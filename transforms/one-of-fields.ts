/**
 * one-of-fields: a one-of tag (`@exactlyOneOf name,selector`) names properties of the object it
 * sits on, which are known only once named types are inlined and unions lowered. A name the
 * object lacks would make its CEL rule fail to compile ("undefined field 'selectr'"); here it is
 * an error at the tag, naming the property meant. Nothing is changed: the CEL check of the
 * generated CRD stays the backstop for what this step does not look at (maps, untyped nodes).
 *
 *   in:  {type: object, properties: {name, selector}, x-kubernetes-validations: [<@exactlyOneOf name,selectr>]}
 *   out: the same, and error CRD3009 at the tag: did you mean selector?
 */
import { codes } from "../src/diagnostics/codes.js";
import type { SourceLocation } from "../src/diagnostics/diagnostic.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { ruleErrorAt } from "../src/emit/rule-origins.js";
import type { ValidationRule } from "../src/schema/types.js";
import { oneOfGroup, type OneOfGroup } from "../src/tags/one-of.js";
import { didYouMean } from "../src/tags/suggest.js";
import { reportAt, walkOptions, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "one-of-fields";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.oneOfRule;

/** Fields CEL gives the root of a resource (and an embedded one) whatever its schema says. */
const RESOURCE_FIELDS = ["apiVersion", "kind", "metadata"];

/** How many of an object's properties a hint lists. */
const LISTED = 20;

export function oneOfFields(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  // A named type's node is met once per use: its tag's error is said once.
  const reported = new Set<ValidationRule>();
  return mapSchema(
    schema,
    (node, path) => {
      const fields = celFields(node, path === "");
      if (fields === undefined) return node;
      const rules = node["x-kubernetes-validations"] ?? [];
      rules.forEach((rule, index) => {
        const group = oneOfGroup(rule);
        if (!group || reported.has(rule)) return;
        const unknown = group.names.filter((n) => !fields.has(n));
        if (unknown.length === 0) return;
        reported.add(rule);
        const properties = Object.keys(node.properties ?? {});
        reportAt(
          ctx,
          node,
          path,
          {
            severity: "error",
            code: codes.unknownPropertyInTag,
            message: unknownMessage(group, unknown),
            hint: unknownHint(unknown, properties),
          },
          tagOrigin(node, index),
        );
      });
      return node;
    },
    walkOptions(ctx, name, acts),
  );
}

/**
 * The names CEL knows on `node` as an object with fields (Kubernetes' SchemaDeclType), or
 * undefined when it is not one: a map (`has(self.x)` asks for a key), or a node without
 * `type: object` (no type, int-or-string), which the CEL check reports in its own words.
 */
function celFields(node: DraftSchema, isRoot: boolean): Set<string> | undefined {
  if (node.type !== "object" || typeof node.additionalProperties === "object") return undefined;
  const names = new Set(Object.keys(node.properties ?? {}));
  if (isRoot || node["x-kubernetes-embedded-resource"] === true)
    for (const field of RESOURCE_FIELDS) names.add(field);
  return names;
}

/** The tag that wrote rule `index` of `node` (as rule-origins answers for a rule's error). */
function tagOrigin(node: DraftSchema, index: number): SourceLocation | undefined {
  return ruleErrorAt(node, `.x-kubernetes-validations[${index}]`)?.origin;
}

function unknownMessage(group: OneOfGroup, unknown: readonly string[]): string {
  return unknown.length === 1
    ? `@${group.tag} names ${unknown[0]!}, which is not a property of this object.`
    : `@${group.tag} names ${andList(unknown)}, which are not properties of this object.`;
}

/** Did-you-mean for each unknown name that is close to a property, then the properties. */
function unknownHint(unknown: readonly string[], properties: readonly string[]): string {
  const meant = unknown.flatMap((n) => {
    const close = didYouMean(n, properties);
    return close === undefined ? [] : [{ n, close }];
  });
  const guess =
    meant.length === 0
      ? ""
      : unknown.length === 1
        ? `did you mean ${meant[0]!.close}? `
        : `did you mean ${andList(meant.map(({ n, close }) => `${close} (for ${n})`))}? `;
  if (properties.length === 0) return `${guess}the object has no properties`;
  const shown = properties.slice(0, LISTED).join(", ");
  const more = properties.length > LISTED ? ` and ${properties.length - LISTED} more` : "";
  return `${guess}its properties: ${shown}${more}`;
}

function andList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;
}

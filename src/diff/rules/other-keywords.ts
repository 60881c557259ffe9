/**
 * `schema-changed` (not breaking, informational) for keywords no other rule looks at:
 * `title`, `example`, `externalDocs`, and keywords a structural schema may not even
 * contain. Listed so that no difference is silently dropped.
 * Example: `title: Replicas` → `title: Replica count`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { jsonEqual } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

/** Builds the catch-all for every keyword outside `claimed`. */
export function otherKeywordsRule(claimed: ReadonlySet<string>): SchemaRule {
  return {
    keywords: [],
    check(old, neu, at, report) {
      const keys = new Set([...Object.keys(old), ...Object.keys(neu)].filter((k) => !claimed.has(k)));
      for (const key of [...keys].sort()) {
        const before: unknown = old[key as keyof JSONSchemaProps];
        const after: unknown = neu[key as keyof JSONSchemaProps];
        if (jsonEqual(before, after)) continue;
        report({
          kind: "schema-changed",
          breaking: false,
          at: at.field(key),
          message: `${key} changed`,
          old: before,
          new: after,
        });
      }
    },
  };
}

/**
 * `composition-changed`: `allOf`, `anyOf`, `oneOf` or `not` changed. Breaking unless
 * the keyword was removed outright: deciding whether an edited combination admits a
 * superset of values is not tractable in general, so any edit is flagged for review.
 * Example: `anyOf: [{required: [a]}, {required: [b]}]` → `anyOf: [{required: [a]}]`.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { jsonEqual } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

const KEYWORDS = ["allOf", "anyOf", "oneOf", "not"] as const satisfies readonly (keyof JSONSchemaProps)[];

export const compositionRule: SchemaRule = {
  keywords: KEYWORDS,
  check(old, neu, at, report) {
    for (const keyword of KEYWORDS) {
      if (jsonEqual(old[keyword], neu[keyword])) continue;
      const removed = neu[keyword] === undefined;
      report({
        kind: "composition-changed",
        breaking: !removed,
        at: at.field(keyword),
        message: removed
          ? `${keyword} was removed`
          : `${keyword} changed; check that no stored value is rejected`,
        old: old[keyword],
        new: neu[keyword],
      });
    }
  },
};

/**
 * `pattern-added` / `pattern-changed` (breaking): a string must now match a regular
 * expression it did not have to match before. Strings that do not match are rejected (Kubernetes
 * 1.30+ ratchets: an update leaving a stored one unchanged passes). Any textual change counts: regex containment is undecidable
 * in practice, so a rewrite is reported for a human to judge.
 * Example: no pattern → `pattern: ^[a-z]+$`.
 *
 * `pattern-removed` (not breaking): the constraint is gone.
 */
import type { SchemaRule } from "./rule.js";

export const patternRule: SchemaRule = {
  keywords: ["pattern"],
  check(old, neu, at, report) {
    if (old.pattern === neu.pattern) return;
    const path = at.field("pattern");
    if (neu.pattern === undefined) {
      report({
        kind: "pattern-removed",
        breaking: false,
        at: path,
        message: "pattern was removed",
        old: old.pattern,
      });
      return;
    }
    const added = old.pattern === undefined;
    report({
      kind: added ? "pattern-added" : "pattern-changed",
      breaking: true,
      at: path,
      message: added
        ? `values must now match ${JSON.stringify(neu.pattern)}`
        : `pattern changed from ${JSON.stringify(old.pattern)} to ${JSON.stringify(neu.pattern)}`,
      old: old.pattern,
      new: neu.pattern,
    });
  },
};

/**
 * `description-changed` (not breaking): documentation only; shown by `kubectl explain`.
 * Example: `description: Number of pods.` → `description: Desired number of pods.`
 */
import type { SchemaRule } from "./rule.js";

export const descriptionRule: SchemaRule = {
  keywords: ["description"],
  check(old, neu, at, report) {
    if (old.description === neu.description) return;
    const verb =
      old.description === undefined ? "added" : neu.description === undefined ? "removed" : "changed";
    report({
      kind: "description-changed",
      breaking: false,
      at: at.field("description"),
      message: `description ${verb}`,
      old: old.description,
      new: neu.description,
    });
  },
};

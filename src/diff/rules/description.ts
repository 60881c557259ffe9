/**
 * `description-changed` (not breaking): documentation only; shown by `kubectl explain`.
 * Example: `description: Number of pods.` → `description: Desired number of pods.`
 *
 * Descriptions equal once runs of whitespace are collapsed (and the ends trimmed) are not
 * reported: a comment rewrapped, or joined into one line as Kubernetes' OpenAPI data joins
 * its Go doc comments, says the same words, as an equivalent integer bound is no change.
 */
import type { SchemaRule } from "./rule.js";

/** The words of a description, whatever the line breaks and spacing between them. */
function words(description: string): string {
  return description.trim().replace(/\s+/g, " ");
}

function sameWords(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && words(a) === words(b);
}

export const descriptionRule: SchemaRule = {
  keywords: ["description"],
  check(old, neu, at, report) {
    if (old.description === neu.description || sameWords(old.description, neu.description)) return;
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

/**
 * `format-changed` (breaking): `format` was added or changed. The API server
 * validates known formats (date-time, uuid, ...), so stored values may stop
 * validating, and code generators map formats to types (int32 vs int64, time vs
 * string), so typed clients change.
 * Example: `format: int32` → `format: int64`.
 *
 * `format-removed` (not breaking): validation got looser.
 */
import type { SchemaRule } from "./rule.js";

export const formatRule: SchemaRule = {
  keywords: ["format"],
  check(old, neu, at, report) {
    if (old.format === neu.format) return;
    const path = at.field("format");
    if (neu.format === undefined) {
      report({
        kind: "format-removed",
        breaking: false,
        at: path,
        message: "format was removed",
        old: old.format,
      });
      return;
    }
    report({
      kind: "format-changed",
      breaking: true,
      at: path,
      message: `format changed from ${old.format ?? "unset"} to ${neu.format}`,
      old: old.format,
      new: neu.format,
    });
  },
};

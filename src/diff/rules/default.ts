/**
 * `default-changed` (breaking): an existing `default` changed or was removed. The API server
 * fills defaults into every request (and into objects read from etcd) that lacks the field, so
 * clients that omit it, and older clients that drop a field they do not know when they write an
 * object back, get a different value from then on.
 * Example: `default: 1` → `default: 3`.
 *
 * `default-added` (not breaking): objects without the field get a value where they had none;
 * nothing valid becomes invalid. Stored objects that lack it read the default from then on.
 * Breaking when the object holding the field limits its field count (`maxProperties`) or has a
 * rule naming the field: the value filled in counts, and is read, before validation (../default-fill.ts).
 *
 * A default too long to show whole (an object, a list) is shown at the first place the two
 * differ, so that the message never shows two previews cut before the difference.
 */
import { fillRisk } from "../default-fill.js";
import { firstDifference, jsonEqual, preview } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

/** `from X to Y`, or `at [0].message from X to Y` when a whole value is too long to show. */
function change(before: unknown, after: unknown): string {
  const whole = `from ${preview(before)} to ${preview(after)}`;
  const cut = (value: unknown): boolean => preview(value) !== preview(value, Number.POSITIVE_INFINITY);
  if (!cut(before) && !cut(after)) return whole;
  const difference = firstDifference(before, after);
  if (difference === undefined || difference.at === "") return whole;
  const shown = (value: unknown): string => (value === undefined ? "nothing" : preview(value));
  return `at ${difference.at} from ${shown(difference.old)} to ${shown(difference.new)}`;
}

export const defaultRule: SchemaRule = {
  keywords: ["default"],
  check(old, neu, at, report, holder) {
    if (jsonEqual(old.default, neu.default)) return;
    const added = old.default === undefined;
    const removed = neu.default === undefined;
    const risk = added ? fillRisk(holder, "the default") : undefined;
    report({
      kind: added ? "default-added" : "default-changed",
      breaking: !added || risk !== undefined,
      at: at.field("default"),
      message: added
        ? `default ${preview(neu.default)} was added${risk === undefined ? "" : `; ${risk}`}`
        : removed
          ? `default ${preview(old.default)} was removed; requests that omit the field no longer get it`
          : `default changed ${change(old.default, neu.default)}; requests that omit the field get the new value`,
      old: old.default,
      new: neu.default,
    });
  },
};

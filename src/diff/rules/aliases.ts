/**
 * `short-name-removed` / `category-removed` (not breaking, but listed): a shortName or
 * category disappeared. Decision: these are kubectl conveniences resolved through
 * discovery, not part of the API; no stored object or API client breaks, only
 * commands like `kubectl get wd` or `kubectl get all-widgets` typed by people and
 * scripts. They are reported so a reviewer sees them, without failing CI.
 * Example: `shortNames: [wd, wdg]` → `shortNames: [wd]`.
 *
 * `short-name-added` / `category-added` (not breaking).
 */
import type { CustomResourceDefinition } from "../../schema/types.js";
import { namesOf, stringList } from "../crd-access.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";
import type { CrdRule } from "./rule.js";

type AliasField = "shortNames" | "categories";

const KINDS = {
  shortNames: { removed: "short-name-removed", added: "short-name-added", noun: "short name" },
  categories: { removed: "category-removed", added: "category-added", noun: "category" },
} as const;

function compareAliases(
  field: AliasField,
  old: CustomResourceDefinition,
  neu: CustomResourceDefinition,
  at: FieldPath,
  report: Report,
): void {
  const before = stringList(namesOf(old)[field]);
  const after = stringList(namesOf(neu)[field]);
  const path = at.field("spec").field("names").field(field);
  const { removed, added, noun } = KINDS[field];
  for (const name of before.filter((n) => !after.includes(n))) {
    report({
      kind: removed,
      breaking: false,
      at: path,
      message: `${noun} "${name}" was removed; kubectl commands using it stop working`,
      old: name,
    });
  }
  for (const name of after.filter((n) => !before.includes(n))) {
    report({ kind: added, breaking: false, at: path, message: `${noun} "${name}" was added`, new: name });
  }
}

export const aliasesRule: CrdRule = {
  check(old, neu, at, report) {
    compareAliases("shortNames", old, neu, at, report);
    compareAliases("categories", old, neu, at, report);
  },
};

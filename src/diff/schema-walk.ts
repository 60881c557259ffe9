/**
 * Walks two schemas side by side: runs every schema rule on each pair of nodes, then
 * descends into properties (matched by name), `items` and `additionalProperties`.
 * Identical subtrees are skipped whole, which keeps diffing large CRDs cheap.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { isRecord, schemaMap } from "./crd-access.js";
import type { Holder } from "./default-fill.js";
import type { FieldPath } from "./field-path.js";
import type { Report } from "./finding.js";
import { jsonEqual } from "./json-equal.js";
import { additionalPropertiesRule } from "./rules/additional-properties.js";
import { compositionRule } from "./rules/composition.js";
import { defaultRule } from "./rules/default.js";
import { descriptionRule } from "./rules/description.js";
import { enumRule } from "./rules/enum.js";
import { fieldsRule } from "./rules/fields.js";
import { formatRule } from "./rules/format.js";
import { itemsRule } from "./rules/items.js";
import { listTypeRule } from "./rules/list-type.js";
import { mapTypeRule } from "./rules/map-type.js";
import { nullableRule } from "./rules/nullable.js";
import { numericBoundsRule } from "./rules/numeric-bounds.js";
import { otherKeywordsRule } from "./rules/other-keywords.js";
import { patternRule } from "./rules/pattern.js";
import { requiredRule } from "./rules/required.js";
import type { SchemaRule } from "./rules/rule.js";
import { sizeBoundsRule } from "./rules/size-bounds.js";
import { shapeChanged, typeRule } from "./rules/type.js";
import { validationRulesRule } from "./rules/validation-rules.js";

const KEYWORD_RULES: readonly SchemaRule[] = [
  typeRule,
  fieldsRule,
  requiredRule,
  itemsRule,
  additionalPropertiesRule,
  enumRule,
  sizeBoundsRule,
  numericBoundsRule,
  patternRule,
  formatRule,
  nullableRule,
  defaultRule,
  validationRulesRule,
  listTypeRule,
  mapTypeRule,
  compositionRule,
  descriptionRule,
];

const SCHEMA_RULES: readonly SchemaRule[] = [
  ...KEYWORD_RULES,
  otherKeywordsRule(new Set(KEYWORD_RULES.flatMap((rule) => rule.keywords))),
];

export function compareSchemas(
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
  at: FieldPath,
  report: Report,
  holder?: Holder,
): void {
  if (jsonEqual(old, neu)) return;
  if (shapeChanged(old, neu)) {
    // A node that now holds another kind of value: the type change says it all.
    typeRule.check(old, neu, at, report);
    return;
  }
  for (const rule of SCHEMA_RULES) rule.check(old, neu, at, report, holder);

  const before = schemaMap(old.properties);
  const after = schemaMap(neu.properties);
  for (const name of Object.keys(after).sort()) {
    const previous = before[name];
    const current = after[name];
    if (previous && current)
      compareSchemas(previous, current, at.field("properties").key(name), report, {
        object: neu,
        name,
      });
  }
  if (isRecord(old.items) && isRecord(neu.items)) {
    compareSchemas(old.items, neu.items, at.field("items"), report);
  }
  if (isRecord(old.additionalProperties) && isRecord(neu.additionalProperties)) {
    compareSchemas(
      old.additionalProperties,
      neu.additionalProperties,
      at.field("additionalProperties"),
      report,
      { object: neu, name: undefined },
    );
  }
}

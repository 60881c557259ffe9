/**
 * `conversion-changed`: `spec.conversion` differs (an unset strategy is `None`).
 * - Breaking when the strategy leaves `Webhook` while the new CRD has several versions:
 *   the API server then converts by rewriting `apiVersion` alone, so fields that differ
 *   between versions are pruned or fail validation.
 *   Example: `strategy: Webhook` → `strategy: None` with versions v1beta1 and v1.
 * - Not breaking otherwise (a webhook added, its service, path, CA bundle or review
 *   versions changed): listed because the webhook must be deployed to match.
 */
import type { CustomResourceConversion, CustomResourceDefinition } from "../../schema/types.js";
import { isRecord, versionsOf } from "../crd-access.js";
import { jsonEqual } from "../json-equal.js";
import type { CrdRule } from "./rule.js";

function conversionOf(crd: CustomResourceDefinition): Partial<CustomResourceConversion> {
  const conversion: unknown = crd.spec?.conversion;
  return isRecord(conversion) ? (conversion as Partial<CustomResourceConversion>) : {};
}

function strategyOf(conversion: Partial<CustomResourceConversion>): string {
  return typeof conversion.strategy === "string" ? conversion.strategy : "None";
}

/** The CRD's conversion strategy, `None` when unset. */
export function conversionStrategy(crd: CustomResourceDefinition): string {
  return strategyOf(conversionOf(crd));
}

export const conversionRule: CrdRule = {
  check(old, neu, at, report) {
    const before = conversionOf(old);
    const after = conversionOf(neu);
    const from = strategyOf(before);
    const to = strategyOf(after);
    const path = at.field("spec").field("conversion");
    if (from !== to) {
      const breaking = from === "Webhook" && versionsOf(neu).length > 1;
      report({
        kind: "conversion-changed",
        breaking,
        at: path.field("strategy"),
        message: breaking
          ? `conversion strategy changed from ${from} to ${to}; objects are converted between versions by changing apiVersion alone`
          : `conversion strategy changed from ${from} to ${to}`,
        old: from,
        new: to,
      });
      return;
    }
    if (jsonEqual(before.webhook, after.webhook)) return;
    report({
      kind: "conversion-changed",
      breaking: false,
      at: path.field("webhook"),
      message: "conversion webhook configuration changed",
      old: before.webhook,
      new: after.webhook,
    });
  },
};

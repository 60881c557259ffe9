/**
 * `@preserveUnknownFields` on `Record<string, unknown>` (Java's `Map<String, Object>` in Strimzi's
 * KafkaTopic `config`, a kube-rs map of `serde_json::Value` in Linkerd's `matchLabels`): the object
 * already keeps any field as it is, so the anything-map beside it says nothing more and goes, as those
 * generators write it (`{type: object, x-kubernetes-preserve-unknown-fields: true}`). A typed map
 * beside the tag still checks its values, so it stays.
 */
import { describe, expect, test } from "vitest";
import type { DraftSchema } from "../../src/emit/draft.js";
import { additionalPropertiesCleanup } from "../../transforms/additional-properties-cleanup.js";
import { collectingContext } from "../../transforms/context.js";
import { Feature, ownFeatures } from "../../transforms/walk.js";
import { specSchema, withRoot } from "../helpers/generate.js";

const PRESERVED = { type: "object", "x-kubernetes-preserve-unknown-fields": true };

describe("additional-properties-cleanup on an object that preserves unknown fields", () => {
  test("an anything-map goes", () => {
    const input: DraftSchema = {
      ...PRESERVED,
      additionalProperties: { "x-kubernetes-preserve-unknown-fields": true },
    };
    expect(ownFeatures(input) & Feature.strayAdditionalProperties).not.toBe(0);
    const ctx = collectingContext("R");
    expect(additionalPropertiesCleanup(input, ctx)).toEqual(PRESERVED);
    expect(ctx.diagnostics).toEqual([]);
  });

  test("a typed map stays: it still checks the values", () => {
    const input: DraftSchema = { ...PRESERVED, additionalProperties: { type: "string" } };
    const ctx = collectingContext("R");
    expect(additionalPropertiesCleanup(input, ctx)).toEqual(input);
    expect(ctx.diagnostics).toEqual([]);
  });

  test("without the tag, the anything-map is the object's schema and stays", () => {
    const input: DraftSchema = {
      type: "object",
      additionalProperties: { "x-kubernetes-preserve-unknown-fields": true },
    };
    expect(ownFeatures(input) & Feature.strayAdditionalProperties).toBe(0);
    expect(additionalPropertiesCleanup(input, collectingContext("R"))).toEqual(input);
  });
});

describe("generated", () => {
  test("on the field, and on a named alias", () => {
    const spec = specSchema(
      withRoot(
        "{\n  /** @preserveUnknownFields */\n  config?: Record<string, unknown>;\n  labels?: Labels;\n  typed?: Typed;\n}\n" +
          "/** @preserveUnknownFields */\nexport type Labels = Record<string, unknown>;\n" +
          "/** @preserveUnknownFields */\nexport type Typed = Record<string, string>;",
      ),
    );
    expect(spec.properties!.config).toEqual(PRESERVED);
    expect(spec.properties!.labels).toEqual(PRESERVED);
    expect(spec.properties!.typed).toEqual({ ...PRESERVED, additionalProperties: { type: "string" } });
  });
});

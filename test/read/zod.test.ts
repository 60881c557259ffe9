/**
 * Types declared as zod schemas (`type Spec = z.infer<typeof Spec>`): crdgen reads the inferred
 * type, the alias keeps its doc comment, and tags in the doc comments of the schema object's
 * properties apply, because TypeScript traces each inferred property back to them.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { compileOpenApi } from "../helpers/ajv.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/zod-types.ts", import.meta.url));

describe("zod schemas", () => {
  const result = generate({ entries: [FIXTURE], cwd: path.dirname(FIXTURE), outDir: "out" });
  const spec = () => result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;

  test("become a CRD like the equivalent interfaces", () => {
    expect(result.diagnostics).toEqual([]);
    expect(spec()).toMatchObject({
      type: "object",
      description: "What a Widget should be.",
      required: ["mode", "note", "source"],
      properties: {
        replicas: { type: "integer", format: "int32", minimum: 1, description: "How many to run." },
        mode: { type: "string", enum: ["Auto", "Manual"] },
        labels: { type: "object", additionalProperties: { type: "string" } },
        note: { type: "string", nullable: true },
        when: { type: "string", format: "date-time" },
        port: { "x-kubernetes-int-or-string": true },
        source: { type: "object", oneOf: [{ required: ["url"] }, { required: ["ref"] }] },
      },
    });
  });

  test("accept what the zod schema accepts, and refuse what it refuses", async () => {
    const { WidgetSpec } = await import("./fixtures/zod-types.js");
    // Ajv refuses `nullable` without a `type`, which an int-or-string has: checked above, left out here.
    const { port: _intOrString, ...properties } = spec().properties!;
    const validate = compileOpenApi({ ...spec(), properties });
    const good = { mode: "Auto", note: null, source: { kind: "git", url: "https://x" }, replicas: 2 };
    expect(WidgetSpec.safeParse(good).success).toBe(true);
    expect(validate(good)).toBe(true);
    const bad = { ...good, mode: "Sometimes" };
    expect(WidgetSpec.safeParse(bad).success).toBe(false);
    expect(validate(bad)).toBe(false);
  });
});

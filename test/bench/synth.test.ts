/**
 * The bench's synthetic API surfaces: every tool must accept them, and their size must be what
 * the bench reports it to be (each interface reached exactly once from the root, the feature mix
 * of the issue), or the timings measure something else than they say.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT_TYPE, writeSynthetic } from "../../bench/lib/synth.mjs";
import { generate } from "../../src/generate.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const work = mkdtempSync(path.join(tmpdir(), "crdgen-synth-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every schema node, depth first. */
function* nodes(schema: JSONSchemaProps): Generator<JSONSchemaProps> {
  yield schema;
  for (const child of Object.values(schema.properties ?? {})) yield* nodes(child);
  if (schema.items && !Array.isArray(schema.items)) yield* nodes(schema.items);
  if (typeof schema.additionalProperties === "object") yield* nodes(schema.additionalProperties);
}

describe("writeSynthetic", () => {
  // 250 spans three files (100 types to a file), so cross-file imports are exercised.
  it.each([10, 250])("%d interfaces: type-checks, and the CRD's spec reaches each exactly once", (count) => {
    const s = writeSynthetic(path.join(work, String(count)), count);
    expect(s.files).toHaveLength(2 + Math.ceil(count / 100));
    expect(s.rootType).toBe(ROOT_TYPE);

    const result = generate({ entries: [s.root], cwd: s.dir, tsconfig: s.tsconfig });
    expect(result.diagnostics).toEqual([]);
    expect(result.crds).toHaveLength(1);
    const schema = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;

    const reached = new Map<number, number>();
    for (const node of nodes(schema.properties!["spec"]!)) {
      // A field's own description wins over its type's when inlined (`child1: Type00011`).
      const m = /^(?:Type(\d{5}) is synthetic API type number \d+|The nested Type(\d{5}))\.$/.exec(
        node.description ?? "",
      );
      const type = m && Number(m[1] ?? m[2]);
      if (type !== null) reached.set(type, (reached.get(type) ?? 0) + 1);
    }
    expect([...reached.keys()].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
    expect([...reached.values()].every((n) => n === 1)).toBe(true);
  });

  it("mixes the field kinds the issue names: scalars, optional fields, literal unions, arrays of interfaces, records, nested objects", () => {
    const s = writeSynthetic(path.join(work, "mix"), 40);
    const result = generate({ entries: [s.root], cwd: s.dir, tsconfig: s.tsconfig });
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!["spec"]!;
    const all = [...nodes(spec)];
    const has = (test: (n: JSONSchemaProps) => boolean) => all.some(test);
    expect(has((n) => n.type === "integer" && n.format === "int32")).toBe(true);
    expect(has((n) => n.type === "string" && n.maxLength === 63)).toBe(true);
    expect(has((n) => n.type === "boolean")).toBe(true);
    expect(has((n) => Array.isArray(n.enum) && n.enum.includes("Manual"))).toBe(true);
    expect(has((n) => n.default === "Info")).toBe(true);
    expect(
      has(
        (n) =>
          n.type === "array" && n.maxItems === 100 && !Array.isArray(n.items) && n.items?.type === "object",
      ),
    ).toBe(true);
    expect(
      has((n) => typeof n.additionalProperties === "object" && n.additionalProperties.type === "object"),
    ).toBe(true);
    expect(has((n) => n.type === "object" && (n.required ?? []).length > 0 && n.required!.length < 10)).toBe(
      true,
    );
  });
});

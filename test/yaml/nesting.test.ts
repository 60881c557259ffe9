/**
 * Nesting deeper than crdgen reads (src/yaml/nesting.ts) is one located error that names the
 * limit, found before the `yaml` package's recursive composer would run out of call stack.
 */
import { describe, expect, it } from "vitest";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { MAX_NESTING } from "../../src/yaml/nesting.js";

const flowSeqs = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const blockMaps = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}a:`).join("\n") + ` 1\n`;

/**
 * A JSON CRD whose schema nests `levels` objects (two collections each: the schema and its
 * properties), written as text: JSON.stringify itself runs out of stack on the deepest.
 */
function deepJsonCrd(levels: number): string {
  const schema =
    '{"type":"object","properties":{"a":'.repeat(levels) + '{"type":"string"}' + "}}".repeat(levels);
  return (
    '{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",' +
    '"metadata":{"name":"widgets.example.com"},' +
    `"spec":{"versions":[{"name":"v1","schema":{"openAPIV3Schema":${schema}}}]}}`
  );
}

describe("nesting beyond MAX_NESTING", () => {
  it("reads a stream nested exactly MAX_NESTING levels, flow or block", () => {
    for (const text of [flowSeqs(MAX_NESTING), blockMaps(MAX_NESTING)]) {
      const { documents, errors } = parseYamlDocuments(text, "t.yaml");
      expect(errors).toEqual([]);
      expect(documents).toHaveLength(1);
    }
  });

  it("is one error at the collection one level deeper, naming both limits", () => {
    const flow = parseYamlDocuments(flowSeqs(MAX_NESTING + 1), "t.json");
    expect(flow.documents).toEqual([]);
    expect(flow.errors).toEqual([
      {
        file: "t.json",
        line: 1,
        column: MAX_NESTING + 1,
        message: `mappings and sequences nested more than ${MAX_NESTING} levels deep: crdgen reads at most ${MAX_NESTING} (kubectl and the API server stop at 10,000; no CRD needs this many)`,
      },
    ]);
    // Block style goes past the block reader's limit to the full parse, which says the same.
    const block = parseYamlDocuments(blockMaps(MAX_NESTING + 1), "t.yaml");
    expect(block.errors).toEqual([
      expect.objectContaining({ line: MAX_NESTING + 1, column: MAX_NESTING + 1 }),
    ]);
  });

  it("points into the document that is too deep, after shallow ones", () => {
    const { errors } = parseYamlDocuments(`a: 1\n---\nb:\n  ${flowSeqs(MAX_NESTING)}\n`, "t.yaml");
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 3 + MAX_NESTING - 1 })]);
  });

  it.each([450, 1000, 5000])("reports a CRD %i schema levels deep without running out of stack", (levels) => {
    const { errors } = parseYamlDocuments(deepJsonCrd(levels), "deep.json");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(`more than ${MAX_NESTING} levels deep`);
    expect(errors[0]?.message).not.toMatch(/call stack/i);
  });
});

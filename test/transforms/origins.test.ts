/** originOf: a Kubernetes schema path back to the deepest annotated node on it. */
import { describe, expect, it } from "vitest";
import { ORIGIN, type DraftSchema } from "../../src/emit/draft.js";
import { originOf } from "../../transforms/origins.js";

const at = (line: number) => ({ file: "/p/types.ts", line, column: 1 });

const annotated: DraftSchema = {
  type: "object",
  [ORIGIN]: at(1),
  properties: {
    spec: {
      type: "object",
      [ORIGIN]: at(2),
      properties: {
        "app.kubernetes.io/name": { type: "string", [ORIGIN]: at(3) },
        ports: { type: "array", [ORIGIN]: at(4), items: { type: "object", [ORIGIN]: at(5) } },
        labels: { type: "object", additionalProperties: { type: "string", [ORIGIN]: at(6) } },
        plain: { type: "string" },
      },
    },
  },
};

describe("originOf", () => {
  it.each([
    ["", 1],
    [".properties[spec]", 2],
    [".properties[spec].properties[app.kubernetes.io/name]", 3],
    [".properties[spec].properties[ports].items", 5],
    [".properties[spec].properties[ports].items.x-kubernetes-list-map-keys", 5],
    [".properties[spec].properties[labels].additionalProperties", 6],
    // No annotation on the node itself: its nearest annotated ancestor.
    [".properties[spec].properties[plain]", 2],
    [".properties[spec].properties[labels]", 2],
    [".properties[spec].properties[missing].default", 2],
    [".properties[spec].x-kubernetes-validations[0].rule", 2],
  ])("%s -> line %i", (path, line) => {
    expect(originOf({ annotated }, path)?.line).toBe(line);
  });
});

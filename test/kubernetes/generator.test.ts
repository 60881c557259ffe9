/**
 * The generator in `scripts/kubernetes-schemas/`: the committed data is what it produces
 * today, and its evidence rules behave as documented.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { CrdEvidence, type CrdNode, type CrdSource } from "../../scripts/kubernetes-schemas/crd-evidence.js";
import { buildSchemaData } from "../../scripts/kubernetes-schemas/pipeline.js";
import { parseClientNodeType } from "../../scripts/kubernetes-schemas/type-shape.js";
import type { StoredDefinition } from "../../src/read/kubernetes/data-format.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("generate.ts", () => {
  test("the committed schemas.json is what the generator produces", async () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL("../../src/read/kubernetes/schemas.json", import.meta.url), "utf8"),
    );
    const { data, buildReport } = await buildSchemaData(repoRoot);
    expect(JSON.parse(JSON.stringify(data))).toEqual(committed);
    // The one stable class kubernetes-models lacks; built from client-node alone.
    expect(buildReport.withoutModel).toEqual(["V1GroupResource"]);
  });

  test("reads client-node's attribute types", () => {
    expect(parseClientNodeType("Array<V1Container>")).toEqual({
      kind: "array",
      items: { kind: "named", name: "V1Container" },
    });
    expect(parseClientNodeType("{ [key: string]: Array<string>; }")).toEqual({
      kind: "map",
      values: { kind: "array", items: { kind: "named", name: "string" } },
    });
  });
});

/** A five-property type holding a list of a one-property type, and a large type for defaults. */
const definitions: Record<string, StoredDefinition> = {
  Spec: {
    schema: {
      type: "object",
      properties: {
        a: { type: "string" },
        b: { type: "string" },
        c: { type: "string" },
        d: { type: "string" },
        refs: { type: "array", items: { $ref: "Ref" } },
      },
    },
  },
  Ref: { schema: { type: "object", properties: { name: { type: "string" } } } },
  Large: {
    schema: {
      type: "object",
      properties: Object.fromEntries(
        ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "protocol"].map((p) => [p, { type: "string" }]),
      ),
    },
  },
};

const spec = (extensions: Record<string, unknown>, refExtensions: Record<string, unknown> = {}): CrdNode => ({
  type: "object",
  properties: {
    a: { type: "string" },
    b: { type: "string" },
    c: { type: "string" },
    d: { type: "string" },
    refs: {
      type: "array",
      items: { type: "object", properties: { name: { type: "string" } }, ...refExtensions },
      ...extensions,
    },
  },
});

const crd = (name: string, node: CrdNode, authoritative = false): CrdSource => ({
  name,
  authoritative,
  schemas: [{ type: "object", properties: { spec: node } }],
});

describe("CrdEvidence", () => {
  test("a CRD node whose properties are a large subset of a type's is taken as that type, all the way down", () => {
    const evidence = new CrdEvidence(definitions);
    const partial = spec({ "x-kubernetes-list-type": "atomic" }, { "x-kubernetes-map-type": "atomic" });
    delete partial.properties?.d; // an older release without field `d`
    evidence.read(crd("old.yaml", partial));
    expect(evidence.decide("Spec refs", "x-kubernetes-list-type")).toMatchObject({
      value: "atomic",
      basis: "corpus",
    });
    expect(evidence.decide("Ref", "x-kubernetes-map-type")).toMatchObject({
      value: "atomic",
      sources: ["old.yaml"],
    });
  });

  test("small shapes are not anchors on their own", () => {
    const evidence = new CrdEvidence(definitions);
    evidence.read(
      crd("tiny.yaml", {
        type: "object",
        properties: { name: { type: "string" } },
        "x-kubernetes-map-type": "atomic",
      }),
    );
    expect(evidence.decide("Ref", "x-kubernetes-map-type").basis).toBe("unobserved");
  });

  test("an authoritative source decides what it covers, absence included", () => {
    const evidence = new CrdEvidence(definitions);
    evidence.read(crd("a.yaml", spec({ "x-kubernetes-list-type": "set" })));
    evidence.read(crd("b.yaml", spec({ "x-kubernetes-list-type": "set" })));
    evidence.read(crd("golden.yaml", spec({}), true));
    expect(evidence.decide("Spec refs", "x-kubernetes-list-type")).toMatchObject({
      value: undefined,
      basis: "authoritative",
    });
  });

  test("elsewhere the most frequent value wins and absence is no vote", () => {
    const evidence = new CrdEvidence(definitions);
    evidence.read(crd("a.yaml", spec({ "x-kubernetes-list-type": "atomic" })));
    evidence.read(crd("b.yaml", spec({ "x-kubernetes-list-type": "atomic" })));
    evidence.read(crd("c.yaml", spec({ "x-kubernetes-list-type": "set" })));
    evidence.read(crd("d.yaml", spec({})));
    evidence.read(crd("e.yaml", spec({})));
    expect(evidence.decide("Spec refs", "x-kubernetes-list-type")).toMatchObject({
      value: "atomic",
      basis: "corpus",
      conflicts: ["set"],
    });
  });

  test("defaults are believed only under a type too large to be a CRD's own look-alike", () => {
    const evidence = new CrdEvidence(definitions);
    const small = spec({});
    small.properties!.a = { type: "string", default: "mine" };
    evidence.read(crd("small.yaml", small));
    expect(evidence.decide("Spec a", "default").value).toBeUndefined();

    const large: CrdNode = {
      type: "object",
      properties: Object.fromEntries(
        ["p1", "p2", "p3", "p4", "p5", "p6", "p7"].map((p) => [p, { type: "string" }]),
      ),
    };
    large.properties!.protocol = { type: "string", default: "TCP" };
    evidence.read(crd("large.yaml", large));
    expect(evidence.decide("Large protocol", "default").value).toBe("TCP");
  });
});

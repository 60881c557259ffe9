/**
 * Members of Kubernetes' types reached through `extends`, Partial, Pick or an indexed access keep
 * the schema the known type gives them: list types and map keys that their TypeScript declarations
 * (@kubernetes/client-node's classes) do not carry. A whole known type under Partial, Required or
 * Readonly, or an interface that only renames one, is that known type: ObjectMeta stays
 * `{type: object}` and a selector stays atomic.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { kubernetesSchemaFor } from "../../src/read/kubernetes/index.js";
import { modifiedSchema } from "../../src/read/kubernetes/mapped.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/derived-types.ts", import.meta.url));

describe("types derived from Kubernetes' types", () => {
  const result = generate({ entries: [FIXTURE], cwd: path.dirname(FIXTURE), typeCheck: false });
  const spec = () => result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  const field = (name: string) => spec().properties![name]!;
  const container = kubernetesSchemaFor("V1Container")!;
  const meta = kubernetesSchemaFor("V1ObjectMeta")!;
  const selector = kubernetesSchemaFor("V1LabelSelector")!;

  test("generates a valid CRD", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("a derived Kubernetes type keeps each member's own schema", () => {
    const ports = container.properties!.ports!;
    expect(ports["x-kubernetes-list-type"]).toBe("map");

    const sidecar = field("sidecar");
    for (const name of Object.keys(container.properties!))
      expect(sidecar.properties![name], name).toEqual(container.properties![name]);
    expect(sidecar.properties!.extra).toEqual({ type: "string" });
    expect(sidecar.required).toEqual(["name"]);

    const partial = field("partial");
    expect(partial.properties!.env).toEqual(container.properties!.env);
    expect(partial.required).toBeUndefined();
    expect(field("picked").properties).toEqual({ name: container.properties!.name, ports });
    expect(field("ports")).toEqual(ports);
    const containers = field("pod").properties!.containers!.items as JSONSchemaProps;
    expect(containers.properties!.ports).toEqual(ports);
  });

  test("Partial of a known type is the known type without its required fields", () => {
    const { required: _, ...optional } = container;
    expect(field("partial")).toEqual(optional);
    expect(container.required).toEqual(["name"]);
  });

  test("ObjectMeta under Partial, or renamed by an interface, is ObjectMeta: an object, as controller-gen embeds it", () => {
    expect(meta).toEqual({ type: "object", description: expect.any(String) });
    expect(field("meta")).toEqual(meta);
    expect(field("partialMeta")).toEqual(meta);
    expect(field("partialPodMeta")).toEqual(meta);
    // The renaming's own doc comment is its description.
    expect(field("podMeta")).toEqual({ type: "object", description: "Metadata of the pods to make." });
    expect(field("templateMeta")).toEqual({
      type: "object",
      description: "A renaming of a renaming is still ObjectMeta.",
    });
  });

  test("an interface that adds members to ObjectMeta is read member by member", () => {
    const merged = field("mergedMeta");
    expect(merged.properties!.extra).toEqual({ type: "string" });
    expect(merged.properties!.name).toMatchObject({ type: "string" });
  });

  test("a selector under Partial, Required or Readonly, or renamed, stays atomic", () => {
    expect(selector["x-kubernetes-map-type"]).toBe("atomic");
    expect(field("selector")).toEqual(selector);
    expect(field("partialSelector")).toEqual(selector);
    expect(field("readonlySelector")).toEqual(selector);
    expect(field("renamedSelector")).toEqual(selector);
    expect(field("requiredSelector")).toEqual({ ...selector, required: ["matchExpressions", "matchLabels"] });
  });

  test("a selector with a member of its own is its own type, its inherited members LabelSelector's", () => {
    const named = field("namedSelector");
    expect(named.properties).toEqual({ ...selector.properties, name: { type: "string" } });
    expect(named["x-kubernetes-map-type"]).toBeUndefined();
  });
});

describe("modifiedSchema", () => {
  const object: JSONSchemaProps = {
    type: "object",
    properties: { b: { type: "string" }, a: { type: "object", required: ["x"] } },
    required: ["b"],
    "x-kubernetes-map-type": "atomic",
  };

  test("Partial drops the type's own required, not its members'", () => {
    expect(modifiedSchema(structuredClone(object), "Partial")).toEqual({
      type: "object",
      properties: object.properties,
      "x-kubernetes-map-type": "atomic",
    });
  });

  test("Required requires every property, sorted; Readonly changes nothing", () => {
    expect(modifiedSchema(structuredClone(object), "Required").required).toEqual(["a", "b"]);
    expect(modifiedSchema({ type: "object" }, "Required")).toEqual({ type: "object" });
    expect(modifiedSchema(structuredClone(object), "Readonly")).toEqual(object);
  });
});

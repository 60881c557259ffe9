/**
 * Members of Kubernetes' types reached through `extends`, Partial, Pick or an indexed access keep
 * the schema the known type gives them: list types and map keys that their TypeScript declarations
 * (@kubernetes/client-node's classes) do not carry.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { kubernetesSchemaFor } from "../../src/read/kubernetes/index.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/derived-types.ts", import.meta.url));

test("a derived Kubernetes type keeps each member's own schema", () => {
  const result = generate({ entries: [FIXTURE], cwd: path.dirname(FIXTURE), typeCheck: false });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  const container = kubernetesSchemaFor("V1Container")!;
  const ports = container.properties!.ports!;
  expect(ports["x-kubernetes-list-type"]).toBe("map");

  const sidecar = spec.properties!.sidecar!;
  for (const name of Object.keys(container.properties!))
    expect(sidecar.properties![name], name).toEqual(container.properties![name]);
  expect(sidecar.properties!.extra).toEqual({ type: "string" });
  expect(sidecar.required).toEqual(["name"]);

  const partial = spec.properties!.partial!;
  expect(partial.properties!.env).toEqual(container.properties!.env);
  expect(partial.required).toBeUndefined();
  expect(spec.properties!.picked!.properties).toEqual({ name: container.properties!.name, ports });
  expect(spec.properties!.ports).toEqual(ports);
  const containers = spec.properties!.pod!.properties!.containers!.items as JSONSchemaProps;
  expect(containers.properties!.ports).toEqual(ports);
});

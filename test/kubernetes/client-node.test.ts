/**
 * The names crdgen recognises are the ones `@kubernetes/client-node` really exports, and the
 * module test matches that package's files.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { KubernetesSchemaData } from "../../src/read/kubernetes/data-format.js";
import {
  isKubernetesClientModule,
  kubernetesIntOrStringNames,
  kubernetesSchemaFor,
} from "../../src/read/kubernetes/index.js";
import data from "../../src/read/kubernetes/schemas.json" with { type: "json" };

const schemaData: KubernetesSchemaData = data;
const packageDir = path.dirname(
  createRequire(import.meta.url).resolve("@kubernetes/client-node/package.json"),
);

/** The model classes; the package's main entry needs Node 22, its models barrel does not. */
async function clientNodeModels(): Promise<Record<string, unknown>> {
  return (await import("@kubernetes/client-node/dist/gen/models/all.js")) as Record<string, unknown>;
}

describe("@kubernetes/client-node names", () => {
  test("every covered name is an exported model class of the same Kubernetes release", async () => {
    const models = await clientNodeModels();
    const missing = Object.keys(schemaData.definitions).filter((name) => typeof models[name] !== "function");
    expect(missing).toEqual([]);
    expect(schemaData.source.kubernetes).toBe("release-1.36");
    expect(readFileSync(path.join(packageDir, "dist/gen/models/V1PodSpec.d.ts"), "utf8")).toContain(
      "OpenAPI spec version: release-1.36",
    );
  });

  test("every stable model class is covered; alpha and beta versions are not", async () => {
    const stable = Object.keys(await clientNodeModels()).filter((name) =>
      /^(?:[A-Z][a-z]+)*V\d+[A-Z]/.test(name),
    );
    expect(stable.filter((name) => kubernetesSchemaFor(name) === undefined)).toEqual([]);
    expect(Object.keys(schemaData.definitions).filter((name) => /V\d+(alpha|beta)\d/.test(name))).toEqual([]);
  });

  test("class names map to Kubernetes' OpenAPI definitions", () => {
    const openapi = (name: string) => schemaData.definitions[name]?.openapi;
    expect(openapi("V1PodTemplateSpec")).toBe("io.k8s.api.core.v1.PodTemplateSpec");
    expect(openapi("V1ObjectMeta")).toBe("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    expect(openapi("V1JobTemplateSpec")).toBe("io.k8s.api.batch.v1.JobTemplateSpec");
    expect(openapi("CoreV1ResourceClaim")).toBe("io.k8s.api.core.v1.ResourceClaim");
    expect(openapi("ResourceV1ResourceClaim")).toBe("io.k8s.api.resource.v1.ResourceClaim");
    expect(openapi("V1CustomResourceDefinition")).toBe(
      "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
    );
  });

  test("IntOrString is client-node's int-or-string type", () => {
    expect([...kubernetesIntOrStringNames]).toEqual(["IntOrString"]);
    expect(readFileSync(path.join(packageDir, "dist/types.d.ts"), "utf8")).toMatch(
      /export type IntOrString = number \| string;/,
    );
  });
});

describe("isKubernetesClientModule", () => {
  test("is true for the package's own files", () => {
    expect(isKubernetesClientModule(path.join(packageDir, "dist/gen/models/V1PodSpec.d.ts"))).toBe(true);
    expect(isKubernetesClientModule("/p/node_modules/@kubernetes/client-node/dist/index.d.ts")).toBe(true);
    expect(isKubernetesClientModule("C:\\p\\node_modules\\@kubernetes\\client-node\\dist\\index.d.ts")).toBe(
      true,
    );
    expect(
      isKubernetesClientModule("/p/node_modules/.pnpm/x/node_modules/@kubernetes/client-node/dist/a.d.ts"),
    ).toBe(true);
  });

  test("is false for look-alikes", () => {
    expect(isKubernetesClientModule("/p/src/client-node/types.ts")).toBe(false);
    expect(isKubernetesClientModule("/p/node_modules/@kubernetes/client-node-extra/dist/a.d.ts")).toBe(false);
    expect(isKubernetesClientModule("/p/node_modules/kubernetes-models/v1/PodSpec.d.ts")).toBe(false);
    expect(isKubernetesClientModule("/p/@kubernetes/client-node/types.ts")).toBe(false);
  });
});

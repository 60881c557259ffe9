/**
 * kubernetes-models' types as known types: found by the OpenAPI name each of its modules exports
 * them under, they get the same schema as `@kubernetes/client-node`'s classes, and its
 * apimachinery aliases (IntOrString, Quantity, ObjectMeta...) get Kubernetes' fixed shapes.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import type { KubernetesSchemaData } from "../../src/read/kubernetes/data-format.js";
import {
  isKubernetesModelsModule,
  kubernetesSchemaFor,
  kubernetesSchemaForOpenApiName,
} from "../../src/read/kubernetes/index.js";
import { wellKnownSchema } from "../../src/read/kubernetes/well-known.js";
import data from "../../src/read/kubernetes/schemas.json" with { type: "json" };

const schemaData: KubernetesSchemaData = data;
const FIXTURE = fileURLToPath(new URL("./fixtures/kubernetes-models-types.ts", import.meta.url));

describe("kubernetesSchemaForOpenApiName", () => {
  test("finds every stored definition by its OpenAPI name in kubernetes-models' spelling", () => {
    const spelled = (openapi: string) =>
      openapi
        .split(/[.-]/)
        .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
        .join("");
    const entries = Object.entries(schemaData.definitions).filter(([, d]) => d.openapi !== undefined);
    expect(entries.length).toBeGreaterThan(500);
    for (const [className, definition] of entries) {
      expect(kubernetesSchemaForOpenApiName(spelled(definition.openapi!)), className).toEqual(
        kubernetesSchemaFor(className),
      );
    }
  });

  test("gives the apimachinery types their fixed shapes, and nothing for other names", () => {
    expect(kubernetesSchemaForOpenApiName("IoK8sApimachineryPkgUtilIntstrIntOrString")).toEqual(
      wellKnownSchema("IntOrString"),
    );
    expect(kubernetesSchemaForOpenApiName("IoK8sApimachineryPkgApiResourceQuantity")).toEqual(
      wellKnownSchema("Quantity"),
    );
    expect(
      kubernetesSchemaForOpenApiName("IoK8sApiAutoscalingV2beta2HorizontalPodAutoscaler"),
    ).toBeUndefined();
    expect(kubernetesSchemaForOpenApiName("constructor")).toBeUndefined();
  });
});

describe("isKubernetesModelsModule", () => {
  test("is true for kubernetes-models and @kubernetes-models packages, false for look-alikes", () => {
    expect(isKubernetesModelsModule("/p/node_modules/kubernetes-models/v1/Container.d.ts")).toBe(true);
    expect(
      isKubernetesModelsModule(
        "/p/node_modules/@kubernetes-models/apimachinery/util/intstr/IntOrString.d.ts",
      ),
    ).toBe(true);
    expect(isKubernetesModelsModule("/p/src/kubernetes-models/v1/Container.ts")).toBe(false);
    expect(isKubernetesModelsModule("/p/node_modules/kubernetes-models-extra/v1/Container.d.ts")).toBe(false);
  });
});

describe("embedding kubernetes-models types", () => {
  const result = generate({ entries: [FIXTURE], cwd: path.dirname(FIXTURE), outDir: "out" });
  const spec = () => result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!;

  test("generates a valid CRD", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("an interface or its class gets exactly the schema of client-node's class", () => {
    expect(spec().container).toEqual(spec().clientNodeContainer);
    expect(spec().containerClass).toEqual(spec().clientNodeContainer);
    expect(spec().deployment).toEqual(spec().clientNodeDeployment);
  });

  test("apimachinery aliases get Kubernetes' shapes", () => {
    expect(spec().port).toMatchObject({ "x-kubernetes-int-or-string": true });
    expect(spec().memory).toMatchObject({ "x-kubernetes-int-or-string": true, pattern: expect.any(String) });
    expect(spec().podMetadata).toMatchObject({ type: "object" });
    expect(spec().podMetadata!.properties).toBeUndefined();
  });

  test("ObjectMeta under Partial or renamed, and a selector under Partial, keep their Kubernetes schemas", () => {
    expect(spec().partialMetadata).toEqual(spec().podMetadata);
    expect(spec().renamedMetadata).toEqual({
      type: "object",
      description: "An interface that only renames ObjectMeta is ObjectMeta.",
    });
    expect(spec().selector).toEqual(spec().clientNodeSelector);
    expect(spec().partialSelector).toEqual(spec().clientNodeSelector);
    expect(spec().partialSelector).toMatchObject({ "x-kubernetes-map-type": "atomic" });
  });
});

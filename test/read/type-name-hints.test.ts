/**
 * Names a port of Go API types writes and TypeScript cannot find: Go's package-qualified names
 * (`metav1.LabelSelector`), crdgen's types without their import, and a Kubernetes type looked for
 * in crdgen. TypeScript's error stays as it is; the hint says what to write.
 */
import { mkdtemp, mkdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { ENTRY, errorsOf } from "../helpers/generate.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** `spec` typed as written, in a root. */
const withSpec = (fields: string, prelude = ""): string =>
  `${prelude}\n/** @crd @group velero.io @version v1 */\nexport interface Backup {\n  spec?: {\n${fields}\n  };\n}\n`;

const hintsOf = (source: string) => errorsOf(source).map((e) => [e.message, e.hint]);

describe("a Go type's name", () => {
  test.each([
    [
      "labelSelector?: metav1.LabelSelector;",
      "TS2503: Cannot find namespace 'metav1'.",
      'metav1.LabelSelector is Go\'s name: write V1LabelSelector, and add `import type { V1LabelSelector } from "@kubernetes/client-node";` (a dev dependency)',
    ],
    [
      "resourcePolicy?: corev1.TypedLocalObjectReference;",
      "TS2503: Cannot find namespace 'corev1'.",
      'corev1.TypedLocalObjectReference is Go\'s name: write V1TypedLocalObjectReference, and add `import type { V1TypedLocalObjectReference } from "@kubernetes/client-node";` (a dev dependency)',
    ],
    // The alias's version picks the class: autoscaling/v2's, not v1's.
    [
      "behavior?: autoscalingv2.HorizontalPodAutoscalerBehavior;",
      "TS2503: Cannot find namespace 'autoscalingv2'.",
      'autoscalingv2.HorizontalPodAutoscalerBehavior is Go\'s name: write V2HorizontalPodAutoscalerBehavior, and add `import type { V2HorizontalPodAutoscalerBehavior } from "@kubernetes/client-node";` (a dev dependency)',
    ],
    // crdgen's own types win: metav1.Duration has no client-node class, metav1.Condition has crdgen's.
    [
      "ttl?: metav1.Duration;",
      "TS2503: Cannot find namespace 'metav1'.",
      'metav1.Duration is Go\'s name: write Duration, with `import type { Duration } from "crdgen";`',
    ],
    [
      "port?: intstr.IntOrString;",
      "TS2503: Cannot find namespace 'intstr'.",
      'intstr.IntOrString is Go\'s name: write IntOrString, with `import type { IntOrString } from "crdgen";`',
    ],
  ])("%s", (field, message, hint) => {
    expect(hintsOf(withSpec(`    ${field}`))).toEqual([[message, hint]]);
  });

  // A port often imports the type and then pastes Go's name: the hint does not ask for the import again.
  test("a file that imports the type already is told to write its name only", () => {
    const source = withSpec(
      "    at?: metav1.Time;\n    input?: runtime.RawExtension;\n    match?: admissionregistrationv1.MatchCondition[];\n    ttl?: metav1.Duration;",
      'import type { Time } from "crdgen";\nimport { type V1MatchCondition } from "@kubernetes/client-node";\nimport type { RawExtension, Duration } from "./own.js";',
    );
    const own = "export type RawExtension = Record<string, unknown>;\nexport type Duration = string;\n";
    const errors = errorsOf({ [ENTRY]: source, "/project/own.ts": own });
    expect(errors.filter((e) => e.hint !== undefined).map((e) => e.hint)).toEqual([
      "metav1.Time is Go's name: write Time, which this file imports",
      // Another module's RawExtension is another type: crdgen's is named, with its import.
      'runtime.RawExtension is Go\'s name: write RawExtension, with `import type { RawExtension } from "crdgen";`',
      "admissionregistrationv1.MatchCondition is Go's name: write V1MatchCondition, which this file imports",
      'metav1.Duration is Go\'s name: write Duration, with `import type { Duration } from "crdgen";`',
    ]);
  });

  test("a name Kubernetes does not have, or has in no stable version, gets no hint", () => {
    expect(hintsOf(withSpec("    a?: metav1.Widgetz;\n    b?: Widgetz;"))).toEqual([
      ["TS2503: Cannot find namespace 'metav1'.", undefined],
      ["TS2304: Cannot find name 'Widgetz'.", undefined],
    ]);
    // crdgen knows stable versions only: batch/v1beta1's JobTemplateSpec is not batch/v1's.
    expect(
      hintsOf(withSpec("    t?: batchv1beta1.JobTemplateSpec;\n    u?: batchv1.JobTemplateSpec;")),
    ).toEqual([
      ["TS2503: Cannot find namespace 'batchv1beta1'.", undefined],
      [
        "TS2503: Cannot find namespace 'batchv1'.",
        'batchv1.JobTemplateSpec is Go\'s name: write V1JobTemplateSpec, and add `import type { V1JobTemplateSpec } from "@kubernetes/client-node";` (a dev dependency)',
      ],
    ]);
  });
});

describe("a type used without its import", () => {
  test("crdgen's, client-node's, and Kubernetes' under its Go name", () => {
    expect(hintsOf(withSpec("    t?: Time;\n    a?: V1LabelSelector;\n    b?: LabelSelector;"))).toEqual([
      [
        "TS2304: Cannot find name 'Time'.",
        'Time is one of crdgen\'s types: add `import type { Time } from "crdgen";`',
      ],
      [
        "TS2304: Cannot find name 'V1LabelSelector'.",
        'add `import type { V1LabelSelector } from "@kubernetes/client-node";` (a dev dependency)',
      ],
      [
        "TS2304: Cannot find name 'LabelSelector'.",
        'for Kubernetes\' LabelSelector, add `import type { V1LabelSelector } from "@kubernetes/client-node";` (a dev dependency) and write V1LabelSelector',
      ],
    ]);
  });

  test("a Kubernetes type imported from crdgen", () => {
    const errors = errorsOf({
      [ENTRY]: withSpec("    a?: LabelSelector;", 'import type { LabelSelector, Time } from "crdgen";'),
      // A stand-in for the installed package: what TypeScript resolves "crdgen" to.
      "/project/node_modules/crdgen/package.json": '{ "name": "crdgen", "types": "index.d.ts" }',
      "/project/node_modules/crdgen/index.d.ts": "export type Time = string;\n",
    });
    expect(errors.map((e) => [e.message, e.hint])).toEqual([
      [
        "TS2305: Module '\"crdgen\"' has no exported member 'LabelSelector'.",
        'crdgen\'s own Kubernetes types are IntOrString, Quantity, Time, MicroTime, RawExtension, Duration, ObjectMeta, Condition: for LabelSelector, add `import type { V1LabelSelector } from "@kubernetes/client-node";` (a dev dependency) and write V1LabelSelector',
      ],
    ]);
  });
});

test("the hint followed as written generates Kubernetes' LabelSelector", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "crdgen-go-names-"));
  await mkdir(path.join(dir, "node_modules", "@kubernetes"), { recursive: true });
  await symlink(
    path.join(REPO, "node_modules", "@kubernetes", "client-node"),
    path.join(dir, "node_modules", "@kubernetes", "client-node"),
  );
  const written = withSpec("    labelSelector?: metav1.LabelSelector;");
  const entry = path.join(dir, "types.ts");
  await writeFile(entry, written);
  const hint = generate({ entries: [entry], cwd: dir }).diagnostics[0]?.hint ?? "";
  const [, name, importLine] = /write (\w+), and add `([^`]+)`/.exec(hint) ?? [];
  await writeFile(entry, `${importLine}\n${written.replace("metav1.LabelSelector", name!)}`);
  const result = generate({ entries: [entry], cwd: dir });
  expect(result.diagnostics).toEqual([]);
  const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  expect(spec.properties!.labelSelector!["x-kubernetes-map-type"]).toBe("atomic");
  expect(Object.keys(spec.properties!.labelSelector!.properties!)).toEqual([
    "matchExpressions",
    "matchLabels",
  ]);
});

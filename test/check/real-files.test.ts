/**
 * `crdgen check` on files as teams keep them: Helm output with empty documents, CRDs converted by
 * hand from apiextensions.k8s.io/v1beta1, and one CRD given twice.
 */
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir, type JsonFinding } from "./harness.js";

type Row = JsonFinding;

async function rows(args: string[], files: Record<string, string>): Promise<Row[]> {
  return JSON.parse((await check(["--format", "json", ...args], tempDir(files))).stdout) as Row[];
}

const CR = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 0\n";

describe("empty documents", () => {
  // What `helm template` prints: `# Source:` comments, a template that rendered to nothing,
  // `---` with trailing blanks, and a last `---`.
  const rendered = [
    "---\n# Source: chart/templates/sa.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n",
    "---   \n# Source: chart/templates/empty.yaml\n",
    "---\n---\n# Source: chart/templates/widget.yaml\n",
    CR,
    "---\n",
  ].join("");

  it.each([
    ["quick", rendered],
    // An anchor sends the stream to the full parse.
    ["full", rendered.replace("name: sa", "name: &n sa")],
  ])("are no custom resources, on the %s path", async (_path, text) => {
    const found = await rows(["crd.yaml", "--instances", "out.yaml"], {
      "crd.yaml": crdYaml(),
      "out.yaml": text,
    });
    expect(found.map((f) => [f.line, f.path, f.code])).toEqual([[17, "spec.size", "CRD2003"]]);
  });

  it("pass from standard input", async () => {
    const run = await check(["-", "--instances", "-"], tempDir({}), () =>
      Promise.resolve(`${crdYaml()}---\n${rendered.replace("size: 0", "size: 2")}`),
    );
    expect(run.stdout).toMatch(/^0 errors, 0 warnings \(checked 1 CRD and 1 custom resource in 1 file/);
    expect(run.code).toBe(0);
  });
});

describe("apiextensions.k8s.io/v1beta1", () => {
  it("says what became of the version, in the hint", async () => {
    const [finding] = await rows(["crd.yaml"], {
      "crd.yaml": crdYaml((t) => t.replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1")),
    });
    expect(finding?.hint).toMatch(/^apiextensions.k8s.io\/v1beta1 was removed in Kubernetes 1.22/);
  });

  it("points at each v1beta1 field left in a v1 CRD, with where v1 has it", async () => {
    const text = crdYaml((t) =>
      t
        .replace(
          "  scope: Namespaced\n",
          "  scope: Namespaced\n  version: v1\n  validation:\n    openAPIV3Schema: {}\n",
        )
        .replace(
          "      served: true\n",
          "      served: true\n      additionalPrinterColumns:\n        - name: Size\n          type: integer\n          JSONPath: .spec.size\n",
        ),
    );
    const found = (await rows(["crd.yaml"], { "crd.yaml": text })).filter((f) =>
      /unknown field/.test(f.message),
    );
    expect(found.map((f) => [f.path, f.line, f.column, f.hint])).toEqual([
      [
        "spec.version",
        11,
        3,
        "spec.version is apiextensions.k8s.io/v1beta1's: apiextensions.k8s.io/v1 has spec.versions[*].name",
      ],
      [
        "spec.validation",
        12,
        3,
        "spec.validation is apiextensions.k8s.io/v1beta1's: apiextensions.k8s.io/v1 has spec.versions[*].schema, one for each version",
      ],
      [
        "spec.versions[0].additionalPrinterColumns[0].JSONPath",
        20,
        11,
        "spec.versions[0].additionalPrinterColumns[0].JSONPath is apiextensions.k8s.io/v1beta1's: apiextensions.k8s.io/v1 has jsonPath, spelt in lower case",
      ],
    ]);
  });

  it("gives no hint for an unknown field v1beta1 did not have either", async () => {
    const [finding] = await rows(["crd.yaml"], {
      "crd.yaml": crdYaml((t) =>
        t.replace("  scope: Namespaced\n", "  scope: Namespaced\n  constructor: 1\n"),
      ),
    });
    expect(finding).toMatchObject({ path: "spec.constructor", line: 11, column: 3 });
    expect(finding?.hint).toBeUndefined();
  });

  it("prints the hint in human output and as the annotation's last line", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml((t) => t.replace("  scope: Namespaced\n", "  scope: Namespaced\n  version: v1\n")),
    });
    expect((await check(["crd.yaml"], dir)).stdout).toContain(
      "\n  hint: spec.version is apiextensions.k8s.io/v1beta1's:",
    );
    expect((await check(["--format", "github", "crd.yaml"], dir)).stdout).toContain(
      'unknown field "version"%0Ahint: spec.version is',
    );
  });
});

describe("a CRD given twice", () => {
  const strict = crdYaml((t) => t.replace("minimum: 1", "minimum: 5"));

  it("is checked once for custom resources, as the last given, with a warning when the specs differ", async () => {
    const found = await rows(["a.yaml", "b.yaml", "--instances", "cr.yaml"], {
      "a.yaml": crdYaml(),
      "b.yaml": strict,
      "cr.yaml": CR.replace("size: 0", "size: 3"),
    });
    expect(found.map((f) => [f.file, f.line, f.column, f.code, f.severity])).toEqual([
      ["b.yaml", 1, 1, "CRD2009", "warning"],
      ["cr.yaml", 6, 9, "CRD2003", "error"],
    ]);
    expect(found[0]?.message).toBe(
      "CustomResourceDefinition widgets.example.com is also defined at a.yaml:1:1, with another spec: custom resources are checked against this one, the last, which `kubectl apply` of these files leaves in the cluster",
    );
  });

  it("is warned of without custom resources too, the earlier copy read again from its file", async () => {
    // The earlier copy is the second document of its file: it is found again by its place there.
    const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
    const found = await rows(["a.yaml", "b.yaml"], {
      "a.yaml": `${cm}---\n${crdYaml()}`,
      "b.yaml": strict,
    });
    expect(found.map((f) => [f.file, f.line, f.column, f.code])).toEqual([["b.yaml", 1, 1, "CRD2009"]]);
    expect(found[0]?.message).toContain("is also defined at a.yaml:6:1, with another spec");
  });

  it("is quiet when the copies differ only outside the spec or by defaults (a copy saved from the cluster)", async () => {
    const saved = crdYaml((t) =>
      t
        .replace(
          "  name: widgets.example.com\n",
          '  name: widgets.example.com\n  uid: 1b2c\n  resourceVersion: "42"\n',
        )
        .replace(
          "    plural: widgets\n",
          "    plural: widgets\n    singular: widget\n    listKind: WidgetList\n",
        )
        .replace("  scope: Namespaced\n", "  scope: Namespaced\n  conversion:\n    strategy: None\n"),
    );
    const found = await rows(["a.yaml", "b.yaml"], { "a.yaml": crdYaml(), "b.yaml": saved });
    expect(found).toEqual([]);
  });
});

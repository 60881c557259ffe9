/** `crdgen check`, run in-process on temporary files. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir } from "./harness.js";

/** A `kind: List` document holding one object (given as a YAML document) as its only item. */
function listOf(document: string): string {
  const item = document
    .split("\n")
    .map((l) => (l ? `    ${l}` : l))
    .join("\n");
  return `apiVersion: v1\nkind: List\nitems:\n  - ${item.trimStart()}`;
}

/** The CRD as another one (Gadget), for files that hold two: one CRD given twice, differently, is a warning. */
function asGadget(text: string): string {
  return text
    .replace("name: widgets.example.com", "name: gadgets.example.com")
    .replace("kind: Widget", "kind: Gadget")
    .replace("plural: widgets", "plural: gadgets");
}

describe("crdgen check: CRD validation", () => {
  it("accepts a valid CRD and says so", async () => {
    const dir = tempDir({ "crd.yaml": crdYaml() });
    const run = await check(["crd.yaml"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("0 errors, 0 warnings (checked 1 CRD in 1 file)\n");
  });

  it("reports a Kubernetes error at the offending line and column, with a code frame", async () => {
    const dir = tempDir({ "crd.yaml": crdYaml((t) => t.replace("group: example.com", "group: example")) });
    const run = await check(["crd.yaml"], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines).toContain(
      'crd.yaml:6:10 - error CRD2001: spec.group: Invalid value: "example": should be a domain with at least one dot',
    );
    expect(run.stdout).toContain("6   group: example\n           ~");
  });

  it("points errors in a hoisted single-version schema at versions[0] in the file", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml((t) => t.replace("minimum: 1", "minimum: 1\n                  uniqueItems: true")),
    });
    const run = await check(["crd.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "crd.yaml:25:32 - error CRD2001: spec.validation.openAPIV3Schema.properties[spec].properties[size].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
    );
  });

  it("falls back to the nearest existing parent for a missing field", async () => {
    const dir = tempDir({ "crd.yaml": crdYaml((t) => t.replace("  scope: Namespaced\n", "")) });
    const run = await check(["--format", "json", "crd.yaml"], dir);
    const [finding] = JSON.parse(run.stdout) as { line: number; path: string }[];
    expect(finding).toMatchObject({ path: "spec.scope", line: 6 });
  });

  it("maps internal paths (webhookClientConfig, JSONPath) back to the v1 fields", async () => {
    const text = crdYaml((t) =>
      t
        .replace(
          "      served: true",
          "      additionalPrinterColumns:\n        - name: Size\n          type: integer\n          jsonPath: spec.size\n      served: true",
        )
        .replace(
          "  scope: Namespaced",
          "  scope: Namespaced\n  conversion:\n    strategy: Webhook\n    webhook:\n      conversionReviewVersions: [v1]\n      clientConfig:\n        url: http://example.com/convert",
        ),
    );
    const dir = tempDir({ "crd.yaml": text });
    const run = await check(["--format", "json", "crd.yaml"], dir);
    const findings = JSON.parse(run.stdout) as { line: number; column: number; path: string }[];
    const at = (p: string) => findings.find((f) => f.path === p);
    expect(at("spec.conversion.webhookClientConfig.url")).toMatchObject({ line: 16, column: 14 });
    expect(at("spec.additionalPrinterColumns[0].JSONPath")).toMatchObject({ line: 22, column: 21 });
  });

  it("validates every CRD of a multi-document stream and ignores other documents", async () => {
    const other = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  on: yes\n";
    const text = `${crdYaml()}---\n${other}---\n${crdYaml((t) => t.replace("kind: Widget", "kind: 9Widget"))}`;
    const dir = tempDir({ "all.yaml": text });
    const kindLine = text.split("\n").findIndex((l) => l.includes("9Widget")) + 1;
    const run = await check(["--format", "json", "all.yaml"], dir);
    const findings = JSON.parse(run.stdout) as {
      severity: string;
      path: string;
      type: string;
      line: number;
    }[];
    const errors = findings.filter((f) => f.severity === "error");
    // The v1 defaults derive singular ("9widget") and listKind ("9WidgetList") from the bad kind.
    expect(errors.map((f) => f.path).sort()).toEqual([
      "spec.names.kind",
      "spec.names.listKind",
      "spec.names.singular",
    ]);
    expect(errors.find((f) => f.path === "spec.names.kind")?.line).toBe(kindLine);
    expect(run.code).toBe(1);
  });

  it("checks every item of a kind: List document", async () => {
    const dir = tempDir({
      "list.yaml": listOf(crdYaml((t) => t.replace("scope: Namespaced", "scope: Global"))),
    });
    const run = await check(["--format", "json", "list.yaml"], dir);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ path: "spec.scope", type: "FieldValueNotSupported", line: 13, column: 14 }),
    ]);
  });
});

describe("crdgen check: CRDs too large for client-side kubectl apply", () => {
  /** A valid CRD whose `color` field has a description of `n` characters. */
  const described = (n: number) =>
    crdYaml((t) =>
      t.replace(
        "                  type: string",
        `                  type: string\n                  description: ${"d".repeat(n)}`,
      ),
    );

  it("warns at the CRD's first line, even in a multi-document stream, and still exits 0", async () => {
    const text = `${asGadget(crdYaml())}---\n# the large one\n${described(270_000)}`;
    const dir = tempDir({ "all.yaml": text });
    const run = await check(["--format", "json", "all.yaml"], dir);
    expect(run.code).toBe(0);
    const startLine = crdYaml().split("\n").length + 2;
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "metadata.annotations",
        type: "FieldValueTooLong",
        line: startLine,
        column: 1,
        message: expect.stringContaining("`kubectl apply --server-side`") as unknown,
      }),
    ]);
    expect(text.split("\n")[startLine - 1]).toBe("apiVersion: apiextensions.k8s.io/v1");
    const human = await check(["all.yaml"], dir);
    expect(human.stdout).toContain(
      `all.yaml:${startLine}:1 - warning CRD2007: This CustomResourceDefinition is too large`,
    );
  });

  it("says nothing about a CRD that fits", async () => {
    const dir = tempDir({ "crd.yaml": described(200_000) });
    const run = await check(["crd.yaml"], dir);
    expect(run.stdout).toBe("0 errors, 0 warnings (checked 1 CRD in 1 file)\n");
  });

  it("locates the warning on an item of a kind: List document", async () => {
    const dir = tempDir({ "list.yaml": listOf(described(270_000)) });
    const run = await check(["--format", "json", "list.yaml"], dir);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ path: "metadata.annotations", severity: "warning", line: 4, column: 5 }),
    ]);
  });
});

describe("crdgen check: CRDs too large to store", () => {
  it("warns past etcd's default 1.5 MiB and past the API server's 3 MiB, at the CRD's first line", async () => {
    const described = (n: number) =>
      crdYaml((t) =>
        t.replace(
          "                  type: string",
          `                  type: string\n                  description: ${"d".repeat(n)}`,
        ),
      );
    const dir = tempDir({ "etcd.yaml": described(1_600_000), "huge.yaml": asGadget(described(3_200_000)) });
    const run = await check(["--format", "json", "etcd.yaml", "huge.yaml"], dir);
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as {
      file: string;
      code: string;
      type: string;
      message: string;
    }[];
    expect(findings.map((f) => [path.basename(f.file), f.code, f.type])).toEqual([
      ["etcd.yaml", "CRD2008", "RequestEntityTooLarge"],
      ["etcd.yaml", "CRD2007", "FieldValueTooLong"],
      ["huge.yaml", "CRD2008", "RequestEntityTooLarge"],
    ]);
    expect(findings[0]!.message).toMatch(/^This CustomResourceDefinition is 1\.5\d MiB as JSON/);
    expect(findings[2]!.message).toContain('"Request entity too large: limit is 3145728"');
  });
});

describe("crdgen check: readable output", () => {
  it("shortens Go struct dumps in human output but keeps them whole in JSON", async () => {
    // Two versions with different schemas and no storage version: Kubernetes prints both whole.
    const text = crdYaml((t) =>
      t
        .replace("      storage: true", "      storage: false")
        .replace(
          "  versions:\n",
          "  versions:\n    - name: v2\n      served: true\n      storage: false\n      schema:\n        openAPIV3Schema:\n          type: object\n",
        ),
    );
    const dir = tempDir({ "crd.yaml": text });
    const human = await check(["crd.yaml"], dir);
    const line = human.stdout.split("\n").find((l) => l.includes("spec.versions: Invalid value"));
    expect(line).toMatch(
      /^crd\.yaml:\d+:\d+ - error CRD2001: spec\.versions: Invalid value: \[\{"Name":"v2".*…\]: must have exactly one version marked as storage version$/,
    );
    expect(line!.length).toBeLessThan(300);
    const json = JSON.parse((await check(["--format", "json", "crd.yaml"], dir)).stdout) as {
      message: string;
    }[];
    expect(json[0]?.message).toContain('"XValidations":null}}');
  });

  it("reports an old apiextensions version without field noise", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml((t) => t.replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1")),
    });
    const run = await check(["--format", "json", "crd.yaml"], dir);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        path: "apiVersion",
        line: 1,
        column: 13,
        message:
          'apiVersion: Unsupported value: "apiextensions.k8s.io/v1beta1": supported values: "apiextensions.k8s.io/v1"',
      }),
    ]);
  });
});

describe("crdgen check: output formats", () => {
  const broken = () =>
    tempDir({ "crd.yaml": crdYaml((t) => t.replace("scope: Namespaced", "scope: Global")) });

  it("--format json prints an array of located findings", async () => {
    const run = await check(["--format", "json", "crd.yaml"], broken());
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: "crd.yaml",
        line: 10,
        column: 10,
        // `Global`, the value the finding is about.
        endLine: 10,
        endColumn: 16,
        severity: "error",
        code: "CRD2001",
        path: "spec.scope",
        type: "FieldValueNotSupported",
        message: 'spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"',
      },
    ]);
  });

  it("--format github prints workflow commands with escaped properties", async () => {
    const run = await check(["--format", "github", "crd.yaml"], broken());
    // GitHub's endColumn is the span's last column: `Global` is columns 10 to 15.
    expect(run.stdout).toBe(
      '::error file=crd.yaml,line=10,endLine=10,col=10,endColumn=15,title=CRD2001::spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"\n',
    );
  });
});

describe("crdgen check: files and globs", () => {
  it("expands globs and directories", async () => {
    const dir = tempDir({
      "crds/a.yaml": crdYaml(),
      "crds/nested/b.yml": asGadget(crdYaml((t) => t.replace("scope: Namespaced", "scope: Global"))),
      "crds/notes.txt": "not yaml: [",
    });
    const byGlob = await check(["--format", "json", "crds/**/*.y*ml"], dir);
    expect((JSON.parse(byGlob.stdout) as { file: string }[]).map((f) => f.file)).toEqual([
      "crds/nested/b.yml",
    ]);
    const byDir = await check(["crds"], dir);
    expect(byDir.stdout).toContain("(checked 2 CRDs in 2 files)");
    expect(byDir.code).toBe(1);
  });

  it("reports YAML syntax errors as errors", async () => {
    const dir = tempDir({ "bad.yaml": "a: [1, 2\nb: c\n" });
    const run = await check(["--format", "json", "bad.yaml"], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ severity: "error", type: "YAMLSyntax" });
  });

  it("warns where YAML 1.1 readers disagree, without failing", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml((t) =>
        t.replace(
          "color:\n                  type: string",
          "color:\n                  type: string\n                  enum: [red, no]",
        ),
      ),
    });
    const run = await check(["crd.yaml"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'crd.yaml:27:31 - warning CRD2002: YAML 1.1 parsers (kubectl) read the value no as the boolean false, YAML 1.2 as the string "no"',
    );
    expect(run.stdout).toContain("0 errors, 1 warning (checked 1 CRD in 1 file)");
  });
});

describe("crdgen check of a folder holding node_modules and dot-folders", () => {
  // `crdgen check .` at a repository root: the packages' JSON and the workflows are not manifests.
  const files = {
    "crds/crd.yaml": crdYaml(),
    "node_modules/pkg/fixture.json": "{broken",
    "node_modules/chart/crds/crd.yaml": crdYaml(),
    ".github/workflows/ci.yml": "on: [push\n",
  };

  it.each([
    [["."], 0, "checked 1 CRD in 1 file"],
    [["**/*.yaml"], 0, "checked 1 CRD in 1 file"],
    // Named, it is read.
    [["node_modules/chart/crds"], 0, "checked 1 CRD in 1 file"],
    [["node_modules/**/*.json"], 1, "node_modules/pkg/fixture.json:1:"],
    [[".github/workflows/ci.yml"], 1, ".github/workflows/ci.yml:"],
  ])("%j", async (args, code, shown) => {
    const run = await check(args, tempDir(files));
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(shown);
  });
});

describe("crdgen check of files that hold no CRD", () => {
  // A gate that validated nothing (a wrong folder, an empty `helm template`) still passes, saying so.
  it.each([
    [["deploy.yaml"], ""],
    [["-"], "; `helm template` leaves out a chart's crds/ folder unless given --include-crds"],
  ])("%j: exit 0 with a warning on stderr", async (args, helm) => {
    const dir = tempDir({ "deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n" });
    const run = await check(args, dir, async () => "# Source: chart/templates/deployment.yaml\n");
    expect(run).toMatchObject({
      code: 0,
      stderr: `crdgen check: warning: the checked files hold no CustomResourceDefinition, so nothing was validated${helm}\n`,
    });
    expect(run.stdout).toContain("checked 0 CRDs in 1 file");
  });

  it("is quiet when a CRD was checked", async () => {
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": crdYaml() }));
    expect(run).toMatchObject({ code: 0, stderr: "" });
  });
});

describe("crdgen check: usage errors exit 2 without a stack trace", () => {
  const dir = tempDir({ "crd.yaml": crdYaml() });
  it.each([
    [["--bogus", "crd.yaml"], "unknown option --bogus"],
    [[], "no files to check"],
    [["--format", "xml", "crd.yaml"], '--format must be one of human, json, github, got "xml"'],
  ])("%j", async (args, message) => {
    const run = await check(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`crdgen check: ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });
});

// These used to exit 2 with the usage: the command line is well formed, it is an input that is
// missing, which README counts as an input error (exit 1), as generate does.
describe("crdgen check: a missing input is an input error, exit 1, one line", () => {
  const dir = tempDir({ "crd.yaml": crdYaml() });
  it.each([
    [["missing.yaml"], "cannot read missing.yaml: no such file or directory"],
    [["crd.yaml", "missing.yaml"], "cannot read missing.yaml: no such file or directory"],
    [["nothing/*.yaml"], "no files match nothing/*.yaml"],
    [["crd.yaml", "--instances", "none/*.yaml"], "no files match none/*.yaml"],
    [["crd.yaml", "--instances", "gone.yaml"], "cannot read gone.yaml: no such file or directory"],
  ])("%j", async (args, message) => {
    const run = await check(args, dir);
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: `crdgen check: ${message}\n` });
  });

  it("--help prints usage and exits 0", async () => {
    const run = await check(["--help"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: crdgen check");
  });
});

describe("crdgen check --instances", () => {
  it("reports an instance no checked CRD defines", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml(),
      "cr.yaml": "apiVersion: example.org/v1\nkind: Widget\nmetadata:\n  name: w\n",
    });
    const run = await check(["--format", "json", "crd.yaml", "--instances", "cr.yaml"], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        file: "cr.yaml",
        line: 1,
        column: 13,
        type: "NoMatchingCRD",
        message:
          "no checked CustomResourceDefinition defines Widget in example.org/v1 (Widget is defined in example.com, by widgets.example.com)",
      }),
    ]);
  });

  it("validates an instance against its CRD and locates the error", async () => {
    const cr =
      "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: default\nspec:\n  size: 0\n  color: red\n";
    const dir = tempDir({ "crd.yaml": crdYaml(), "cr.yaml": cr });
    const run = await check(["--format", "json", "crd.yaml", "--instances", "cr.yaml"], dir);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ file: "cr.yaml", line: 7, column: 9, path: "spec.size", severity: "error" }),
    ]);
    expect(run.code).toBe(1);
  });

  it("treats non-CRD documents of the checked files as instances when --instances is given", async () => {
    const cr = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n";
    const dir = tempDir({
      "both.yaml": `${crdYaml()}---\n${cr}`,
      "more.yaml": "apiVersion: example.com/v1\nkind: Gadget\n",
    });
    const run = await check(["--format", "json", "both.yaml", "--instances", "more.yaml"], dir);
    expect((JSON.parse(run.stdout) as { file: string; type: string }[]).map((f) => [f.file, f.type])).toEqual(
      [["more.yaml", "NoMatchingCRD"]],
    );
  });
});

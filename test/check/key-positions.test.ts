/** Errors about a field's name (unknown field, duplicate key) point at the key, not its value. */
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir } from "./harness.js";

const instance = (extra: string) =>
  `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\nspec:\n  size: 2\n${extra}`;

describe("crdgen check: field-name errors point at the key", () => {
  it.each([
    [
      "an unknown CRD field with a scalar value",
      {
        "crd.yaml": crdYaml((t) =>
          t.replace("  group: example.com\n", "  group: example.com\n  bogus: value\n"),
        ),
      },
      ["crd.yaml"],
      "crd.yaml:7:3 - error CRD2001: spec.bogus: Forbidden: strict decoding error: unknown field",
    ],
    [
      "an unknown CRD field with a mapping value",
      {
        "crd.yaml": crdYaml((t) =>
          t.replace("  group: example.com\n", "  group: example.com\n  bogus:\n    a: 1\n"),
        ),
      },
      ["crd.yaml"],
      "crd.yaml:7:3 - error CRD2001: spec.bogus: Forbidden",
    ],
    [
      "an unknown field of a custom resource (top level)",
      { "crd.yaml": crdYaml(), "cr.yaml": instance("extra:\n  a: 1\n") },
      ["crd.yaml", "--instances", "cr.yaml"],
      'cr.yaml:7:1 - warning CRD2004: extra: Forbidden: unknown field "extra"',
    ],
    [
      "an unknown field of a custom resource (nested)",
      { "crd.yaml": crdYaml(), "cr.yaml": instance("").replace("  size: 2", "  size: 2\n  colour: red") },
      ["crd.yaml", "--instances", "cr.yaml"],
      'cr.yaml:7:3 - warning CRD2004: spec.colour: Forbidden: unknown field "spec.colour"',
    ],
    [
      "a duplicate key with a mapping value",
      {
        "crd.yaml": crdYaml((t) =>
          t.replace("  scope: Namespaced\n", "  scope: Namespaced\n  scope:\n    a: 1\n"),
        ),
      },
      ["crd.yaml"],
      'crd.yaml:11:3 - error CRD2006: invalid YAML: mapping key "scope" already defined at line 10',
    ],
  ])("%s", async (_name, files, args, expected) => {
    const run = await check(args, tempDir(files));
    expect(run.stdout).toContain(expected);
  });

  it("still points a value error at the value", async () => {
    const dir = tempDir({ "crd.yaml": crdYaml((t) => t.replace("group: example.com", "group: example")) });
    expect((await check(["crd.yaml"], dir)).stdout).toContain("crd.yaml:6:10 - error CRD2001: spec.group");
  });
});

describe("crdgen check: merge keys are checked merged, as kubectl sends them", () => {
  // Two versions sharing their fields through an anchor, as hand-written CRDs often do.
  const twoVersions = (second: string) =>
    crdYaml((t) =>
      t.replace("    - name: v1\n", "    - &v1\n      name: v1\n").concat(`    - <<: *v1\n${second}`),
    );
  it.each([
    ["a valid merge", "      name: v2\n      storage: false\n", 0, "0 errors, 1 warning"],
    [
      "an unknown field beside the merge",
      "      name: v2\n      storage: false\n      bogus: 1\n",
      1,
      'crd.yaml:31:7 - error CRD2001: spec.versions[1].bogus: Forbidden: strict decoding error: unknown field "bogus"',
    ],
    [
      // The merged version keeps v1's name: Kubernetes sees a duplicate version.
      "a merge that is not overridden",
      "      storage: false\n",
      1,
      'spec.versions: Invalid value: [{"Name":"v1"',
    ],
  ])("%s", async (_what, second, code, expected) => {
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": twoVersions(second) }));
    expect(run.stdout).not.toContain('unknown field "<<"');
    expect(run.stdout).toContain('warning CRD2002: YAML 1.1 parsers (kubectl) treat the key "<<"');
    expect(run.stdout).toContain(expected);
    expect(run.code).toBe(code);
  });
});

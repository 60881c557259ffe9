/**
 * Which CRD files in an output folder generating removes: only those crdgen wrote (its exact
 * rendering, under the name it gives the CRD) that the run did not write again.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { renderCrd } from "../../src/write/render.js";
import { removeStaleCrdFiles, type KeptFiles } from "../../src/write/stale-files.js";

function crd(plural: string): CustomResourceDefinition {
  const kind = plural[0]!.toUpperCase() + plural.slice(1, -1);
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: "example.com",
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
      scope: "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object" } } } },
        },
      ],
    },
  };
}

const yaml = (plural: string) => renderCrd(crd(plural), "yaml");

describe("removeStaleCrdFiles", () => {
  test.each([
    ["crdgen's YAML of a CRD no longer made", "example.com_olds.yaml", yaml("olds"), true],
    ["crdgen's JSON (after a switch to YAML)", "example.com_olds.json", renderCrd(crd("olds"), "json"), true],
    [
      "a CRD written by hand",
      "example.com_olds.yaml",
      "kind: CustomResourceDefinition\nmetadata: {name: x}\n",
      false,
    ],
    [
      "crdgen's file, edited since",
      "example.com_olds.yaml",
      yaml("olds").replace("scope:", "# kept\n  scope:"),
      false,
    ],
    // A checkout that turned LF into CRLF (git on Windows) leaves it crdgen's.
    [
      "crdgen's YAML with CRLF line endings",
      "example.com_olds.yaml",
      yaml("olds").replaceAll("\n", "\r\n"),
      true,
    ],
    ["crdgen's file under another name", "example.com_renamed.yaml", yaml("olds"), false],
    ["crdgen's file as .yml (crdgen writes .yaml)", "example.com_olds.yml", yaml("olds"), false],
    ["two of crdgen's CRDs in one file", "example.com_olds.yaml", yaml("olds") + yaml("news"), false],
    ["a file that is not a CRD", "kustomization.yaml", "resources: []\n", false],
  ])("%s: removed %s", async (_what, name, text, removed) => {
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-stale-"));
    const kept = path.join(dir, "example.com_widgets.yaml");
    writeFileSync(kept, yaml("widgets"));
    writeFileSync(path.join(dir, name), text);
    const result = await removeStaleCrdFiles(dir, [{ path: kept }]);
    expect(result).toEqual(removed ? [path.join(dir, name)] : []);
    expect(readdirSync(dir).sort()).toEqual(
      removed ? ["example.com_widgets.yaml"] : ["example.com_widgets.yaml", name].sort(),
    );
  });

  test("a folder that does not exist has nothing to remove", async () => {
    expect(await removeStaleCrdFiles(path.join(tmpdir(), "crdgen-no-such-folder"), [])).toEqual([]);
  });

  test("a kept file is not judged again until it changes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-stale-"));
    const file = path.join(dir, "example.com_olds.yaml");
    writeFileSync(file, "kind: CustomResourceDefinition\n");
    const kept: KeptFiles = new Map();
    expect(await removeStaleCrdFiles(dir, [], kept)).toEqual([]);
    expect(kept.get(file)?.crdgenOutput).toBe(false);
    // Now crdgen's (a new size, so a new stamp): judged again, and removed.
    writeFileSync(file, yaml("olds"));
    expect(await removeStaleCrdFiles(dir, [], kept)).toEqual([file]);
    expect(kept.has(file)).toBe(false);
  });
});

/**
 * A `@crd` root in a file the entries import but do not include makes no CRD: crdgen says so
 * (CRD1021, a warning), since a version file left off the command line would otherwise drop that
 * version from the CRD without a word.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import { generate, type GenerateResult } from "../../src/generate.js";

const WIDGET_V1BETA1 = `
/**
 * @crd
 * @group example.com
 * @version v1beta1
 * @kind Widget
 * @scope Galactic
 */
export interface WidgetV1beta1 {
  spec: WidgetSpec;
}
export interface WidgetSpec { size: number }
`;

const WIDGET_V1 = `
import type { WidgetSpec } from "./v1beta1.js";
/**
 * @crd
 * @group example.com
 * @version v1
 * @kind Widget
 * @storageVersion
 */
export interface WidgetV1 {
  spec: WidgetSpec;
}
`;

function run(files: Record<string, string>, entries: string[]): GenerateResult {
  const fileSystem = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(files)) fileSystem.writeFileSync(p, text);
  return generate({ entries, cwd: "/project", fileSystem });
}

const warnings = (result: GenerateResult) =>
  result.diagnostics
    .filter((d) => d.code === "CRD1021")
    .map((d) => ({
      message: d.message,
      hint: d.hint,
      at: d.location && `${d.location.file}:${d.location.line}:${d.location.column}`,
    }));

describe("a @crd root in an imported file that is no entry", () => {
  test("is a warning at the root's name, and the run goes on with the entries' CRDs", () => {
    const result = run({ "/project/v1.ts": WIDGET_V1, "/project/v1beta1.ts": WIDGET_V1BETA1 }, [
      "/project/v1.ts",
    ]);
    expect(warnings(result)).toEqual([
      {
        message:
          "WidgetV1beta1 is tagged @crd, but its file is not among the entries: no CRD is made of it, and where the entries use it, it is a plain type.",
        hint: "to make its CRD too, pass v1beta1.ts as well (or its folder), or re-export it from an entry",
        at: "/project/v1beta1.ts:9:18",
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.crds.map((c) => c.spec.versions.map((v) => v.name))).toEqual([["v1"]]);
  });

  test("given as an entry too, it is a version of the CRD and nothing is said", () => {
    const result = run({ "/project/v1.ts": WIDGET_V1, "/project/v1beta1.ts": WIDGET_V1BETA1 }, [
      "/project/v1.ts",
      "/project/v1beta1.ts",
    ]);
    expect(warnings(result)).toEqual([]);
    // Now read as a root, its bad @scope is an error.
    expect(result.diagnostics.some((d) => d.severity === "error" && d.message.includes("Galactic"))).toBe(
      true,
    );
  });

  test("re-exported from an entry, it is a root of that entry and nothing is said", () => {
    const fixed = WIDGET_V1BETA1.replace(" * @scope Galactic\n", "");
    const result = run(
      {
        "/project/index.ts": 'export * from "./v1.js";\nexport * from "./v1beta1.js";\n',
        "/project/v1.ts": WIDGET_V1,
        "/project/v1beta1.ts": fixed,
      },
      ["/project/index.ts"],
    );
    expect(warnings(result)).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.crds.map((c) => c.spec.versions.map((v) => v.name))).toEqual([["v1", "v1beta1"]]);
  });

  test("a library's roots (under node_modules) are not the user's to generate", () => {
    const result = run(
      {
        "/project/v1.ts": WIDGET_V1.replace('"./v1beta1.js"', '"shared-api"'),
        "/project/node_modules/shared-api/package.json": '{ "name": "shared-api", "types": "index.ts" }',
        "/project/node_modules/shared-api/index.ts": WIDGET_V1BETA1,
      },
      ["/project/v1.ts"],
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test("@crd in a plain comment or on a non-root declaration of an imported file says nothing", () => {
    const result = run(
      {
        "/project/v1.ts": WIDGET_V1,
        "/project/v1beta1.ts": "// @crd is written below\nexport interface WidgetSpec { size: number }\n",
      },
      ["/project/v1.ts"],
    );
    expect(warnings(result)).toEqual([]);
  });
});

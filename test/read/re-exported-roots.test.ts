/**
 * An entry file finds the roots it declares and those it re-exports: an index file of
 * `export * from "./widget.js"` is a usual entry.
 */
import { describe, expect, test } from "vitest";
import { errorsOf, generateFrom } from "../helpers/generate.js";

const WIDGET = `/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget { spec: { size: number } }
`;

function kinds(sources: Record<string, string>): string[] {
  const result = generateFrom(sources);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return result.crds.map((crd) => crd.spec.names.kind);
}

describe("roots re-exported by an entry", () => {
  test.each([
    ["export *", 'export * from "./widget.js";'],
    ["a renamed type export", 'export type { Widget as W } from "./widget.js";'],
    ["an import exported again", 'import type { Widget } from "./widget.js";\nexport type { Widget };'],
  ])("%s", (_name, entry) => {
    expect(kinds({ "/project/index.ts": entry, "/project/widget.ts": WIDGET })).toEqual(["Widget"]);
  });

  test("modules re-exported as namespaces, one per API version, are the versions of one CRD", () => {
    const version = (v: string, storage: string) =>
      WIDGET.replace("@version v1", `@version ${v}${storage}`).replace("size", `size${v}`);
    const result = generateFrom({
      "/project/index.ts":
        'export * as v1 from "./v1/types.js";\nexport * as v1beta1 from "./v1beta1/index.js";',
      "/project/v1/types.ts": version("v1", "\n * @storageVersion"),
      // A namespace's own re-exports count too.
      "/project/v1beta1/index.ts": 'export * from "./types.js";',
      "/project/v1beta1/types.ts": version("v1beta1", ""),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.crds.map((crd) => crd.spec.versions.map((v) => [v.name, v.storage]))).toEqual([
      [
        ["v1", true],
        ["v1beta1", false],
      ],
    ]);
  });

  test("a root both declared and re-exported by the entries is generated once, declared ones first", () => {
    const gadget = WIDGET.replaceAll("Widget", "Gadget");
    const entry = `export * from "./widget.js";\n${gadget}`;
    expect(kinds({ "/project/index.ts": entry, "/project/widget.ts": WIDGET })).toEqual(["Gadget", "Widget"]);
  });

  test("a root exported by an export clause of its own file is exported", () => {
    const source = WIDGET.replace("export interface", "interface") + "export { Widget };\n";
    expect(kinds({ "/project/types.ts": source })).toEqual(["Widget"]);
    const hidden = WIDGET.replace("export interface", "interface");
    expect(errorsOf(hidden).map((d) => d.message)).toEqual(["Widget is tagged @crd but not exported."]);
  });
});

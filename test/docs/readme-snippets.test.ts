/**
 * README's TypeScript examples generate, through `generate`, in a user's project that installed
 * crdgen (node_modules/crdgen links this package, so `import type { int32 } from "crdgen"` means
 * what it means to a user).
 *
 * The rule for which blocks are examples of a CRD: a ```ts block whose doc comment has a `@crd` tag
 * declares a root and must generate, without an error or a warning. A ```ts block without one is a
 * fragment (a bundler config, a use of the API) and is skipped here; test/package/types.test.ts
 * compiles those.
 *
 * Where a ```yaml block follows such an example, it shows what the example gives: every key it
 * shows must be in the generated CRD with the value shown, and every list must be the whole list
 * (so it may leave out keys, such as long standard descriptions, but not list items).
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../src/generate.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { scratchProject } from "../package/scratch-project.js";
import { fencedBlocks, type Block } from "./readme.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Example {
  block: Block;
  /** The ```yaml block right after it, if any. */
  output?: Block;
}

function examples(): Example[] {
  const blocks = fencedBlocks();
  const found: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== "ts" || !/^\s*\*?\s*@crd\b/m.test(block.code)) return;
    const next = blocks[i + 1];
    found.push({ block, ...(next?.lang === "yaml" ? { output: next } : {}) });
  });
  return found;
}

/** Where `shown` is not part of `actual` (see the header), as a path; undefined when it is. */
function mismatch(shown: Json, actual: Json, at = ""): string | undefined {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual) || actual.length !== shown.length) return `${at || "/"}: list differs`;
    for (let i = 0; i < shown.length; i++) {
      const m = mismatch(shown[i]!, actual[i]!, `${at}/${i}`);
      if (m) return m;
    }
    return undefined;
  }
  if (shown !== null && typeof shown === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual))
      return `${at || "/"}: not an object`;
    for (const [key, value] of Object.entries(shown)) {
      if (!(key in actual)) return `${at}/${key}: not generated`;
      const m = mismatch(value, actual[key]!, `${at}/${key}`);
      if (m) return m;
    }
    return undefined;
  }
  return shown === actual
    ? undefined
    : `${at || "/"}: ${JSON.stringify(actual)}, README shows ${JSON.stringify(shown)}`;
}

function generateExample(code: string) {
  const project = scratchProject("module");
  // node_modules/crdgen links to this checkout, so TypeScript reaches crdgen's declarations by their
  // real path (dist/src/known-types.d.ts), as in a project that links crdgen.
  const compilerOptions = { module: "nodenext", strict: true };
  project.write("tsconfig.json", JSON.stringify({ compilerOptions }));
  project.write("src/types.ts", code);
  const result = generate({ entries: ["src/types.ts"], cwd: project.dir });
  return { result, report: formatDiagnostics(result.diagnostics, { cwd: project.dir }) };
}

describe("README's TypeScript examples", () => {
  const found = examples();

  it("finds the CronJob and kube-rs examples", () => {
    // Guards the rule above: were it to skip every block, the tests below would pass on nothing.
    expect(found.map((e) => /export interface (\w+)/.exec(e.block.code)?.[1])).toEqual(
      expect.arrayContaining(["CronJob", "Foo"]),
    );
  });

  it.each(found.map((e) => [e.block.line, e] as const))(
    "the example at README line %i generates cleanly",
    (_line, { block, output }) => {
      const { result, report } = generateExample(block.code);
      expect(report).toBe("");
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.crds.length).toBeGreaterThan(0);
      if (output) {
        const shown = parse(output.code) as Json;
        const actual = JSON.parse(
          JSON.stringify(result.crds.length === 1 ? result.crds[0] : result.crds),
        ) as Json;
        expect(mismatch(shown, actual), `README line ${output.line}`).toBeUndefined();
      }
    },
  );

  it("the kube-rs example says what its section says: namespaced, status subresource, column, rule", () => {
    const foo = found.find((e) => e.block.code.includes("interface Foo"))!;
    const { result } = generateExample(foo.block.code);
    if (!result.ok) throw new Error("the kube-rs example failed");
    const crd = result.crds[0]!;
    expect(crd.spec.scope).toBe("Namespaced");
    const version = crd.spec.versions[0]!;
    expect(version.subresources).toEqual({ status: {} });
    expect(version.additionalPrinterColumns).toEqual([
      { name: "Spec", type: "string", jsonPath: ".spec.name" },
    ]);
    expect(version.schema!.openAPIV3Schema!["x-kubernetes-validations"]).toEqual([
      { rule: "self.metadata.name != 'forbidden'" },
    ]);
  });
});

describe("the comparison of a README output block", () => {
  it("accepts a part of the output and refuses what differs", () => {
    const actual: Json = { a: { b: 1, c: [1, 2] }, d: "x" };
    expect(mismatch({ a: { c: [1, 2] } }, actual)).toBeUndefined();
    expect(mismatch({ a: { b: 2 } }, actual)).toBe("/a/b: 1, README shows 2");
    expect(mismatch({ a: { c: [1] } }, actual)).toBe("/a/c: list differs");
    expect(mismatch({ e: 1 }, actual)).toBe("/e: not generated");
  });
});

/**
 * `--no-type-check` skips type errors, not names TypeScript cannot find: an unresolved name reads
 * as `any`, which would become an accept-anything field.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

const root = (imports: string, spec: string) =>
  `${imports}\n/** @crd @group example.com @version v1 */\nexport interface Widget {\n  spec: ${spec};\n}\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-no-type-check-"));
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
  await writeFile(
    path.join(dir, "shapes.ts"),
    "export interface Shape { sides: number }\nexport const size = 3;\n",
  );
});

describe("crdgen --no-type-check", () => {
  test.each([
    [
      "a misspelt module",
      root('import type { V1Container } from "@kubernetes/client-nodee";', "{ c?: V1Container }"),
      "types.ts:1:34 - error CRD1001: TS2307: Cannot find module '@kubernetes/client-nodee'",
    ],
    [
      "an undeclared name",
      root("", "{ a: Missing }"),
      "types.ts:4:14 - error CRD1001: TS2304: Cannot find name 'Missing'.",
    ],
    [
      "a misspelt name",
      root('import type { Shape } from "./shapes.js";', "{ s: Shap }"),
      "types.ts:4:14 - error CRD1001: TS2552: Cannot find name 'Shap'. Did you mean 'Shape'?",
    ],
    [
      "a name its module does not export",
      root('import type { Shapes } from "./shapes.js";', "{ s: Shapes }"),
      "types.ts:1:15 - error CRD1001: TS2724: '\"./shapes.js\"' has no exported member named 'Shapes'. Did you mean 'Shape'?",
    ],
    [
      "a value used as a type",
      root('import { size } from "./shapes.js";', "{ s: size }"),
      "types.ts:4:14 - error CRD1001: TS2749: 'size' refers to a value, but is being used as a type here.",
    ],
    [
      "a namespace that does not exist",
      root("", "{ s: Shapes.Shape }"),
      "types.ts:4:14 - error CRD1001: TS2503: Cannot find namespace 'Shapes'.",
    ],
    [
      "an undeclared name in a value whose type is read",
      `${root("", "{ s: typeof sample }")}const sample = { n: undeclared };\n`,
      "types.ts:6:21 - error CRD1001: TS2304: Cannot find name 'undeclared'.",
    ],
  ])("%s is an error, with TypeScript's message", async (_what, text, expected) => {
    await writeFile(path.join(dir, "types.ts"), text);
    const run = await runCli(["types.ts", "--no-type-check", "--stdout"], dir);
    expect(run.stderr).toContain(expected);
    expect(run).toMatchObject({ code: 1, stdout: "" });
  });

  test("type errors are still not reported, and nothing else is said of a program whose names resolve", async () => {
    await writeFile(
      path.join(dir, "types.ts"),
      `${root('import type { Shape } from "./shapes.js";', "{ s: Shape }")}export const wrong: number = "text";\n`,
    );
    const run = await runCli(["types.ts", "--no-type-check", "--stdout"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("sides:");
    expect((await runCli(["types.ts", "--stdout"], dir)).stderr).toContain("TS2322");
  });
});

/**
 * The tsconfig as tsc reads it: its JSON errors and an `extends` naming no file are errors at
 * their place; entries it does not take in are compiled with its options, with a warning.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

const crd = (kind: string) =>
  `/** @crd @group example.com @version v1 */\nexport interface ${kind} { spec: { size?: number } }\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-tsconfig-"));
  await mkdir(path.join(dir, "api"));
  await mkdir(path.join(dir, "src"));
  await writeFile(path.join(dir, "api", "widget.ts"), crd("Widget"));
  await writeFile(path.join(dir, "src", "gadget.ts"), crd("Gadget"));
  await writeFile(path.join(dir, "base.json"), '{ "compilerOptions": { "strict": true } }\n');
});

describe("a tsconfig tsc would reject is an error at its place (exit 1, nothing written)", () => {
  test.each([
    [
      "a JSON syntax error",
      '{ "compilerOptions": { "strict": true, }\n',
      ["tsconfig.json:2:1 - error CRD4002: TS1005: '}' expected."],
    ],
    [
      "an extends naming no file",
      '{\n  "extends": "./missing.json",\n  "compilerOptions": { "strict": true }\n}\n',
      [
        `tsconfig.json:2:14 - error CRD4002: TS5083: Cannot read file '${path.join("DIR", "missing.json")}'.`,
        '2   "extends": "./missing.json",\n               ~',
      ],
    ],
    [
      "one of several extends naming no file",
      '{\n  "extends": ["./base.json", "./gone.json"],\n  "compilerOptions": {}\n}\n',
      ["tsconfig.json:2:30 - error CRD4002: TS5083: Cannot read file"],
    ],
  ])("%s", async (_what, tsconfig, expected) => {
    await writeFile(path.join(dir, "tsconfig.json"), tsconfig);
    const run = await runCli(["api/widget.ts"], dir);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    for (const text of expected) expect(run.stderr).toContain(text.replace("DIR", dir));
  });
});

test("a TypeScript file given as the tsconfig is one error saying so, not its text's JSON errors", async () => {
  const run = await runCli(["api/widget.ts", "-p", "api/widget.ts", "--stdout"], dir);
  expect(run).toMatchObject({ code: 1, stdout: "" });
  expect(run.stderr).toBe(
    `error CRD4002: ${path.join("api", "widget.ts")} is a TypeScript file, not a tsconfig.\n` +
      "  hint: give --tsconfig (-p) a tsconfig.json or the folder holding one, and the .ts files as inputs\n",
  );
});

describe("entries a tsconfig does not take in", () => {
  test.each([
    [
      "outside its include",
      { include: ["src"] },
      ["api/widget.ts", "src/gadget.ts"],
      "api/widget.ts is not in the files or include of tsconfig.json, so tsc -p would not check it; crdgen compiles it with its compiler options anyway.",
    ],
    [
      "not among its files (a solution-style tsconfig)",
      { files: [], references: [{ path: "./tsconfig.app.json" }] },
      ["api/widget.ts", "src/gadget.ts"],
      "api/widget.ts, src/gadget.ts are not in the files or include of tsconfig.json, so tsc -p would not check them;",
    ],
    [
      "in its exclude",
      { include: ["**/*"], exclude: ["api"] },
      ["api", "src"],
      "api/widget.ts is not in the files or include of tsconfig.json",
    ],
    ["taken in by its include", { include: ["api", "src/**/*.ts"] }, ["api", "src/gadget.ts"], undefined],
    ["taken in by its files", { files: ["api/widget.ts", "src/gadget.ts"] }, ["api", "src"], undefined],
    ["taken in by the default include", { compilerOptions: { strict: true } }, ["api", "src"], undefined],
  ])("%s", async (_what, tsconfig, args, warning) => {
    await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    const run = await runCli([...args, "--stdout"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("name: widgets.example.com");
    if (warning === undefined) expect(run.stderr).toBe("");
    else {
      expect(run.stderr).toContain(`warning CRD4002: ${warning}`);
      expect(run.stderr).toContain(
        "hint: add the entries to its include, or give the tsconfig that includes them with --tsconfig",
      );
    }
  });

  test("--tsconfig names the tsconfig that was given", async () => {
    await writeFile(path.join(dir, "src", "tsconfig.json"), JSON.stringify({ include: ["."] }));
    const run = await runCli(["api/widget.ts", "--tsconfig", "src", "--stdout"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `warning CRD4002: api/widget.ts is not in the files or include of ${path.join("src", "tsconfig.json")}`,
    );
  });
});

describe("the hint names the tsconfig that takes the entries in", () => {
  test("a solution-style tsconfig: the project it references that includes them", async () => {
    await writeFile(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({ files: [], references: [{ path: "api" }] }),
    );
    await writeFile(path.join(dir, "api", "tsconfig.json"), JSON.stringify({ include: ["."] }));
    const run = await runCli(["api/widget.ts", "-p", ".", "--stdout"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `hint: give --tsconfig ${path.join("api", "tsconfig.json")}, which includes it`,
    );
  });

  test("entries of two packages, each with its own tsconfig: a run per tsconfig", async () => {
    await writeFile(path.join(dir, "api", "tsconfig.json"), JSON.stringify({ include: ["."] }));
    await writeFile(path.join(dir, "src", "tsconfig.json"), JSON.stringify({ include: ["."] }));
    const run = await runCli(["api/widget.ts", "src/gadget.ts", "--stdout"], dir);
    expect(run.code).toBe(0);
    const [gadget, own] = [path.join("src", "gadget.ts"), path.join("src", "tsconfig.json")];
    expect(run.stderr).toContain(
      `warning CRD4002: ${gadget} is not in the files or include of ${path.join("api", "tsconfig.json")}`,
    );
    expect(run.stderr).toContain(
      `hint: ${gadget} has a tsconfig of its own, ${own}, that this run does not use: one run compiles all its entries with one tsconfig (the first entry's, or --tsconfig). Run crdgen once per tsconfig, each with an --out-dir of its own`,
    );
  });
});

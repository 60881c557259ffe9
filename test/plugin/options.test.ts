/**
 * Options a JavaScript caller passes that crdgen cannot use (CRD4004): the API, a session and a
 * bundler plugin say so as diagnostics, never as a TypeError from deep inside, and write nothing.
 */
import { build, type BuildFailure } from "esbuild";
import { afterEach, beforeEach, expect, test } from "vitest";
import { generate, type GenerateOptions } from "../../src/generate.js";
import crdgen from "../../src/plugin/esbuild.js";
import { pluginOptionErrors, type CrdgenPluginOptions } from "../../src/plugin/options.js";
import { CrdSession, type SessionOptions } from "../../src/session.js";
import { CRD, copyProject, TYPES, type Project } from "./project.js";

let project: Project;
beforeEach(async () => {
  project = await copyProject();
});
afterEach(async () => {
  await project.remove();
});

const messages = (diagnostics: readonly { code: string; message: string }[]) =>
  diagnostics.map((d) => `${d.code} ${d.message}`);

test("generate reports options of the wrong kind as CRD4004 instead of throwing", () => {
  const cases: [unknown, string][] = [
    [undefined, "CRD4004 the options are undefined, not an object."],
    [{}, "CRD4004 entries is missing."],
    [{ entries: TYPES }, `CRD4004 entries "${TYPES}" is not a list of file or folder names.`],
    [{ entries: [42] }, "CRD4004 entries [42] is not a list of file or folder names."],
    [{ entries: [TYPES], outDir: 5 }, "CRD4004 outDir 5 is not a path."],
    [{ entries: [TYPES], cwd: 7 }, "CRD4004 cwd 7 is not a path."],
    [{ entries: [TYPES], tsconfig: true }, "CRD4004 tsconfig true is not a path."],
    [{ entries: [TYPES], typeCheck: "no" }, 'CRD4004 typeCheck "no" is not true or false.'],
  ];
  for (const [options, message] of cases) {
    const result = generate(options as GenerateOptions);
    expect(result.ok).toBe(false);
    expect(messages(result.diagnostics)).toEqual([message]);
  }
  // A string entry's hint writes the list it meant.
  expect(generate({ entries: TYPES } as never).diagnostics[0]!.hint).toBe(
    `write it as a list: entries: ["${TYPES}"]`,
  );
});

test("a session with unusable options is made, and each run reports them", async () => {
  const session = new CrdSession({ entries: TYPES, cwd: project.dir } as unknown as SessionOptions);
  expect(session.typeFiles()).toEqual([]);
  expect(session.isTypeFile(project.file(TYPES))).toBe(false);
  for (let run = 0; run < 2; run++) {
    const outcome = await session.run();
    expect(outcome.unchanged).toBe(false);
    expect(messages(outcome.result.diagnostics)).toEqual([
      `CRD4004 entries "${TYPES}" is not a list of file or folder names.`,
    ]);
  }
  const noCwd = await new CrdSession({ entries: [TYPES] } as unknown as SessionOptions).run();
  expect(messages(noCwd.result.diagnostics)).toEqual(["CRD4004 cwd is missing."]);
});

test("a plugin's misspelt or mistyped option is a CRD4004 error with what was meant", () => {
  const errors = pluginOptionErrors({ entries: [TYPES], outdir: "x", failOnError: "no", tsconfig: 1 });
  expect(errors.map((d) => [d.code, d.message, d.hint])).toEqual([
    ["CRD4004", "tsconfig 1 is not a path.", "give tsconfig as a string, or leave it out"],
    ["CRD4004", "outdir is not an option of crdgen.", "did you mean outDir?"],
    [
      "CRD4004",
      'failOnError "no" is not true or false.',
      "use true or false, or leave it out (builds fail, watch mode and the dev server warn)",
    ],
  ]);
  expect(pluginOptionErrors({ entries: [TYPES], outDir: "crds", failOnError: false, cwd: "." })).toEqual([]);
});

test("a build with an unusable option fails with crdgen's error, and writes no CRD", async () => {
  const run = (options: unknown) =>
    build({
      absWorkingDir: project.dir,
      entryPoints: ["src/index.ts"],
      bundle: true,
      write: false,
      logLevel: "silent",
      plugins: [crdgen(options as CrdgenPluginOptions)],
    });
  /** The build's errors, as esbuild reports them: text, then notes. */
  const errorsOf = (options: unknown) =>
    run(options).then(
      () => [],
      (e: unknown) => (e as BuildFailure).errors.map((m) => [m.text, ...m.notes.map((n) => n.text)]),
    );
  expect(await errorsOf({ entries: TYPES })).toEqual([
    [
      `CRD4004: entries "${TYPES}" is not a list of file or folder names.`,
      `hint: write it as a list: entries: ["${TYPES}"]`,
      "crdgen wrote no CRD.",
    ],
  ]);
  expect((await errorsOf({ entries: [TYPES], outDir: 5 }))[0]?.[0]).toBe("CRD4004: outDir 5 is not a path.");
  expect((await errorsOf(undefined))[0]?.[0]).toBe("CRD4004: the options are undefined, not an object.");
  expect((await errorsOf({ entries: [TYPES], failOnErorr: false }))[0]?.[1]).toBe(
    "hint: did you mean failOnError?",
  );
  await expect(project.read(CRD)).rejects.toThrow(/ENOENT/);
  // And the same build with the options right writes it.
  await run({ entries: [TYPES] });
  expect(await project.read(CRD)).toContain("kind: Widget");
});

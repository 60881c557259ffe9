/**
 * Usage errors read alike in every command: `<command>: <message>`, the usage, exit 2, with a
 * did-you-mean for a misspelt option or command, and an option's value named as the help names it.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-usage-"));
  await writeFile(path.join(dir, "types.ts"), "export interface Nothing {}\n");
});

describe("usage errors", () => {
  test.each([
    // A misspelt command, when no file has that name.
    [["chekc", "crds"], "crdgen: unknown command chekc (did you mean crdgen check?)"],
    [["dif", "a", "b"], "crdgen: unknown command dif (did you mean crdgen diff?)"],
    // A misspelt option, in each command.
    [["types.ts", "--out-dri", "x"], "crdgen: unknown option --out-dri (did you mean --out-dir?)"],
    [["types.ts", "--formt=json"], "crdgen: unknown option --formt (did you mean --format?)"],
    [["types.ts", "--o", "x"], "crdgen: unknown option --o (did you mean --out-dir?)"],
    [["check", "--frmat", "json", "x.yaml"], "crdgen check: unknown option --frmat (did you mean --format?)"],
    [["diff", "--formt", "json", "a", "b"], "crdgen diff: unknown option --formt (did you mean --format?)"],
    [
      ["diff", "--allow-braking", "a", "b"],
      "crdgen diff: unknown option --allow-braking (did you mean --allow-breaking?)",
    ],
    [["types.ts", "--zzz"], "crdgen: unknown option --zzz"],
    // The one option a long name begins, and a short option in the other case.
    [["types.ts", "--std"], "crdgen: unknown option --std (did you mean --stdout?)"],
    [
      ["types.ts", "--max-desc", "80"],
      "crdgen: unknown option --max-desc (did you mean --max-description-length?)",
    ],
    [["-V"], "crdgen: unknown option -V (did you mean -v, --version?)"],
    [["check", "-H"], "crdgen check: unknown option -H (did you mean -h, --help?)"],
    // Other tools' `help` command.
    [["help"], "crdgen: unknown command help (did you mean crdgen --help?)"],
    // A negative number is the value, refused as such, not an option's missing value.
    [
      ["types.ts", "--max-description-length", "-1"],
      'crdgen: --max-description-length must be a non-negative integer, got "-1"',
    ],
    // An option without its value, named as the help shows it.
    [["types.ts", "-o"], "crdgen: -o needs a value (-o, --out-dir <dir>)"],
    [["types.ts", "--out-dir"], "crdgen: --out-dir needs a value (-o, --out-dir <dir>)"],
    [["types.ts", "-o", "--stdout"], "crdgen: -o needs a value (-o, --out-dir <dir>)"],
    [["types.ts", "--tsconfig="], "crdgen: --tsconfig needs a value (-p, --tsconfig <path>)"],
    [
      ["check", "crd.yaml", "--instances"],
      "crdgen check: --instances needs a value (--instances <files or globs>)",
    ],
    [["diff", "--base"], "crdgen diff: --base needs a value (--base <git-ref>)"],
    // `tsc -p` reads the files from the tsconfig; crdgen, only the entries given.
    [
      ["-p", "."],
      "crdgen: no input files (--tsconfig gives the compiler options, not the files: give the files or folders declaring the @crd types)",
    ],
    // An empty argument (a variable that is not set) would stand for the current folder.
    [["types.ts", ""], 'crdgen: an empty argument ("") is no path: a variable that is not set?'],
    [["check", ""], 'crdgen check: an empty argument ("") is no path: a variable that is not set?'],
    [["diff", "", "crds"], 'crdgen diff: an empty argument ("") is no path: a variable that is not set?'],
    // A TypeScript file where CRDs are read: what to run instead, not dozens of YAML errors.
    [
      ["check", "types.ts"],
      "crdgen check: types.ts is TypeScript, and crdgen check reads CRDs as YAML or JSON: crdgen checks the CRDs it generates before it writes them, so run crdgen types.ts --stdout (or crdgen types.ts --check, to compare them with the files in its --out-dir)",
    ],
    [
      ["diff", "crds", "src/api v1.mts"],
      "crdgen diff: src/api v1.mts is TypeScript, and crdgen diff reads CRDs as YAML or JSON: generate its CRDs first (crdgen 'src/api v1.mts' --out-dir <folder>) and compare that folder",
    ],
    [
      ["diff", "--base", "main", "Types.TSX"],
      "crdgen diff: Types.TSX is TypeScript, and crdgen diff reads CRDs as YAML or JSON: generate its CRDs first (crdgen Types.TSX --out-dir <folder>) and compare that folder",
    ],
    // A flag given a value.
    [["types.ts", "--stdout=yes"], "crdgen: --stdout takes no value"],
    [["check", "--help=1"], "crdgen check: --help takes no value"],
  ])("%j", async (args, message) => {
    const run = await runCli(args, dir);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr.split("\n")[0]).toBe(message);
    expect(run.stderr).toContain("Usage:");
    expect(run.stderr).not.toMatch(/\n\s+at |argument missing|ERR_PARSE_ARGS|'-- "/);
  });

  test("a word close to a command that names a file or folder is an input, not a misspelt command", async () => {
    await mkdir(path.join(dir, "chekc"));
    const run = await runCli(["chekc"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No CRD found: none of chekc exports a type tagged @crd.");
  });

  test("a glob or folder that holds TypeScript files is no TypeScript argument: they are searched for YAML", async () => {
    const run = await runCli(["check", "*.ts"], dir);
    expect(run.stderr).not.toContain("is TypeScript");
    const folder = await runCli(["check", "."], dir);
    expect(folder.stderr).toContain("no .yaml, .yml or .json files in .");
  });

  test("a value starting with a dash is given with =", async () => {
    const run = await runCli(["types.ts", "--out-dir=-out", "--stdout"], dir);
    expect(run.stderr).not.toContain("needs a value");
  });
});

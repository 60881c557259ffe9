/** The command `--check` tells the user to run: the run's own command line, without `--check`. */
import { describe, expect, test } from "vitest";
import { regenerateCommand } from "../../src/cli/fix-command.js";
import { shellWord } from "../../src/diagnostics/shell-word.js";

describe("regenerateCommand", () => {
  test.each([
    [["types.ts", "--check"], "crdgen types.ts"],
    [
      ["--check", "api/", "-o", "deploy/crds", "--format=json", "--check"],
      "crdgen api/ -o deploy/crds --format=json",
    ],
    // Quoted as a POSIX shell reads it back.
    [["my types.ts", "--check", "-o", "it's"], `crdgen 'my types.ts' -o 'it'\\''s'`],
    // After `--`, a word spelt --check is an entry, kept.
    [["--check", "--", "--check"], "crdgen -- --check"],
  ])("%j", (argv, command) => {
    expect(regenerateCommand(argv)).toBe(command);
  });

  test("plain words stay bare, others are quoted", () => {
    expect(["a/b.ts", "@x/y", "$HOME", "*.ts", ""].map(shellWord)).toEqual([
      "a/b.ts",
      "@x/y",
      "'$HOME'",
      "'*.ts'",
      "''",
    ]);
  });
});

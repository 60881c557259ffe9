/**
 * Doc comments TypeScript 5.9/6.0's parser never returns on (src/read/parser-hang.ts): crdgen
 * must find them before TypeScript parses the file, and report them instead of hanging.
 * Anything that could hang runs in a child process with a time limit, so that a regression
 * fails a test instead of hanging the suite.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hangingDocCommentDashes, withoutHangingDashes } from "../../src/read/parser-hang.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** Each of these made TypeScript's parse of a file for type errors run for ever. */
const HANGS = [
  "/** @see a-*/",
  "/** @link a-*/",
  "/** @SEE a-*/",
  "/** @see a-b-*/",
  "/** @see  a-*/",
  "/** @see\ta-*/",
  "/** @see\n * a-*/",
  "/** x @see a-*/",
  "/** @see x\n * @param a-*/",
  "/** @see é-*/",
  "/** x @link-*/",
  "/** @link @see-*/",
  "/** @see @ a-*/",
];

/** These TypeScript parses (checked below in a child process). */
const PARSED = [
  "/** @see x a-*/",
  "/** {@link A} a-*/",
  "/** x {@link A} b-*/",
  "/** @see A\n * a-*/",
  "/** a-*/",
  "/** @deprecated a-*/",
  "/** @see --*/",
  "/** @see a - -*/",
  "/** @see a*-*/",
  "/** @see {@link A}-*/",
  "/** @link @-*/",
  "/* @see a-*/",
  "/** @see a */ const b = 1 - 2; /* -*/",
];

function parsesInTime(comments: readonly string[]): { signal: NodeJS.Signals | null; stdout: string } {
  const script = `
    import { tsApi } from "./dist/src/read/typescript.js";
    const comments = JSON.parse(process.argv[1]);
    for (const c of comments)
      tsApi.createSourceFile("/p/t.ts", c + "\\nexport interface A { a: string }\\n",
        { languageVersion: tsApi.ScriptTarget.ES2022, jsDocParsingMode: tsApi.JSDocParsingMode.ParseForTypeErrors }, true);
    process.stdout.write("parsed " + comments.length);`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(comments)], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("hangingDocCommentDashes", () => {
  it.each(HANGS)("finds %j", (comment) => {
    const text = `${comment}\nexport interface A { a: string }\n`;
    expect(hangingDocCommentDashes(text)).toEqual([comment.lastIndexOf("-*/")]);
  });

  it.each(PARSED)("leaves %j alone", (comment) => {
    expect(hangingDocCommentDashes(`${comment}\nexport interface A { a: string }\n`)).toEqual([]);
  });

  it("is right about the comments it leaves alone: TypeScript parses them", () => {
    const run = parsesInTime(PARSED);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe(`parsed ${PARSED.length}`);
  });

  it("gives a text TypeScript parses, with every position where it was", () => {
    const text = HANGS.join("\nexport type T = string;\n");
    const dashes = hangingDocCommentDashes(text);
    expect(dashes).toHaveLength(HANGS.length);
    const fixed = withoutHangingDashes(text, dashes);
    expect(fixed).toHaveLength(text.length);
    expect([...fixed].filter((c, i) => c !== text[i])).toEqual(dashes.map(() => " "));
    const run = parsesInTime([fixed]);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe("parsed 1");
  });
});

describe("crdgen on a file with such a comment", () => {
  it("reports it at its line and column, with the fix, and exits 1 instead of hanging", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crdgen-hang-"));
    writeFileSync(
      path.join(dir, "types.ts"),
      "/**\n * @crd\n * @group example.com\n * @version v1\n */\nexport interface W { spec: S }\n" +
        "/** Like the others. @see docs-*/\nexport interface S { a: string }\n",
    );
    const run = spawnSync(process.execPath, [path.join(REPO, "bin/crdgen.js"), "types.ts", "--stdout"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("types.ts:7:31");
    expect(run.stderr).toContain("TypeScript's parser never returns on it");
    expect(run.stderr).toContain("put a space between the dash and */");
  });
});

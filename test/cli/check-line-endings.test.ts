/** `crdgen --check` on a checkout whose CRD files git converted to CRLF (core.autocrlf on Windows). */
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

const TYPES = `/**
 * A widget.
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget {
  spec: { size: number };
}
`;

const crlf = (text: string) => text.replace(/\n/g, "\r\n");

describe("crdgen --check: files that differ only in line endings", () => {
  test.each([
    ["all lines CRLF", [], crlf, "example.com_widgets.yaml", "*.yaml"],
    ["all lines CRLF, JSON output", ["--format", "json"], crlf, "example.com_widgets.json", "*.json"],
    ["some lines CRLF", [], (t: string) => t.replace("\n", "\r\n"), "example.com_widgets.yaml", "*.yaml"],
  ])("%s: one line with a hint, no diff, exit 1", async (_what, flags, convert, file, glob) => {
    const dir = await mkdtemp(path.join(tmpdir(), "crdgen-crlf-"));
    await writeFile(path.join(dir, "types.ts"), TYPES);
    await runCli(["types.ts", ...flags], dir);
    const written = path.join(dir, "crds", file);
    await writeFile(written, convert(await readFile(written, "utf8")));
    const run = await runCli(["types.ts", ...flags, "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `stale: crds/${file} (only the line endings differ: CRLF on disk, crdgen writes LF; if git converts them on checkout, add \`${glob} text eol=lf\` to .gitattributes)\n`,
    );
    expect(run.stderr).toContain("1 file(s) out of date");
    expect(await readdir(path.join(dir, "crds"))).toEqual([file]);
  });

  test("CRLF and a real change: the full diff, as before", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crdgen-crlf-"));
    await writeFile(path.join(dir, "types.ts"), TYPES);
    await runCli(["types.ts"], dir);
    const written = path.join(dir, "crds", "example.com_widgets.yaml");
    await writeFile(written, crlf((await readFile(written, "utf8")).replace("A widget.", "A gadget.")));
    const run = await runCli(["types.ts", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("stale: crds/example.com_widgets.yaml\n");
    expect(run.stdout).not.toContain("line endings");
    expect(run.stdout).toContain("--- a/crds/example.com_widgets.yaml\ton disk");
  });
});

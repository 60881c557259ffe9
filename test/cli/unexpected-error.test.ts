/**
 * A command's last line of defence (src/cli/io.ts unexpectedError): an exception nobody expected is
 * a few lines, never a stack trace; input nested too deeply for the call stack is told as that.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { unexpectedError } from "../../src/cli/io.js";
import { runCli } from "../helpers/cli.js";

it("reports a bug as an internal error to report", () => {
  expect(unexpectedError("crdgen", new TypeError("x is undefined"))).toBe(
    "crdgen: internal error: x is undefined\nPlease report this with the input that caused it.\n",
  );
  expect(unexpectedError("crdgen check", "thrown text")).toMatch(
    /^crdgen check: internal error: thrown text\n/,
  );
});

it("reports a call stack that ran out as input nested too deeply", () => {
  let overflow: unknown;
  const recurse = (n: number): number => recurse(n + 1) + 1;
  try {
    recurse(0);
  } catch (e) {
    overflow = e;
  }
  expect(overflow).toBeInstanceOf(RangeError);
  const text = unexpectedError("crdgen", overflow);
  expect(text).toMatch(/^crdgen: the input is nested too deeply to process/);
  expect(text).not.toMatch(/internal error/);
});

it("says so for a type nested 3,000 levels deep, with exit code 1", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-deep-"));
  try {
    const depth = 3000;
    const spec = `${"{ a: ".repeat(depth)}string${" }".repeat(depth)}`;
    writeFileSync(
      path.join(dir, "deep.ts"),
      `/** @crd @group a.example.com @version v1 */\nexport interface Foo { spec: ${spec} }\n`,
    );
    const run = await runCli(["deep.ts", "--stdout"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^crdgen: the input is nested too deeply to process/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** `-` as a file argument: `crdgen check -` reads one stream from stdin; generate and diff refuse it. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { textOf } from "../helpers/cli.js";
import { crdYaml, tempDir } from "../check/harness.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  reads: number;
}

async function run(args: string[], cwd: string, stdin: () => Promise<string>): Promise<Run> {
  let stdout = "";
  let stderr = "";
  let reads = 0;
  const code = await main(args, {
    cwd,
    stdout: { write: (s: string | Uint8Array) => (stdout += textOf(s)) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => {
      reads++;
      return stdin();
    },
  });
  return { code, stdout, stderr, reads };
}

const BAD = crdYaml((t) => t.replace("group: example.com", "group: example"));
const instance = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\nspec:\n  size: 0\n";

const NO_CRD_WARNING =
  "crdgen check: warning: the checked files hold no CustomResourceDefinition, so nothing was validated; `helm template` leaves out a chart's crds/ folder unless given --include-crds\n";

describe("crdgen check -", () => {
  const dir = tempDir({ "crd.yaml": crdYaml(), "bad.yaml": BAD });
  it.each([
    ["a valid CRD", ["check", "-"], crdYaml(), 0, "0 errors, 0 warnings (checked 1 CRD in 1 file)\n", 1],
    ["an invalid CRD, named <stdin>", ["check", "-"], BAD, 1, "<stdin>:6:10 - error CRD2001: spec.group", 1],
    ["- given twice, read once", ["check", "-", "-"], crdYaml(), 0, "checked 1 CRD in 1 file", 1],
    ["- beside a file", ["check", "bad.yaml", "-"], crdYaml(), 1, "bad.yaml:6:10 - error CRD2001", 1],
    [
      "instances from stdin",
      ["check", "crd.yaml", "--instances", "-"],
      instance,
      1,
      "<stdin>:6:9 - error CRD2003: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1",
      1,
    ],
    [
      "JSON",
      ["check", "-"],
      JSON.stringify({ apiVersion: "v1", kind: "ConfigMap" }),
      0,
      "checked 0 CRDs in 1 file",
      1,
    ],
    ["an empty stream", ["check", "-"], "", 0, "checked 0 CRDs in 1 file", 1],
    ["no -: stdin is not read", ["check", "crd.yaml"], "", 0, "checked 1 CRD in 1 file", 0],
  ])("%s", async (_what, args, text, code, expected, reads) => {
    const result = await run(args, dir, async () => text);
    expect(result.stdout).toContain(expected);
    // A stream holding no CRD passes with a warning: `helm template` leaves out a chart's crds/.
    const stderr = expected.includes("checked 0 CRDs") ? NO_CRD_WARNING : "";
    expect(result).toMatchObject({ code, stderr, reads });
  });

  it("an unreadable stdin is an input error naming it", async () => {
    const result = await run(["check", "-"], dir, () => Promise.reject(new Error("EIO: i/o error, read")));
    expect(result).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "crdgen check: cannot read <stdin>: i/o error\n",
    });
  });
});

describe("commands that take no stream refuse - as a usage error", () => {
  const dir = tempDir({ "types.ts": "export {};\n", "a.yaml": crdYaml() });
  it.each([
    [["-"], "crdgen: - (standard input) cannot be an entry: TypeScript entries must be files"],
    [
      ["types.ts", "-", "--stdout"],
      "crdgen: - (standard input) cannot be an entry: TypeScript entries must be files",
    ],
    [
      ["diff", "-", "a.yaml"],
      "crdgen diff: - (standard input) is not supported: <old> and <new> must be files or folders",
    ],
  ])("%j", async (args, message) => {
    const result = await run(args, dir, async () => "");
    expect(result).toMatchObject({ code: 2, stdout: "", reads: 0 });
    expect(result.stderr).toContain(`${message}\n\nUsage:`);
  });
});

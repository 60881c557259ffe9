/** The generate command end to end on real files: outputs, exit codes, atomicity. */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile, mkdir, rm, stat, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { beforeEach, describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

const GOOD = `/**
 * A widget.
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget {
  spec: { size: number };
}

/**
 * A gadget.
 * @crd
 * @group example.com
 * @version v1
 * @scope Cluster
 */
export interface Gadget {
  spec: { on?: boolean };
}
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-cli-"));
  await writeFile(path.join(dir, "types.ts"), GOOD);
});

describe("crdgen <file>", () => {
  test("writes one file per CRD into ./crds", async () => {
    const run = await runCli(["types.ts"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("wrote crds/example.com_gadgets.yaml\nwrote crds/example.com_widgets.yaml\n");
    const files = await readdir(path.join(dir, "crds"));
    expect(files.sort()).toEqual(["example.com_gadgets.yaml", "example.com_widgets.yaml"]);
    const text = await readFile(path.join(dir, "crds", "example.com_gadgets.yaml"), "utf8");
    expect(
      text.startsWith("---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"),
    ).toBe(true);
    expect(text).toContain("scope: Cluster");
  });

  test("leaves a file whose content did not change as it is, mtime included", async () => {
    await runCli(["types.ts"], dir);
    const widgets = path.join(dir, "crds", "example.com_widgets.yaml");
    const gadgets = path.join(dir, "crds", "example.com_gadgets.yaml");
    const past = new Date("2020-01-01T00:00:00Z");
    await Promise.all([widgets, gadgets].map((f) => utimes(f, past, past)));
    await writeFile(path.join(dir, "types.ts"), GOOD.replace("size: number", "size: number; color?: string"));
    const run = await runCli(["types.ts"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("unchanged crds/example.com_gadgets.yaml\nwrote crds/example.com_widgets.yaml\n");
    expect((await stat(gadgets)).mtime).toEqual(past);
    expect((await stat(widgets)).mtime).not.toEqual(past);
    expect(await readFile(widgets, "utf8")).toContain("color:");
  });

  test("--out-dir, --format json", async () => {
    const run = await runCli(["types.ts", "--out-dir", "out/json", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const crd = JSON.parse(await readFile(path.join(dir, "out/json/example.com_widgets.json"), "utf8"));
    expect(crd.metadata.name).toBe("widgets.example.com");
  });

  test("--stdout prints a multi-document stream and writes nothing", async () => {
    const run = await runCli(["types.ts", "--stdout"], dir);
    expect(run.code).toBe(0);
    const docs = parseAllDocuments(run.stdout);
    expect(Array.isArray(docs) && docs.map((d) => d.toJS().metadata.name)).toEqual([
      "gadgets.example.com",
      "widgets.example.com",
    ]);
    await expect(readdir(path.join(dir, "crds"))).rejects.toThrow();
  });

  test("output is byte-for-byte identical across runs", async () => {
    const a = await runCli(["types.ts", "--stdout"], dir);
    const b = await runCli(["types.ts", "--stdout"], dir);
    expect(a.stdout).toBe(b.stdout);
  });

  test("an error exits 1, prints file:line:column with a code frame, and writes nothing", async () => {
    await writeFile(
      path.join(dir, "bad.ts"),
      "/** @crd @group example.com @version v1 */\nexport interface Bad {\n  spec: { when: bigint };\n}\n",
    );
    const run = await runCli(["types.ts", "bad.ts"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bad.ts:3:11 - error CRD1002: Bad.spec.when is bigint");
    expect(run.stderr).toContain("3   spec: { when: bigint };");
    expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    await expect(readdir(path.join(dir, "crds"))).rejects.toThrow();
  });

  test("existing output is untouched when generation fails", async () => {
    await mkdir(path.join(dir, "crds"));
    await writeFile(path.join(dir, "crds", "keep.yaml"), "keep");
    await writeFile(path.join(dir, "types.ts"), GOOD.replace("size: number", "size: () => number"));
    const run = await runCli(["types.ts"], dir);
    expect(run.code).toBe(1);
    expect(await readdir(path.join(dir, "crds"))).toEqual(["keep.yaml"]);
  });

  test("usage errors exit 2", async () => {
    expect((await runCli([], dir)).code).toBe(2);
    const unknown = await runCli(["types.ts", "--out-dri", "x"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option --out-dri (did you mean --out-dir?)");
    expect((await runCli(["types.ts", "--format", "toml"], dir)).stderr).toContain(
      "--format must be yaml or json",
    );
  });

  test("a missing input file exits 1 naming it, relative to the current folder", async () => {
    const run = await runCli(["nope.ts"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error CRD4001: File not found: nope.ts\n");
    // Outside the current folder, a path stays absolute.
    const outside = path.join(path.dirname(dir), "elsewhere-nope.ts");
    expect((await runCli([outside], dir)).stderr).toContain(`File not found: ${outside}\n`);
  });

  test("an --out-dir that cannot be made exits 1 naming it, and writes nothing", async () => {
    await writeFile(path.join(dir, "taken"), "");
    const run = await runCli(["types.ts", "--out-dir", "taken/crds"], dir);
    expect(run.code).toBe(1);
    // The file in the way is named (not the folder under it), in the user's words: no errno, no mkdir.
    expect(run.stderr).toContain(
      "error CRD4003: could not write output: taken is a file, not a folder\n  hint: give --out-dir a folder, or a path where one can be made\n",
    );
    // Under /proc Node's own recursive mkdir never returns (Linux only has one).
    if (existsSync("/proc/self")) {
      const proc = await runCli(["types.ts", "--out-dir", "/proc/crdgen-nope/crds"], dir);
      expect(proc.code).toBe(1);
      expect(proc.stderr).toContain("could not write output to /proc/crdgen-nope: no such file or directory");
    }
  });

  /** A CRD root whose one field is documented with `description`, making the CRD as large as it is. */
  const rootWithNote = (name: string, description: string) =>
    `/** @crd @group example.com @version v1 */\nexport interface ${name} {\n  spec: {\n    /** ${description} */\n    note?: string;\n  };\n}\n`;

  /** Generates the CRD of rootWithNote(name, description) from `<name>.ts`, which succeeds; its warnings. */
  const warningsOf = async (name: string, description: string): Promise<string> => {
    const file = `${name.toLowerCase()}.ts`;
    await writeFile(path.join(dir, file), rootWithNote(name, description));
    // A folder of its own: a run removes the CRD files crdgen wrote that it does not make.
    const run = await runCli([file, "--out-dir", name], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${name}/example.com_${name.toLowerCase()}s.yaml\n`);
    return run.stderr;
  };

  test("a CRD too large for client-side kubectl apply is written, with a warning at its root", async () => {
    const words = "Long text about the field. ".repeat(10_000); // 270,000 characters
    const warnings = await warningsOf("Big", words);
    expect(warnings).toContain(
      "big.ts:2:18 - warning CRD2007: The generated CRD bigs.example.com is too large for client-side `kubectl apply`",
    );
    expect(warnings).toContain("--max-description-length");

    const shortened = await runCli(["big.ts", "--max-description-length", "200"], dir);
    expect(shortened).toMatchObject({ code: 0, stderr: "" });
  });

  test("a CRD too large for etcd's default limit, or for the API server, is written with CRD2008", async () => {
    const etcd = await warningsOf("Etcd", "d".repeat(1_700_000));
    expect(etcd).toContain(
      "etcd.ts:2:18 - warning CRD2008: The generated CRD etcds.example.com is 1.62 MiB as JSON, more than the 1.5 MiB etcd stores by default",
    );
    // Server-side apply may still work where etcd allows more: the client-side warning stays.
    expect(etcd).toContain("warning CRD2007");

    const huge = await warningsOf("Huge", "d".repeat(3_200_000));
    expect(huge).toContain(
      'huge.ts:2:18 - warning CRD2008: The generated CRD huges.example.com is larger than the API server takes, however it is installed: kubectl and Helm send it as JSON, more than 3 MiB of it, and Kubernetes would answer "Request entity too large: limit is 3145728".',
    );
    // No way of installing it works, so no advice on which to use.
    expect(huge).not.toContain("CRD2007");
  });

  test.each([
    ["0 drops every description (as controller-gen's maxDescLen=0)", "0", []],
    ["5 cuts each at a word boundary", "5", ["A...", "APIVe...", "Kind..."]],
    ["a length no description reaches keeps them", "1000", ["A gadget.", "A widget."]],
  ])("--max-description-length %s", async (_what, max, starts) => {
    const run = await runCli(["types.ts", "--stdout", "--max-description-length", max], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const descriptions = [...run.stdout.matchAll(/description: (.*)/g)].map((m) => m[1]!);
    expect([...new Set(descriptions.filter((d) => !d.startsWith("|")))].sort()).toEqual(starts);
  });

  test("--help and --help-tags", async () => {
    expect((await runCli(["--help"], dir)).stdout).toContain("Usage: crdgen");
    const tags = (await runCli(["--help-tags"], dir)).stdout;
    for (const tag of ["@crd", "@group", "@minimum", "@default <JSON>", "@shortName"])
      expect(tags).toContain(tag);
    // One column of summaries: a syntax too long for its column puts the summary on the next line.
    const lines = tags.trimEnd().split("\n").slice(1);
    const summaryAt = (line: string) => /^ {2}(?:@\S.*?\s{2,}|\s+)(?=\S)/.exec(line)?.[0].length;
    lines.forEach((line, i) => {
      // A syntax alone on its line is followed by its summary, indented to the column.
      if (summaryAt(line) === undefined) expect(lines[i + 1]).toMatch(/^ {47}\S/);
      else expect(summaryAt(line)).toBe(47);
    });
    for (const line of lines) expect(line.match(/repeatable/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

test("-o=out is the folder out, as --out-dir=out is, not a folder named =out", async () => {
  const run = await runCli(["types.ts", "-o=out"], dir);
  expect(run).toMatchObject({ code: 0, stderr: "" });
  expect(run.stdout).toContain("wrote out/example.com_widgets.yaml\n");
  expect(existsSync(path.join(dir, "=out"))).toBe(false);
});

test("an --out-dir spelt as a file (all.yaml) is a usage error pointing at --stdout, unless that folder exists", async () => {
  for (const args of [
    ["-o", "crds/all.yaml"],
    ["-o", "all.JSON", "--watch"],
    ["--out-dir=x.yml", "--check"],
  ]) {
    const run = await runCli(["types.ts", ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^crdgen: --out-dir takes a folder \(crdgen writes a file per CRD into it\), not a file such as (\S+): to write every CRD into one file, use --stdout > \1\n\nUsage:/,
    );
  }
  expect(await readdir(dir)).toEqual(["types.ts"]);
  // --stdout does not use the folder (a package script's -o stays when --stdout is appended).
  expect((await runCli(["types.ts", "-o", "all.yaml", "--stdout"], dir)).code).toBe(0);
  // A folder of that name already there is a folder.
  await mkdir(path.join(dir, "v1.json"));
  const run = await runCli(["types.ts", "-o", "v1.json"], dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("wrote v1.json/example.com_widgets.yaml\n");
});

describe("crdgen --check (the pull-request gate)", () => {
  test("up to date: exit 0, nothing written", async () => {
    await runCli(["types.ts"], dir);
    const run = await runCli(["types.ts", "--check"], dir);
    expect(run).toMatchObject({ code: 0, stdout: "2 CRD file(s) in crds are up to date\n" });
  });

  test.each([
    ["a file", ["-o", "crds"], "crds"],
    ["under a file", ["-o", "crds/sub"], "crds"],
  ])("an --out-dir that is %s: exit 1 saying so, not every CRD missing", async (_what, args, shown) => {
    await writeFile(path.join(dir, "crds"), "not a folder\n");
    const run = await runCli(["types.ts", ...args, "--check"], dir);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toContain(
      `error CRD4003: cannot compare with --out-dir: ${shown} is a file, not a folder\n`,
    );
    expect(run.stderr).toContain("hint: give --out-dir a folder, or a path where one can be made");
  });

  test("out of date: the message gives the command that updates the files, the run's own without --check", async () => {
    await runCli(["types.ts", "-o", "my crds", "--format", "json"], dir);
    await writeFile(path.join(dir, "types.ts"), GOOD.replace("size: number", "size: number; color?: string"));
    const run = await runCli(["types.ts", "--check", "-o", "my crds", "--format", "json"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "crdgen --check: 1 file(s) out of date; run `crdgen types.ts -o 'my crds' --format json` to update them\n",
    );
    // Pasting it brings the files up to date.
    expect((await runCli(["types.ts", "-o", "my crds", "--format", "json"], dir)).code).toBe(0);
    expect((await runCli(["types.ts", "--check", "-o", "my crds", "--format", "json"], dir)).code).toBe(0);
  });

  test("a CRD the run generates, kept in a file of another name, is extra: applying the folder would apply both", async () => {
    await runCli(["types.ts"], dir);
    const crds = path.join(dir, "crds");
    const generated = await readFile(path.join(crds, "example.com_widgets.yaml"), "utf8");
    // As a chart or a controller-gen project keeps it, CRLF from a Windows checkout, in a stream with another document.
    await writeFile(
      path.join(crds, "widget-crd.yml"),
      `---\nkind: Namespace\n${generated}`.replaceAll("\n", "\r\n"),
    );
    await writeFile(path.join(crds, "kustomization.yaml"), "resources: []\n");
    await writeFile(path.join(crds, "other.yaml"), HAND_WRITTEN);
    const run = await runCli(["types.ts", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^extra: crds\/widget-crd\.yml\n\n/);
    expect(run.stderr).toBe(
      "crdgen --check: 1 file(s) out of date, which generating does not remove\n" +
        "crdgen --check: crds/widget-crd.yml holds the CRD widgets.example.com, which crdgen generates into crds/example.com_widgets.yaml: applying the folder would apply both, so delete it (generating keeps it)\n",
    );
    // Generating leaves it (it is not crdgen's); deleting it passes.
    expect((await runCli(["types.ts"], dir)).code).toBe(0);
    await rm(path.join(crds, "widget-crd.yml"));
    expect((await runCli(["types.ts", "--check"], dir)).code).toBe(0);
  });

  const HAND_WRITTEN =
    "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: olds.example.com\n";

  const setPlural = (plural: string) =>
    writeFile(
      path.join(dir, "types.ts"),
      GOOD.replace(
        " * @version v1\n */\nexport interface Widget",
        ` * @version v1\n * @plural ${plural}\n */\nexport interface Widget`,
      ),
    );

  test("missing, stale and extra files: exit 1 with their names and a unified diff; nothing written", async () => {
    await runCli(["types.ts"], dir);
    await writeFile(path.join(dir, "types.ts"), GOOD.replace("size: number", "size: number; color?: string"));
    await rm(path.join(dir, "crds", "example.com_gadgets.yaml"));
    const extra =
      "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: olds.example.com\n";
    await writeFile(path.join(dir, "crds", "example.com_olds.yaml"), extra);
    await writeFile(path.join(dir, "crds", "kustomization.yaml"), "resources: []\n");
    const run = await runCli(["types.ts", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "missing: crds/example.com_gadgets.yaml\nextra: crds/example.com_olds.yaml\nstale: crds/example.com_widgets.yaml\n",
    );
    expect(run.stdout).toContain("--- a/crds/example.com_widgets.yaml\ton disk");
    expect(run.stdout).toMatch(/\n\+\s+color:\n/);
    // The extra file is not crdgen's (it never wrote it): generating updates the other two.
    expect(run.stderr).toContain("3 file(s) out of date; run `crdgen types.ts` to update 2 of them");
    expect((await readdir(path.join(dir, "crds"))).sort()).toEqual([
      "example.com_olds.yaml",
      "example.com_widgets.yaml",
      "kustomization.yaml",
    ]);
  });

  test.each([
    ["a changed @plural", ["types.ts"], () => setPlural("widgetz"), "example.com_widgetz.yaml"],
    [
      "a switch to --format json",
      ["types.ts", "--format", "json"],
      async () => undefined,
      "example.com_widgets.json",
    ],
  ])(
    "after %s, generating removes the CRD files crdgen wrote that it no longer makes, so --check passes",
    async (_what, args, edit, now) => {
      await runCli(["types.ts"], dir);
      await edit();
      const check = await runCli([...args, "--check"], dir);
      expect(check.stdout).toContain("extra: crds/example.com_widgets.yaml\n");
      expect(check.stderr).not.toContain("generating keeps it");

      const run = await runCli(args, dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`wrote crds/${now}\n`);
      expect(run.stdout).toContain("removed crds/example.com_widgets.yaml\n");
      expect(await readdir(path.join(dir, "crds"))).toContain(now);
      expect(await readdir(path.join(dir, "crds"))).not.toContain("example.com_widgets.yaml");
      expect((await runCli([...args, "--check"], dir)).code).toBe(0);
    },
  );

  test.each([
    ["written by hand", () => writeFile(path.join(dir, "crds", "example.com_olds.yaml"), HAND_WRITTEN)],
    [
      "written by crdgen and edited since",
      async () => {
        const file = path.join(dir, "crds", "example.com_gadgets.yaml");
        await writeFile(
          file,
          (await readFile(file, "utf8")).replace("scope: Cluster", "scope: Cluster # edited"),
        );
        await writeFile(
          path.join(dir, "types.ts"),
          GOOD.replace("@scope Cluster", "@scope Cluster\n * @plural gizmos"),
        );
      },
    ],
  ])("an extra CRD file %s is kept, and --check names it as the user's to delete", async (_what, make) => {
    await runCli(["types.ts"], dir);
    await make();
    const extra = (await runCli(["types.ts", "--check"], dir)).stdout.match(/extra: (\S+)/)![1]!;
    const run = await runCli(["types.ts"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).not.toContain("removed");
    const check = await runCli(["types.ts", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      `crdgen --check: ${extra} was not written by crdgen (or was edited since), so generating keeps it: delete it if no type declares its CRD any more\n`,
    );
  });

  test("flags that cannot be combined", async () => {
    const run = await runCli(["types.ts", "--check", "--stdout"], dir);
    expect(run.code).toBe(2);
  });
});

describe("inputs", () => {
  test("a folder stands for its TypeScript files", async () => {
    await mkdir(path.join(dir, "api", "nested"), { recursive: true });
    await writeFile(path.join(dir, "api", "nested", "widget.ts"), GOOD);
    await writeFile(path.join(dir, "api", "types.d.ts"), "export declare const x: number;\n");
    const run = await runCli(["api", "--stdout"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("name: widgets.example.com");
  });

  test("a file that is not TypeScript is an error naming it; for a CRD, the hint names crdgen check", async () => {
    await mkdir(path.join(dir, "crds"), { recursive: true });
    await writeFile(path.join(dir, "crds", "crd.yaml"), "a: 1\n");
    const run = await runCli(["crds/crd.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error CRD4001: crds/crd.yaml is not a TypeScript file.\n");
    expect(run.stderr).toContain(
      "hint: to validate CRDs, run `crdgen check crds/crd.yaml`; to generate them, give the .ts files",
    );
    await writeFile(path.join(dir, "my crd.json"), "{}\n");
    const json = await runCli(["my crd.json"], dir);
    expect(json.stderr).toContain(
      "hint: to validate CRDs, run `crdgen check 'my crd.json'`; a tsconfig goes after -p",
    );
  });

  test("a tsconfig given as an entry: the hint says where it goes", async () => {
    await writeFile(path.join(dir, "tsconfig.json"), "{}\n");
    const run = await runCli(["tsconfig.json"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("hint: a tsconfig goes after -p (--tsconfig);");
  });
});

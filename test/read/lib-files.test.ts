/**
 * The lib files come from crdgen's cache folder once a run has written them there, and from
 * `@ts-morph/common` (loaded only then) otherwise; either way TypeScript gets the same texts.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { libFilesIn } from "../../src/read/lib-files.js";
import { loadTsMorphCommon } from "../../src/read/typescript.js";

const common = loadTsMorphCommon().getLibFiles();
const ES5 = common.find((f) => f.fileName === "lib.es5.d.ts")!.text;

let root: string;
let folder: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "crdgen-libs-"));
  folder = path.join(root, "lib-x");
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Lib files for `folder`, and the writes they scheduled for the process's exit. */
function open() {
  const writes: (() => void)[] = [];
  return { libs: libFilesIn(folder, (w) => void writes.push(w)), writes };
}

describe("libFilesIn", () => {
  it("gives @ts-morph/common's texts, writes them into the folder, and reads them from there next time", async () => {
    const first = open();
    expect(first.libs.text("lib.es5.d.ts")).toBe(ES5);
    expect(first.libs.text("lib.nope.d.ts")).toBeUndefined();
    expect(first.writes).toHaveLength(1);
    first.writes[0]!();
    expect((await readdir(folder)).sort()).toEqual([...common.map((f) => f.fileName), "index.json"].sort());
    expect(await readdir(root)).toEqual(["lib-x"]); // no temporary folder left behind

    // The next run reads the folder, and only the files asked for.
    await writeFile(path.join(folder, "lib.es5.d.ts"), "// from the folder\n");
    const next = open();
    expect(next.writes).toHaveLength(0);
    expect(next.libs.text("lib.es5.d.ts")).toBe("// from the folder\n");
    expect(next.libs.text("lib.es2022.d.ts")).toBe(
      common.find((f) => f.fileName === "lib.es2022.d.ts")!.text,
    );
    expect(next.libs.text("index.json")).toBeUndefined();
    expect(next.libs.text("lib.nope.d.ts")).toBeUndefined();
  });

  it("takes a folder without its index for one not written yet, and leaves a folder another run wrote", async () => {
    const first = open();
    first.writes[0]!();
    await rm(path.join(folder, "index.json"));
    const incomplete = open();
    expect(incomplete.libs.text("lib.es5.d.ts")).toBe(ES5);
    expect(incomplete.writes).toHaveLength(1);

    // Another run wrote it meanwhile: this write leaves it as it is and cleans up after itself.
    await writeFile(path.join(folder, "index.json"), '["lib.es5.d.ts"]');
    incomplete.writes[0]!();
    expect(await readFile(path.join(folder, "index.json"), "utf8")).toBe('["lib.es5.d.ts"]');
    expect(await readdir(root)).toEqual(["lib-x"]);
  });

  it("without a cache folder, reads @ts-morph/common every time", () => {
    const writes: (() => void)[] = [];
    const libs = libFilesIn(undefined, (w) => void writes.push(w));
    expect(libs.text("lib.es5.d.ts")).toBe(ES5);
    expect(writes).toEqual([]);
  });
});

/**
 * A watch session keeps work between runs (RunCaches: read records, drafts, inlined types,
 * transform results and the validator's work on unchanged schema parts). After any sequence of edits its output — CRDs, stream and diagnostics —
 * must be exactly that of a run without caches on the same program.
 */
import fc from "fast-check";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, generateFromProgram, type GenerateOptions } from "../../src/generate.js";
import { CrdSession } from "../../src/session.js";
import { refreshProgram } from "../../src/read/program.js";
import { RunCaches } from "../../src/run-caches.js";
import { EDITS, FILES, project } from "../helpers/edited-project.js";

const OPTIONS: GenerateOptions = { entries: ["root.ts"], cwd: "/p", typeCheck: false };

describe("a session's run with caches", () => {
  it.each([
    ["", false],
    [", type errors included", true],
  ])("gives what a run without caches gives, after any sequence of edits%s", (_what, typeCheck) => {
    const options = { ...OPTIONS, typeCheck };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 6 }),
        (picks) => {
          const { fs, loaded: first } = project();
          const caches = new RunCaches();
          let loaded = first;
          expect(generateFromProgram(loaded, options, caches)).toEqual(generateFromProgram(loaded, options));
          for (const pick of picks) {
            const edit = EDITS[pick]!;
            fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
            loaded = refreshProgram(loaded, [edit.file]);
            const cached = generateFromProgram(loaded, options, caches);
            const fresh = generateFromProgram(loaded, options);
            expect(cached.diagnostics, edit.label).toEqual(fresh.diagnostics);
            expect(cached.stream).toBe(fresh.stream);
            expect(cached.crds).toEqual(fresh.crds);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  // Found in CI by the property above (without type checking): while C was renamed, B's reading named nothing in c.ts,
  // so its record did not depend on c.ts and outlived the undo.
  it.each([
    ["rename C (every importer breaks), or undo it", "add a field to A"],
    ["rename the base interface (B's heritage breaks), or undo it", "add a field to B"],
  ])("reads again what named a missing type once it is back: %s (twice), then %s", (toggle, then) => {
    const { fs, loaded: first } = project();
    const caches = new RunCaches();
    let loaded = first;
    generateFromProgram(loaded, OPTIONS, caches);
    for (const label of [toggle, toggle, then]) {
      const edit = EDITS.find((e) => e.label === label)!;
      fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
      loaded = refreshProgram(loaded, [edit.file]);
      expect(generateFromProgram(loaded, OPTIONS, caches).stream).toBe(
        generateFromProgram(loaded, OPTIONS).stream,
      );
    }
  });

  const RULE = "give C a rule naming a field it lacks (Kubernetes' validator refuses it), or undo it";
  const FORMAT = "give C a format Kubernetes does not know (a warning, every run)";
  // A line at the top of the file changes its first statement (C is read again and found the
  // same); a field added to Before, above C, leaves C's statement as it was (C's reading is carried over).
  it.each([
    [RULE, "add a line at the top of c.ts"],
    [FORMAT, "add a line at the top of c.ts"],
    [RULE, "add a field to Before"],
    [FORMAT, "add a field to Before"],
  ])("places a diagnostic where it is now after a line added above it: %s, then %s", (label, above) => {
    const { fs, loaded: first } = project();
    const caches = new RunCaches();
    let loaded = first;
    generateFromProgram(loaded, OPTIONS, caches);
    const lineAbove = EDITS.find((e) => e.label.startsWith(above))!;
    let lines: number[] = [];
    for (const edit of [EDITS.find((e) => e.label === label)!, lineAbove, lineAbove]) {
      fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
      loaded = refreshProgram(loaded, [edit.file]);
      const cached = generateFromProgram(loaded, OPTIONS, caches);
      expect(cached.diagnostics).toEqual(generateFromProgram(loaded, OPTIONS).diagnostics);
      lines = [
        ...lines,
        ...cached.diagnostics.filter((d) => d.location?.file === "/p/c.ts").map((d) => d.location!.line),
      ];
    }
    // One diagnostic in c.ts each run, a line lower after each line added above it.
    expect(lines).toHaveLength(3);
    expect([lines[1]! - lines[0]!, lines[2]! - lines[1]!]).toEqual([1, 1]);
  });

  it("keeps unchanged subtrees as the same objects from run to run", () => {
    const { fs, loaded } = project();
    const caches = new RunCaches();
    const before = generateFromProgram(loaded, OPTIONS, caches);
    fs.writeFileSync(
      "/p/c.ts",
      fs.readFileSync("/p/c.ts").replace("w: string[];", "w: string[];\n  v?: boolean;"),
    );
    const after = generateFromProgram(refreshProgram(loaded, ["/p/c.ts"]), OPTIONS, caches);
    const spec = (r: typeof before) =>
      r.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    // Inside A.local (Local names nothing that changed) the nodes are the very nodes of the last
    // run (A.local itself is A's field, and A changed); inside A.b (B names C) they are not.
    expect(spec(after).properties!.local!.properties!.l).toBe(spec(before).properties!.local!.properties!.l);
    expect(spec(after).properties!.b!.properties!.c).not.toBe(spec(before).properties!.b!.properties!.c);
    expect(spec(after).properties!.b!.properties!.y).toBe(spec(before).properties!.b!.properties!.y);
    expect(spec(after).properties!.b!.properties!.c!.properties!.v).toEqual({ type: "boolean" });
  });
});

describe("CrdSession.warmUp", () => {
  it("runs a rebuild without writing, and the next edit's output is a fresh run's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crdgen-warm-"));
    for (const [file, text] of Object.entries(FILES))
      await writeFile(path.join(dir, path.basename(file)), text);
    await writeFile(path.join(dir, "c2.ts"), "export interface C2 { other: number }\n");
    const session = new CrdSession({ entries: ["root.ts"], cwd: dir, outDir: "crds" });
    const first = await session.run();
    expect(first.result.ok).toBe(true);
    const [crd] = first.written;
    const before = await stat(crd!);
    expect(await session.warmUp()).toBe(4);
    expect((await stat(crd!)).mtimeMs).toBe(before.mtimeMs);
    await writeFile(
      path.join(dir, "c.ts"),
      FILES["/p/c.ts"]!.replace("w: string[];", "w: string[];\n  v?: boolean;"),
    );
    const after = await session.run();
    const fresh = generate({ entries: ["root.ts"], cwd: dir, outDir: "crds" });
    expect(after.result.stream).toBe(fresh.stream);
    expect(await readFile(crd!, "utf8")).toBe(fresh.stream);
    await rm(dir, { recursive: true, force: true });
  });

  it("stops warming up once an edit's run came between: the edit waits for one warm-up at most", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crdgen-warm-"));
    for (const [file, text] of Object.entries(FILES))
      await writeFile(path.join(dir, path.basename(file)), text);
    const session = new CrdSession({ entries: ["root.ts"], cwd: dir, outDir: "crds" });
    expect((await session.run()).result.ok).toBe(true);
    await writeFile(
      path.join(dir, "c.ts"),
      FILES["/p/c.ts"]!.replace("w: string[];", "w: string[];\n  v?: boolean;"),
    );
    // A run queued behind the first warm-up (it finds the edit by the file's stamp) ends them.
    const warming = session.warmUp(5);
    const edited = await session.run();
    expect(edited.written).toHaveLength(1);
    expect(await warming).toBe(1);
    // An edit already pending when a warm-up's turn comes: none runs.
    await writeFile(path.join(dir, "c.ts"), FILES["/p/c.ts"]!);
    const skipped = session.warmUp(5);
    session.markChanged(path.join(dir, "c.ts"));
    expect((await session.run()).written).toHaveLength(1);
    expect(await skipped).toBe(0);
    // Nothing is left to warm up after a failed run.
    await writeFile(path.join(dir, "c.ts"), "export interface C { w: Missing }\n");
    session.markChanged(path.join(dir, "c.ts"));
    expect((await session.run()).result.ok).toBe(false);
    expect(await session.warmUp()).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });
});

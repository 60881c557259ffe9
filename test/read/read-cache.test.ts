/**
 * Watch mode reads again only what an edit can have changed (read/read-cache.ts). Whatever the
 * edits, a read that reuses earlier readings must give exactly the IR and diagnostics of a read
 * from scratch of the same program: sequences of edits are applied to a project that uses every
 * kind of type reference, and after each the two reads are compared.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { read } from "../../src/generate.js";
import { refreshProgram, type LoadedProgram } from "../../src/read/program.js";
import { ReadCache } from "../../src/read/read-cache.js";
import { EDITS, FILES, project } from "../helpers/edited-project.js";

/** A read with the cache and one from scratch of the same program, side by side. */
function readBoth(loaded: LoadedProgram, cache: ReadCache) {
  const cachedDiagnostics: Diagnostic[] = [];
  const cached = read(loaded, cachedDiagnostics, cache);
  const freshDiagnostics: Diagnostic[] = [];
  const fresh = read(loaded, freshDiagnostics);
  return { cached, fresh, cachedDiagnostics, freshDiagnostics };
}

function expectSameReads(loaded: LoadedProgram, cache: ReadCache): void {
  const { cached, fresh, cachedDiagnostics, freshDiagnostics } = readBoth(loaded, cache);
  expect([...cached.definitions.keys()]).toEqual([...fresh.definitions.keys()]);
  expect([...cached.definitions.values()]).toEqual([...fresh.definitions.values()]);
  // Origins as places (line and column): toEqual sees no difference between two lazy locations.
  expect(asJson([...cached.definitions.values()])).toEqual(asJson([...fresh.definitions.values()]));
  expect(cached.roots).toEqual(fresh.roots);
  expect(cachedDiagnostics).toEqual(freshDiagnostics);
}

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

describe("ReadCache", () => {
  it("reuses every interface when nothing changed", () => {
    const { loaded } = project();
    const cache = new ReadCache();
    read(loaded, [], cache);
    expect(cache.reused).toBe(0);
    const recorded = cache.stored;
    expect(recorded).toBeGreaterThan(3);
    const again = refreshProgram(loaded, []);
    expectSameReads(again, cache);
    // Root's direct references are reached again; everything under them comes from the records.
    expect(cache.reused).toBeGreaterThan(0);
    expect(cache.stored).toBe(0);
  });

  it("reads again the edited file's interfaces and those that name them, not the others", () => {
    const { fs, loaded } = project();
    const cache = new ReadCache();
    read(loaded, [], cache);
    fs.writeFileSync("/p/c.ts", FILES["/p/c.ts"]!.replace("w: string[];", "w: string[];\n  v?: boolean;"));
    const after = refreshProgram(loaded, ["/p/c.ts"]);
    const diagnostics: Diagnostic[] = [];
    const model = read(after, diagnostics, cache);
    // C itself, and A, B and Holder, which name C; Local (in A's file, naming nothing) and Before
    // (in C's file, which the edit left as it was) were not read again; Indexed, Picked and Paged
    // (C["n"], Pick<C>, Page<C>) and Flagged (an enum member computed from another) are never recorded.
    expect(cache.stored).toBe(4);
    expect(cache.reused).toBe(2);
    expect(cache.carried).toBe(1);
    const c = model.definitions.get("C")!.type;
    expect(c.kind === "object" && c.properties.map((p) => p.name)).toEqual(["w", "v", "n"]);
    expectSameReads(after, cache);
  });

  it("carries an interface over an edit of another statement of its file, to where it now is", () => {
    const { fs, loaded } = project();
    const cache = new ReadCache();
    const first = read(loaded, [], cache);
    const line = (model: typeof first) => model.definitions.get("C")!.origin!.line;
    const before = line(first);
    const edit = EDITS.find((e) => e.label === "add a field to Before")!;
    fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
    const after = refreshProgram(loaded, [edit.file]);
    const model = read(after, [], cache);
    // Before is read again, and Holder, which names it; C, below Before in the same file, is carried over.
    expect(cache.carried).toBeGreaterThanOrEqual(1);
    expect(line(model)).toBe(before + 1);
    expectSameReads(after, cache);
  });

  it("reads again an interface holding an enum member whose value an edit of another enum changed", () => {
    const { fs, loaded } = project();
    const cache = new ReadCache();
    read(loaded, [], cache);
    const edit = EDITS.find((e) => e.label === "change the enum and the literal union")!;
    fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
    const after = refreshProgram(loaded, [edit.file]);
    const flagged = read(after, [], cache).definitions.get("Flagged")!.type;
    const x = flagged.kind === "object" ? flagged.properties.find((p) => p.name === "x")?.type : undefined;
    expect(x).toMatchObject({ kind: "enum", values: ["bb"] });
    expectSameReads(after, cache);
  });

  it("drops every record when a file declaring globals changes", () => {
    const { fs, loaded } = project();
    fs.writeFileSync("/p/globals.d.ts", "interface Extra { e: string }\n");
    fs.writeFileSync("/p/root.ts", `/// <reference path="./globals.d.ts" />\n${FILES["/p/root.ts"]}`);
    const withGlobals = refreshProgram(loaded, ["/p/root.ts"]);
    const cache = new ReadCache();
    read(withGlobals, [], cache);
    fs.writeFileSync("/p/globals.d.ts", "interface Extra { e: number }\n");
    const after = refreshProgram(withGlobals, ["/p/globals.d.ts"]);
    read(after, [], cache);
    expect(cache.reused).toBe(0);
  });

  it("gives the IR of a fresh read after any sequence of edits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 6 }),
        (picks) => {
          const { fs, loaded: first } = project();
          const cache = new ReadCache();
          read(first, [], cache);
          let loaded = first;
          for (const pick of picks) {
            const edit = EDITS[pick]!;
            fs.writeFileSync(edit.file, edit.apply(fs.readFileSync(edit.file)));
            loaded = refreshProgram(loaded, [edit.file]);
            expectSameReads(loaded, cache);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** The plugins' shared generator: what it re-reads between builds and what it (re)writes. */
import { mkdir, realpath, rm, stat, symlink, utimes } from "node:fs/promises";
import { afterEach, beforeEach, expect, test } from "vitest";
import { CrdSession } from "../../src/session.js";
import { CRD, copyProject, typesWith, TYPES, type Project } from "./project.js";

let project: Project;
let session: CrdSession;
beforeEach(async () => {
  project = await copyProject();
  session = new CrdSession({ entries: [TYPES], cwd: project.dir });
});
afterEach(() => project.remove());

test("a run with no type change regenerates nothing; an edit is found by its mtime alone", async () => {
  const first = await session.run();
  expect(first.result.ok).toBe(true);
  expect(first.written).toEqual([project.file(CRD)]);
  expect(session.typeFiles()).toEqual([project.file(TYPES), project.file("tsconfig.json")]);

  const again = await session.run();
  expect(again).toMatchObject({ unchanged: true, written: [] });

  await project.write(TYPES, typesWith("color?: string;"));
  const edited = await session.run();
  expect(edited.unchanged).toBe(false);
  expect(edited.written).toEqual([project.file(CRD)]);
  expect(await project.read(CRD)).toContain("color:");
});

test("a change the bundler reports is re-read even when mtime and size did not move", async () => {
  // A whole second, so setting it again gives the very same mtime on any file system.
  const when = 1_700_000_000;
  await project.write(TYPES, typesWith("aaaa?: string;"));
  await utimes(project.file(TYPES), when, when);
  await session.run();
  // Same length, same mtime: only the bundler's change event can tell.
  await project.write(TYPES, typesWith("bbbb?: string;"));
  await utimes(project.file(TYPES), when, when);
  expect((await session.run()).unchanged).toBe(true);

  session.markChanged(project.file("src/index.ts")); // not a type file: ignored
  expect((await session.run()).unchanged).toBe(true);
  session.markChanged(project.file(TYPES));
  expect((await session.run()).unchanged).toBe(false);
  expect(await project.read(CRD)).toContain("bbbb:");
});

test("a CRD whose content did not change is not rewritten, even on the first run", async () => {
  await session.run();
  const written = await stat(project.file(CRD));

  // A fresh session (a new build process) finds the same content on disk and leaves it be.
  const fresh = new CrdSession({ entries: [TYPES], cwd: project.dir });
  expect((await fresh.run()).written).toEqual([]);

  // An edit that does not change the schema (a plain comment) writes nothing either.
  await project.write(TYPES, `// a comment\n${await project.read(TYPES)}`);
  const outcome = await fresh.run();
  expect(outcome.unchanged).toBe(false);
  expect(outcome.written).toEqual([]);
  expect((await stat(project.file(CRD))).mtimeMs).toBe(written.mtimeMs);
});

test("an imported file joins the type files; deleting it is an error that keeps the CRD", async () => {
  await project.write("src/api/size.ts", "export type Size = number;\n");
  await project.write(TYPES, `import type { Size } from "./size.js";\n${typesWith("other?: Size;")}`);
  expect((await session.run()).result.ok).toBe(true);
  expect(session.isTypeFile(project.file("src/api/size.ts"))).toBe(true);
  expect(await project.read(CRD)).toContain("other:");

  await rm(project.file("src/api/size.ts"));
  const outcome = await session.run();
  expect(outcome.result.ok).toBe(false);
  expect(outcome.result.diagnostics.map((d) => d.message).join("\n")).toContain("./size.js");
  expect(await project.read(CRD)).toContain("other:");

  // Creating it again is a change too, found with no event (by the files the import would take).
  await project.write("src/api/size.ts", "export type Size = string;\n");
  const back = await session.run();
  expect(back.unchanged).toBe(false);
  expect(back.result.diagnostics).toEqual([]);
  expect(await project.read(CRD)).toMatch(/other:\n\s+type: string/);
});

test("a file an import names is picked up when it is created, in its own folder or as a folder's index", async () => {
  await project.write(TYPES, `import type { Later } from "./later.js";\n${typesWith("later?: Later;")}`);
  expect((await session.run()).result.ok).toBe(false);
  await project.write("src/api/later.ts", "export type Later = boolean;\n");
  const created = await session.run();
  expect(created.result.diagnostics).toEqual([]);
  expect(await project.read(CRD)).toMatch(/later:\n\s+type: boolean/);

  const bundler = { module: "preserve", moduleResolution: "bundler" };
  const config = JSON.parse(await project.read("tsconfig.json")) as { compilerOptions: object };
  await project.write(
    "tsconfig.json",
    JSON.stringify({ ...config, compilerOptions: { ...config.compilerOptions, ...bundler } }),
  );
  await project.write(TYPES, `import type { Deep } from "./deep";\n${typesWith("deep?: Deep;")}`);
  expect((await session.run()).result.ok).toBe(false);
  await mkdir(project.file("src/api/deep"));
  await project.write("src/api/deep/index.ts", "export type Deep = number;\n");
  const indexed = await session.run();
  expect(indexed.result.diagnostics).toEqual([]);
  expect(await project.read(CRD)).toMatch(/deep:\n\s+type: number/);
});

test("a sibling workspace package's declarations, linked into node_modules, are type files: a rebuild of them is seen", async () => {
  // As `tsc -b -w` keeps packages/models/dist/index.d.ts up to date; TypeScript reads it from its
  // real path and calls it an external library all the same.
  const models = "packages/models";
  await mkdir(project.file(`${models}/dist`), { recursive: true });
  await project.write(
    `${models}/package.json`,
    JSON.stringify({ name: "@acme/models", exports: { ".": { types: "./dist/index.d.ts" } } }),
  );
  await project.write(`${models}/dist/index.d.ts`, "export interface Storage { size: string }\n");
  await mkdir(project.file("node_modules/@acme"), { recursive: true });
  await symlink(project.file(models), project.file("node_modules/@acme/models"), "dir");
  await project.write(
    TYPES,
    `import type { Storage } from "@acme/models";\n${typesWith("storage?: Storage;")}`,
  );

  const first = await session.run();
  expect(first.result.diagnostics).toEqual([]);
  const declarations = await realpath(project.file(`${models}/dist/index.d.ts`));
  expect(session.isTypeFile(declarations)).toBe(true);
  expect(await project.read(CRD)).not.toContain("class:");

  await project.write(
    `${models}/dist/index.d.ts`,
    "export interface Storage { size: string; class?: string }\n",
  );
  const rebuilt = await session.run();
  expect(rebuilt.unchanged).toBe(false);
  expect(await project.read(CRD)).toContain("class:");
});

test("an edit of the tsconfig, or of a tsconfig it extends, loads the program again with the new options", async () => {
  const base = JSON.parse(await project.read("tsconfig.json")) as {
    compilerOptions: Record<string, unknown>;
  };
  const withStrict = (strict: boolean) =>
    JSON.stringify({ compilerOptions: { ...base.compilerOptions, strict } }, null, 2);
  await project.write("tsconfig.base.json", withStrict(true));
  await project.write("tsconfig.json", JSON.stringify({ extends: "./tsconfig.base.json", include: ["src"] }));
  // An implicit `any`: an error under `strict` only.
  await project.write(TYPES, `${typesWith("")}export function echo(x) {\n  return x;\n}\n`);

  const strict = await session.run();
  expect(strict.result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("TS7006")]);
  expect(session.typeFiles()).toEqual([
    project.file(TYPES),
    project.file("tsconfig.json"),
    project.file("tsconfig.base.json"),
  ]);

  await project.write("tsconfig.base.json", withStrict(false));
  const relaxed = await session.run();
  expect(relaxed.unchanged).toBe(false);
  expect(relaxed.result.ok).toBe(true);

  await project.write(
    "tsconfig.json",
    JSON.stringify({ compilerOptions: { strict: true }, extends: "./tsconfig.base.json" }),
  );
  expect((await session.run()).result.diagnostics.map((d) => d.message)).toEqual([
    expect.stringContaining("TS7006"),
  ]);
});

test("with a folder as entry, a file created under it is found with no event, and deleting it is a change", async () => {
  const folder = new CrdSession({ entries: ["src/api"], cwd: project.dir });
  expect((await folder.run()).result.crds.map((c) => c.spec.names.kind)).toEqual(["Widget"]);
  const gadget =
    "/** @crd @group example.com @version v1 */\nexport interface Gadget { spec: { on?: boolean } }\n";
  await mkdir(project.file("src/api/more"));
  await project.write("src/api/more/gadget.ts", gadget);
  expect(folder.isTypeFile(project.file("src/api/more/gadget.ts"))).toBe(true);
  expect(folder.isTypeFile(project.file("src/api/more/gadget.d.ts"))).toBe(false);
  const added = await folder.run();
  expect(added.unchanged).toBe(false);
  expect(added.result.crds.map((c) => c.spec.names.kind)).toEqual(["Gadget", "Widget"]);

  await rm(project.file("src/api/more"), { recursive: true });
  const removed = await folder.run();
  expect(removed.unchanged).toBe(false);
  expect(removed.result.crds.map((c) => c.spec.names.kind)).toEqual(["Widget"]);
});

test("a CRD file deleted or edited since the session wrote it is written again by the next run", async () => {
  await session.run();
  const made = await project.read(CRD);

  // Deleted (a `git clean`, an emptied folder), then an edit that leaves the CRD as it was.
  await rm(project.file(CRD));
  await project.write(TYPES, `// a comment\n${await project.read(TYPES)}`);
  expect((await session.run()).written).toEqual([project.file(CRD)]);
  expect(await project.read(CRD)).toBe(made);

  // Edited by hand (or checked out at an older commit).
  await project.write(CRD, made.replace("type: object", "type: string"));
  await project.write(TYPES, `// another\n${await project.read(TYPES)}`);
  expect((await session.run()).written).toEqual([project.file(CRD)]);
  expect(await project.read(CRD)).toBe(made);

  // Left as it was written: not read again, not rewritten.
  await project.write(TYPES, `// a third\n${await project.read(TYPES)}`);
  expect((await session.run()).written).toEqual([]);
});

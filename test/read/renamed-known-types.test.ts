/**
 * An interface that only renames a known type (`interface PodMeta extends V1ObjectMeta {}`) is
 * that type; one that adds a member is read member by member. In watch mode the reading is
 * recorded like any interface's: adding or removing the member switches between the two.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { read } from "../../src/generate.js";
import { loadProgram, refreshProgram, type LoadedProgram } from "../../src/read/program.js";
import { ReadCache } from "../../src/read/read-cache.js";
import type { IrModel } from "../../src/ir/model.js";

/** Stands for @kubernetes/client-node: crdgen knows its classes by name and package. */
const CLIENT_NODE = "/p/node_modules/@kubernetes/client-node/index.d.ts";

const META = "/p/meta.ts";
const RENAMING = `import type { V1ObjectMeta } from "@kubernetes/client-node";
/** Pod metadata. */
export interface PodMeta extends V1ObjectMeta {}
`;
const EXTENDING = RENAMING.replace("{}", "{\n  extra?: string;\n}");

function project(meta: string): { fs: InMemoryFileSystemHost; loaded: LoadedProgram } {
  const fs = new InMemoryFileSystemHost();
  fs.writeFileSync("/p/tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, types: [] } }));
  fs.writeFileSync(
    "/p/node_modules/@kubernetes/client-node/package.json",
    JSON.stringify({ name: "@kubernetes/client-node", types: "index.d.ts" }),
  );
  fs.writeFileSync(
    CLIENT_NODE,
    "export declare class V1ObjectMeta {\n  name?: string;\n  generation?: number;\n}\n",
  );
  fs.writeFileSync(META, meta);
  fs.writeFileSync(
    "/p/root.ts",
    `import type { PodMeta } from "./meta";
/** @crd @group example.com @version v1 */
export interface Root { spec: { meta?: PodMeta; partial?: Partial<PodMeta> } }
`,
  );
  const loaded = loadProgram({ entries: ["root.ts"], cwd: "/p", fileSystem: fs });
  expect(loaded.diagnostics).toEqual([]);
  return { fs, loaded };
}

function podMeta(model: IrModel) {
  return model.definitions.get("PodMeta")!;
}

describe("an interface renaming a known type", () => {
  test("is the known type, with its own doc comment", () => {
    const diagnostics: Diagnostic[] = [];
    const meta = podMeta(read(project(RENAMING).loaded, diagnostics));
    expect(diagnostics).toEqual([]);
    expect(meta.description).toBe("Pod metadata.");
    expect(meta.type).toMatchObject({ kind: "verbatim", schema: { type: "object" } });
    expect(meta.type.kind === "verbatim" && meta.type.schema.properties).toBeUndefined();
  });

  test("with a member of its own, is read member by member", () => {
    const meta = podMeta(read(project(EXTENDING).loaded, []));
    expect(meta.type.kind === "object" && meta.type.properties.map((p) => p.name)).toEqual([
      "extra",
      "name",
      "generation",
    ]);
  });

  test("is read again in watch mode when a member is added or removed", () => {
    const { fs, loaded } = project(RENAMING);
    const cache = new ReadCache();
    read(loaded, [], cache);
    fs.writeFileSync(META, EXTENDING);
    const extended = refreshProgram(loaded, [META]);
    expect(read(extended, [], cache)).toEqual(read(extended, []));
    expect(podMeta(read(extended, [], cache)).type.kind).toBe("object");
    fs.writeFileSync(META, RENAMING);
    const renamed = refreshProgram(extended, [META]);
    expect(read(renamed, [], cache)).toEqual(read(renamed, []));
    expect(podMeta(read(renamed, [], cache)).type.kind).toBe("verbatim");
  });
});

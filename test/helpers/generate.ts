/** Runs the real pipeline on in-memory TypeScript sources. */
import { InMemoryFileSystemHost } from "ts-morph";
import { generate, type GenerateResult } from "../../src/generate.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

export const ENTRY = "/project/types.ts";

export interface Sources {
  [path: string]: string;
}

/** crdgen installed in the project's node_modules, declaring `declarations` (its known types). */
export function installedCrdgen(declarations: string): Sources {
  return {
    "/project/node_modules/crdgen/package.json": JSON.stringify({
      name: "crdgen",
      types: "dist/src/known-types.d.ts",
    }),
    "/project/node_modules/crdgen/dist/src/known-types.d.ts": declarations,
  };
}

export function generateFrom(
  sources: string | Sources,
  options: { typeCheck?: boolean; maxDescriptionLength?: number } = {},
): GenerateResult {
  const files = typeof sources === "string" ? { [ENTRY]: sources } : sources;
  const fileSystem = new InMemoryFileSystemHost();
  for (const [p, text] of Object.entries(files)) fileSystem.writeFileSync(p, text);
  const entry = Object.keys(files)[0]!;
  return generate({
    entries: [entry],
    cwd: "/project",
    fileSystem,
    typeCheck: options.typeCheck ?? true,
    ...(options.maxDescriptionLength !== undefined
      ? { maxDescriptionLength: options.maxDescriptionLength }
      : {}),
  });
}

/** A root declaration around a spec body, for tests that only care about the spec's schema. */
export function withRoot(specBody: string, prelude = ""): string {
  return `${prelude}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget { spec: Spec }
export interface Spec ${specBody}
`;
}

/** The `spec` schema of the single generated CRD; fails loudly with the diagnostics otherwise. */
export function specSchema(sources: string | Sources): JSONSchemaProps {
  const result = generateFrom(sources);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  const schema = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
  return schema.properties!.spec!;
}

export function errorsOf(sources: string | Sources) {
  const result = generateFrom(sources);
  return result.diagnostics.filter((d) => d.severity === "error");
}

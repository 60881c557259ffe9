/**
 * A root's `kind` or `apiVersion` written as string literals (`kind: "postgresql"`), as typed
 * clients write them, must be what the CRD serves: the schema leaves both out (the API server
 * sets and checks them itself), so a literal that differs from the root's `@kind` (or type name)
 * or `@group`/`@version` would go unnoticed, and every manifest written to the type would be
 * refused by the cluster ("no matches for kind ...").
 */
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { dereference, type CrdSettings, type IrDefinition, type IrObject, type IrType } from "../ir/model.js";

/** The string literals a property's type allows (through named aliases); undefined for anything else. */
function literals(type: IrType, definitions: ReadonlyMap<string, IrDefinition>): string[] | undefined {
  const named = dereference(type, definitions);
  return named?.kind === "enum" && named.type === "string" ? named.values.map(String) : undefined;
}

export function checkRootLiterals(
  typeName: string,
  object: IrObject,
  settings: CrdSettings,
  definitions: ReadonlyMap<string, IrDefinition>,
  diagnostics: Diagnostic[],
): void {
  const apiVersion = `${settings.group}/${settings.version}`;
  for (const property of object.properties) {
    if (property.name !== "kind" && property.name !== "apiVersion") continue;
    const values = literals(property.type, definitions);
    if (!values || values.length === 0) continue;
    const want = property.name === "kind" ? settings.kind : apiVersion;
    if (values.includes(want)) continue;
    const written = values.map((v) => JSON.stringify(v)).join(" | ");
    const [only] = values;
    const tagged =
      property.name === "kind"
        ? `the CRD's kind is ${settings.kind}: manifests written to this type would name a kind the CRD does not have`
        : `the root's @group and @version make ${apiVersion}: manifests written to this type would not be of this version`;
    diagnostics.push({
      severity: "error",
      code: codes.rootLiteralMismatch,
      message: `${typeName}.${property.name} is ${written}, but ${tagged}.`,
      ...(property.origin ? { location: property.origin } : {}),
      path: `${typeName}.${property.name}`,
      hint: hintFor(property.name, values.length === 1 ? only : undefined, want),
    });
  }
}

function hintFor(name: "kind" | "apiVersion", literal: string | undefined, want: string): string {
  const fix = `or write ${name}: ${JSON.stringify(want)}`;
  if (literal === undefined) return `write ${name}: ${JSON.stringify(want)}`;
  if (name === "kind") return `add @kind ${literal} to the root, ${fix}`;
  const slash = literal.lastIndexOf("/");
  if (slash <= 0 || slash === literal.length - 1) return `write ${name}: ${JSON.stringify(want)}`;
  return `tag the root @group ${literal.slice(0, slash)} @version ${literal.slice(slash + 1)}, ${fix}`;
}

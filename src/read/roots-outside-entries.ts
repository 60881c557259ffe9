/**
 * `@crd` roots in files the entries import but that are no entries themselves (nor re-exported by
 * one). crdgen makes CRDs of the entries' roots only, so such a root is read as a plain type where
 * it is used and no CRD is made of it: a version file left off the command line, whose CRD would
 * then lose that version. Said as a warning, since generating a subset can be meant.
 */
import type { ts } from "ts-morph";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { docMentions, readDoc } from "./jsdoc.js";
import { nodeLocation } from "./location.js";
import { isRootShaped, rootCandidates, type RootDeclaration } from "./roots.js";
import path from "node:path";

export function reportRootsOutsideEntries(
  program: ts.Program,
  entries: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
  diagnostics: Diagnostic[],
): void {
  const entrySet = new Set<ts.SourceFile>(entries);
  const outside: RootDeclaration[] = [];
  for (const sf of program.getSourceFiles()) {
    // A library's types (node_modules, .d.ts) are not the user's to generate.
    if (entrySet.has(sf) || sf.isDeclarationFile || sf.fileName.includes("/node_modules/")) continue;
    if (!sf.text.includes("@crd")) continue;
    for (const statement of sf.statements)
      if (
        isRootShaped(statement) &&
        docMentions(statement, "@crd") &&
        readDoc(statement).tags.some((t) => t.name === "crd")
      )
        outside.push(statement);
  }
  if (outside.length === 0) return;
  const read = new Set<ts.Node>(rootCandidates(entries, checker));
  for (const decl of outside) {
    if (read.has(decl)) continue;
    const file = path.basename(decl.getSourceFile().fileName);
    diagnostics.push({
      severity: "warning",
      code: codes.rootOutsideEntries,
      message: `${decl.name.text} is tagged @crd, but its file is not among the entries: no CRD is made of it, and where the entries use it, it is a plain type.`,
      location: nodeLocation(decl.name),
      path: decl.name.text,
      hint: `to make its CRD too, pass ${file} as well (or its folder), or re-export it from an entry`,
    });
  }
}

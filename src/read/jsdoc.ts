/**
 * Documentation and tags of a declaration. Tag arguments are cut from the source text
 * rather than taken from the JSDoc parser, which rewrites braces and `@`-containing text
 * (patterns, JSON defaults) that users write verbatim.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import { locationOf } from "./location.js";

export interface RawTag {
  name: string;
  text: string;
  origin: SourceLocation;
}

export interface DocInfo {
  description?: string | undefined;
  tags: RawTag[];
}

const EMPTY: DocInfo = { tags: [] };

/** The JSDoc block written closest to `node` (TypeScript attaches all blocks; the last one wins). */
export function readDoc(node: ts.Node): DocInfo {
  const jsDocs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const doc = jsDocs?.[jsDocs.length - 1];
  if (!doc) return EMPTY;
  const sf = node.getSourceFile();
  const description = cleanDescription(tsApi.getTextOfJSDocComment(doc.comment));
  const tags = (doc.tags ?? []).map((tag) => ({
    name: tag.tagName.text,
    text: tagText(sf.text, tag),
    origin: locationOf(sf, tag.getStart(sf)),
  }));
  return { description, tags };
}

function tagText(source: string, tag: ts.JSDocTag): string {
  const raw = source.slice(tag.tagName.end, tag.end);
  return raw
    .split(/\r?\n/)
    .map((line, i) => (i === 0 ? line : line.replace(/^\s*\*(?!\/)\s?/, "")))
    .join("\n")
    .replace(/\*\/\s*$/, "")
    .trim();
}

function cleanDescription(text: string | undefined): string | undefined {
  const t = text?.replace(/\r\n/g, "\n").trim();
  return t ? t : undefined;
}

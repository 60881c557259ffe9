/** The README's code blocks that a user copies into a project importing crdgen. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./package-root.js";

export interface Snippet {
  file: string;
  code: string;
}

/**
 * The README's code blocks that import crdgen, each in the file its first-line comment names
 * (`// vite.config.ts`), else in a .ts file of its own.
 */
export function readmeSnippets(): Snippet[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```(ts|js)\n([\s\S]*?)^```$/gm)];
  return blocks
    .filter(([, , code]) => /from "crdgen(\/\w+)?"/.test(code!))
    .map(([, lang, code], i) => {
      const named = /^\/\/ ([\w.-]+\.[cm]?[jt]s)\n/.exec(code!);
      return { file: named?.[1] ?? `snippet-${i}.${lang}`, code: code! };
    });
}

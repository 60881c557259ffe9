// @ts-check
/**
 * Bundles the command line (dist/src/cli/main.js, as tsc built it, and every dependency but
 * ts-morph) into one CommonJS file, dist/crdgen.cjs, which bin/crdgen.js loads through crdgen's
 * V8 code cache. Loading ~150 ES modules one by one cost every run ~60 ms; one cached script
 * costs a few. The ES modules stay the package's programmatic API.
 *
 * `import.meta.url` has no meaning in CommonJS: each module's use of it becomes the URL of the
 * module's own file next to the bundle, so paths relative to a module (schemas.json, the
 * package.json, crdgen's known-types module, ts-morph's install) resolve as before.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, "dist");

/** @type {import("esbuild").Plugin} */
const moduleUrls = {
  name: "module-urls",
  setup(b) {
    b.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const own = path.relative(dist, args.path);
      // crdgen's own modules: their file next to the bundle. A dependency (tinyglobby's fdir
      // makes a `require` with it) gets the bundle's own URL, which resolves the same packages.
      const file = own.startsWith("..")
        ? "__filename"
        : `require("node:path").join(__dirname, ${JSON.stringify(own.split(path.sep).join("/"))})`;
      const url = `require("node:url").pathToFileURL(${file}).href`;
      return { contents: source.replaceAll("import.meta.url", url), loader: "js" };
    });
  },
};

const outfile = path.join(dist, "crdgen.cjs");

await build({
  entryPoints: [path.join(dist, "src", "cli", "main.js")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // ts-morph is loaded from its install (TypeScript through the code cache, see read/typescript.ts).
  external: ["ts-morph", "@ts-morph/common"],
  plugins: [moduleUrls],
  logLevel: "warning",
  // Third-party license notices stay in the file (at its end).
  legalComments: "eof",
});

/**
 * The bundle as ASCII. esbuild escapes non-ASCII characters everywhere but in regular expression
 * literals (`µs` of a duration pattern): one such character made V8 hold the whole 1.9 MB source as
 * two-byte text and decode it the slow way, ~7 ms of every run's start. A `\uXXXX` escape of each
 * UTF-16 code unit means the same in a regular expression (with or without the u flag, a pair of
 * surrogate escapes is one code point there), a string or a comment; after a backslash it would
 * not, so that stops the build. (It would not in a tagged template's raw text either, which
 * esbuild leaves as written: test/cli/bundle.test.ts checks the duration patterns.)
 */
const bundled = await readFile(outfile, "utf8");
const ascii = bundled.replace(/[^\x00-\x7f]/g, (c, at) => {
  if (bundled[at - 1] === "\\") throw new Error(`bundle-cli: an escaped non-ASCII character at offset ${at}`);
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
});
if (ascii !== bundled) await writeFile(outfile, ascii);

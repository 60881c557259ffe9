import type { Environment } from "@marcbachmann/cel-js";
import { re2FindAll, re2Test } from "../re2.js";

/**
 * Regular expressions with RE2 semantics: the engine's own `matches` uses JavaScript's RegExp, so
 * compiled expressions have their `matches` calls renamed to `re2Matches` (see engine.ts), plus
 * Kubernetes' regex library (`find`, `findAll`).
 */
export const RE2_MATCHES = "re2Matches";

export function registerRegexLibrary(env: Environment): void {
  env.registerFunction(`string.${RE2_MATCHES}(string): bool`, (s: string, p: string) => re2Test(p, s));
  env.registerFunction(`${RE2_MATCHES}(string, string): bool`, (s: string, p: string) => re2Test(p, s));
  env.registerFunction("string.find(string): string", (s: string, p: string) => re2FindAll(p, s, 1)[0] ?? "");
  env.registerFunction("string.findAll(string): list<string>", (s: string, p: string) =>
    re2FindAll(p, s, -1),
  );
  env.registerFunction("string.findAll(string, int): list<string>", (s: string, p: string, n: bigint) =>
    re2FindAll(p, s, Number(n)),
  );
}

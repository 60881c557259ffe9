import type { Environment } from "@marcbachmann/cel-js";
import { namespace } from "./namespace.js";
import { celEquals } from "./values.js";

/** cel-go's `ext.Sets` (Kubernetes 1.29+): `sets.contains`, `sets.equivalent`, `sets.intersects`. */

function contains(a: readonly unknown[], b: readonly unknown[]): boolean {
  return b.every((x) => a.some((y) => celEquals(x, y)));
}

export function registerSetsLibrary(env: Environment): void {
  namespace(env, "sets", "SetsNamespace");
  env.registerFunction(
    "SetsNamespace.contains(list<A>, list<A>): bool",
    (_: unknown, a: unknown[], b: unknown[]) => contains(a, b),
  );
  env.registerFunction(
    "SetsNamespace.equivalent(list<A>, list<A>): bool",
    (_: unknown, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a),
  );
  env.registerFunction(
    "SetsNamespace.intersects(list<A>, list<A>): bool",
    (_: unknown, a: unknown[], b: unknown[]) => a.some((x) => b.some((y) => celEquals(x, y))),
  );
}

import type { Environment } from "@marcbachmann/cel-js";
import { celCompare, celEquals } from "./values.js";

/** Kubernetes' list library: `isSorted`, `sum`, `min`, `max`, `indexOf`, `lastIndexOf`. */

function extreme(list: readonly unknown[], name: string, sign: 1 | -1): unknown {
  if (list.length === 0) throw new Error(`${name} called on empty list`);
  let best = list[0];
  for (const item of list.slice(1)) if (celCompare(item, best) * sign > 0) best = item;
  return best;
}

export function registerListLibrary(env: Environment): void {
  env.registerFunction("list<A>.isSorted(): bool", (list: unknown[]) =>
    list.every((item, i) => i === 0 || celCompare(list[i - 1], item) <= 0),
  );
  env.registerFunction("list<int>.sum(): int", (list: bigint[]) => list.reduce((a, b) => a + b, 0n));
  env.registerFunction("list<double>.sum(): double", (list: number[]) => list.reduce((a, b) => a + b, 0));
  env.registerFunction("list<A>.min(): A", (list: unknown[]) => extreme(list, "min", -1));
  env.registerFunction("list<A>.max(): A", (list: unknown[]) => extreme(list, "max", 1));
  env.registerFunction("list<A>.indexOf(A): int", (list: unknown[], x: unknown) =>
    BigInt(list.findIndex((item) => celEquals(item, x))),
  );
  env.registerFunction("list<A>.lastIndexOf(A): int", (list: unknown[], x: unknown) => {
    for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], x)) return BigInt(i);
    return -1n;
  });
}

import type { Environment } from "@marcbachmann/cel-js";

/**
 * CEL's namespaced functions (`sets.contains`, `format.named`, `strings.quote`) are methods on a
 * constant whose type only carries those methods; this is how the engine itself does `optional.of`.
 */
export function namespace(env: Environment, name: string, typeName: string): void {
  const Namespace = class {};
  Object.defineProperty(Namespace, "name", { value: typeName });
  env.registerType(typeName, Namespace);
  env.registerConstant(name, typeName, new Namespace());
}

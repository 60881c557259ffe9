/**
 * Hints for the names TypeScript cannot find that a port of Go API types writes: crdgen's own
 * types used without their import (`Time`), Go's package-qualified names (`metav1.LabelSelector`,
 * `corev1.TypedLocalObjectReference`, `metav1.Duration`), and a Kubernetes type looked for in
 * crdgen (`import type { LabelSelector } from "crdgen"`), which `@kubernetes/client-node` has.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./typescript.js";
import { isKubernetesClassName } from "./kubernetes/index.js";
import { crdgenTypeNames } from "./known-types.js";

const CLIENT_NODE = "@kubernetes/client-node";

const CANNOT_FIND_NAME = new Set([2304, 2552]); // Cannot find name 'X'. (Did you mean 'Y'?)
const CANNOT_FIND_NAMESPACE = new Set([2503]); // Cannot find namespace 'metav1'.
const NO_EXPORTED_MEMBER = new Set([2305, 2724]); // Module '"m"' has no exported member ('X' | named 'X').

/**
 * A Go import alias that ends in its API version: `corev1`, `autoscalingv2`, `batchv1beta1`. crdgen
 * knows the stable versions' types only, so an alpha or beta alias gets no hint.
 */
const GO_VERSIONED_ALIAS = /(v\d+)((?:alpha|beta)\d+)?$/;

/** What to write for TypeScript's error `tsCode` (`message`, at `start` of `file`), if crdgen knows. */
export function typeNameHint(
  tsCode: number,
  message: string,
  file: ts.SourceFile | undefined,
  start: number | undefined,
): string | undefined {
  if (CANNOT_FIND_NAME.has(tsCode)) {
    const name = /^Cannot find name '([^']+)'/.exec(message)?.[1];
    return name === undefined ? undefined : unimportedHint(name);
  }
  if (CANNOT_FIND_NAMESPACE.has(tsCode) && file && start !== undefined) {
    const qualified = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)/.exec(file.text.slice(start, start + 200));
    return qualified ? goNameHint(qualified[1]!, qualified[2]!, file) : undefined;
  }
  if (NO_EXPORTED_MEMBER.has(tsCode)) {
    const found = /^Module '"crdgen"' has no exported member (?:named )?'([^']+)'/.exec(message);
    const name = found?.[1];
    if (name === undefined) return undefined;
    const kubernetes = kubernetesClass(name, "V1");
    return kubernetes
      ? `crdgen's own Kubernetes types are ${crdgenList()}: for ${name}, ${clientNodeImport(kubernetes)} and write ${kubernetes}`
      : undefined;
  }
  return undefined;
}

/** `Time`: crdgen's; `V1LabelSelector`, or `LabelSelector` meaning it: @kubernetes/client-node's. */
function unimportedHint(name: string): string | undefined {
  if (crdgenTypeNames.has(name))
    return `${name} is one of crdgen's types: add \`import type { ${name} } from "crdgen";\``;
  if (isKubernetesClassName(name)) return `${clientNodeImport(name)}`;
  const kubernetes = kubernetesClass(name, "V1");
  return kubernetes
    ? `for Kubernetes' ${name}, ${clientNodeImport(kubernetes)} and write ${kubernetes}`
    : undefined;
}

/**
 * `metav1.Time` -> crdgen's `Time`; `corev1.TypedLocalObjectReference` -> `V1TypedLocalObjectReference`.
 * The import is named only when `file` lacks it (a port often imports the type, then pastes Go's name).
 */
function goNameHint(alias: string, name: string, file: ts.SourceFile): string | undefined {
  const written = `${alias}.${name}`;
  if (crdgenTypeNames.has(name))
    return imports(file, name, "crdgen")
      ? `${written} is Go's name: write ${name}, which this file imports`
      : `${written} is Go's name: write ${name}, with \`import type { ${name} } from "crdgen";\``;
  const [, version, prerelease] = GO_VERSIONED_ALIAS.exec(alias) ?? [];
  if (prerelease !== undefined) return undefined;
  const kubernetes = kubernetesClass(
    name,
    version === undefined ? "V1" : version[0]!.toUpperCase() + version.slice(1),
  );
  if (!kubernetes) return undefined;
  return imports(file, kubernetes, CLIENT_NODE)
    ? `${written} is Go's name: write ${kubernetes}, which this file imports`
    : `${written} is Go's name: write ${kubernetes}, and ${clientNodeImport(kubernetes)}`;
}

/**
 * Whether `file` imports `name` from `module` (`import type { Time } from "crdgen"`). Another
 * module's `Time` is another type: the hint then names the import to write.
 */
function imports(file: ts.SourceFile, name: string, module: string): boolean {
  return file.statements.some((statement) => {
    if (!tsApi.isImportDeclaration(statement)) return false;
    const specifier = statement.moduleSpecifier;
    if (!tsApi.isStringLiteral(specifier) || specifier.text !== module) return false;
    const clause = statement.importClause;
    if (!clause) return false;
    if (clause.name?.text === name) return true;
    const bindings = clause.namedBindings;
    return (
      bindings !== undefined &&
      tsApi.isNamedImports(bindings) &&
      bindings.elements.some((element) => element.name.text === name)
    );
  });
}

/** `@kubernetes/client-node`'s class for Kubernetes' type `name` at `version` (`V1`), if it has one. */
function kubernetesClass(name: string, version: string): string | undefined {
  const candidate = `${version}${name}`;
  return isKubernetesClassName(candidate) ? candidate : undefined;
}

function clientNodeImport(name: string): string {
  return `add \`import type { ${name} } from "${CLIENT_NODE}";\` (a dev dependency)`;
}

function crdgenList(): string {
  return [...crdgenTypeNames].filter((n) => /^[A-Z]/.test(n)).join(", ");
}

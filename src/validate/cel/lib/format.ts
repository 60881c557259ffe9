import { Optional } from "@marcbachmann/cel-js";
import type { Environment } from "@marcbachmann/cel-js";
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from "../../dns.js";
import { namespace } from "./namespace.js";

/** Kubernetes' format library (1.31+): `format.dns1123Label().validate(s)`, `format.named(n)`. */
export class NamedFormat {
  constructor(
    readonly name: string,
    readonly check: (value: string) => string[],
  ) {}
}

/** The `...Prefix` formats accept a trailing dash (a generated suffix follows). */
function withoutTrailingDash(validate: (value: string) => string[]): (value: string) => string[] {
  return (value) => validate(value.endsWith("-") ? value.slice(0, -1) : value);
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function single(ok: boolean, message: string): string[] {
  return ok ? [] : [message];
}

const FORMATS: readonly NamedFormat[] = [
  new NamedFormat("dns1123Label", isDNS1123Label),
  new NamedFormat("dns1123Subdomain", isDNS1123Subdomain),
  new NamedFormat("dns1035Label", isDNS1035Label),
  new NamedFormat("qualifiedName", isQualifiedName),
  new NamedFormat("dns1123LabelPrefix", withoutTrailingDash(isDNS1123Label)),
  new NamedFormat("dns1123SubdomainPrefix", withoutTrailingDash(isDNS1123Subdomain)),
  new NamedFormat("dns1035LabelPrefix", withoutTrailingDash(isDNS1035Label)),
  new NamedFormat("labelValue", isValidLabelValue),
  new NamedFormat("uri", (v) => single(URL.canParse(v) || v.startsWith("/"), "invalid URI")),
  new NamedFormat("uuid", (v) => single(UUID.test(v), "does not match the UUID format")),
  new NamedFormat("byte", (v) =>
    single(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v), "invalid base64"),
  ),
  new NamedFormat("date", (v) =>
    single(/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), "invalid date"),
  ),
  new NamedFormat("datetime", (v) =>
    single(
      /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v),
      "invalid datetime",
    ),
  ),
];

export function registerFormatLibrary(env: Environment): void {
  const F = "kubernetes.NamedFormat";
  env.registerType(F, NamedFormat);
  namespace(env, "format", "FormatNamespace");
  for (const format of FORMATS) {
    env.registerFunction(`FormatNamespace.${format.name}(): ${F}`, () => format);
  }
  env.registerFunction(`FormatNamespace.named(string): optional<${F}>`, (_: unknown, name: string) => {
    const found = FORMATS.find((f) => f.name === name);
    return found ? Optional.of(found) : Optional.none();
  });
  env.registerFunction(`${F}.validate(string): optional<list<string>>`, (f: NamedFormat, value: string) => {
    const errors = f.check(value);
    return errors.length === 0 ? Optional.none() : Optional.of(errors);
  });
  env.registerOperator(`${F} == ${F}`, (a: NamedFormat, b: NamedFormat) => a.name === b.name);
}

/**
 * Option parsing for every command, so that each says the same of the same mistake: an unknown
 * option with a did-you-mean, an option without its value shown as `--help` shows it. Node's
 * parseArgs reads the tokens; its own messages (`Option '-o, --out-dir <value>' argument
 * missing`, or a quoted `-- "--formt"` hint) are not shown.
 */
import { parseArgs } from "node:util";
import { didYouMean } from "../tags/suggest.js";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value's name as the help shows it (`dir` for `--out-dir <dir>`). */
  value?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed value of each option given: a string (or several), or true for a flag. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]["type"] extends "string"
    ? O[K]["multiple"] extends true
      ? string[]
      : string
    : boolean;
};

export type ParsedArgs<O extends OptionSpecs> =
  { ok: true; values: OptionValues<O>; positionals: string[] } | { ok: false; message: string };

export function parseCommandLine<O extends OptionSpecs>(args: readonly string[], options: O): ParsedArgs<O> {
  const { tokens } = parseArgs({
    args: [...args],
    options: nodeOptions(options),
    allowPositionals: true,
    // Not strict: every mistake is found here, in the order given, and worded as crdgen words it.
    strict: false,
    tokens: true,
  });
  const values: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    // `""` would resolve to the current folder: every file in it read, checked or compared in its place.
    if (token.kind === "positional" && token.value === "")
      return { ok: false, message: 'an empty argument ("") is no path: a variable that is not set?' };
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (spec === undefined) return { ok: false, message: unknownOption(token.rawName, options) };
    if (spec.type === "boolean") {
      if (token.inlineValue) return { ok: false, message: `${token.rawName} takes no value` };
      values[token.name] = true;
      continue;
    }
    const value = shortInlineValue(token.rawName, token.value, token.inlineValue);
    // `-o --stdout` is an option without its value, not an out-dir named --stdout (strict parseArgs
    // agrees); a negative number is a value, which the option's own check then refuses or takes.
    const dashed = !token.inlineValue && value?.startsWith("-") && value !== "-" && !NEGATIVE.test(value);
    if (value === undefined || value === "" || dashed)
      return { ok: false, message: `${token.rawName} needs a value (${syntax(token.name, spec)})` };
    // Given twice, a single-value option takes the last value, as most tools do: a package
    // script's `-o crds` is overridden by appending (`npm run gen -- -o tmp`).
    const before = values[token.name];
    values[token.name] = spec.multiple ? [...(Array.isArray(before) ? before : []), value] : value;
  }
  return { ok: true, values: values as OptionValues<O>, positionals };
}

const NEGATIVE = /^-\d+(\.\d+)?$/;

/**
 * parseArgs reads `-o=crds` as the value `=crds`: written as `--out-dir=crds` is, it means `crds`
 * (as yargs reads it), never a folder named `=crds`.
 */
function shortInlineValue(
  rawName: string,
  value: string | undefined,
  inline: boolean | undefined,
): string | undefined {
  const short = !rawName.startsWith("--");
  return short && inline && value?.startsWith("=") ? value.slice(1) : value;
}

/** How the help shows an option: `-o, --out-dir <dir>`. */
export function syntax(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : "";
  return `${short}--${name}${spec.type === "string" ? ` <${spec.value ?? "value"}>` : ""}`;
}

function unknownOption(raw: string, options: OptionSpecs): string {
  const name = raw.replace(/^-+/, "");
  const names = Object.keys(options);
  if (!raw.startsWith("--")) {
    // A short option in the other case (`-V`, `-O`): the one it was meant to be.
    const meant = names.find((k) => options[k]!.short?.toLowerCase() === name.toLowerCase());
    return `unknown option ${raw}${meant ? ` (did you mean -${options[meant]!.short}, --${meant}?)` : ""}`;
  }
  // The closest name, the option whose short name it is (`--o` for `-o`), or the one option it
  // begins (`--std` for `--stdout`: crdgen does not take the abbreviations getopt_long takes).
  const prefixed = names.filter((k) => k.startsWith(name));
  const suggestion =
    didYouMean(name, names) ??
    names.find((k) => options[k]!.short === name) ??
    (prefixed.length === 1 ? prefixed[0] : undefined);
  return `unknown option ${raw}${suggestion ? ` (did you mean --${suggestion}?)` : ""}`;
}

type NodeOptions = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

function nodeOptions(options: OptionSpecs): NodeOptions {
  const out: NodeOptions = {};
  for (const [name, { type, short, multiple }] of Object.entries(options))
    out[name] = { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) };
  return out;
}

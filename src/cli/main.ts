/**
 * The `crdgen` command: `crdgen check` and `crdgen diff` live in their own modules; anything
 * else is a generation run (generate.ts).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { didYouMean } from "../tags/suggest.js";
import { runGenerate, USAGE } from "./generate.js";
import { EXIT_ERRORS, unexpectedError, usageError, type CliIo } from "./io.js";

export { guardOutput, setExitCode } from "./output-errors.js";

const COMMANDS = ["check", "diff"];

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === "check") return await (await import("./check.js")).runCheck(rest, io);
    if (command === "diff") return await (await import("./diff.js")).runDiff(rest, io);
    const misspelt = command !== undefined ? misspeltCommand(command, io.cwd) : undefined;
    if (misspelt) {
      const message = `unknown command ${command} (did you mean crdgen ${misspelt}?)`;
      return usageError(io, "crdgen", message, USAGE);
    }
    return await runGenerate(argv, io);
  } catch (e) {
    io.stderr.write(unexpectedError("crdgen", e));
    return EXIT_ERRORS;
  }
}

/**
 * The command a first word was probably meant to be (`chekc`): a word, not an option or a path,
 * close to a command's name and naming no file, which is what a generation run would take it for.
 */
function misspeltCommand(word: string, cwd: string): string | undefined {
  if (word.startsWith("-") || /[./\\]/.test(word)) return undefined;
  // `git help`, `npm help`: the habit of other tools' users, which would read as an entry named help.
  if (word.toLowerCase() === "help") return existsSync(path.resolve(cwd, word)) ? undefined : "--help";
  // didYouMean counts two swapped letters (`chekc`) as two edits: same letters count as near too.
  const letters = (w: string) => [...w.toLowerCase()].sort().join("");
  const suggestion = didYouMean(word, COMMANDS) ?? COMMANDS.find((c) => letters(c) === letters(word));
  return suggestion && !existsSync(path.resolve(cwd, word)) ? suggestion : undefined;
}

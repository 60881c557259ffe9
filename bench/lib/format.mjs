// @ts-check
/**
 * Formats the results markdown with the repo's prettier config, so that a committed
 * bench/RESULTS.md passes `npm run format:check` (and its tables are aligned for the terminal).
 * Prettier is a devDependency; without it the text is returned as it is.
 */

/**
 * @param {string} markdown
 * @param {string} file  where it will be written (selects the config)
 */
export async function formatMarkdown(markdown, file) {
  try {
    const prettier = await import("prettier");
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(markdown, { ...config, filepath: file });
  } catch {
    return markdown;
  }
}

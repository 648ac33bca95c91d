// Parses every .tf (and .tfvars) file of a folder with HashiCorp's HCL parser and prints one JSON object, file name to its
// parsed body. A file that does not parse makes this exit with status 1 and the parser's message (file:line,col).
// Usage: node parse.js DIR
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");

async function main(dir) {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith(".tf") || name.endsWith(".tfvars")).sort();
  const parsed = {};
  for (const name of files) {
    parsed[name] = await parse(name, fs.readFileSync(path.join(dir, name), "utf8"));
  }
  process.stdout.write(JSON.stringify(parsed));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(String(error && error.message ? error.message : error) + "\n");
  process.exit(1);
});

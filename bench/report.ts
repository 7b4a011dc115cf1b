/** `npm run bench:report -- FILE` (or `-` / nothing for standard input): see lib/report.ts. */
import { readFileSync } from "node:fs";
import { report } from "./lib/report.js";

const file = process.argv[2];
process.stdout.write(report(readFileSync(file && file !== "-" ? file : 0, "utf8")));

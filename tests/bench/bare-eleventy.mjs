/**
 * The benchmark's baseline: Eleventy 3 rendering the same Markdown pages with nothing
 * else (no layout, no highlighting, no search index, no link rewriting). Plain
 * JavaScript, as an Eleventy project is usually written: run through a TypeScript
 * loader, Eleventy alone would take about half a second longer, and the baseline would
 * flatter our ratios.
 * Usage: node tests/bench/bare-eleventy.mjs <input> <output>
 */

import { join } from "node:path";
import Eleventy from "@11ty/eleventy";

const [input, output] = process.argv.slice(2);
const eleventy = new Eleventy(input, output, { configPath: join(import.meta.dirname, "bare.eleventy.mjs"), quietMode: true });
await eleventy.write();

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFrontMatter, SOURCE_LINES, SOURCE_PERMALINK } from "../../lib/content/front-matter.ts";

function parse(yaml: string): { data: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  // As gray-matter hands it over: from the newline that ends the opening `---`.
  const data = parseFrontMatter(`\n${yaml}`, (line, message) => problems.push(`${line}: ${message}`));
  delete data[SOURCE_LINES];
  return { data, problems };
}

describe("parseFrontMatter", () => {
  it("reads the Just the Docs keys with their types", () => {
    const { data, problems } = parse("title: M1 - Terminal\nparent: S1\nnav_order: 2.5\nhas_children: true\nsearch_exclude: yes\ndescription: d\n");
    assert.deepEqual(problems, []);
    assert.deepEqual(data, { title: "M1 - Terminal", parent: "S1", nav_order: 2.5, has_children: true, search_exclude: true, description: "d" });
  });
  it("keeps the written permalink aside for the URL rule", () => {
    assert.deepEqual(parse("permalink: /\n").data, { [SOURCE_PERMALINK]: "/" });
  });
  it("reports a nav_order that is not a number at its line and drops it", () => {
    const { data, problems } = parse("title: x\nnav_order: first\n");
    assert.deepEqual(problems, ['3: `nav_order: "first"`: expected a number such as 3 or 2.5.']);
    assert.equal("nav_order" in data, false);
  });
  it("reports YAML syntax errors with the file line", () => {
    const { problems } = parse("title: a: b\n");
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? "", /^2: front matter is not valid YAML: .*\(column \d+\)/);
  });
  it("passes unknown keys through untouched", () => {
    assert.deepEqual(parse("tags: [a, b]\ncustom: 1\n").data, { tags: ["a", "b"], custom: 1 });
  });
});

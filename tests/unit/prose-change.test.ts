/** Which saves the preview may render as one page (lib/content/prose-change.ts). */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { onlyProseChanged } from "../../lib/content/prose-change.ts";

describe("onlyProseChanged", () => {
  const page = "---\ntitle: Docker\nnav_order: 2\n---\n\n# Docker\n\nContainers package a model.\n\n## Images\n\nAn image is built from a Dockerfile.\n";
  it("is true for a change below the first paragraph", () => {
    assert.equal(onlyProseChanged(page, page.replace("built from", "made from")), true);
  });
  it("is true for an exercise ticked or reworded, false for one added (the sidebar counts them)", () => {
    const tasks = `${page}\n- [ ] Build the image\n`;
    assert.equal(onlyProseChanged(tasks, tasks.replace("[ ] Build", "[x] Build")), true);
    assert.equal(onlyProseChanged(tasks, tasks.replace("Build the image", "Build and tag the image")), true);
    assert.equal(onlyProseChanged(tasks, `${tasks}- [ ] Push it\n`), false);
    assert.equal(onlyProseChanged(tasks, `${tasks}- Push it\n`), true);
  });
  it("is true for a heading below the title: no other page shows it (links into it are checked all the same)", () => {
    assert.equal(onlyProseChanged(page, page.replace("## Images", "## Container images")), true);
  });
  it("is true for a change to the first paragraph of a page with a description of its own (shown instead)", () => {
    assert.equal(onlyProseChanged(page, page.replace("package a model", "package models"), true), true);
  });
  it("is false for a change to what other pages show: front matter, the title heading, the first paragraph", () => {
    assert.equal(onlyProseChanged(page, page.replace("nav_order: 2", "nav_order: 3")), false);
    assert.equal(onlyProseChanged(page, page.replace("package a model", "package models")), false);
    assert.equal(onlyProseChanged(page, page.replace("---\n\n# Docker", "---\n\n# Docker engine")), false);
  });
});

/**
 * Sidebar: needs the sidebar view; renders the whole course tree as nested lists,
 * the current page marked with aria-current and its ancestors open. Every branch is
 * in the HTML; the page script collapses closed branches and adds their toggle buttons
 * (to each `.nav-row`, for the list its `aria-controls` names).
 * Recursion as a list + item pair, as in Just the Docs. The markup is kept bare (a leaf
 * is `<li><a>`; styles hang off the sidebar) because it is repeated on every page: at
 * 1,000 modules each byte per item is about 70 KB of the site.
 */

import { posix } from "node:path";
import type { CoursePage } from "../../lib/course/course-model.ts";
import { html, type SafeHtml } from "../../lib/layout/html.ts";
import type { NavNode } from "../../lib/nav/course-nav.ts";
import type { SidebarView } from "../../lib/page/page-view.ts";

export function sidebar(view: SidebarView): SafeHtml {
  return html`<nav class="sidebar" id="sidebar" aria-label="Course">${navList(view.roots, view)}</nav>`;
}

function navList(nodes: readonly NavNode<CoursePage>[], view: SidebarView, id?: string): SafeHtml {
  return html`<ul${id ? html` id="${id}"` : ""}>${nodes.map((n) => navItem(n, view))}</ul>`;
}

/**
 * A branch off the current page's path (closed, not current) reads the same on every page
 * of a folder, its links being relative to the folder: it is made once per folder and
 * course model, not once per page (at 1,000 modules, 69 of a page's 70 items).
 */
const closedBranches = new WeakMap<readonly NavNode<CoursePage>[], Map<string, SafeHtml>>();

function navItem(node: NavNode<CoursePage>, view: SidebarView): SafeHtml {
  if (view.open.has(node.page.url)) return branch(node, view, true);
  const known = closedBranches.get(view.roots) ?? new Map<string, SafeHtml>();
  closedBranches.set(view.roots, known);
  const key = `${posix.dirname(view.current)}\0${node.index}`;
  const markup = known.get(key) ?? branch(node, view, false);
  known.set(key, markup);
  return markup;
}

function branch(node: NavNode<CoursePage>, view: SidebarView, open: boolean): SafeHtml {
  const { url, title } = node.page;
  const current = url === view.current;
  const showChildren = node.children.length > 0 && (view.full || open);
  const listId = `nav-${node.index}`;
  const tasks = node.page.tasks;
  // The progress badge needs the page's URL to find its ticks; other items need no data.
  const link = html`<a href="${view.hrefTo(url)}"${current ? html` aria-current="page"` : ""}>${title}${tasks ? html`<span class="nav-progress" hidden></span>` : ""}</a>`;
  const attributes = html`${open ? html` class="is-open"` : ""}${tasks ? html` data-url="${url}" data-tasks="${tasks}"` : ""}`;
  if (!showChildren) return html`<li${attributes}>${link}</li>`;
  return html`<li${attributes}><div class="nav-row">${link}</div>${navList(node.children, view, listId)}</li>`;
}

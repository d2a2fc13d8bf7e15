/**
 * The course navigation, computed once per build from every page's front matter:
 * the tree (sessions → modules → …), the reading order for previous/next links, and
 * each page's ancestors for breadcrumbs. It follows Just the Docs' rules, so a course
 * written for that theme keeps its sidebar: children name their parent by `title`
 * (`grand_parent` tells apart parents with the same title), siblings sort by
 * `nav_order` and then by title, and pages without `nav_order` come last.
 */

import { closestMatch } from "../text/closest-match.ts";

/** What navigation needs to know about one page. */
export interface NavPage {
  /** Site-relative output path; unique per page. */
  readonly url: string;
  /** Source path relative to the course folder, for messages. */
  readonly source: string;
  readonly title: string;
  readonly navOrder?: number | undefined;
  readonly parent?: string | undefined;
  readonly grandParent?: string | undefined;
  /** The top of the parent chain, to tell parents apart in deep trees (Just the Docs' `ancestor`). */
  readonly ancestor?: string | undefined;
  readonly navExclude?: boolean | undefined;
  /** `desc` reverses the order of this page's children (Just the Docs' `child_nav_order`). */
  readonly childNavOrder?: "asc" | "desc" | undefined;
  readonly description?: string | undefined;
  /** File line of the `parent` key, for messages. */
  readonly parentLine?: number | undefined;
}

export interface NavNode<P extends NavPage = NavPage> {
  readonly page: P;
  readonly parent: NavNode<P> | undefined;
  readonly children: NavNode<P>[];
  /** Position in reading order. */
  index: number;
  /** Nesting depth; top-level pages are 0. */
  readonly depth: number;
}

export interface NavProblem {
  /** Errors break the navigation; warnings leave a page unreachable that the author may have meant to hide. */
  readonly severity: "error" | "warning";
  readonly source: string;
  readonly line?: number | undefined;
  readonly message: string;
}

export interface CourseNav<P extends NavPage = NavPage> {
  /** Top-level entries in order. */
  readonly roots: readonly NavNode<P>[];
  /** Every reachable page in reading order (depth-first, parents before children). */
  readonly order: readonly NavNode<P>[];
  readonly byUrl: ReadonlyMap<string, NavNode<P>>;
  /** Pages left out of the navigation without asking for it, and why. */
  readonly problems: readonly NavProblem[];
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Sibling order: `nav_order` ascending, then title; pages without `nav_order` after those with one. */
export function compareSiblings(a: NavPage, b: NavPage): number {
  const ao = a.navOrder;
  const bo = b.navOrder;
  if (ao !== undefined && bo !== undefined && ao !== bo) return ao - bo;
  if (ao !== undefined && bo === undefined) return -1;
  if (ao === undefined && bo !== undefined) return 1;
  return collator.compare(a.title, b.title) || collator.compare(a.url, b.url);
}

const normalTitle = (title: string): string => title.trim();

/** Builds the navigation tree, reading order and problems from all pages of a course. */
export function buildCourseNav<P extends NavPage>(pages: readonly P[]): CourseNav<P> {
  const problems: NavProblem[] = [];
  const byTitle = new Map<string, P[]>();
  for (const page of pages) {
    const key = normalTitle(page.title);
    const list = byTitle.get(key);
    if (list) list.push(page);
    else byTitle.set(key, [page]);
  }

  // Resolve each page's parent page (by title, narrowed by grand_parent).
  const parentOf = new Map<P, P>();
  for (const page of pages) {
    if (page.parent === undefined) continue;
    const parent = findParent(page, byTitle, problems);
    if (parent) parentOf.set(page, parent);
  }

  // A parent chain that loops would make the tree infinite: cut it and say where.
  const looping = new Set<P>();
  for (const page of pages) {
    const seen = new Set<P>([page]);
    for (let p = parentOf.get(page); p; p = parentOf.get(p)) {
      if (seen.has(p)) {
        if (p === page) {
          looping.add(page);
          const chain = [...seen].map((s) => `"${s.title}"`).join(" → ");
          problems.push({
            severity: "error",
            source: page.source,
            line: page.parentLine,
            message: `the parent chain loops: ${chain} → "${page.title}". Change one \`parent\` so the chain ends at a top-level page.`,
          });
        }
        break;
      }
      seen.add(p);
    }
  }

  const childrenOf = new Map<P | undefined, P[]>();
  for (const page of pages) {
    if (page.navExclude || looping.has(page)) continue;
    if (page.parent !== undefined && !parentOf.has(page)) continue;
    const parent = parentOf.get(page);
    const list = childrenOf.get(parent);
    if (list) list.push(page);
    else childrenOf.set(parent, [page]);
  }

  const byUrl = new Map<string, NavNode<P>>();
  const order: NavNode<P>[] = [];
  const grow = (page: P, parent: NavNode<P> | undefined, depth: number): NavNode<P> => {
    const node: NavNode<P> = { page, parent, children: [], index: order.length, depth };
    order.push(node);
    byUrl.set(page.url, node);
    for (const child of sortedChildren(childrenOf.get(page), page.childNavOrder)) {
      node.children.push(grow(child, node, depth + 1));
    }
    return node;
  };
  const roots = sortedChildren(childrenOf.get(undefined), "asc").map((page) => grow(page, undefined, 0));

  // Children of a parent that is itself excluded are built but unreachable.
  for (const page of pages) {
    if (page.navExclude || byUrl.has(page.url) || looping.has(page)) continue;
    const parent = parentOf.get(page);
    if (parent && !byUrl.has(parent.url)) {
      problems.push({
        severity: "warning",
        source: page.source,
        line: page.parentLine,
        message: `no navigation reaches this page: its parent "${parent.title}" is not in the navigation (nav_exclude?). Set \`nav_exclude: true\` here too, or include the parent.`,
      });
    }
  }
  return { roots, order, byUrl, problems };
}

function sortedChildren<P extends NavPage>(list: P[] | undefined, direction: "asc" | "desc" | undefined): P[] {
  const sorted = [...(list ?? [])].sort(compareSiblings);
  return direction === "desc" ? sorted.reverse() : sorted;
}

function findParent<P extends NavPage>(page: P, byTitle: Map<string, P[]>, problems: NavProblem[]): P | undefined {
  const wanted = normalTitle(page.parent ?? "");
  const candidates = (byTitle.get(wanted) ?? []).filter((p) => p !== page);
  if (candidates.length === 0) {
    const hint = closestMatch(wanted, byTitle.keys());
    problems.push({
      severity: "error",
      source: page.source,
      line: page.parentLine,
      message: `\`parent: ${page.parent}\` matches no page title${hint ? `; did you mean "${hint}"?` : "."} The page is built but left out of the navigation.`,
    });
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  let narrowed = candidates;
  if (page.grandParent !== undefined) {
    const grand = normalTitle(page.grandParent);
    narrowed = narrowed.filter((c) => c.parent !== undefined && normalTitle(c.parent) === grand);
    if (narrowed.length === 1) return narrowed[0];
  }
  // Just the Docs' `ancestor` names the top of the chain, for trees deeper than three levels.
  if (page.ancestor !== undefined) {
    const top = normalTitle(page.ancestor);
    narrowed = narrowed.filter((c) => [c.parent, c.grandParent, c.ancestor].some((t) => t !== undefined && normalTitle(t) === top));
    if (narrowed.length === 1) return narrowed[0];
  }
  const where = candidates.map((c) => c.source).join(", ");
  problems.push({
    severity: "error",
    source: page.source,
    line: page.parentLine,
    message: `\`parent: ${page.parent}\` matches ${candidates.length} pages (${where}). Add \`grand_parent\` with the title of the right one's parent.`,
  });
  return undefined;
}

/** A navigation given as a tree (MkDocs' `nav`) rather than by each page's `parent`. */
export interface NavTreeEntry<P extends NavPage> {
  readonly page: P;
  readonly children: readonly NavTreeEntry<P>[];
}

/** The navigation of an explicit tree; a page listed twice is kept where it first appears. */
export function navFromTree<P extends NavPage>(entries: readonly NavTreeEntry<P>[]): CourseNav<P> {
  const byUrl = new Map<string, NavNode<P>>();
  const order: NavNode<P>[] = [];
  const grow = (list: readonly NavTreeEntry<P>[], parent: NavNode<P> | undefined, depth: number): NavNode<P>[] =>
    list.flatMap((entry) => {
      if (byUrl.has(entry.page.url)) return [];
      const node: NavNode<P> = { page: entry.page, parent, children: [], index: order.length, depth };
      order.push(node);
      byUrl.set(entry.page.url, node);
      node.children.push(...grow(entry.children, node, depth + 1));
      return [node];
    });
  return { roots: grow(entries, undefined, 0), order, byUrl, problems: [] };
}

/** The pages before and after `url` in reading order. */
export function neighbours<P extends NavPage>(nav: CourseNav<P>, url: string): { previous?: NavNode<P> | undefined; next?: NavNode<P> | undefined } {
  const node = nav.byUrl.get(url);
  if (!node) return {};
  return { previous: nav.order[node.index - 1], next: nav.order[node.index + 1] };
}

/** The chain of ancestors of `url`, outermost first (the page itself excluded). */
export function ancestors<P extends NavPage>(nav: CourseNav<P>, url: string): NavNode<P>[] {
  const chain: NavNode<P>[] = [];
  for (let n = nav.byUrl.get(url)?.parent; n; n = n.parent) chain.unshift(n);
  return chain;
}

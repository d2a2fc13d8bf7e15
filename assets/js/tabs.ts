/**
 * Content tabs as WAI-ARIA tabs: a tablist of buttons, arrow keys (and Home/End) move
 * between them. The chosen label is remembered, so every set on this page and on the
 * next ones that has a "Windows" tab shows Windows after a student picks it once.
 */

const KEY = "coursesite-tabs";
let sets = 0;

function preferences(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

function remember(label: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([label, ...preferences().filter((l) => l !== label)].slice(0, 20)));
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

interface TabSet {
  tabs: HTMLButtonElement[];
  panels: HTMLElement[];
}

function select(set: TabSet, index: number, focus: boolean): void {
  set.tabs.forEach((tab, i) => {
    const selected = i === index;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    const panel = set.panels[i];
    if (panel) panel.hidden = !selected;
  });
  if (focus) set.tabs[index]?.focus();
}

function enhance(container: HTMLElement, all: TabSet[]): TabSet | undefined {
  const panels = [...container.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.classList.contains("tab-panel"));
  if (panels.length === 0) return undefined;
  const id = `tabs-${++sets}`;
  const list = document.createElement("div");
  list.className = "tab-list";
  list.setAttribute("role", "tablist");
  const tabs = panels.map((panel, i) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `${id}-tab-${i}`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", `${id}-panel-${i}`);
    tab.textContent = panel.dataset.label ?? `Tab ${i + 1}`;
    panel.id = `${id}-panel-${i}`;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    panel.tabIndex = 0;
    list.append(tab);
    return tab;
  });
  container.prepend(list);
  container.classList.add("is-enhanced");
  const set: TabSet = { tabs, panels };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => {
      const label = tab.textContent ?? "";
      remember(label);
      for (const other of all) {
        const match = other.tabs.findIndex((t) => t.textContent === label);
        if (other === set) select(set, i, false);
        else if (match >= 0) select(other, match, false);
      }
    });
  });
  list.addEventListener("keydown", (event) => {
    const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(set, next, true);
  });
  return set;
}

export function enableTabs(): void {
  const all: TabSet[] = [];
  for (const container of document.querySelectorAll<HTMLElement>(".tabbed")) {
    const set = enhance(container, all);
    if (set) all.push(set);
  }
  const preferred = preferences();
  for (const set of all) {
    const labels = set.tabs.map((t) => t.textContent);
    const byPreference = preferred.map((p) => labels.indexOf(p)).find((i) => i >= 0);
    const byAuthor = set.panels.findIndex((p) => p.hasAttribute("data-selected"));
    select(set, byPreference ?? Math.max(byAuthor, 0), false);
  }
}

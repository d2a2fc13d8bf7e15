/**
 * Exercise checkboxes: ticks are remembered per page in the browser, and the sidebar
 * shows how many exercises of each page are done ("3/7"). Pages are keyed by their
 * path in the site, so progress is the same whether the site is served or read from disk.
 */

const PREFIX = "coursesite-tasks:";

interface Progress {
  done: string[];
}

function load(page: string): Progress {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + page) ?? "{}") as Partial<Progress>;
    return { done: Array.isArray(stored.done) ? stored.done.filter((d) => typeof d === "string") : [] };
  } catch {
    return { done: [] };
  }
}

function save(page: string, progress: Progress): void {
  try {
    localStorage.setItem(PREFIX + page, JSON.stringify(progress));
  } catch {
    // Storage off: ticks last until the page is left.
  }
}

function showInSidebar(): void {
  for (const item of document.querySelectorAll<HTMLElement>(".sidebar li[data-tasks]")) {
    const total = Number(item.dataset.tasks);
    const badge = item.querySelector<HTMLElement>(":scope > a > .nav-progress, :scope > .nav-row > a > .nav-progress");
    if (!badge || !total || !item.dataset.url) continue;
    const done = Math.min(load(item.dataset.url).done.length, total);
    badge.hidden = done === 0;
    badge.textContent = `${done}/${total}`;
    const words = document.createElement("span");
    words.className = "visually-hidden";
    words.textContent = " exercises done";
    badge.append(words);
    badge.classList.toggle("is-complete", done === total);
  }
}

export function enableExerciseProgress(): void {
  const page = document.querySelector<HTMLElement>("article[data-page]")?.dataset.page;
  const boxes = [...document.querySelectorAll<HTMLInputElement>(".task-checkbox")];
  if (page && boxes.length > 0) {
    const { done } = load(page);
    for (const box of boxes) {
      if (done.includes(box.id)) box.checked = true;
      box.addEventListener("change", () => {
        save(page, { done: boxes.filter((b) => b.checked).map((b) => b.id) });
        showInSidebar();
      });
    }
  }
  showInSidebar();
}

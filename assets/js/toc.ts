/** The "On this page" contents: open beside the page on wide screens, one closed line above it on narrow ones. */

export function enableToc(): void {
  const details = document.querySelector<HTMLDetailsElement>(".toc-details");
  if (!details) return;
  const wide = window.matchMedia("(min-width: 75.01rem)");
  const summary = details.querySelector("summary");
  const apply = (): void => {
    details.open = wide.matches;
    // Beside the page the summary is a title, not a control: keep it out of the tab order.
    if (summary) summary.tabIndex = wide.matches ? -1 : 0;
  };
  apply();
  wide.addEventListener("change", apply);
  // Beside the page, the summary is only a title: it does not close the list.
  summary?.addEventListener("click", (event) => {
    if (wide.matches) event.preventDefault();
  });
}

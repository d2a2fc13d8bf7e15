/**
 * Images that open large: a link around a content image opens the full-size image in a
 * modal <dialog> (Escape or the close button closes it, and focus returns to the link).
 * Without JavaScript the link simply opens the image file.
 */

export function enableLightbox(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>(".content a.lightbox-link");
  if (links.length === 0) return;
  const dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", "Image");
  const bar = document.createElement("div");
  bar.className = "lightbox-bar";
  const caption = document.createElement("span");
  const close = document.createElement("button");
  close.type = "button";
  close.className = "icon-button";
  close.setAttribute("aria-label", "Close image");
  close.textContent = "✕";
  bar.append(caption, close);
  const image = document.createElement("img");
  dialog.append(bar, image);
  document.body.append(dialog);

  let opener: HTMLElement | null = null;
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    image.removeAttribute("src");
    opener?.focus();
  });
  for (const link of links) {
    link.addEventListener("click", (event) => {
      const thumbnail = link.querySelector("img");
      if (!thumbnail || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      opener = link;
      image.src = link.href;
      image.alt = thumbnail.alt;
      caption.textContent = thumbnail.alt;
      dialog.setAttribute("aria-label", thumbnail.alt || "Image");
      dialog.showModal();
      close.focus();
    });
  }
}

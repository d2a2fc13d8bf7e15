/** Copy buttons on code blocks: copy the block's text, and say so on the button and to screen readers. */

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs a secure context; pages opened from disk may not have it.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** A polite live region, so "Copied" is announced to screen readers too. */
function announcer(): HTMLElement {
  let region = document.getElementById("copy-status");
  if (!region) {
    region = document.createElement("div");
    region.id = "copy-status";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    document.body.append(region);
  }
  return region;
}

export function enableCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>(".copy-code")) {
    const code = button.parentElement?.querySelector("pre code");
    if (!code) continue;
    button.hidden = false;
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", async () => {
      // Annotation numbers are links added to the code, not part of it.
      const copy = code.cloneNode(true) as HTMLElement;
      for (const marker of copy.querySelectorAll(".code-annotation")) marker.remove();
      const ok = await copyText((copy.textContent ?? "").replace(/ +$/gm, ""));
      button.textContent = ok ? "Copied" : "Copy failed";
      button.setAttribute("aria-label", ok ? "Copied to clipboard" : "Copy failed");
      announcer().textContent = ok ? "Code copied to clipboard" : "Copying the code failed";
      button.classList.add("is-done");
      window.setTimeout(() => {
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy code to clipboard");
        button.classList.remove("is-done");
      }, 2000);
    });
  }
}

/** Copy buttons on code blocks: copy the block's text, and say so on the button and to screen readers. */

import { makeElement } from "./make-element.ts";

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

/** A copy button on each code block, before its <pre> (where a block's title is above it). */
export function enableCopyButtons(): void {
  for (const block of document.querySelectorAll<HTMLElement>(".code-block")) {
    const pre = block.querySelector(":scope > pre");
    const code = pre?.querySelector("code");
    if (!pre || !code) continue;
    const button = makeElement<HTMLButtonElement>('<button type="button" class="copy-code" aria-label="Copy code to clipboard">Copy</button>');
    pre.before(button);
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

/** An element from markup of our own (constant strings and icons: never page or reader text). */
export function makeElement<T extends Element = HTMLElement>(markup: string): T {
  const template = document.createElement("template");
  template.innerHTML = markup;
  const element = template.content.firstElementChild;
  if (!element) throw new Error(`no element in ${markup}`);
  return element as T;
}

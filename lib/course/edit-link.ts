/** "Edit this page" links: the address of a source file in the repository's web editor. */

export interface RepositoryLocation {
  /** Web address of the repository, e.g. https://github.com/org/course. */
  readonly url: string;
  readonly branch: string;
  /** "edit" opens the web editor; "view" shows the file. */
  readonly edit_mode?: "edit" | "view" | undefined;
}

/** The editor URL for `pathInRepository` (POSIX, relative to the repository root); GitLab's form for gitlab hosts. */
export function editUrl(repository: RepositoryLocation, pathInRepository: string): string {
  const base = repository.url.replace(/\/+$/, "").replace(/\.git$/, "");
  const path = pathInRepository.split("/").map(encodeURIComponent).join("/");
  const branch = encodeURIComponent(repository.branch);
  const verb = repository.edit_mode === "view" ? "blob" : "edit";
  return /\bgitlab\b/i.test(new URL(base).hostname) ? `${base}/-/${verb}/${branch}/${path}` : `${base}/${verb}/${branch}/${path}`;
}

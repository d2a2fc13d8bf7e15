/** "Edit this page" links: the address of a source file in the repository's web editor. */

export interface RepositoryLocation {
  /** Web address of the repository, e.g. https://github.com/org/course. */
  readonly url: string;
  readonly branch: string;
}

/** The editor URL for `pathInRepository` (POSIX, relative to the repository root); GitLab's form for gitlab hosts. */
export function editUrl(repository: RepositoryLocation, pathInRepository: string): string {
  const base = repository.url.replace(/\/+$/, "").replace(/\.git$/, "");
  const path = pathInRepository.split("/").map(encodeURIComponent).join("/");
  const branch = encodeURIComponent(repository.branch);
  return /\bgitlab\b/i.test(new URL(base).hostname) ? `${base}/-/edit/${branch}/${path}` : `${base}/edit/${branch}/${path}`;
}

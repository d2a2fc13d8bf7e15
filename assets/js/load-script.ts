/**
 * Loads a script by a <script> tag: what works from disk (file://), where fetch and
 * modules do not. Resolves once it has run; what it hands over, it hands through the window.
 */
export function loadScript(url: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${name} could not be loaded`));
    document.head.append(script);
  });
}

/** Command-line options of `npm run build` / `npm start`. */

export interface CliOptions {
  readonly input: string;
  readonly output: string;
  readonly serve: boolean;
  readonly port: number;
  /** undefined: as the course settings say (strict by default). */
  readonly strict: boolean | undefined;
  readonly quiet: boolean;
  readonly help: boolean;
  /** Build an archived edition into <output>/archive/<label>, beside the current site. */
  readonly archive?: string | undefined;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run build -- [options]      build the course once
       npm start -- [options]          live preview with reload on save

Options:
  --input <folder>    course folder to build (default: content)
  --output <folder>   where to write the site (default: _site)
  --no-strict         report problems as warnings instead of failing the build
  --strict            fail on problems even if course.yml says strict: false
  --archive <label>   build this course as an archived edition into <output>/archive/<label>
                      (e.g. --archive 2026), beside the current site
  --port <number>     preview port (default: 8080)
  --quiet             print only problems and the summary
  --help              show this help`;

/** Parses argv (without node and script); throws UsageError with a message that says what to type instead. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options = {
    input: "content",
    output: "_site",
    serve: false,
    port: 8080,
    strict: undefined as boolean | undefined,
    quiet: false,
    help: false,
    archive: undefined as string | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${name} needs a value, e.g. ${name} ${name === "--port" ? "8080" : "path/to/folder"}`);
      return v;
    };
    switch (name) {
      case "--input":
        options.input = value();
        break;
      case "--output":
        options.output = value();
        break;
      case "--serve":
        options.serve = true;
        break;
      case "--port": {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError("--port needs a number between 1 and 65535");
        options.port = port;
        break;
      }
      case "--archive": {
        const label = value();
        if (!/^[A-Za-z0-9][\w.-]*$/.test(label))
          throw new UsageError(`--archive needs a label of letters, digits, dots or hyphens, e.g. --archive 2026 (got "${label}")`);
        options.archive = label;
        break;
      }
      case "--strict":
        options.strict = true;
        break;
      case "--no-strict":
        options.strict = false;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}. Run with --help for the list.`);
    }
  }
  return options;
}

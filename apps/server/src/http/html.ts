const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Marks a string as already-safe HTML, so `html` does not escape it again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = string | number | SafeHtml | ReadonlyArray<SafeHtml> | null | undefined;

/** Tagged template that escapes every interpolated value unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    if (value instanceof SafeHtml) out += value.value;
    else if (Array.isArray(value)) out += value.map((part: SafeHtml) => part.value).join("");
    else if (value !== null && value !== undefined) out += escapeHtml(String(value));
    out += strings[i + 1] ?? "";
  });
  return new SafeHtml(out);
}

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

/** Escapes text and turns http(s) URLs into links (the dev inbox shows mail bodies this way). */
export function linkify(text: string): SafeHtml {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0];
    out += escapeHtml(text.slice(last, match.index));
    out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  out += escapeHtml(text.slice(last));
  return new SafeHtml(out);
}

export const STYLESHEET_PATH = "/_server/site.css";

/** A whole page in the server's own plain style (no scripts: the CSP forbids inline ones anyway). */
export function page(options: { title: string; body: SafeHtml }): string {
  return `<!doctype html>${
    html`<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`.value
  }`;
}

/** Styles for the server's own pages (landing, inbox, errors), served as a file for the CSP. */
export const SITE_CSS = `
:root { color-scheme: light; font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui, sans-serif; line-height: 1.7; color: #1a1a1c; background: #f8f8fb; }
body { margin: 0; }
main { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.4; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
a { color: #0017c1; text-underline-offset: 0.2em; }
a:focus-visible { outline: 3px solid #f8a900; outline-offset: 2px; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); padding: 0; list-style: none; }
.card { background: #fff; border: 1px solid #d8d8dd; border-radius: 8px; padding: 1rem 1.25rem; }
.card h2 { margin-top: 0; }
.muted { color: #595959; font-size: 0.9rem; }
.notice { background: #fff4e5; border-left: 4px solid #f8a900; padding: 0.75rem 1rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d8d8dd; padding: 0.5rem 0.75rem; text-align: left; vertical-align: top; }
th { background: #f1f1f4; white-space: nowrap; }
pre.mail { white-space: pre-wrap; word-break: break-word; background: #fff; border: 1px solid #d8d8dd; padding: 1rem; font-family: inherit; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #eeeef2; padding: 0 0.25em; border-radius: 3px; }
`;

import { Fragment, type ReactNode } from "react";

/**
 * The published rule (Markdown from @sos/rules' ALLOCATION_RULE_TEXT_JA) as
 * elements: the few forms it uses and nothing else — headings, paragraphs,
 * numbered items with bullets under them, indented code, **strong** and
 * `code`. Built as React elements, never as HTML, so no text can become markup.
 */

type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "code"; text: string }
  | { kind: "ordered"; items: { text: string; bullets: string[] }[] };

/** **strong** and `code` inside a line. */
function inline(text: string): ReactNode {
  const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).filter((part) => part !== "");
  return parts.map((part, i) => {
    const key = `${i}:${part}`;
    if (part.startsWith("**")) return <strong key={key}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("`")) return <code key={key}>{part.slice(1, -1)}</code>;
    return <Fragment key={key}>{part}</Fragment>;
  });
}

export function ruleBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const line of markdown.split("\n")) {
    const last = blocks[blocks.length - 1];
    const heading = /^(#{1,2}) (.*)$/.exec(line);
    const item = /^\d+\. (.*)$/.exec(line);
    const bullet = /^ {3}- (.*)$/.exec(line);
    if (line.trim() === "") continue;
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1] === "#" ? 1 : 2, text: heading[2] ?? "" });
    } else if (item) {
      const entry = { text: item[1] ?? "", bullets: [] };
      if (last?.kind === "ordered") last.items.push(entry);
      else blocks.push({ kind: "ordered", items: [entry] });
    } else if (bullet && last?.kind === "ordered") {
      last.items[last.items.length - 1]?.bullets.push(bullet[1] ?? "");
    } else if (line.startsWith("    ")) {
      if (last?.kind === "code") last.text += `\n${line.slice(4)}`;
      else blocks.push({ kind: "code", text: line.slice(4) });
    } else {
      blocks.push({ kind: "paragraph", text: line });
    }
  }
  return blocks;
}

/** The rule's text under the page's own heading: its # is an h3, its ## an h4. */
export function RuleText({ markdown }: { markdown: string }) {
  return (
    <div className="open-rule">
      {ruleBlocks(markdown).map((block, i) => {
        const key = `${i}`;
        switch (block.kind) {
          case "heading":
            return block.level === 1 ? (
              <h3 key={key}>{inline(block.text)}</h3>
            ) : (
              <h4 key={key}>{inline(block.text)}</h4>
            );
          case "paragraph":
            return <p key={key}>{inline(block.text)}</p>;
          case "code":
            return (
              <pre key={key}>
                <code>{block.text}</code>
              </pre>
            );
          case "ordered":
            return (
              <ol key={key}>
                {block.items.map((entry) => (
                  <li key={entry.text}>
                    {inline(entry.text)}
                    {entry.bullets.length > 0 && (
                      <ul>
                        {entry.bullets.map((text) => (
                          <li key={text}>{inline(text)}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            );
        }
        return null;
      })}
    </div>
  );
}

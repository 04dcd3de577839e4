export interface CaddySite {
  address: string;
  /** The block's lines, trimmed, comments dropped, snippets it imports written out in place. */
  directives: string[];
}

/**
 * The site blocks of a Caddyfile, read line by line: enough for deploy/Caddyfile (top-level blocks open with
 * `… {` at the start of a line and close with `}` alone), not a parser of every Caddyfile there can be.
 */
export function caddySites(text: string): CaddySite[] {
  const blocks: { head: string; body: string[] }[] = [];
  let open: { head: string; body: string[] } | undefined;
  let depth = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    if (!open) {
      const head = /^(.*?)\s*\{$/.exec(line);
      if (!head) throw new Error(`Caddyfile: a line outside any block: ${line}`);
      open = { head: head[1]!, body: [] };
      depth = 1;
      continue;
    }
    depth += count(line, '{') - count(line, '}');
    if (depth === 0) {
      blocks.push(open);
      open = undefined;
    } else {
      open.body.push(line.trim());
    }
  }
  if (open) throw new Error(`Caddyfile: block ${open.head} is not closed`);

  const snippets = new Map(blocks.filter((b) => /^\(.+\)$/.test(b.head)).map((b) => [b.head.slice(1, -1), b.body]));
  const expand = (body: string[]): string[] => body.flatMap((d) => {
    const name = /^import (\S+)$/.exec(d)?.[1];
    return name && snippets.has(name) ? expand(snippets.get(name)!) : [d];
  });
  return blocks
    .filter((b) => b.head !== '' && !snippets.has(b.head.slice(1, -1)))
    .map((b) => ({ address: b.head, directives: expand(b.body) }));
}

function count(line: string, char: string): number {
  return line.split(char).length - 1;
}

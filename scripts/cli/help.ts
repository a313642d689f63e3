/**
 * The help pages are Markdown (help/cli.md, help/cli/<command>.md), readable on GitHub; the
 * terminal gets them rendered as plain text for an 80-column screen: headings, wrapped
 * paragraphs and lists, code blocks indented, tables as aligned columns, no Markdown marks.
 */

const WIDTH = 80;

/** `code`, **bold**, [text](url) and escaped pipes, as plain text. */
function inline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\\|/g, '|');
}

/** Wraps words to the width; `first` starts the first line, `rest` the others. */
function wrap(text: string, first: string, rest = ' '.repeat(first.length)): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => inline(c.trim()));
}

/** Two columns side by side when the first is narrow, else each row as a small block. */
function table(rows: string[]): string[] {
  const body = rows.filter((r) => !/^\s*\|?\s*:?-{3,}/.test(r)).map(cells);
  const [head, ...data] = body;
  const out: string[] = [];
  const firstWidth = Math.max(...data.map((r) => r[0].length));
  if (head.length === 2 && firstWidth <= 34) {
    const indent = '  ';
    const pad = firstWidth + 2;
    for (const [a, b] of data) {
      if (a.length + indent.length + 2 > WIDTH) out.push(indent + a);
      out.push(...wrap(b, `${indent}${a.padEnd(pad)}`, ' '.repeat(indent.length + pad)));
    }
    return out;
  }
  for (const row of data) {
    out.push(...wrap(row[0], '  '));
    row.slice(1).forEach((cell, i) => {
      if (cell === '') return;
      // A second column is the row's description; further ones say what they are.
      const label = i > 0 && head[i + 1] ? `${head[i + 1]}: ` : '';
      out.push(...wrap(`${label}${cell}`, '      '));
    });
  }
  return out;
}

export function renderHelp(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r/g, '').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(...wrap(inline(paragraph.join(' ')), ''));
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) out.push(`  ${lines[i]}`);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      const rows: string[] = [];
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) rows.push(lines[i]);
      i--;
      out.push(...table(rows));
      continue;
    }
    const heading = /^(#+)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      const text = inline(heading[2]);
      out.push(heading[1].length === 1 ? text : text.toUpperCase());
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      // A list item runs on over its indented continuation lines.
      const parts = [item[3]];
      while (
        i + 1 < lines.length &&
        /^\s{2,}\S/.test(lines[i + 1]) &&
        !/^\s*([-*]|\d+\.)\s/.test(lines[i + 1])
      ) {
        parts.push(lines[++i].trim());
      }
      const bullet = `${'  '.repeat(1 + Math.floor(item[1].length / 2))}${item[2]} `;
      out.push(...wrap(inline(parts.join(' ')), bullet));
      continue;
    }
    if (line.trim() === '') {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

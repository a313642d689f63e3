/** One sample of a family: its own labels (",name=\"v\"" or "") and its value. */
export type Sample = [labels: string, value: number];

/** A label value escaped for the text format: backslash, double quote and newline. */
export const labelValue = (v: string): string =>
  v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/**
 * Prometheus text exposition (version 0.0.4), shared by the relay, the splitter and the mixer
 * so escaping and layout have one owner. `base` labels (already escaped) lead every sample.
 */
export function exposition(base: string) {
  const lines: string[] = [];
  return {
    metric: (name: string, type: 'gauge' | 'counter', help: string, rows: Sample[]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of rows) lines.push(`${name}{${base}${labels}} ${value}`);
    },
    text: (): string => `${lines.join('\n')}\n`,
  };
}

/** One JSON object per line on stdout: Azure Container Instances keeps stdout as the log. */
export type LogFields = Record<string, string | number | boolean | undefined>;

export function log(level: 'info' | 'warn' | 'error', msg: string, fields: LogFields = {}): void {
  process.stdout.write(
    `${JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields })}\n`,
  );
}

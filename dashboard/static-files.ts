/** The page and its assets, read once at start: there is no build step and no user path. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

const FILES: Readonly<Record<string, [string, string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/api.js': ['api.js', 'text/javascript; charset=utf-8'],
  '/dom.js': ['dom.js', 'text/javascript; charset=utf-8'],
  '/form.js': ['form.js', 'text/javascript; charset=utf-8'],
  '/run-view.js': ['run-view.js', 'text/javascript; charset=utf-8'],
  '/state.js': ['state.js', 'text/javascript; charset=utf-8'],
  '/status-view.js': ['status-view.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
};

export function loadStaticFiles(
  dir: string = path.join(__dirname, 'static'),
): Map<string, StaticFile> {
  const out = new Map<string, StaticFile>();
  for (const [route, [file, type]] of Object.entries(FILES)) {
    out.set(route, { type, body: fs.readFileSync(path.join(dir, file)) });
  }
  return out;
}

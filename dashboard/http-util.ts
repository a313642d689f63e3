/** Small HTTP helpers shared by the routes: JSON in and out, and errors that carry a status. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error the client caused or must know about; its message is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One problem with a submitted field; never carries the submitted value of a secret. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function badInput(problems: readonly FieldProblem[]): ApiError {
  const first = problems[0];
  return new ApiError(400, 'bad-input', `${first.field}: ${first.message}`, {
    field: first.field,
    problems,
  });
}

/** Request bodies are a few keys and names; anything larger is a mistake or an attack. */
const MAX_BODY_BYTES = 16 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  // A cross-site HTML form cannot send application/json, so this also narrows CSRF.
  if (type !== 'application/json') {
    throw new ApiError(415, 'unsupported-media-type', 'send the request body as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(413, 'too-large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'bad-json', 'request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'bad-json', 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.status, { error: { code: err.code, message: err.message, ...err.extra } });
}

import { ExitCode, ExitCodeValue, FieldProblem, LockHolder, RunError } from './types';

/** A failure the engine knows how to explain: one line, a hint, an exit code. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly hint?: string,
    readonly extra: {
      problems?: readonly string[];
      fieldProblems?: readonly FieldProblem[];
      holder?: LockHolder;
    } = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function badInput(
  message: string,
  hint?: string,
  problems?: readonly string[],
  fieldProblems?: readonly FieldProblem[],
): EngineError {
  return new EngineError('bad-input', message, ExitCode.badInput, hint, {
    problems,
    ...(fieldProblems ? { fieldProblems } : {}),
  });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Turns anything thrown into a RunError; unknown errors keep their stack for --debug. */
export function toRunError(err: unknown): { error: RunError; exitCode: ExitCodeValue } {
  if (err instanceof EngineError) {
    return {
      exitCode: err.exitCode,
      error: {
        code: err.code,
        message: err.message,
        hint: err.hint,
        ...err.extra,
        stack: err.stack,
      },
    };
  }
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    stack?: string;
    cause?: { code?: string };
  };
  const message = firstLine(e?.message ?? String(err));
  const code = e?.code ?? e?.cause?.code;
  if (
    e?.name === 'CredentialUnavailableError' ||
    e?.name === 'AuthenticationRequiredError' ||
    /AADSTS\d+|az login|token.*expired/i.test(message)
  ) {
    return {
      exitCode: ExitCode.prerequisite,
      error: {
        code: 'azure-login',
        message: `Azure login missing or expired: ${message}`,
        hint: 'run `az login` (or set AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_CLIENT_SECRET) and retry',
        stack: e?.stack,
      },
    };
  }
  if (
    (code && NETWORK_CODES.has(code)) ||
    /fetch failed|getaddrinfo|socket hang up/i.test(message)
  ) {
    return {
      exitCode: ExitCode.network,
      error: {
        code: 'network',
        message: `network failure: ${message}${code ? ` (${code})` : ''}`,
        hint: 'check the connection (VPN, proxy, DNS) and retry',
        stack: e?.stack,
      },
    };
  }
  return {
    exitCode: ExitCode.failed,
    error: {
      code: 'failed',
      message,
      hint: 'the log file has the details; --debug shows the stack trace',
      stack: e?.stack,
    },
  };
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? text
  );
}

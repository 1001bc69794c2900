import pino, { type Logger } from 'pino';

/**
 * Errors as logged: a failed query's message carries its parameter values (names, numbers, phones), so they are cut
 * off; the SQL text and the database error code stay, which is what an operator needs.
 */
export function safeError(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string; code?: string; stack?: string; cause?: unknown };
  const strip = (s: string | undefined) => (s ?? '').replace(/\nparams:[\s\S]*$/, '\nparams: [not logged]');
  const cause = e?.cause as { message?: string; code?: string } | undefined;
  return {
    type: e?.name ?? typeof err,
    message: strip(e?.message ?? String(err)),
    ...(e?.code ? { code: e.code } : {}),
    ...(cause ? { cause: { message: cause.message, code: cause.code } } : {}),
    stack: strip(e?.stack),
  };
}

/** The server's logger: request secrets redacted, no personal data from failed queries. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: ['*.password', '*.newPassword', '*.currentPassword', 'req.headers.authorization', 'req.headers.cookie'],
    serializers: { err: safeError },
  });
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { errorStatus, MutuaError } from '../errors.js';
import { type Locale, translate } from '../i18n.js';

export interface ErrorBody {
  code: string;
  message: string;
  problems?: Array<{ field: string; message: string }>;
}

/** The one REST error mapping: MutuaError → its status; framework 4xx kept as 4xx with a clear message; else 500. */
export function restError(err: unknown, locale: Locale, logger: Logger): { status: number; body: ErrorBody } {
  if (err instanceof MutuaError) {
    return {
      status: errorStatus(err.code),
      body: {
        code: err.code,
        message: translate(locale, err.key, err.params),
        ...(err.problems.length
          ? {
              problems: err.problems.map((p) => ({
                field: p.field,
                message: translate(locale, p.key, { field: p.field, ...p.params }),
              })),
            }
          : {}),
      },
    };
  }
  const fe = err as FastifyError & {
    validation?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }>;
  };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return {
      status: 413,
      body: { code: 'TOO_LARGE', message: translate(locale, 'kernel.error.tooLarge', { limit: '1 MiB' }) },
    };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && fe.statusCode === 400)) {
    return { status: 400, body: { code: 'BAD_INPUT', message: translate(locale, 'kernel.error.badJson') } };
  }
  if (fe.validation) {
    const problems = fe.validation.map((v) => {
      const extra = v.params?.additionalProperty ? `/${String(v.params.additionalProperty)}` : '';
      const field =
        `${v.instancePath}${extra}`.replace(/^\//, '').replace(/\//g, '.') || (fe.validationContext ?? 'body');
      return { field, message: `${field}: ${v.message ?? 'invalid'}` };
    });
    return {
      status: 400,
      body: {
        code: 'BAD_INPUT',
        message: translate(locale, 'kernel.error.invalidRequest', {
          detail: problems.map((p) => p.message).join('; '),
        }),
        problems,
      },
    };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { code: 'BAD_INPUT', message: translate(locale, 'kernel.error.invalidRequest', { detail: fe.message }) },
    };
  }
  logger.error({ err }, 'unexpected error');
  return { status: 500, body: { code: 'INTERNAL', message: translate(locale, 'kernel.error.internal') } };
}

export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply, locale: Locale): FastifyReply {
  const { status, body } = restError(err, locale, req.log as unknown as Logger);
  return reply.status(status).send(body);
}

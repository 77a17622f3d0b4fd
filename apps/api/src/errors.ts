import { ERRORS, type ErrorCode, errorBody } from '@bedrock/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';

/** Throw anywhere; the one error handler below answers with `errorBody(code)` and the code's status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, fields?: Record<string, string>) {
    super(ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.fields = fields;
  }
}

// Fastify's own errors that are the client's fault, mapped to our codes.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'ERR_BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'ERR_BAD_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'ERR_BAD_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'ERR_BODY_TOO_LARGE',
  FST_ERR_BAD_URL: 'ERR_NOT_FOUND',
  FST_ERR_NOT_FOUND: 'ERR_NOT_FOUND',
};

type Validation = NonNullable<FastifyError['validation']>;

/** `{ username: 'Use at least 3 characters.' }` from Fastify/zod validation issues. */
export function fieldMessages(validation: Validation, context?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of validation) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = (issue.params as { missingProperty?: unknown } | undefined)?.missingProperty;
    const key = path || (typeof missing === 'string' ? missing : context || 'body');
    fields[key] ??= issue.message ?? 'This value is not valid.';
  }
  return fields;
}

function classify(error: FastifyError): { code: ErrorCode; fields?: Record<string, string> } {
  if (error instanceof AppError) return { code: error.code, ...(error.fields ? { fields: error.fields } : {}) };
  if (error.validation)
    return { code: 'ERR_VALIDATION', fields: fieldMessages(error.validation, error.validationContext) };
  if (error.code && FASTIFY_CODES[error.code]) return { code: FASTIFY_CODES[error.code]! };
  // Proto-poisoned JSON and similar parser refusals arrive as plain 400s.
  if (error.statusCode === 400 && error instanceof SyntaxError) return { code: 'ERR_BAD_JSON' };
  if (error.statusCode === 429) return { code: 'ERR_RATE_LIMITED' };
  if (error.statusCode === 405) return { code: 'ERR_METHOD_NOT_ALLOWED' };
  if (error.statusCode === 404) return { code: 'ERR_NOT_FOUND' };
  if (error.statusCode === 413) return { code: 'ERR_BODY_TOO_LARGE' };
  if (error.statusCode === 415) return { code: 'ERR_UNSUPPORTED_MEDIA_TYPE' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { code: 'ERR_VALIDATION' };
  return { code: 'ERR_INTERNAL' };
}

/** The single error handler: every failure becomes `{ error: { code, message, fields? } }`. */
export function errorHandler(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { code, fields } = classify(error);
  const status = ERRORS[code].status;
  if (status >= 500) {
    // Internals go to the log only, never into the body.
    const kind = isResponseSerializationError(error) ? 'response serialization failed' : 'unhandled error';
    request.log.error({ err: error }, kind);
  } else if (!(error instanceof AppError)) {
    request.log.info({ code, reason: error.code ?? error.name }, 'request refused');
  }
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, fields));
}

export function notFoundHandler(_request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).type('application/json; charset=utf-8').send(errorBody('ERR_NOT_FOUND'));
}

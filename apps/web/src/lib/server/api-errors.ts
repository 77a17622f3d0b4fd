import { ERRORS, type ErrorCode, errorBodySchema } from '@bedrock/shared';

/** What a form shows after the API refused: one sentence at the top and a message per field. */
export interface FormError {
  status: number;
  code: ErrorCode;
  message: string;
  fields: Record<string, string>;
}

export function formError(code: ErrorCode, fields: Record<string, string> = {}): FormError {
  return { status: ERRORS[code].status, code, message: ERRORS[code].message, fields };
}

// Statuses whose body was not one of ours (a proxy's page, a crash) still get a kind sentence.
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'ERR_UNAUTHENTICATED';
  if (status === 403) return 'ERR_FORBIDDEN';
  if (status === 404) return 'ERR_NOT_FOUND';
  if (status === 413) return 'ERR_BODY_TOO_LARGE';
  if (status === 429) return 'ERR_RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'ERR_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'ERR_VALIDATION';
  return 'ERR_INTERNAL';
}

/**
 * Turns an API error response into form errors. The body is trusted only if it parses as the shared
 * error schema; the status passed on is always a 4xx/5xx so SvelteKit's `fail()` accepts it.
 */
export function toFormError(status: number, body: unknown): FormError {
  const httpStatus = status >= 400 && status <= 599 ? status : 500;
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { ...formError(codeForStatus(httpStatus)), status: httpStatus };
  const { code, message, fields } = parsed.data.error;
  return { status: httpStatus, code, message, fields: fields ?? {} };
}

import { errorBodySchema } from '@bedrock/shared';
import type { z } from 'zod';

/**
 * A route's response schemas: the success shapes given, plus the error body for every 4xx/5xx, so the
 * serializer is an allowlist for every status.
 */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, '4xx': errorBodySchema, '5xx': errorBodySchema };
}

import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The serializer for the forum's page reads: the same zod allowlist as everywhere, checked with
 * `safeParse` instead of `safeEncode`. For a schema without codecs or transforms (these response
 * schemas have none) both give the same output, but zod compiles parse into a fast path, which saves a
 * large share of a 50-post page's serialization. A schema that is not plain must not use this.
 */
export function pageSerializer({ schema, method, url }: { schema: unknown; method: string; url: string }) {
  if (!(schema instanceof z.ZodType)) throw new Error(`${method} ${url}: a page serializer needs a zod schema`);
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

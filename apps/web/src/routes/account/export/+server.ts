import { accountExportSchema, EXPORT_FILENAME } from '@bedrock/shared';
import { error, redirect } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/**
 * "Download my data" as a plain link (works without JavaScript): the API's export, fetched with the
 * member's own cookie, handed on as a file. Indented, since a person may open it in a text editor.
 */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const result = await createApi(event).get('/api/account/export', accountExportSchema);
  if (!result.ok) {
    if (result.error.status === 401) redirect(303, '/login');
    error(result.error.status, { message: result.error.message, code: result.error.code });
  }
  return new Response(`${JSON.stringify(result.data, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${EXPORT_FILENAME}"`,
      'cache-control': 'no-store',
    },
  });
};

/** The API's session cookie (see apps/api/src/auth/sessions.ts); the web server only forwards it. */
export const SESSION_COOKIE = 'bedrock_session';

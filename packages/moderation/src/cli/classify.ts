// pnpm --silent classify: JSON Lines {"id","text"} on stdin → one {"id","labels","flags"} line per input
// line on stdout, in order. A malformed line yields {"id":null,"error":"…"} and processing continues.
import { createInterface } from 'node:readline';
import { classify } from '../classify.ts';

function handle(line: string): string {
  if (line.trim() === '') return JSON.stringify({ id: null, error: 'The line is empty.' });
  let parsed: unknown;
  try {
    // A UTF-8 byte-order mark (Windows editors) is not part of the JSON.
    parsed = JSON.parse(line.replace(/^\uFEFF/, ''));
  } catch {
    return JSON.stringify({ id: null, error: 'The line is not valid JSON.' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return JSON.stringify({ id: null, error: 'The line must be a JSON object with "id" and "text".' });
  }
  const { id, text } = parsed as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') {
    return JSON.stringify({ id: null, error: 'The "text" field must be a string.' });
  }
  if (id === undefined) {
    return JSON.stringify({ id: null, error: 'The "id" field is missing.' });
  }
  const { labels, flags } = classify(text);
  return JSON.stringify({ id, labels, flags });
}

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  // Written line by line so an interactive caller gets each answer at once.
  process.stdout.write(`${handle(line)}\n`);
}

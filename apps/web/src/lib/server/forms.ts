import { fail } from '@sveltejs/kit';
import type { FormError } from './api-errors.ts';

/** What every form action returns on failure. Passwords are never echoed back. */
export interface FormFailure {
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
  /** Which form on the page failed, where a page has several. */
  action?: string;
}

export function failWith(error: FormError, values: Record<string, string> = {}, action?: string) {
  const body: FormFailure = { message: error.message, fields: error.fields, values, ...(action ? { action } : {}) };
  return fail(error.status, body);
}

/** A text field from a form post; a missing or file field reads as ''. */
export function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

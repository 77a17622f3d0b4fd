import { type ActionRequest, reviewActionSchema } from '@bedrock/shared';

/** The form fields a queue action posts; every value is a string from FormData. */
export interface ActionFields {
  action: string;
  reason: string;
  note: string;
  hours: string;
  days: string;
  removeContent: string;
}

function positiveInt(value: string): number | undefined {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) ? n : undefined;
}

/**
 * A queue form post as an ActionRequest; null when the action is not one we know. Limits and the
 * "reason required" rule stay the API's to judge, so the moderator sees its one clear message.
 */
export function toActionRequest(fields: ActionFields): ActionRequest | null {
  const action = reviewActionSchema.safeParse(fields.action);
  if (!action.success) return null;
  const request: ActionRequest = { action: action.data };
  if (fields.reason.trim()) request.reason = fields.reason.trim();
  if (fields.note.trim()) request.note = fields.note.trim();
  if (action.data === 'mute') {
    const hours = positiveInt(fields.hours);
    if (hours !== undefined) request.hours = hours;
  }
  if (action.data === 'suspend') {
    const days = positiveInt(fields.days);
    if (days !== undefined) request.days = days;
  }
  if (fields.removeContent === 'on') request.removeContent = true;
  return request;
}

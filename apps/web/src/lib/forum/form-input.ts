import {
  CONTENT_WARNINGS,
  type ContentWarningCategory,
  type ContentWarningInput,
  type ReportReason,
  REPORT_REASONS,
} from '@bedrock/shared';

/**
 * Turns the forum's plain HTML forms into API request bodies. The API validates every field with the
 * shared schemas; this only maps form shapes (checkboxes, an empty select) onto JSON, and catches the
 * one mistake the API cannot see: warning text written without choosing a category.
 */

function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

function isCategory(value: string): value is ContentWarningCategory {
  return (CONTENT_WARNINGS as readonly string[]).includes(value);
}

export function isReportReason(value: string): value is ReportReason {
  return (REPORT_REASONS as readonly string[]).includes(value);
}

/** What the composer sends back to itself after a refusal, so nothing the member wrote is lost. */
export interface ComposerValues {
  title: string;
  body: string;
  anonymous: boolean;
  cwCategory: string;
  cwText: string;
}

export type ComposerInput =
  | {
      ok: true;
      values: ComposerValues;
      title: string;
      body: string;
      anonymous: boolean;
      contentWarning: ContentWarningInput | null;
    }
  | { ok: false; values: ComposerValues; fields: Record<string, string> };

export function composerInput(data: FormData): ComposerInput {
  const values: ComposerValues = {
    title: text(data, 'title'),
    body: text(data, 'body'),
    anonymous: data.get('anonymous') === 'on' || data.get('anonymous') === 'yes',
    cwCategory: text(data, 'cwCategory'),
    cwText: text(data, 'cwText'),
  };
  const category = values.cwCategory.trim();
  const warningText = values.cwText.trim();

  if (category === '' && warningText !== '') {
    return {
      ok: false,
      values,
      fields: { 'contentWarning.category': 'Choose what the warning is about, or clear the warning text.' },
    };
  }
  if (category !== '' && !isCategory(category)) {
    return { ok: false, values, fields: { 'contentWarning.category': 'Choose one of the listed warnings.' } };
  }
  const contentWarning: ContentWarningInput | null =
    category === '' ? null : { category, ...(warningText ? { text: warningText } : {}) };
  return { ok: true, values, title: values.title, body: values.body, anonymous: values.anonymous, contentWarning };
}

/** Values as strings for `failWith()`, which echoes them back to the page. */
export function composerValuesRecord(values: ComposerValues): Record<string, string> {
  return {
    title: values.title,
    body: values.body,
    anonymous: values.anonymous ? 'on' : '',
    cwCategory: values.cwCategory,
    cwText: values.cwText,
  };
}

export function reportInput(data: FormData): { reason: string; note?: string } {
  const note = text(data, 'note').trim();
  return { reason: text(data, 'reason'), ...(note ? { note } : {}) };
}

export function verificationInput(data: FormData) {
  return {
    situation: text(data, 'situation'),
    foundVia: text(data, 'foundVia'),
    // The shared schema wants literally `true` and words the refusal kindly when it is not.
    agreeToGuidelines: data.get('agreeToGuidelines') === 'yes',
  };
}

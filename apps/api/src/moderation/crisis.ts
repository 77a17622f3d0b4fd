import { type CrisisPanel, crisisResourceSchema } from '@bedrock/shared';
import { z } from 'zod';
import { CRISIS_MESSAGE, CRISIS_RESOURCES } from '../chat/crisis.ts';
import type { Config } from '../config.ts';

/**
 * The calm panel an author sees when their words signal risk. Each deployment sets its own text and
 * helplines (CRISIS_MESSAGE, CRISIS_RESOURCES as JSON); the defaults do not depend on a country.
 */
export function crisisPanel(config: Pick<Config, 'CRISIS_MESSAGE' | 'CRISIS_RESOURCES'>): CrisisPanel {
  let resources = CRISIS_RESOURCES;
  if (config.CRISIS_RESOURCES) {
    const parsed = z.array(crisisResourceSchema).min(1).safeParse(safeJson(config.CRISIS_RESOURCES));
    if (!parsed.success)
      throw new Error('Invalid configuration: CRISIS_RESOURCES must be a JSON list of {name, contact, note}.');
    resources = parsed.data;
  }
  return { message: config.CRISIS_MESSAGE ?? CRISIS_MESSAGE, resources };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

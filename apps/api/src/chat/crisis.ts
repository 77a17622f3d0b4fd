import type { z } from 'zod';
import type { crisisResourceSchema } from '@bedrock/shared';

// Shown calmly, to the author only. Deployments will configure these (moderation issue); until then
// international defaults that do not depend on the member's country.
export const CRISIS_MESSAGE =
  'It sounds like things are very heavy right now. Your message was shared. If you are in danger or thinking of ending your life, please reach out to someone now — you deserve support.';

export const CRISIS_RESOURCES: z.infer<typeof crisisResourceSchema>[] = [
  {
    name: 'Emergency services',
    contact: 'Your local emergency number (112 in the EU, 911 in the US, 999 in the UK)',
    note: 'If you are in immediate danger.',
  },
  {
    name: 'Find a Helpline',
    contact: 'https://findahelpline.com',
    note: 'Free, confidential crisis lines in your country.',
  },
  { name: '988 Suicide & Crisis Lifeline (US)', contact: 'Call or text 988', note: 'Any time, day or night.' },
  { name: 'Samaritans (UK & Ireland)', contact: '116 123', note: 'Any time, day or night.' },
];

import { createHmac } from 'node:crypto';

// A per-room pseudonym: stable for one member within one room, unlinkable across rooms, and derived
// from the server secret so no client can compute it. TODO(forum): switch to the forum's function.
const ADJECTIVES = [
  'Quiet',
  'Gentle',
  'Steady',
  'Brave',
  'Calm',
  'Kind',
  'Bright',
  'Patient',
  'Hopeful',
  'Warm',
  'Soft',
  'Clear',
  'Still',
  'Golden',
  'Silver',
  'Quiet',
  'Wild',
  'Tender',
  'Bold',
  'Wise',
];
const NOUNS = [
  'Heron',
  'Willow',
  'River',
  'Sparrow',
  'Cedar',
  'Harbor',
  'Meadow',
  'Fern',
  'Otter',
  'Lark',
  'Maple',
  'Finch',
  'Birch',
  'Robin',
  'Brook',
  'Aspen',
  'Wren',
  'Pine',
  'Dove',
  'Clover',
];

export function roomAlias(secret: string, roomId: string, userId: string): string {
  const digest = createHmac('sha256', secret).update(`chat-room:${roomId}:${userId}`).digest();
  const adjective = ADJECTIVES[digest.readUInt16BE(0) % ADJECTIVES.length];
  const noun = NOUNS[digest.readUInt16BE(2) % NOUNS.length];
  return `${adjective} ${noun} ${(digest.readUInt16BE(4) % 90) + 10}`;
}

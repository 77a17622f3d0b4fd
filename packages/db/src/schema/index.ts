export * from './accounts.ts';
export * from './chat.ts';
export * from './forum.ts';
export * from './moderation.ts';

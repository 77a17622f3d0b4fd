export * from './errors.ts';
export * from './auth.ts';
export * from './account.ts';
export * from './moderation.ts';
export * from './chat.ts';
export * from './forum.ts';
export * from './review.ts';

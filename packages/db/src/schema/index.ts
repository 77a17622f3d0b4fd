export * from './accounts.ts';
export * from './chat.ts';

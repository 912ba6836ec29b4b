// Moved to lib/markup, where the notification detail reads titles too; kept so the inbox's imports stand.
export * from '../../../lib/markup/title-markup.ts';

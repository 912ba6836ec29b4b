import { createContext, use, type ReactNode } from 'react';

/**
 * Actions another feature puts on a page (the inbox's Dismiss, Snooze, Previous and Next on a notification's page):
 * the app provides them around the route, the page shows them where they belong, after its way back.
 */
export const PageActionsContext = createContext<ReactNode>(null);

export function PageActions() {
  return use(PageActionsContext);
}

import { useEffect } from 'react';

/**
 * Titles the browser's tab for the page shown: "Snoozed", a notification's item, a feed's item, "Sign in". Null
 * while the page does not know it yet (the item still loading): the tab keeps what it had.
 */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

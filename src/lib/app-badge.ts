/**
 * The unread count on the installed app's icon (`navigator.setAppBadge`), where the browser has it; elsewhere
 * nothing happens. Null or 0 clears it.
 */
export function setAppBadge(count: number | null): void {
  const badging = navigator as Navigator & {
    setAppBadge?: (count?: number) => Promise<void>;
    clearAppBadge?: () => Promise<void>;
  };
  try {
    if (count && count > 0) void badging.setAppBadge?.(count)?.catch(() => {});
    else void badging.clearAppBadge?.()?.catch(() => {});
  } catch {
    // Not allowed here (an insecure origin, a frame): the tab title and favicon still show the count.
  }
}

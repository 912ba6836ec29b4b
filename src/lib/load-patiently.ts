/**
 * A part of the app's code, downloaded after the first screen, asked for again every few seconds until it arrives
 * (the connection dropped, the server restarting): it never fails, so a part still on its way waits instead of
 * taking the page down. What was asked of it meanwhile waits with it.
 */
export function loadPatiently<T>(load: () => Promise<T>, retryMs = 2000): Promise<T> {
  return load().catch(
    () =>
      new Promise<T>((resolve) => setTimeout(() => resolve(loadPatiently(load, retryMs)), retryMs)),
  );
}

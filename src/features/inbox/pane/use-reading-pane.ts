import { useCallback, useEffect, useRef } from 'react';
import {
  inboxAddress,
  notificationAddress,
  openedFromList,
  readOpenParam,
  returningToRow,
  type InboxView,
} from '../../../lib/addresses.ts';
import { useMediaQuery } from '../../../lib/use-media-query.ts';
import { useLocation, useNavigate } from 'react-router';

/** From this width the detail opens beside the list; below it, on a page of its own. */
export const PANE_MEDIA_QUERY = '(min-width: 1024px)';

/**
 * The reading pane's address: the notification open beside the list is `open=ID` in the list's own address
 * (filters kept), so reload, back/forward and a shared link show the same notification in the same list.
 * Opening from the list pushes an entry; moving to the next or previous one replaces it. Below 1024 px an
 * address with `open=` becomes that notification's own page, whose way back is this list.
 */
export function useReadingPane(view: InboxView) {
  const wide = useMediaQuery(PANE_MEDIA_QUERY);
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(search);
  const openId = readOpenParam(params);
  /** The list's address without the pane: where the way back from a full page leads. */
  const listHref = inboxAddress(view, params, null);

  const show = useCallback(
    (id: string, { replace = false }: { replace?: boolean } = {}) =>
      navigate(inboxAddress(view, new URLSearchParams(search), id), { replace }),
    [navigate, view, search],
  );
  const close = useCallback(
    () => navigate(inboxAddress(view, new URLSearchParams(search), null)),
    [navigate, view, search],
  );

  // Narrower than 1024 px with a notification open: a shared link opened on a phone becomes that notification's
  // page (with the way back to the list); a window narrowed with the pane open keeps its list, the pane closed.
  const wasWide = useRef(wide);
  useEffect(() => {
    const narrowed = wasWide.current && !wide;
    wasWide.current = wide;
    if (wide || !openId || typeof window.matchMedia !== 'function') return;
    if (narrowed) navigate(listHref, { replace: true, state: returningToRow(openId) });
    else
      navigate(notificationAddress(openId), {
        replace: true,
        state: openedFromList(listHref, openId),
      });
  }, [wide, openId, navigate, listHref]);

  return { wide, openId: wide ? openId : null, listHref, pathname, show, close };
}

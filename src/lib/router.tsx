/**
 * The app's router: the part of react-router's API the app uses (BrowserRouter, MemoryRouter, Routes/Route with
 * `:param` and `*` paths, Link, NavLink, useLocation, useNavigate, useParams, useSearchParams), over the History
 * API in about 2 KB instead of react-router's 13 KB (docs/decisions/007-our-own-router.md).
 */
import {
  Children,
  createContext,
  isValidElement,
  use,
  useCallback,
  useMemo,
  useState,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** What the navigation that made this entry carried (`navigate(to, { state })`, `<Link state>`). */
  state: unknown;
  /** Different for every entry, so the same address visited twice is two locations. */
  key: string;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

interface History {
  location: () => Location;
  navigate: (to: string, options?: NavigateOptions) => void;
  subscribe: (listener: () => void) => () => void;
}

let keys = 0;
const nextKey = () => `${Date.now().toString(36)}-${(keys++).toString(36)}`;

/** An address split into its parts, resolved against the current one (`?a=1` keeps the path). */
function parts(to: string, base: Location): Pick<Location, 'pathname' | 'search' | 'hash'> {
  const url = new URL(to, `http://app${base.pathname}${base.search}`);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

const href = (location: Pick<Location, 'pathname' | 'search' | 'hash'>) =>
  `${location.pathname}${location.search}${location.hash}`;

function browserHistory(): History {
  const listeners = new Set<() => void>();
  const read = (): Location => {
    const entry = (window.history.state ?? {}) as { usr?: unknown; key?: unknown };
    return {
      pathname: window.location.pathname,
      search: window.location.search,
      hash: window.location.hash,
      state: entry.usr ?? null,
      key: typeof entry.key === 'string' ? entry.key : 'default',
    };
  };
  let current = read();
  const update = () => {
    current = read();
    for (const listener of listeners) listener();
  };
  return {
    location: () => current,
    navigate(to, { replace = false, state = null } = {}) {
      const entry = { usr: state, key: nextKey() };
      const address = href(parts(to, current));
      if (replace) window.history.replaceState(entry, '', address);
      else window.history.pushState(entry, '', address);
      update();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener('popstate', update);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('popstate', update);
      };
    },
  };
}

function memoryHistory(initial: string): History {
  const listeners = new Set<() => void>();
  const start: Location = { pathname: '/', search: '', hash: '', state: null, key: 'default' };
  let current: Location = { ...start, ...parts(initial, start) };
  return {
    location: () => current,
    navigate(to, { state = null } = {}) {
      current = { ...parts(to, current), state, key: nextKey() };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface RouterValue {
  location: Location;
  navigate: History['navigate'];
}

const RouterContext = createContext<RouterValue | null>(null);
const ParamsContext = createContext<Readonly<Record<string, string>>>({});

function Router({ history, children }: { history: History; children: ReactNode }) {
  const location = useSyncExternalStore(history.subscribe, history.location, history.location);
  const value = useMemo(() => ({ location, navigate: history.navigate }), [location, history]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [history] = useState(browserHistory);
  return <Router history={history}>{children}</Router>;
}

/** For tests: a router that starts at the first of `initialEntries` and keeps its history in memory. */
export function MemoryRouter({
  initialEntries = ['/'],
  children,
}: {
  initialEntries?: string[];
  children: ReactNode;
}) {
  const [history] = useState(() => memoryHistory(initialEntries[0] ?? '/'));
  return <Router history={history}>{children}</Router>;
}

function useRouter(): RouterValue {
  const router = use(RouterContext);
  if (!router) throw new Error('This component needs to be inside a router');
  return router;
}

export const useLocation = (): Location => useRouter().location;

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  return useRouter().navigate;
}

export const useParams = (): Readonly<Record<string, string>> => use(ParamsContext);

export function useSearchParams(): [
  URLSearchParams,
  (next: URLSearchParams, options?: NavigateOptions) => void,
] {
  const { location, navigate } = useRouter();
  const searchParams = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setSearchParams = useCallback(
    (next: URLSearchParams, options?: NavigateOptions) => {
      const search = next.toString();
      navigate(`${location.pathname}${search ? `?${search}` : ''}`, options);
    },
    [navigate, location.pathname],
  );
  return [searchParams, setSearchParams];
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The params of `path` (`/tasks/:taskId`, `*`) for `pathname`, or null when it does not match. */
export function matchPath(path: string, pathname: string): Record<string, string> | null {
  if (path === '*') return {};
  const want = path.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index++) {
    const segment = want[index] as string;
    if (segment === '*') return params;
    const value = have[index];
    if (value === undefined) return null;
    if (segment.startsWith(':')) params[segment.slice(1)] = decode(value);
    else if (segment !== value) return null;
  }
  return have.length === want.length ? params : null;
}

interface RouteProps {
  path: string;
  element: ReactNode;
}

/** A route's address and what it shows; only meaningful inside <Routes>. */
export function Route(props: RouteProps): ReactNode {
  void props;
  return null;
}

/** Shows the first route whose path matches the address. */
export function Routes({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  for (const child of Children.toArray(children)) {
    if (!isValidElement<RouteProps>(child)) continue;
    const params = matchPath(child.props.path, pathname);
    if (params) return <ParamsContext value={params}>{child.props.element}</ParamsContext>;
  }
  return null;
}

type AnchorProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'className'>;

export interface LinkProps extends AnchorProps {
  to: string;
  state?: unknown;
  replace?: boolean;
  className?: string;
  ref?: Ref<HTMLAnchorElement>;
}

/** A real link (open in a new tab works) that navigates in place on a plain click. */
export function Link({ to, state, replace, onClick, target, ref, children, ...rest }: LinkProps) {
  const { location, navigate } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (target && target !== '_self')
    )
      return;
    event.preventDefault();
    navigate(to, { replace, state });
  };
  return (
    <a {...rest} ref={ref} href={href(parts(to, location))} target={target} onClick={handleClick}>
      {children}
    </a>
  );
}

export interface NavLinkProps extends Omit<LinkProps, 'className'> {
  /** Active only on this exact path (always so here: the app's views are exact paths). */
  end?: boolean;
  className?: string | ((state: { isActive: boolean }) => string);
}

/** A link that knows when its page is the one shown (`aria-current="page"`). */
export function NavLink({ to, end, className, ...rest }: NavLinkProps): ReactElement {
  void end;
  const { location } = useRouter();
  const isActive = parts(to, location).pathname === location.pathname;
  return (
    <Link
      {...rest}
      to={to}
      aria-current={isActive ? 'page' : undefined}
      className={typeof className === 'function' ? className({ isActive }) : className}
    />
  );
}

// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  BrowserRouter,
  Link,
  matchPath,
  MemoryRouter,
  NavLink,
  Route,
  Routes,
  useLocation,
  useParams,
  useSearchParams,
} from './router.tsx';

function Where() {
  const location = useLocation();
  return (
    <output data-testid="where">
      {`${location.pathname}${location.search}|${JSON.stringify(location.state)}`}
    </output>
  );
}

function Task() {
  const { taskId } = useParams();
  return <h1>Task {taskId}</h1>;
}

function Filters() {
  const [params, setParams] = useSearchParams();
  return (
    <button type="button" onClick={() => setParams(new URLSearchParams({ type: 'task' }))}>
      type={params.get('type') ?? 'any'}
    </button>
  );
}

const app = (
  <>
    <nav>
      <NavLink to="/" className={({ isActive }) => (isActive ? 'on' : 'off')}>
        Inbox
      </NavLink>
      <Link to="/tasks/7" state={{ from: '/' }}>
        Open task
      </Link>
    </nav>
    <Routes>
      <Route path="/" element={<Filters />} />
      <Route path="/tasks/:taskId" element={<Task />} />
      <Route path="*" element={<h1>Not found</h1>} />
    </Routes>
    <Where />
  </>
);

describe('matchPath', () => {
  it('matches literal segments, params (decoded, tolerating bad encodings) and the catch-all', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/', '/x')).toBeNull();
    expect(matchPath('/tasks/:taskId', '/tasks/12')).toEqual({ taskId: '12' });
    expect(matchPath('/tasks/:taskId', '/tasks/a%20b')).toEqual({ taskId: 'a b' });
    expect(matchPath('/tasks/:taskId', '/tasks/%E0%A4%A')).toEqual({ taskId: '%E0%A4%A' });
    expect(matchPath('/tasks/:taskId', '/tasks')).toBeNull();
    expect(matchPath('/tasks/:taskId', '/tasks/1/2')).toBeNull();
    expect(matchPath('/important', '/important/')).toEqual({});
    expect(matchPath('*', '/anything/at/all')).toEqual({});
  });
});

describe('the router', () => {
  it('shows the first matching route, navigates on a plain click with state, and marks the current link', () => {
    render(<MemoryRouter initialEntries={['/?type=todo']}>{app}</MemoryRouter>);
    expect(screen.getByRole('button').textContent).toBe('type=todo');
    expect(screen.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Inbox' }).className).toBe('on');
    expect(screen.getByRole('link', { name: 'Open task' }).getAttribute('href')).toBe('/tasks/7');

    fireEvent.click(screen.getByRole('link', { name: 'Open task' }));
    expect(screen.getByRole('heading').textContent).toBe('Task 7');
    expect(screen.getByTestId('where').textContent).toBe('/tasks/7|{"from":"/"}');
    expect(screen.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBeNull();
  });

  it('leaves modified clicks (new tab, new window) to the browser', () => {
    render(<MemoryRouter>{app}</MemoryRouter>);
    const link = screen.getByRole('link', { name: 'Open task' });
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }]) {
      fireEvent.click(link, modifier);
      expect(screen.getByTestId('where').textContent).toBe('/|null');
    }
  });

  it('sets search params on the same path, and shows the catch-all for unknown paths', () => {
    render(<MemoryRouter initialEntries={['/']}>{app}</MemoryRouter>);
    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByTestId('where').textContent).toBe('/?type=task|null');
    render(<MemoryRouter initialEntries={['/no/such/page']}>{app}</MemoryRouter>);
    expect(screen.getByRole('heading', { name: 'Not found' })).toBeTruthy();
  });

  it('in the browser: pushes history entries with their state, and follows back and forward', () => {
    window.history.replaceState(null, '', '/');
    render(<BrowserRouter>{app}</BrowserRouter>);
    fireEvent.click(screen.getByRole('link', { name: 'Open task' }));
    expect(window.location.pathname).toBe('/tasks/7');
    expect((window.history.state as { usr: unknown }).usr).toEqual({ from: '/' });

    act(() => {
      window.history.replaceState(null, '', '/?type=deal');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('where').textContent).toBe('/?type=deal|null');
    expect(screen.getByRole('button').textContent).toBe('type=deal');
  });
});

import { describe, expect, it } from 'vitest';
import { apiProxy, originForApi } from './dev-proxy.ts';

const API = 'http://127.0.0.1:4174';

describe('the development proxy', () => {
  it('presents the app’s own requests to the API server as same-origin', () => {
    expect(
      originForApi({ headers: { host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' } }, API),
    ).toBe(API);
    expect(
      originForApi({ headers: { host: 'localhost:5173', origin: 'http://localhost:5173' } }, API),
    ).toBe(API);
  });

  it('leaves a foreign Origin, or none, as it was', () => {
    expect(
      originForApi({ headers: { host: '127.0.0.1:5173', origin: 'http://evil.example' } }, API),
    ).toBe('http://evil.example');
    expect(
      originForApi({ headers: { host: 'evil.example', origin: 'http://127.0.0.1:5173' } }, API),
    ).toBe('http://127.0.0.1:5173');
    expect(originForApi({ headers: { host: '127.0.0.1:5173' } }, API)).toBeUndefined();
  });

  it('sends /api and /auth to the API server with its own Host', () => {
    const proxy = apiProxy(4174);
    expect(Object.keys(proxy)).toEqual(['/api', '/auth']);
    expect(proxy['/api']).toMatchObject({ target: API, changeOrigin: true });
  });
});

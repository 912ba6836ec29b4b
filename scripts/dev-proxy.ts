/** npm run dev: how Vite passes the app's API (and sign-in) requests on to the API server. */
import type { IncomingMessage } from 'node:http';
import type { ProxyOptions } from 'vite';

/** The paths the API server answers; everything else is Vite's. */
export const API_PATHS = ['/api', '/auth'];

/**
 * The Origin the API server should see for a request that reached Vite. The app's own pages (Origin
 * equal to Vite's origin) become the API server's origin, so its same-origin check holds in
 * development too; any other Origin is left as it was, and the API server refuses the write.
 */
export function originForApi(
  request: Pick<IncomingMessage, 'headers'>,
  apiOrigin: string,
): string | undefined {
  const { origin, host } = request.headers;
  if (origin === undefined || host === undefined) return origin;
  return origin === `http://${host}` || origin === `https://${host}` ? apiOrigin : origin;
}

export function apiProxy(apiPort: number): Record<string, ProxyOptions> {
  const target = `http://127.0.0.1:${apiPort}`;
  const options: ProxyOptions = {
    target,
    // Host becomes 127.0.0.1:<API port>, which the API server's Host allowlist accepts.
    changeOrigin: true,
    configure: (proxy) => {
      proxy.on('proxyReq', (proxyRequest, request) => {
        const origin = originForApi(request, target);
        if (origin !== undefined) proxyRequest.setHeader('origin', origin);
      });
    },
  };
  return Object.fromEntries(API_PATHS.map((path) => [path, options]));
}

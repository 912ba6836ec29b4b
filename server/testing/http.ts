import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request over a real socket, with exactly the headers given (Host included, which fetch would
 * not let a test set). The body, if any, is sent as given: a string, or chunks written one by one.
 */
export function rawRequest(
  origin: string,
  {
    method = 'GET',
    path = '/',
    headers = {},
    body,
  }: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Iterable<Uint8Array | string>;
  } = {},
): Promise<RawResponse> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers,
        agent: false,
        setHost: !Object.keys(headers).some((name) => name.toLowerCase() === 'host'),
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
        response.on('error', reject);
      },
    );
    // The server may answer and close before the whole body is sent: that is the point of a cap.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (body === undefined) request.end();
    else if (typeof body === 'string') request.end(body);
    else void writeChunks(request, body);
  });
}

async function writeChunks(request: ClientRequest, chunks: Iterable<Uint8Array | string>) {
  for (const chunk of chunks) {
    if (request.destroyed || request.writableEnded) return;
    if (!request.write(chunk)) {
      const drained = await new Promise<boolean>((resolve) => {
        const settle = (value: boolean) => () => {
          request.off('drain', onDrain);
          request.off('close', onClose);
          resolve(value);
        };
        const onDrain = settle(true);
        const onClose = settle(false);
        request.once('drain', onDrain);
        request.once('close', onClose);
      });
      if (!drained) return;
    }
  }
  request.end();
}

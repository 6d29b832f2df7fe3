import type { Socket } from 'node:net';

/**
 * Fastify's answer to a request Node's HTTP parser refused before any route ran (headers or URL
 * over 16 KiB, a malformed request line): a problem document like every other 4xx, instead of
 * Fastify's plain JSON, and never a silently closed socket.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const status = tooLarge ? 431 : timedOut ? 408 : 400;
  const title = tooLarge
    ? 'Request Header Fields Too Large'
    : timedOut
      ? 'Request Timeout'
      : 'Bad Request';
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    detail: tooLarge
      ? 'the request line and headers may not exceed 16 KiB'
      : 'the request could not be parsed',
    code: tooLarge ? 'payload_too_large' : timedOut ? 'timeout' : 'validation_failed',
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

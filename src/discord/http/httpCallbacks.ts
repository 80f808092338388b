/**
 * The HTTP transport for interactions: the first callback is the HTTP response to Discord's POST
 * (`200`, JSON). It cannot tell the id of the message it creates; the responder asks for it when needed.
 */
import type { ServerResponse } from 'node:http';
import type { CallbackTransport } from '../interaction/InteractionReplies.js';

export function httpCallbacks(res: ServerResponse, headers: Record<string, string> = {}): CallbackTransport {
  return {
    send(body) {
      return new Promise((resolve, reject) => {
        if (res.writableEnded || res.destroyed) {
          reject(new Error('the interaction request was already closed (Discord stopped waiting)'));
          return;
        }
        const json = JSON.stringify(body);
        const onClose = () => reject(new Error('the connection closed before the response was sent'));
        res.once('close', onClose);
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(json),
          ...headers,
        });
        res.end(json, () => {
          res.off('close', onClose);
          resolve(undefined);
        });
      });
    },
  };
}

/**
 * Discord signs every request to an Interactions Endpoint with the application's Ed25519 key: the
 * signature (hex, `X-Signature-Ed25519`) covers the timestamp header's exact text followed by the raw
 * body bytes. Node's crypto verifies Ed25519 itself; the public key is imported once, from its hex.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export type SignatureCheck = (timestamp: string, body: Buffer, signatureHex: string) => boolean;

const SIGNATURE_HEX = /^[0-9a-f]{128}$/i;

/** Throws when `publicKeyHex` is not 32 bytes of hex or not a usable Ed25519 key. */
export function signatureVerifier(publicKeyHex: string): SignatureCheck {
  if (!/^[0-9a-f]{64}$/i.test(publicKeyHex)) {
    throw new Error('the public key must be 64 hex digits (32 bytes)');
  }
  const key: KeyObject = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
  return (timestamp, body, signatureHex) => {
    if (!SIGNATURE_HEX.test(signatureHex)) return false;
    try {
      return verify(
        null,
        Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
        key,
        Buffer.from(signatureHex, 'hex'),
      );
    } catch {
      return false;
    }
  };
}

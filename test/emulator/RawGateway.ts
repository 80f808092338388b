/** A bare gateway client for emulator tests: collects decoded payloads and the close code. */
import zlib from 'node:zlib';
import WebSocket from 'ws';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export class RawGateway {
  readonly payloads: Json[] = [];
  closeCode: number | null = null;
  private waiters: { pred: (p: Json) => boolean; resolve: (p: Json) => void }[] = [];
  private closeWaiters: ((code: number) => void)[] = [];
  private inflate: zlib.Inflate | null = null;
  private pending: Buffer[] = [];

  constructor(
    readonly ws: WebSocket,
    zlibStream: boolean,
  ) {
    if (zlibStream) {
      this.inflate = zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH });
      this.inflate.on('data', (chunk: Buffer) => this.pending.push(chunk));
    }
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return this.push(JSON.parse(data.toString()));
      if (this.inflate) {
        this.inflate.write(data, () => {
          const text = Buffer.concat(this.pending.splice(0)).toString();
          if (text) this.push(JSON.parse(text));
        });
      } else {
        this.push(JSON.parse(zlib.inflateSync(data).toString()));
      }
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      for (const w of this.closeWaiters.splice(0)) w(code);
    });
  }

  static async connect(url: string, zlibStream = false): Promise<RawGateway> {
    const ws = new WebSocket(url);
    const gw = new RawGateway(ws, zlibStream);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return gw;
  }

  private push(p: Json): void {
    this.payloads.push(p);
    for (const w of [...this.waiters]) {
      if (w.pred(p)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  }

  next(pred: (p: Json) => boolean, timeoutMs = 2000): Promise<Json> {
    const found = this.payloads.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('gateway payload timeout')), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  closed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  send(p: Json): void {
    this.ws.send(JSON.stringify(p));
  }
}

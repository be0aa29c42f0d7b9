import { Agent, request } from 'undici';

/**
 * One simulated person's own connection to the server, as their browser keeps one. The surge's
 * volunteers used to share Node's global fetch pool: a few busy keep-alive sockets carried most
 * requests, and the cluster, which balances connections rather than requests, gave one worker
 * about 72 % of the work (docs/benchmarks.md, "Issue 29, fourth round"). undici (Node's own HTTP
 * client, the one inside its fetch) gives each person a pool of one; its `request` also costs the
 * generator less CPU than fetch on the same machine as the server.
 */
export class BrowserConnection {
  private readonly agent = new Agent({ connections: 1, pipelining: 1 });

  async send(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string | Buffer }) {
    const response = await request(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      body: init.body,
      dispatcher: this.agent,
    });
    const text = await response.body.text();
    const header = (name: string) => {
      const value = response.headers[name];
      return value === undefined ? [] : [value].flat();
    };
    return { status: response.statusCode, text, setCookies: header('set-cookie'), location: header('location')[0] };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** A form as the bytes and content type a browser posts for it (multipart, from the platform's own encoder). */
export async function formBytes(body: FormData | string): Promise<{ body: string | Buffer; type: string }> {
  const encoded = new Response(body);
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? 'text/plain;charset=UTF-8' };
}

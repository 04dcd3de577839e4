import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { outlastProxyKeepAlive } from '../../src/runtime/health-server';

// A proxy reuses an idle connection; a server that closed it after Node's 5 s meanwhile resets that request (a 502,
// a Telegram update lost until its retry). Asked again after 6 s idle, the same connection must still answer.
function get(port: number, agent: http.Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, host: '127.0.0.1', path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

it('keeps an idle connection open past Node\'s 5 s, so a proxy reusing it is answered', async () => {
  const server = http.createServer((_req, res) => res.end('ok'));
  outlastProxyKeepAlive(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const port = (server.address() as AddressInfo).port;
  try {
    expect((await get(port, agent)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await get(port, agent)).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  }
}, 20_000);

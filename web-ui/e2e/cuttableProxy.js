// A TCP proxy in front of TuneLab that a test can cut, as a dropped Wi-Fi or a restarted load
// balancer would: every open connection is closed and new ones are refused until it is restored.
// Chromium's offline emulation leaves an open event stream untouched, so it cannot stand in.

import net from 'node:net';

export async function cuttableProxy(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() {
      down = true;
      sockets.forEach((s) => s.destroy());
    },
    restore() {
      down = false;
    },
    close: () => new Promise((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(resolve);
    }),
  };
}

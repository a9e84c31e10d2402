/**
 * A cap on the connections one client address holds open, besides the global cap
 * (`server.maxConnections`): without it, one client holding 64 connections (each closed by the
 * header time-out, and opened again) locks every other client out. A connection beyond the cap is
 * closed as soon as it is accepted.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** One client whatever the notation: an IPv4 address arrives on a dual-stack socket as ::ffff:a.b.c.d. */
function clientOf(socket: Socket): string {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Closes every connection `server` accepts beyond `maxPerAddress` open from the same client address. */
export function capConnectionsPerAddress(server: Server, maxPerAddress: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = clientOf(socket);
    const count = (open.get(client) ?? 0) + 1;
    if (count > maxPerAddress) return void socket.destroy();
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left === 0) open.delete(client);
      else open.set(client, left);
    });
  });
}

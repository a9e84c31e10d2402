// Raw HTTP for the listener tests: exact paths, any Host and Origin, bodies sent slowly or not at all.
import { connect, type Socket } from 'node:net';

export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

/** Sends `head` (and then `body`, if any) on a new connection and reads the answer until the server closes or it is complete. */
export function raw(port: number, head: string, body = ''): Promise<RawAnswer & { socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const parsed = parse(data);
      if (parsed) resolve({ ...parsed, socket });
    });
    socket.on('error', (error) => (parse(data) ? undefined : reject(error)));
    socket.on('close', () => {
      const parsed = parse(data);
      if (parsed) resolve({ ...parsed, socket });
      else reject(new Error(`connection closed without an answer: ${JSON.stringify(data.slice(0, 200))}`));
    });
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n');
    if (body) socket.write(body);
  });
}

function parse(data: string): RawAnswer | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [status, ...lines] = data.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines)
    headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
  const body = data.slice(end + 4);
  const length = Number(headers['content-length'] ?? -1);
  if (length >= 0 && Buffer.byteLength(body) < length) return null;
  if (length < 0 && headers['transfer-encoding'] === 'chunked' && !body.endsWith('0\r\n\r\n')) return null;
  return { status: Number(status!.split(' ')[1]), headers, body };
}

import { manualClock } from '../../core/clock.js';
import { generateCode, secondsLeft, verifyCode } from '../../core/code.js';
import { buildKeyUri } from '../../core/key-uri.js';
import { generateSecret } from '../../core/secret.js';
import { parse } from '../args.js';
import { EXIT_OK, type CliIo, type Command } from '../io.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'walk through a TOTP setup on a simulated clock',
  help: `Usage: totp-lab demo

Makes a new secret and its Ügyfélkapu+-style key URI, then shows the codes a
phone would display over a few 30-second periods of simulated time and how a
server with a ±1 step window judges them.

Options:
  -h, --help          show this help`,
  async run(args: string[], io: CliIo) {
    const { values } = parse('demo', args, {}, { min: 0, max: 0 });
    if (values.help) return io.out(this.help), EXIT_OK;
    const secret = generateSecret();
    const uri = buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret });
    io.out('A new secret key (160 bits from the system CSPRNG):');
    io.out(`  ${secret.replace(/(.{4})/g, '$1 ').trim()}`);
    io.out('Its key URI, the text a setup QR code holds:');
    io.out(`  ${uri}`);
    io.out('');
    const clock = manualClock(Date.UTC(2025, 0, 16, 8, 0, 0));
    const first = generateCode(secret, { clock });
    io.out(`Codes over simulated time (the first one, ${first}, is typed into the server each time):`);
    for (let i = 0; i < 4; i++) {
      const now = clock.now();
      const code = generateCode(secret, { time: now });
      const verdict = verifyCode(secret, first, { time: now });
      const judged = verdict.valid ? `accepted (delta ${verdict.delta})` : 'refused (outside the ±1 step window)';
      io.out(`  ${new Date(now).toISOString()}  phone shows ${code}  ${String(secondsLeft(now, 30)).padStart(2)} s left  "${first}" is ${judged}`);
      clock.advance(30_000);
    }
    return EXIT_OK;
  },
};

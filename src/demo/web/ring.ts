/** The countdown ring around a code: how much of its 30 seconds is left. */
import { h } from 'preact';

const RADIUS = 16;
const LENGTH = 2 * Math.PI * RADIUS;

/**
 * An SVG ring with the seconds in its middle. The seconds are HTML text laid over the ring, not
 * SVG text: their size is then the page's (22 px on a projector) and they stay inside the ring.
 */
export function Ring({ secondsLeft, period, unit }: { secondsLeft: number; period: number; unit: string }) {
  const circle = { cx: 20, cy: 20, r: RADIUS };
  return h(
    'span',
    { class: 'ring', role: 'img', 'aria-label': `${secondsLeft} ${unit}` },
    h(
      'svg',
      { viewBox: '0 0 40 40', 'aria-hidden': 'true' },
      h('circle', { ...circle, class: 'ring-track' }),
      h('circle', {
        ...circle,
        class: secondsLeft <= 5 ? 'ring-arc low' : 'ring-arc',
        'stroke-dasharray': String(LENGTH),
        'stroke-dashoffset': String(LENGTH * (1 - secondsLeft / period)),
        transform: 'rotate(-90 20 20)',
      }),
    ),
    h('span', { class: 'ring-seconds', 'aria-hidden': 'true' }, String(secondsLeft)),
  );
}

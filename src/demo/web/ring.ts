/** The countdown ring around a code: how much of its 30 seconds is left. */
import { h } from 'preact';

const RADIUS = 16;
const LENGTH = 2 * Math.PI * RADIUS;

/** An SVG ring with the seconds in its middle. */
export function Ring({ secondsLeft, period, unit }: { secondsLeft: number; period: number; unit: string }) {
  const circle = { cx: 20, cy: 20, r: RADIUS };
  return h(
    'svg',
    { viewBox: '0 0 40 40', class: 'ring', role: 'img', 'aria-label': `${secondsLeft} ${unit}` },
    h('circle', { ...circle, class: 'ring-track' }),
    h('circle', {
      ...circle,
      class: secondsLeft <= 5 ? 'ring-arc low' : 'ring-arc',
      'stroke-dasharray': String(LENGTH),
      'stroke-dashoffset': String(LENGTH * (1 - secondsLeft / period)),
      transform: 'rotate(-90 20 20)',
    }),
    h('text', { x: 20, y: 24.5, 'text-anchor': 'middle' }, String(secondsLeft)),
  );
}

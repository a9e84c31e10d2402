/** The countdown ring around a code: how much of its 30 seconds is left. */

const SVG = 'http://www.w3.org/2000/svg';
const RADIUS = 16;
const LENGTH = 2 * Math.PI * RADIUS;

/** An SVG ring with the seconds in its middle; `set` redraws it. */
export function countdownRing(unit: string): { el: SVGSVGElement; set(secondsLeft: number, period: number): void } {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 40 40');
  svg.setAttribute('class', 'ring');
  svg.setAttribute('role', 'img');
  const track = document.createElementNS(SVG, 'circle');
  const arc = document.createElementNS(SVG, 'circle');
  for (const c of [track, arc]) {
    c.setAttribute('cx', '20');
    c.setAttribute('cy', '20');
    c.setAttribute('r', String(RADIUS));
  }
  track.setAttribute('class', 'ring-track');
  arc.setAttribute('class', 'ring-arc');
  arc.setAttribute('stroke-dasharray', String(LENGTH));
  arc.setAttribute('transform', 'rotate(-90 20 20)');
  const text = document.createElementNS(SVG, 'text');
  text.setAttribute('x', '20');
  text.setAttribute('y', '24.5');
  text.setAttribute('text-anchor', 'middle');
  svg.append(track, arc, text);
  return {
    el: svg,
    set(secondsLeft, period) {
      arc.setAttribute('stroke-dashoffset', String(LENGTH * (1 - secondsLeft / period)));
      arc.classList.toggle('low', secondsLeft <= 5);
      text.textContent = String(secondsLeft);
      svg.setAttribute('aria-label', `${secondsLeft} ${unit}`);
    },
  };
}

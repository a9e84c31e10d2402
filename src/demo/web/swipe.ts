/**
 * Swipe left / swipe right on a list row with pointer events, so a mouse drag and a finger on a
 * touch screen do the same. Buttons offer the same actions for keyboards and screen readers.
 */

/** How far (px) a row must be dragged to count as a swipe. */
export const SWIPE_DISTANCE = 80;

/** Makes `row` swipeable; the row follows the pointer and springs back. */
export function makeSwipeable(row: HTMLElement, on: { left(): void; right(): void }): void {
  let startX: number | null = null;
  let pointer: number | null = null;
  row.style.touchAction = 'pan-y';
  row.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || (e.target as Element).closest('button, input, a')) return;
    startX = e.clientX;
    pointer = e.pointerId;
    row.setPointerCapture(e.pointerId);
  });
  row.addEventListener('pointermove', (e) => {
    if (startX === null || e.pointerId !== pointer) return;
    const dx = e.clientX - startX;
    row.style.transform = `translateX(${dx}px)`;
    row.dataset['swipe'] = dx <= -SWIPE_DISTANCE ? 'left' : dx >= SWIPE_DISTANCE ? 'right' : '';
  });
  const end = (e: PointerEvent) => {
    if (startX === null || e.pointerId !== pointer) return;
    const dx = e.clientX - startX;
    startX = null;
    pointer = null;
    row.style.transform = '';
    row.dataset['swipe'] = '';
    if (e.type !== 'pointerup') return;
    if (dx <= -SWIPE_DISTANCE) on.left();
    else if (dx >= SWIPE_DISTANCE) on.right();
  };
  row.addEventListener('pointerup', end);
  row.addEventListener('pointercancel', end);
}

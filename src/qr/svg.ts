/** A QR code as an SVG document: one white background rectangle and one path of dark runs. */
import type { QrMatrix } from './matrix.js';

/**
 * Draws the matrix as SVG in module units (`viewBox`), sized `scale` pixels per module.
 * Each row's horizontal runs of dark modules become one `M x y h n v 1 h -n z` subpath, which keeps
 * the file small and leaves no hairline gaps between modules.
 */
export function toSvg(matrix: QrMatrix, scale: number, margin: number): string {
  const { size, dark } = matrix;
  const total = size + 2 * margin;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size;) {
      if (dark[row * size + column] !== 1) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && dark[row * size + column] === 1) column++;
      const run = column - start;
      path += `M${start + margin} ${row + margin}h${run}v1h-${run}z`;
    }
  }
  const pixels = total * scale;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/></svg>\n`
  );
}

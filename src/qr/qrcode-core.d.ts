// Types for qrcode's pure symbol encoder. Importing this module directly (rather than the package's
// main file) keeps qrcode's PNG, file and canvas renderers out of Node processes and browser bundles.
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}

/** QR error correction levels, in a module of their own so callers can check one without loading the encoder. */

/** Error correction level (ISO/IEC 18004 §5.3.8): about 7 %, 15 %, 25 % or 30 % of the symbol can be restored. */
export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** The levels, lowest first. */
export const ERROR_CORRECTION_LEVELS: readonly ErrorCorrection[] = ['L', 'M', 'Q', 'H'];

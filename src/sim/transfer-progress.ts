/**
 * Multi-QR imports. A migration export of more accounts than fit in one QR code is split into
 * batches that share a batch id; the receiving phone may scan them in any order and should say
 * which ones it still needs, as Google Authenticator does ("scan the next QR code").
 */
import { InvalidMigrationError } from '../core/errors.js';
import type { MigrationBatch } from '../core/formats/migration/migration.js';
import type { TransferState } from './phone-state.js';

const MAX_BATCHES = 1000;

/** Where an import stands after one batch. Indices are from 0, as in the format. */
export interface TransferProgress {
  /** The export's batch id. */
  id: number;
  /** How many batches the export has (1 when the exporter did not say). */
  size: number;
  /** The batch indices scanned so far, sorted. */
  received: number[];
  /** The batch indices still to scan, sorted; empty when complete. */
  missing: number[];
  complete: boolean;
}

/**
 * Records that `batch` was scanned, updating `transfers` in place: an incomplete export is kept,
 * a complete one removed.
 * @throws {InvalidMigrationError} when the batch index is outside the export's size
 */
export function recordBatch(transfers: TransferState[], batch: MigrationBatch): TransferProgress {
  const size = Math.max(batch.size, 1);
  if (size > MAX_BATCHES)
    throw new InvalidMigrationError(`migration batch_size must be at most ${MAX_BATCHES}, got ${batch.size}`);
  if (batch.index < 0 || batch.index >= size) {
    throw new InvalidMigrationError(
      `migration batch_index must be from 0 to ${size - 1} for a batch_size of ${batch.size}, got ${batch.index}`,
    );
  }
  let transfer = transfers.find((t) => t.id === batch.id && t.size === size);
  if (!transfer) {
    transfer = { id: batch.id, size, received: [] };
    transfers.push(transfer);
  }
  if (!transfer.received.includes(batch.index)) transfer.received.push(batch.index);
  transfer.received.sort((a, b) => a - b);
  const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !transfer.received.includes(i));
  if (missing.length === 0) transfers.splice(transfers.indexOf(transfer), 1);
  return { id: batch.id, size, received: [...transfer.received], missing, complete: missing.length === 0 };
}

/** The progress of every import still missing batches. */
export function pendingTransfers(transfers: readonly TransferState[]): TransferProgress[] {
  return transfers.map((t) => {
    const missing = Array.from({ length: t.size }, (_, i) => i).filter((i) => !t.received.includes(i));
    return { id: t.id, size: t.size, received: [...t.received], missing, complete: false };
  });
}

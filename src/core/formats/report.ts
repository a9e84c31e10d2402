/**
 * The transfer report: before anything is written, what a move to another format keeps, changes
 * or drops, account by account. It reads the same table the writers obey (capabilities.ts), and
 * the tests check its claims against what reading the written file back gives.
 */
import { describeAccount, toAccount } from '../account.js';
import { checkList } from '../input.js';
import { InvalidArgumentError, describeValue } from '../errors.js';
import { CAPABILITIES, EXPORT_FORMATS, EXPORT_FORMAT_NAMES, refusalOf, type ExportFormat } from './capabilities.js';
import { checkDetails, type DetailedAccount } from './details.js';

/** What a move does to one field of an account. */
export type FieldOutcome = 'kept' | 'changed' | 'dropped';

/** The fields the report speaks of: the code's parameters, Steam, and the details. */
export type ReportField = 'algorithm' | 'digits' | 'period' | 'counter' | 'steam' | 'icon' | 'group' | 'note';

export interface FieldReport {
  field: ReportField;
  outcome: FieldOutcome;
  /** The value before the move, and after it (null when dropped). */
  from: unknown;
  to: unknown;
  /** For a change or a drop: why. */
  why?: string;
}

export interface AccountReport {
  /** The account's place in the list given. */
  index: number;
  /** `"issuer: account"`, never the secret. */
  name: string;
  /** `kept`: everything; `changed`: written, but a detail changed or was dropped; `dropped`: not written. */
  outcome: FieldOutcome;
  /** Why a dropped account cannot be written (it would give other codes). */
  why?: string;
  fields: FieldReport[];
}

export interface TransferReport {
  format: ExportFormat;
  /** The target format's name for people. */
  name: string;
  accounts: AccountReport[];
  kept: number;
  changed: number;
  dropped: number;
  /** True when every account and every detail arrives as it is. */
  lossless: boolean;
}

/** @throws {InvalidArgumentError} for a name that is not a format this library writes */
export function checkExportFormat(value: unknown, field = 'format'): ExportFormat {
  if ((EXPORT_FORMATS as readonly unknown[]).includes(value)) return value as ExportFormat;
  throw new InvalidArgumentError(`"${field}" must be one of ${EXPORT_FORMATS.join(', ')}, got ${describeValue(value)}`);
}

/**
 * Says what writing `accounts` as `format` keeps, changes or drops, without writing anything.
 * @param accounts accounts with their details, as {@link withDetails} gives a read file's
 * @throws {InvalidArgumentError} for an unknown format or an invalid account
 * @example
 * const report = planTransfer(withDetails(await readExport(file)), 'migration');
 * if (!report.lossless) console.log(report.accounts.filter((a) => a.outcome !== 'kept'));
 */
export function planTransfer(accounts: readonly DetailedAccount[], format: ExportFormat): TransferReport {
  checkExportFormat(format);
  const can = CAPABILITIES[format];
  const reports = checkList(accounts, 'accounts').map((input, index): AccountReport => {
    const a = toAccount(input, `accounts[${index}]`);
    const details = checkDetails(input, `accounts[${index}]`);
    const name = JSON.parse(describeAccount(a)) as string;
    const refusal = refusalOf(format, a);
    if (refusal !== null) return { index, name, outcome: 'dropped', why: refusal, fields: [] };
    const same = (field: ReportField, value: unknown): FieldReport => ({
      field,
      outcome: 'kept',
      from: value,
      to: value,
    });
    const lost = (field: ReportField, value: unknown, why: string): FieldReport => ({
      field,
      outcome: 'dropped',
      from: value,
      to: null,
      why,
    });
    const fields = [same('algorithm', a.algorithm), same('digits', a.digits)];
    fields.push(a.type === 'hotp' ? same('counter', a.counter) : same('period', a.period));
    if (a.type === 'steam') fields.push(same('steam', true));
    if (details.note !== undefined)
      fields.push(can.note ? same('note', details.note) : lost('note', details.note, 'the format has no notes'));
    const groups = details.groups;
    if (groups !== undefined) {
      if (can.groups === 'many' || (can.groups === 'one' && groups.length === 1)) fields.push(same('group', groups));
      else if (can.groups === 'one')
        fields.push({
          field: 'group',
          outcome: 'changed',
          from: groups,
          to: [groups[0]],
          why: 'the format keeps one group per account',
        });
      else fields.push(lost('group', groups, 'the format has no groups'));
    }
    if (details.icon) fields.push(lost('icon', true, 'icons are not carried over (their images are not kept)'));
    const whole = fields.every((f) => f.outcome === 'kept');
    return { index, name, outcome: whole ? 'kept' : 'changed', fields };
  });
  const count = (outcome: FieldOutcome) => reports.filter((r) => r.outcome === outcome).length;
  return {
    format,
    name: EXPORT_FORMAT_NAMES[format],
    accounts: reports,
    kept: count('kept'),
    changed: count('changed'),
    dropped: count('dropped'),
    lossless: reports.every((r) => r.outcome === 'kept'),
  };
}

/** The report as lines for people: a summary, then each account that does not arrive whole. */
export function formatTransferReport(report: TransferReport): string[] {
  const lines = [
    `to ${report.name}: ${report.kept} of ${report.accounts.length} accounts kept whole, ${report.changed} changed, ${report.dropped} dropped`,
  ];
  for (const a of report.accounts) {
    const label = JSON.stringify(a.name);
    if (a.outcome === 'kept') lines.push(`kept     ${label}`);
    else if (a.outcome === 'dropped') lines.push(`dropped  ${label}: ${a.why}`);
    else {
      const what = a.fields
        .filter((f) => f.outcome !== 'kept')
        .map(
          (f) => `${f.field} ${f.outcome}${f.outcome === 'changed' ? ` to ${JSON.stringify(f.to)}` : ''} (${f.why})`,
        );
      lines.push(`changed  ${label}: ${what.join('; ')}`);
    }
  }
  return lines;
}

/**
 * The report as text for a person: one line per verdict with the rule it cites, what was skipped
 * and why, and under each finding that breaks a rule the requests that show it.
 */
import type { Language } from '../sim/language.js';
import { TEXTS } from './texts.js';
import type { ProbeAttempt, ProbeReport, ProbeVerdict, ProbeVerdictStatus } from './types.js';
import { failures } from './verdicts.js';

const LABELS: Record<Language, Record<ProbeVerdictStatus, string>> = {
  en: { pass: 'PASS', fail: 'FAIL', warn: 'WARN', info: 'INFO', skipped: 'SKIP' },
  hu: { pass: 'RENDBEN', fail: 'HIBA', warn: 'FIGYELEM', info: 'INFÓ', skipped: 'KIHAGYVA' },
};

/** Evidence lines shown under one finding at most. */
const MAX_EVIDENCE = 12;

export function formatProbeReport(report: ProbeReport): string[] {
  const t = TEXTS[report.language];
  const labels = LABELS[report.language];
  const width = Math.max(...Object.values(labels).map((l) => l.length));
  const a = report.accounts;
  const lines = [
    `totp-lab probe: ${report.target.description}`,
    `${t.heading.accounts(a.used, a.source)} · ${report.requests} ${t.heading.requests}` +
      ` · ${(report.elapsedMs / 1000).toFixed(1)} s · ${a.algorithm}, ${a.digits} ${t.heading.digits}, ${a.period} s`,
    '',
    `${t.heading.findings}:`,
  ];
  const measured = report.verdicts.filter((v) => v.status !== 'skipped');
  for (const v of measured) {
    lines.push(`  ${labels[v.status].padEnd(width)}  ${v.summary} [${v.rule}]`);
    if (v.status === 'fail') for (const e of evidenceOf(report, v)) lines.push(`  ${' '.repeat(width)}    ${e}`);
  }
  const skipped = report.verdicts.filter((v) => v.status === 'skipped');
  if (skipped.length > 0) {
    lines.push('', `${t.heading.skipped}:`);
    for (const v of skipped) lines.push(`  ${v.id}: ${v.summary}`);
  }
  lines.push('', t.heading.verdict(failures(report.verdicts)));
  return lines;
}

/** The requests behind a finding, one line each: `#3 step +1 "123456" → 401 …`. */
function evidenceOf(report: ProbeReport, v: ProbeVerdict): string[] {
  const [group, field] = v.id.split('.') as [string, string];
  if (group === 'input') {
    const r = report.input.find((i) => i.case === field);
    return r ? [`${JSON.stringify(r.sent)} → ${r.answer ?? '?'}`] : [];
  }
  const attempts: ProbeAttempt[] =
    group === 'window'
      ? report.window.evidence
      : group === 'replay'
        ? report.replay.evidence
        : group === 'lockout'
          ? report.lockout.evidence
          : [];
  const lines = attempts.map(
    (e) =>
      `#${e.account} ${e.step === null ? '' : `step ${e.step >= 0 ? '+' : ''}${e.step} `}${JSON.stringify(e.sent)} → ${e.answer}`,
  );
  if (lines.length <= MAX_EVIDENCE) return lines;
  return [...lines.slice(0, 4), `… (${lines.length - MAX_EVIDENCE})`, ...lines.slice(-(MAX_EVIDENCE - 4))];
}

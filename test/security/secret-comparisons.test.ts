// constantTimeEqual, and a static check that no other comparison of secret material exists in src/.
//
// The rule: in src/, an equality comparison (===, !==, ==, !=) or a string search (startsWith,
// endsWith, includes, indexOf, lastIndexOf, localeCompare) is flagged when one side names secret
// material (an identifier or property called secret, password, hash, deletionCode, token, code,
// typed or candidate, in any case, alone or as the end of a longer name such as passwordHash) and
// the other side is not a literal, a `typeof` test or a length. Comparing a secret against null or
// a constant leaks nothing; comparing it against another value must go through constantTimeEqual.
// The few flagged comparisons that hold no secret at all are listed below with the reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../../src/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const SECRET_NAME = /(secret|password|hash|deletioncode|token|code|typed|candidate)$/i;
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const SEARCHES = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'localeCompare']);

/** Flagged comparisons that compare no secret, by file and source text. */
const NOT_SECRET: Record<string, string> = {
  'node/lock-file.ts: codeOf(error) === code': 'an errno code such as EEXIST',
  'node/file-store.ts: (error as { code?: unknown }).code === code': 'an errno code such as ENOENT',
  "sim/scenarios/same-qr-two-apps.ts: codeOn(ctx, 'other phone') === code":
    "what two phones show, compared in a scenario's narration (no service checks it)",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : name.endsWith('.ts') && !name.endsWith('.d.ts')
        ? [path]
        : [];
  });
}

/** The name an operand ends in (`a.b.secret` → secret), or null for literals, calls, lengths and the like. */
function nameOf(node: ts.Expression): string | null {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node))
    return nameOf(node.expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'length' ? null : node.name.text;
  if (ts.isElementAccessExpression(node)) return nameOf(node.expression);
  return null;
}

function isHarmless(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isHarmless(node.expression);
  return (
    ts.isLiteralExpression(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTypeOfExpression(node) ||
    ts.isPrefixUnaryExpression(node) ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined') ||
    (ts.isPropertyAccessExpression(node) && node.name.text === 'length')
  );
}

const isSecret = (node: ts.Expression) => SECRET_NAME.test(nameOf(node) ?? '');

/** Every comparison in `text` that the rule flags, as `file: source`. */
export function flaggedComparisons(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
      const { left, right } = node;
      if ((isSecret(left) || isSecret(right)) && !isHarmless(left) && !isHarmless(right))
        found.push(`${file}: ${node.getText(source)}`);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SEARCHES.has(node.expression.name.text)
    ) {
      const receiver = node.expression.expression;
      const argument = node.arguments[0];
      const secretSide = isSecret(receiver) || (argument !== undefined && isSecret(argument));
      if (secretSide && argument !== undefined && !isHarmless(argument) && !isHarmless(receiver))
        found.push(`${file}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('constantTimeEqual', () => {
  it('tells equal from unequal strings and bytes, at every position and length', () => {
    expect(constantTimeEqual('123456', '123456')).toBe(true);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    for (let i = 0; i < 6; i++)
      expect(constantTimeEqual('123456', `${'123456'.slice(0, i)}9${'123456'.slice(i + 1)}`)).toBe(false);
    expect(constantTimeEqual('123456', '12345')).toBe(false);
    expect(constantTimeEqual('12345', '123456')).toBe(false);
    expect(constantTimeEqual('123456', '123456\u0000')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([0]), new Uint8Array(0))).toBe(false);
  });

  it('compares strings by their UTF-8 bytes, so a string equals its encoding', () => {
    expect(constantTimeEqual('Tölgyfa', new TextEncoder().encode('Tölgyfa'))).toBe(true);
    expect(constantTimeEqual('é', 'e\u0301')).toBe(false);
    expect(constantTimeEqual('\uD800', '\uFFFD')).toBe(true); // a lone surrogate encodes as U+FFFD, as TextEncoder defines
  });

  it('agrees with === on random strings and byte arrays', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('no comparison of secret material bypasses constantTimeEqual', () => {
  it('the rule flags the comparisons it is meant to, and not harmless ones', () => {
    const flagged = flaggedComparisons(
      'x.ts',
      [
        'if (typed === expected.code) {}',
        'if (account.passwordHash !== stored) {}',
        'if (secret.startsWith(prefix)) {}',
        'if (token.indexOf(guess) === 0) {}',
        'if (a.deletionCode == b) {}',
        "if (error.code === 'ENOENT') {}",
        'if (secret === null) {}',
        "if (typeof code !== 'string') {}",
        'if (code.length !== digits) {}',
        "if (hash.startsWith('$pbkdf2')) {}",
        'if (count === total) {}',
      ].join('\n'),
    );
    expect(flagged).toEqual([
      'x.ts: typed === expected.code',
      'x.ts: account.passwordHash !== stored',
      'x.ts: secret.startsWith(prefix)',
      'x.ts: token.indexOf(guess)',
      'x.ts: a.deletionCode == b',
    ]);
  });

  it('src/ holds no such comparison outside constant-time.ts, apart from the listed non-secrets', () => {
    const flagged = sourceFiles(SRC)
      .filter((path) => !path.endsWith('constant-time.ts'))
      .flatMap((path) => flaggedComparisons(relative(SRC, path).split('\\').join('/'), readFileSync(path, 'utf8')));
    expect(flagged.filter((f) => !(f in NOT_SECRET))).toEqual([]);
    // Every exception still exists, so the list cannot go stale.
    for (const exception of Object.keys(NOT_SECRET)) expect(flagged).toContain(exception);
  });
});

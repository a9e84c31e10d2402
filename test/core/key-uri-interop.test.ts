import { expect, it } from 'vitest';
import { InvalidKeyUriError, parseKeyUri } from '../../src/index.js';
import { describeShared, readInterop } from '../support/shared.js';

interface Case {
  id: string;
  uri: string;
  expected: Record<string, unknown>;
}
describeShared('key-uri-cases.json', ['interop/key-uri-cases.json'], () => {
  const data = readInterop<{ cases: Case[]; mustReject: Array<{ id: string; uri: string }> }>('key-uri-cases.json');

  it('has cases to check', () => {
    expect(data.cases.length).toBeGreaterThan(10);
    expect(data.mustReject.length).toBeGreaterThan(5);
  });

  it.each(data.cases.map((c) => [c.id, c] as const))('parses %s', (_id, c) => {
    const { issuerMismatch, ...parsed } = parseKeyUri(c.uri);
    const { issuerMismatch: expectedMismatch = false, ...expected } = c.expected;
    expect(parsed).toEqual({ period: null, counter: null, ...expected });
    expect(issuerMismatch).toBe(expectedMismatch);
  });

  it.each(data.mustReject.map((c) => [c.id, c.uri] as const))('rejects %s', (_id, uri) => {
    expect(() => parseKeyUri(uri)).toThrow(InvalidKeyUriError);
  });
});

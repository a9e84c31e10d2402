// Templates: placeholders filled in and escaped for where they stand, so what a person types (a
// space, a quote, a full-width digit) cannot change the request's shape; commands split like a
// shell splits words, without anything a shell would run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCommand } from '../../src/probe/argv.js';
import {
  bodyKind,
  checkPlaceholders,
  fill,
  inForm,
  inJson,
  inUrl,
  maskSecrets,
  placeholdersOf,
} from '../../src/probe/template.js';

describe('placeholders', () => {
  it('are found once each, and JSON braces are not placeholders', () => {
    expect(placeholdersOf('{"user":"{username}","code":"{code}","again":"{code}"}')).toEqual(['username', 'code']);
    expect(placeholdersOf('{}')).toEqual([]);
  });

  it('keep a JSON body valid whatever the value', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const body = fill('{"code":"{code}","user":"{username}"}', { code: value, username: 'a"b\\c' }, inJson);
        expect(JSON.parse(body)).toEqual({ code: value, user: 'a"b\\c' });
      }),
    );
  });

  it('are percent-encoded in a URL and a form, and left alone when unknown', () => {
    expect(fill('http://h/v?c={code}&u={username}', { code: '123 456', username: 'a&b=c' }, inUrl)).toBe(
      'http://h/v?c=123%20456&u=a%26b%3Dc',
    );
    expect(new URLSearchParams(fill('code={code}', { code: '１２ 3&x' }, inForm)).get('code')).toBe('１２ 3&x');
    expect(fill('{other}', {}, inUrl)).toBe('{other}');
  });

  it('must include {code}, and may use an enrolment field only when the enrolment answers it', () => {
    expect(() => checkPlaceholders('--body', ['{"u":"{username}"}'], null)).toThrow('--body has no {code} placeholder');
    expect(() => checkPlaceholders('--body', ['{code}{password}'], [])).toThrow(/uses \{password\}, but only/);
    expect(() => checkPlaceholders('--body', ['{code}{password}'], ['token'])).toThrow(
      /uses \{password\}, which the enrolment answer does not hold \(it has token\)/,
    );
    expect(() => checkPlaceholders('--body', ['{code}{password}'], ['password'])).not.toThrow();
  });

  it('tell the body kind from the Content-Type, else from its look', () => {
    expect(bodyKind(' {"a":1}', undefined)).toBe('json');
    expect(bodyKind('code={code}&u=x', undefined)).toBe('form');
    expect(bodyKind('{code}', 'text/plain')).toBe('text');
    expect(bodyKind('x', 'application/vnd.api+json')).toBe('json');
  });

  it('secrets are masked in every form they may be echoed in', () => {
    expect(maskSecrets('{"s":"JBSWY3DP/x"} JBSWY3DP%2Fx', ['JBSWY3DP/x'])).toBe('{"s":"•••"} •••');
  });
});

describe('splitting a command line', () => {
  it('groups by quotes and backslashes, and keeps placeholders for later', () => {
    expect(splitCommand(`python3 verify.py {secret} "{code}"`)).toEqual(['python3', 'verify.py', '{secret}', '{code}']);
    expect(splitCommand(`a 'b c' "d \\"e\\"" f\\ g ''`)).toEqual(['a', 'b c', 'd "e"', 'f g', '']);
    expect(splitCommand(`sh -c 'echo $HOME | cat'`)).toEqual(['sh', '-c', 'echo $HOME | cat']);
  });

  it('refuses what only a shell could run, and unclosed quotes', () => {
    for (const line of ['verify {code} | tee log', 'a; b', 'a && b', 'a > out', 'echo $SECRET', 'a `b`'])
      expect(() => splitCommand(line)).toThrow(/needs a shell/);
    expect(() => splitCommand(`a "b`)).toThrow('the command has an unclosed " quote');
    expect(() => splitCommand('   ')).toThrow('the command is empty');
  });
});

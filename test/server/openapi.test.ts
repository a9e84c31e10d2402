import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/index.js';
import { apiLab } from './api-client.js';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, with and without the control API', async () => {
    for (const control of [true, false]) {
      const result = await new Validator().validate(openApiDocument({ control }) as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('is served at /openapi.json, without the control paths when the control API is off', async () => {
    const on = await apiLab().call('GET', '/openapi.json');
    expect(on.status).toBe(200);
    expect(on.body.openapi).toBe('3.1.0');
    expect(Object.keys(on.body.paths)).toContain('/control/clock');
    const off = await apiLab({ controlToken: undefined as never }).call('GET', '/openapi.json');
    expect(Object.keys(off.body.paths).filter((p) => p.startsWith('/control'))).toEqual([]);
  });

  it('documents every route the handler answers, and the handler answers every documented route', async () => {
    const lab = apiLab();
    const paths = openApiDocument({ control: true })['paths'] as Record<string, Record<string, unknown>>;
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = path.replace('{username}', 'nobody');
        const answer = await lab.control(method.toUpperCase(), concrete);
        // Any answer but "no such route" or "method not allowed" (a missing body is a 415, say).
        expect(
          answer.status === 405 || (answer.status === 404 && answer.body?.error?.code === 'NOT_FOUND'),
          `${method} ${path}`,
        ).toBe(false);
      }
    }
  });
});

/** Building blocks of the OpenAPI document's operations. */

export type Operation = Record<string, unknown>;

export const content = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
export const body = (name: string) => ({ required: true, content: content(name) });
export const answer = (description: string, name: string) => ({ description, content: content(name) });
export const failures = {
  '400': answer('Bad input: BAD_JSON, UNKNOWN_FIELD, INVALID_ARGUMENT', 'Error'),
  '413': answer('The body is too large (BODY_TOO_LARGE)', 'Error'),
  '415': answer('The body is not application/json', 'Error'),
  default: answer(
    'A refusal of the service (401 login refused, 409 taken, 422 refused, 503/504 faults) or an error',
    'Failure',
  ),
};

export function op(
  summary: string,
  tags: string[],
  ok: [string, string, string],
  request?: string,
  extra: Operation = {},
): Operation {
  return {
    summary,
    tags,
    ...(request && { requestBody: body(request) }),
    responses: { [ok[0]]: ok[2] === '' ? { description: ok[1] } : answer(ok[1], ok[2]), ...failures },
    ...extra,
  };
}

/** The control API: the bearer token, or a trainer's control session cookie (POST /control/session). */
export const control = { security: [{ controlToken: [] }, { controlSession: [] }] };

/** The small builders every OpenAPI schema file of the API writes its JSON Schemas with. */
export type Schema = Record<string, unknown>;

export const str = (description?: string): Schema => ({ type: 'string', ...(description && { description }) });
export const ms = (description: string): Schema => ({ type: 'number', description });
/** An object with these properties; closed (no others allowed) unless `closed` is false. */
export const obj = (
  properties: Record<string, Schema>,
  required: string[] = Object.keys(properties),
  closed = true,
): Schema => ({
  type: 'object',
  properties,
  required,
  ...(closed && { additionalProperties: false }),
});
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
/** A provider success answer with its message key and text, and these further fields. */
export const okOf = (messageKey: string, rest: Record<string, Schema>): Schema =>
  obj({ ok: { const: true }, messageKey: { const: messageKey }, message: str("in the provider's language"), ...rest });

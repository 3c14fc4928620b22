/** Building blocks the OpenAPI path groups share (openapi.ts, openapi-accounts.ts): written once, so they read alike. */

export const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
export const error = (description: string) => ({ description, content: json('ApiError') });
/** Several error answers at once: status → description. */
export const errors = (byStatus: Record<string, string>) =>
  Object.fromEntries(Object.entries(byStatus).map(([status, description]) => [status, error(description)]));
export const pngContent = { 'image/png': { schema: { type: 'string', format: 'binary' } } };

const pathParam = (name: string, type: 'string' | 'integer') => ({ name, in: 'path', required: true, schema: { type } });
export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
export const stepParam = pathParam('step', 'integer');
export const layerParam = pathParam('layer', 'string');
export const nameParam = pathParam('name', 'string');

/** A test image of the run's dataset (feature maps, their probe). */
export const testImageParam = {
  name: 'image',
  in: 'query',
  schema: { type: 'integer', minimum: 0, maximum: 9999, default: 0 },
  description: "index into the run's test split",
};
/** CSV column names: TensorBoard's exact ones or snake_case. */
export const csvHeaderParam = (fallback: 'tensorboard' | 'snake') => ({
  name: 'header',
  in: 'query',
  schema: { type: 'string', enum: ['tensorboard', 'snake'], default: fallback },
});
export const zoomParam = { name: 'zoom', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 32, default: 8 } };
export const smoothingParam = { name: 'smoothing', in: 'query', schema: { type: 'number', minimum: 0, maximum: 0.999 } };
/** Every series read and export defaults to 'ema' (ZScalarQuery.smoother). */
export const smootherParam = { name: 'smoother', in: 'query', schema: { type: 'string', enum: ['ema', 'twema', 'sma'], default: 'ema' } };
export const exportFormatParam = { name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'json'], default: 'csv' } };
export const stepRangeParams = [
  { name: 'fromStep', in: 'query', schema: { type: 'integer' } },
  { name: 'toStep', in: 'query', schema: { type: 'integer' } },
];

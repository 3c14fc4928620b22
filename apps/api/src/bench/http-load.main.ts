import { runHttpLoad, type THttpLoadOptions } from './http-load';

/**
 * The load generator as a process of its own, so the API under test does not share an event loop
 * (or a core) with the client measuring it. Options as JSON in argv[2]; the result as one JSON
 * line on stdout.
 */
async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as THttpLoadOptions;
  const result = await runHttpLoad(options);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

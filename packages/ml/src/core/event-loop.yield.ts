/**
 * Lets the process's event loop turn (a macrotask, not a microtask: wasm reads resolve as
 * microtasks, which never let I/O in). Training shares its worker's event loop with heartbeats and
 * database connections, so long computations yield between their pieces.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

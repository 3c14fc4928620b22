import { join } from 'node:path';

// `pnpm bench` (compare view): the real stack on its own ports, no worker, and a persistent
// Postgres under .data/bench-postgres so the 10-million-point seed is paid once.
// A module of its own because playwright.config reads the ports when it is loaded: the bench
// config imports this one first, and imports run in order.
process.env.E2E_API_PORT ??= '4200';
process.env.E2E_WEB_PORT ??= '3200';
process.env.E2E_WORKERS ??= '0';
process.env.E2E_PG_DIR ??= join(__dirname, '..', '.data', 'bench-postgres');

// The tests' database comes from the same place as the benches' (src/db, compiled with the app).
export { createThrowawayDatabase } from '../src/db/throwaway-database';

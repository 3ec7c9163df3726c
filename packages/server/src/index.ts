export { createServer } from './create-server.js';
export type { ServerOptions, StepFunctionsServer } from './create-server.js';
export { DATABASE_FILE } from './store/open-database.js';

export { createDefaultProject, createProject, DEFAULT_COMPILER_OPTIONS } from './default-project.js';
export { HOST_GLOBALS_FILE } from './host-globals.js';
export { CheckerWeakMap, typeOf } from './type-of.js';

export { main } from './cli.js';
export { DEMO_USERS, seedDemo } from './demo.js';

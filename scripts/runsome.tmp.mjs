import { run } from 'uvu/run';
const files = process.argv.slice(2);
await run(files.map((file) => ({ name: file, file: process.cwd() + '/' + file })), { bail: false });

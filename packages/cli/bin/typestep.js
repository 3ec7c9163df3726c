#!/usr/bin/env node
import { main } from '../dist/index.js';

// A reader that stops early (`typestep run … | head`) closes stdout: that ends the command quietly,
// as for other command-line tools, rather than as an error of the handler code that was running.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));

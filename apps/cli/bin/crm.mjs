#!/usr/bin/env node
// The `crm` command: runs src/main.ts through tsx's loader in this process, so signals and
// exit codes are the CLI's own.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

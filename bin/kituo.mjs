#!/usr/bin/env node
// The `kituo` command of an installed package: loads the TypeScript CLI through tsx's loader,
// so the package ships one source of truth instead of a second, compiled copy.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

/**
 * In a browser the server's Content-Security-Policy allows no `eval`, so zod must not compile its
 * parsers with `new Function` — nor even probe whether it may: the probe alone is a reported
 * violation. Zod decides once, when the first object schema is built, so this module is imported
 * before any schema (first line of index.ts). The server keeps zod's compiled parsers.
 */
import { z } from 'zod';

if ('document' in globalThis) z.config({ jitless: true });

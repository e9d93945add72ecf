// Runs before the app's modules. zod 4 builds its object parsers with `new Function` unless told not to, probing for
// it as each schema is defined; the CSP (`script-src 'self'`, no 'unsafe-eval') refuses that and Chromium reports a
// violation on every load. zod reads this global when it loads, so the setting holds before any schema exists.
globalThis.__zod_globalConfig = { jitless: true };

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The API reference at `/docs`: Scalar's renderer (`@scalar/api-reference`, its browser bundle
 * served from this process: no CDN, offline installs browse it too) over `/openapi.json`
 * (decision 0142). The page holds no inline script: the bundle and a two-line start script come
 * from `/docs/assets/`, so the content policy allows scripts of this origin only.
 */
export const DOCS_ASSETS_PATH = '/docs/assets';

const START_SCRIPT = `Scalar.createApiReference('#reference', {
  url: '/openapi.json', withDefaultFonts: false, hideClientButton: true, telemetry: false });
`;

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchboard API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><noscript>The machine-readable document: <a href="/openapi.json">/openapi.json</a></noscript>
<div id="reference"></div>
<script src="${DOCS_ASSETS_PATH}/scalar.js"></script>
<script src="${DOCS_ASSETS_PATH}/start.js"></script></body></html>
`;

/** Scripts, fonts and fetches of this origin only; Scalar sets its styles inline. */
export const DOCS_CSP = `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'`;

/** The browser bundle, located beside the package's entry (read once, on first request). */
function bundlePath(): string {
  return join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js');
}

let bundle: Buffer | undefined;

/** The assets `/docs` loads, by file name; nothing else is served from the folder. */
export function docsAsset(name: string): Buffer | string | undefined {
  if (name === 'start.js') return START_SCRIPT;
  if (name === 'scalar.js') return (bundle ??= readFileSync(bundlePath()));
  return undefined;
}

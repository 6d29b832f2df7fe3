import { createHash } from 'node:crypto';

// A self-contained page (no CDN: offline installs must browse it too) that reads /openapi.json.
const SCRIPT = `
fetch('/openapi.json').then(function (r) { return r.json(); }).then(function (doc) {
  var root = document.getElementById('ops');
  document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
  var byTag = {};
  Object.keys(doc.paths).forEach(function (path) {
    Object.keys(doc.paths[path]).forEach(function (method) {
      var op = doc.paths[path][method];
      var tag = (op.tags || ['other'])[0];
      (byTag[tag] = byTag[tag] || []).push({ path: path, method: method, op: op });
    });
  });
  Object.keys(byTag).sort().forEach(function (tag) {
    var h = document.createElement('h2');
    h.textContent = tag;
    root.appendChild(h);
    byTag[tag].forEach(function (e) {
      var d = document.createElement('details');
      var s = document.createElement('summary');
      s.innerHTML = '<code class="m"></code> <code class="p"></code> <span></span> <em></em>';
      s.children[0].textContent = e.method.toUpperCase();
      s.children[1].textContent = e.path;
      s.children[2].textContent = e.op.summary || '';
      s.children[3].textContent = e.op['x-capability'] || '';
      var pre = document.createElement('pre');
      pre.textContent = JSON.stringify({ request: e.op.requestBody, parameters: e.op.parameters, responses: e.op.responses }, null, 2);
      d.appendChild(s);
      d.appendChild(pre);
      root.appendChild(d);
    });
  });
  var schemas = document.createElement('details');
  schemas.innerHTML = '<summary>Schemas</summary><pre></pre>';
  schemas.children[1].textContent = JSON.stringify(doc.components.schemas, null, 2);
  root.appendChild(schemas);
});
`;

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}
summary{cursor:pointer;padding:.2em 0}code.m{display:inline-block;width:4.5em;font-weight:bold}
em{color:#666;float:right}pre{background:#f6f6f6;padding:1em;overflow:auto}`;

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchboard API</title>
<style>${STYLE}</style></head>
<body><h1 id="title">Switchboard API</h1><p>The machine-readable document: <a href="/openapi.json">/openapi.json</a></p>
<div id="ops"></div><script>${SCRIPT}</script></body></html>
`;

/** Only this page's own script and style may run; it may fetch only from this origin. */
export const DOCS_CSP = `default-src 'none'; script-src ${hash(SCRIPT)}; style-src ${hash(STYLE)}; connect-src 'self'; frame-ancestors 'none'`;

// Adjoint's service worker: after the first visit the app works with the network cut
// (a lecture hall's Wi-Fi is not to be trusted). Registered by the app's page only
// (web/src/offline.rs), never by a widget's host page.
//
// On install it caches the page and every file the page names (Trunk's hashed JS, wasm
// and CSS), read from the page itself, plus what the app loads later (LAZY): the tensor
// lab and the Chinese strings.
// scripts/csp-init.py stamps the build into CACHE, so every build installs afresh and the
// previous build's cache is deleted when this one activates.
//
// Only same-origin GET requests are handled. The app's page is served network-first (a
// new build shows when online); files with a content hash in their name cache-first (the
// name changes with the content); other files (adjoint-widget.js…) network-first. Other
// pages of the origin (a course page embedding widgets) are left to the network.
"use strict";

const CACHE = "adjoint-" + /*ADJOINT_BUILD_ID*/ "dev";
const PAGE = "./";
/** Files the page does not name but the app loads later (the tensor lab, the Chinese
 * strings), written by scripts/csp-init.py; cached at install so tensor programs and
 * Chinese work offline too. */
const LAZY = /*ADJOINT_LAZY*/ [];
/** Trunk's hashed names: `style-d27b7aefead59b41.css`, `adjoint-web-…_bg.wasm`. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

/** Same-origin files named by the page's href/src attributes (quoted or not: the
 * release build's HTML is minified). */
function assetsOf(html, base) {
  const urls = new Set([PAGE]);
  for (const m of html.matchAll(/\b(?:href|src)=(?:"([^"#]+)"|'([^'#]+)'|([^\s>"'#]+))/g)) {
    const url = new URL(m[1] || m[2] || m[3], base);
    if (url.origin === self.location.origin) urls.add(url.pathname + url.search);
  }
  return [...urls];
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch(PAGE, { cache: "no-cache" });
    if (!response.ok) return;
    const html = await response.clone().text();
    await cache.put(PAGE, response);
    // addAll refuses a list with a file twice (the page may preload a file LAZY names).
    const files = new Set(assetsOf(html, response.url).concat(LAZY.map((u) => new URL(u, response.url).pathname)));
    files.delete(PAGE);
    files.delete(new URL(PAGE, response.url).pathname);
    await cache.addAll([...files]);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

/** The network's answer (kept under `key`), else the cached one. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Is `url` the app's page (the worker's folder, or its index.html, with any query)? */
function isAppPage(url) {
  const scope = new URL(self.registration.scope).pathname;
  return url.pathname === scope || url.pathname === `${scope}index.html`;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (isAppPage(url)) event.respondWith(networkFirst(request, PAGE));
    return;
  }
  if (HASHED.test(url.pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, url.pathname + url.search));
});

/* Offline copies of the mission and finder pages a person has visited, and nothing else.
   Network first; when the network fails, the saved copy, marked with the day it was saved.
   A page never visited is not pretended: it answers "not saved" (503). */
"use strict";

var CACHE = "embassies-pages-v1";
// /missions/12-slug/, /find/?citizen=CA&in=RU, /find/card/?..., with or without /fr/ in front.
var PAGES = /^(\/[a-z]{2}(-[a-z]+)?)?\/(missions\/\d+(-[^/]*)?\/|find\/(card\/)?)$/;
var STYLES = /^\/static\/.+\.css$/;
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function sameOrigin(url) { return url.origin === self.location.origin; }

function save(key, response) {
  if (!response.ok || response.type !== "basic") { return Promise.resolve(); }
  return response.clone().blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set("X-Saved-At", new Date().toISOString());
    var copy = new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
    return caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
  });
}

function day(iso) {
  var d = new Date(iso);
  return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
}

// The saved page, with a note at the top of <main> saying when it was saved.
function fromCache(saved) {
  var when = saved.headers.get("X-Saved-At") || "";
  var headers = new Headers(saved.headers);
  headers.delete("Content-Length");
  return saved.text().then(function (html) {
    var note = '<p class="offline-notice" role="status">Saved on ' + escapeHtml(day(when)) +
      ", may be out of date. You are offline.</p>";
    html = html.replace(/<main\b[^>]*>/, function (tag) { return tag + note; });
    return new Response(html, { status: 200, headers: headers });
  });
}

function notSaved() {
  var html = '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Not saved for offline use</title></head><body><main><h1>You are offline</h1>" +
    "<p>This page was not saved on this device, so it cannot be shown without a connection. " +
    "The embassy, consulate and finder pages you opened before are kept.</p></main></body></html>";
  return new Response(html, { status: 503, headers: {
    "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'" } });
}

function networkFirst(event, fallback) {
  var request = event.request;
  // "no-cache": ask the server (a cheap 304 when nothing changed), so that offline the saved
  // copy answers, with its date, rather than the browser's short-lived HTTP cache without one.
  return fetch(request, { cache: "no-cache" }).then(function (response) {
    event.waitUntil(save(request.url, response));
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request.url, { ignoreVary: true });
    }).then(fallback);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || !sameOrigin(url)) { return; }
  if (request.mode === "navigate" && PAGES.test(url.pathname)) {
    event.respondWith(networkFirst(event, function (saved) {
      return saved ? fromCache(saved) : notSaved();
    }));
  } else if (STYLES.test(url.pathname)) {
    // Only so that a saved page still looks like itself offline.
    event.respondWith(networkFirst(event, function (saved) { return saved || Response.error(); }));
  }
});

// A page opened before this worker took control asks to be saved (see offline.js).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (typeof data.save !== "string") { return; }
  var page = new URL(data.save);
  if (!sameOrigin(page) || !PAGES.test(page.pathname)) { return; }
  var styles = (Array.isArray(data.styles) ? data.styles : []).filter(function (href) {
    var url = new URL(href);
    return sameOrigin(url) && STYLES.test(url.pathname);
  });
  event.waitUntil(Promise.all([page.href].concat(styles).map(function (href) {
    return fetch(href, { credentials: "same-origin" }).then(function (r) { return save(href, r); });
  })).catch(function () { /* offline already: nothing to save */ }));
});

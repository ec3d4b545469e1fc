/**
 * Serving the built web app (packages/web/dist) on the API's own origin: its files as they are, and index.html for
 * any other GET or HEAD path outside /v1 and the operations routes, so the app's own paths (/coach/…, /analyst)
 * survive a reload. Hashed assets (Vite's /assets/…) are cached for a year; index.html is revalidated each time.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type RequestHandler } from 'express';
import { sendProblem } from './problems.js';

/** Paths that are never the web app's, even when nothing else answered them. */
const NOT_THE_APP = /^\/(v1|docs|openapi\.json|healthz|readyz|metrics)(\/|$)/;

/** Middleware serving the web app built into `webRoot` (a folder with index.html). */
export function webAppHandler(webRoot: string): RequestHandler {
  const root = resolve(webRoot);
  const index = join(root, 'index.html');
  const files = express.static(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path)) return next();
    res.locals.route = '/';
    files(req, res, () => {
      // Only index.html stands in for app paths: a missing asset (a dotted name) is a plain 404.
      if (/\.[A-Za-z0-9]+$/.test(req.path) && req.path !== '/index.html') return next();
      if (!existsSync(index)) {
        sendProblem(res, 'not-found', 'the web app is not built: run `pnpm --filter @bridgework/web build` (pnpm start does it)');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, (err) => {
        if (err) next(err);
      });
    });
  };
}

/**
 * Child process of the API benchmark: a bare Express 5 endpoint (`GET /bare` answering `{"ok":true}`), the
 * reference the API's throughput is compared with. In its own process, so it shares neither the event loop nor
 * the heap of the API server. Prints one JSON line ({ url }) and serves until SIGTERM.
 */
import express from 'express';

const app = express();
app.get('/bare', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/bare` })}\n`);
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});

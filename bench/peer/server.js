#!/usr/bin/env node
// Peer baseline server for the hot-item benchmark: a stock ShareDB 7 backend
// (default in-memory DB and pub/sub) with the ot-text-unicode type, served over
// WebSocket on loopback. It creates no documents; load.js does that.
//
//   node server.js --port 0      # 0 = let the OS pick
//
// Prints exactly one line "ready <port>" on stdout once listening, logs to
// stderr, and exits 0 on SIGTERM/SIGINT.
'use strict';

const ShareDB = require('sharedb');
const textUnicode = require('ot-text-unicode');
const WebSocketJSONStream = require('@teamwork/websocket-json-stream');
const { WebSocketServer } = require('ws');

function parsePort(argv) {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : '0';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`server: bad --port ${raw}`);
    process.exit(2);
  }
  return port;
}

const port = parsePort(process.argv.slice(2));

ShareDB.types.register(textUnicode.type);
const backend = new ShareDB();

// Loopback only: the benchmark must never listen on other interfaces.
const wss = new WebSocketServer({ host: '127.0.0.1', port });

wss.on('connection', (ws, req) => {
  const stream = new WebSocketJSONStream(ws);
  // A client that disconnects mid-write makes the stream error; that is
  // expected at the end of a run and must not take the server down.
  stream.on('error', (err) => console.error(`server: stream error: ${err.message}`));
  backend.listen(stream, req);
});

wss.on('listening', () => {
  process.stdout.write(`ready ${wss.address().port}\n`);
});

wss.on('error', (err) => {
  console.error(`server: ${err.message}`);
  process.exit(1);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`server: ${signal}, shutting down`);
  for (const client of wss.clients) client.terminate();
  wss.close(() => backend.close(() => process.exit(0)));
  // Never hang the caller if a close callback does not come.
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

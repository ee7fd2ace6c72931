#!/usr/bin/env node
// Load generator for the hot-item peer baseline: N ShareDB clients in one
// process, all editing one text-unicode document, each with exactly one op in
// flight (the next op is submitted from the previous op's ack callback).
//
//   node load.js --url ws://127.0.0.1:PORT --clients 40 --warmup 3 --seconds 10 \
//                --server-pid PID --seed 1 --start-length 1000
//
// Progress goes to stderr; the last stdout line is one JSON object with the
// results. Exits non-zero (message on stderr) when the run cannot be carried
// out; a run that completes but does not converge still exits 0 and reports
// "converged": false.
'use strict';

const fs = require('fs');
const { execFileSync } = require('child_process');
const { performance } = require('perf_hooks');
const WebSocket = require('ws');
const ShareDB = require('sharedb/lib/client');
const textUnicode = require('ot-text-unicode');

ShareDB.types.register(textUnicode.type);

const COLLECTION = 'bench';
const DOC_ID = 'hot-item';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
const SETUP_TIMEOUT_MS = 20000;
const DRAIN_TIMEOUT_MS = 30000;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    url: null, clients: 40, warmup: 3, seconds: 10,
    serverPid: null, seed: 1, startLength: 1000,
  };
  const numeric = {
    '--clients': 'clients', '--warmup': 'warmup', '--seconds': 'seconds',
    '--server-pid': 'serverPid', '--seed': 'seed', '--start-length': 'startLength',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (value === undefined) fail(`missing value for ${key}`);
    if (key === '--url') { opts.url = value; continue; }
    if (!(key in numeric)) fail(`unknown argument ${key}`);
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) fail(`bad value for ${key}: ${value}`);
    opts[numeric[key]] = n;
  }
  if (!opts.url) fail('--url is required');
  if (!Number.isInteger(opts.clients) || opts.clients < 1) fail('--clients must be an integer >= 1');
  if (!(opts.seconds > 0)) fail('--seconds must be > 0');
  if (!Number.isInteger(opts.startLength)) fail('--start-length must be an integer');
  return opts;
}

function fail(message) {
  process.stderr.write(`load: error: ${message}\n`);
  process.exit(1);
}

function log(message) {
  process.stderr.write(`load: ${message}\n`);
}

// ------------------------------------------------------------------ helpers

// xorshift32 with a seed scrambler, so seeds 1, 2, 3... give unrelated streams.
// Determinism matters only for the starting text and each client's op stream;
// interleaving across clients is up to the scheduler anyway.
function makeRng(seed, stream) {
  let s = (Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  if (s === 0) s = 0x6d2b79f5;
  const next = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
  for (let i = 0; i < 8; i++) next(); // let weak seeds spread out
  return {
    int(n) { return Math.floor((next() / 4294967296) * n); }, // uniform in [0, n)
  };
}

function startingText(seed, length) {
  const rng = makeRng(seed, -1);
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[rng.int(ALPHABET.length)];
  return text;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length); // nearest-rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function round(x, digits) {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function clockTicksPerSecond() {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    if (n > 0) return n;
  } catch (_) { /* fall through */ }
  return 100;
}

// utime + stime of a process, in clock ticks (fields 14 and 15 of
// /proc/PID/stat, counted after the parenthesised command name, which may
// itself contain spaces).
function processTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

// Busy ticks of the whole machine (all cores), from the first line of /proc/stat:
// user nice system idle iowait irq softirq steal ... ; idle and iowait excluded.
function machineBusyTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// Opens a ShareDB connection and resolves once the handshake gave it an id.
function connect(url) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const connection = new ShareDB.Connection(socket);
    const onError = (err) => reject(new Error(`cannot connect to ${url}: ${err && err.message ? err.message : err}`));
    connection.on('connection error', onError);
    connection.once('connected', () => {
      connection.removeListener('connection error', onError);
      resolve(connection);
    });
  });
}

const call = (fn) => new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

// --------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const n = opts.clients;
  const ticksPerSecond = clockTicksPerSecond();
  if (opts.serverPid !== null) {
    try { processTicks(opts.serverPid); } catch (err) { fail(`cannot read /proc/${opts.serverPid}/stat: ${err.message}`); }
  }

  // --- setup: connect everyone, create the doc from client 0, subscribe all.
  log(`connecting ${n} clients to ${opts.url}`);
  const connections = await withTimeout(
    Promise.all(Array.from({ length: n }, () => connect(opts.url))),
    SETUP_TIMEOUT_MS, 'connecting clients');

  let running = true;      // clients keep submitting while true
  let measuring = false;   // samples count only while true
  let stopping = false;    // connections are being closed on purpose

  const clients = connections.map((connection, index) => ({
    index,
    connection,
    id: connection.id,
    doc: connection.get(COLLECTION, DOC_ID),
    rng: makeRng(opts.seed, index),
    submitAt: 0,
  }));
  for (const c of clients) {
    c.doc.on('error', (err) => fail(`client ${c.index} doc error: ${err.message}`));
    c.connection.on('state', (state) => {
      if (!stopping && state !== 'connected') fail(`client ${c.index} connection went ${state}`);
    });
  }

  const creator = clients[0].doc;
  await call((cb) => creator.fetch(cb));
  if (creator.type) fail(`document ${COLLECTION}/${DOC_ID} already exists: start a fresh server`);
  await call((cb) => creator.create(startingText(opts.seed, opts.startLength), textUnicode.type.uri, cb));
  await withTimeout(Promise.all(clients.map((c) => call((cb) => c.doc.subscribe(cb)))),
    SETUP_TIMEOUT_MS, 'subscribing clients');
  log(`doc created (${opts.startLength} chars) and ${n} clients subscribed`);

  // --- measurement state
  let ackedOps = 0;
  let ackedTotal = 0;
  const ackLatency = [];
  const fanoutLatency = [];
  // "src:seq" -> { t: submit time, left: other clients still to receive it }.
  // Deleted once every other client got it, so it stays small.
  const inFlight = new Map();

  // An op is identified by the server-visible pair (connection id, seq).
  // 'send' fires when ShareDB flushes the op (one tick after submitOp) with
  // the seq it assigned; src is left out on a first send, and the server then
  // stamps the connection id on the broadcast.
  for (const c of clients) {
    c.connection.on('send', (message) => {
      if (message.a !== 'op' || !message.op) return;
      if (n > 1) inFlight.set(`${message.src || c.id}:${message.seq}`, { t: c.submitAt, left: n - 1 });
    });
    // 'receive' fires on the raw parsed message before ShareDB handles it:
    // the earliest moment this client could know about the op.
    c.connection.on('receive', (request) => {
      const m = request.data;
      if (!m || m.a !== 'op' || !m.op || m.src === c.id) return;
      const key = `${m.src}:${m.seq}`;
      const entry = inFlight.get(key);
      if (!entry) return;
      if (measuring) fanoutLatency.push(performance.now() - entry.t);
      if (--entry.left === 0) inFlight.delete(key);
    });
  }

  let idleResolve = null;
  let inflightCount = 0;

  function submitNext(c) {
    if (!running) {
      if (--inflightCount === 0 && idleResolve) idleResolve();
      return;
    }
    const text = c.doc.data;
    const len = text.length;
    let op;
    if (len > 0 && c.rng.int(2) === 1) {
      const pos = c.rng.int(len);                  // delete the char at pos
      op = pos === 0 ? [{ d: 1 }] : [pos, { d: 1 }];
    } else {
      const pos = c.rng.int(len + 1);              // insert before pos (len = append)
      const ch = ALPHABET[c.rng.int(ALPHABET.length)];
      op = pos === 0 ? [ch] : [pos, ch];
    }
    c.submitAt = performance.now();
    c.doc.submitOp(op, (err) => {
      if (err) return fail(`client ${c.index} op rejected: ${err.message}`);
      const t = performance.now();
      ackedTotal++;
      if (measuring) {
        ackedOps++;
        ackLatency.push(t - c.submitAt);
      }
      submitNext(c);
    });
  }

  // --- run: warm-up, then the measuring window.
  log(`warm-up ${opts.warmup} s`);
  inflightCount = n;
  for (const c of clients) submitNext(c);

  let lastTotal = 0;
  const progress = setInterval(() => {
    log(`${ackedTotal - lastTotal} ops acked in the last second${measuring ? ' (measuring)' : ''}`);
    lastTotal = ackedTotal;
  }, 1000);

  await new Promise((r) => setTimeout(r, opts.warmup * 1000));
  const serverTicks0 = opts.serverPid !== null ? processTicks(opts.serverPid) : null;
  const loadCpu0 = process.cpuUsage();
  const machine0 = machineBusyTicks();
  const self0 = processTicks(process.pid);
  const windowStart = performance.now();
  measuring = true;
  log(`measuring ${opts.seconds} s`);

  await new Promise((r) => setTimeout(r, opts.seconds * 1000));
  measuring = false;
  const windowEnd = performance.now();
  const loadCpu = process.cpuUsage(loadCpu0);
  const serverTicks1 = opts.serverPid !== null ? processTicks(opts.serverPid) : null;
  const self1 = processTicks(process.pid);
  const machine1 = machineBusyTicks();
  running = false;
  clearInterval(progress);

  // --- drain: every in-flight op acked, every client at the server's version.
  log('window closed; draining');
  if (inflightCount > 0) {
    await withTimeout(new Promise((r) => { idleResolve = r; }), DRAIN_TIMEOUT_MS, 'in-flight ops to be acked');
  }
  const checker = await withTimeout(connect(opts.url), SETUP_TIMEOUT_MS, 'connecting the checking client');
  const serverDoc = checker.get(COLLECTION, DOC_ID);
  await call((cb) => serverDoc.fetch(cb));
  const finalVersion = serverDoc.version;
  await withTimeout(new Promise((resolve) => {
    const poll = () => (clients.every((c) => c.doc.version === finalVersion) ? resolve() : setTimeout(poll, 5));
    poll();
  }), DRAIN_TIMEOUT_MS, `clients to catch up to version ${finalVersion}`);

  const serverText = serverDoc.data;
  const converged = typeof serverText === 'string' && clients.every((c) => c.doc.data === serverText);
  if (!converged) log('NOT CONVERGED: client copies differ from each other or from the server');

  // --- report
  const elapsedS = (windowEnd - windowStart) / 1000;
  ackLatency.sort((a, b) => a - b);
  fanoutLatency.sort((a, b) => a - b);
  const serverCpuMs = serverTicks0 !== null ? ((serverTicks1 - serverTicks0) * 1000) / ticksPerSecond : null;
  const result = {
    clients: n,
    seconds: opts.seconds,
    ackedOps,
    opsPerSecond: round(ackedOps / elapsedS, 1),
    p50AckMs: round(percentile(ackLatency, 50), 3),
    p99AckMs: round(percentile(ackLatency, 99), 3),
    p99FanoutMs: round(percentile(fanoutLatency, 99), 3),
    serverCpuMsPerOp: serverCpuMs !== null && ackedOps > 0 ? round(serverCpuMs / ackedOps, 4) : null,
    loadCpuMs: round((loadCpu.user + loadCpu.system) / 1000, 1),
    converged,
    finalLength: typeof serverText === 'string' ? serverText.length : null,
  };
  log(`window ${elapsedS.toFixed(3)} s, ${fanoutLatency.length} fan-out samples, ` +
      `p50 fan-out ${round(percentile(fanoutLatency, 50), 3)} ms, server CPU ${serverCpuMs} ms, ` +
      `final version ${finalVersion}`);
  // Anything else busy on the machine skews a 2-core benchmark; say how much.
  if (serverTicks0 !== null) {
    const other = (machine1 - machine0) - (serverTicks1 - serverTicks0) - (self1 - self0);
    log(`other processes used about ${((other / ticksPerSecond / elapsedS) * 100).toFixed(0)}% of one core during the window`);
  }

  stopping = true;
  for (const c of clients) c.connection.close();
  checker.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((err) => fail(err && err.message ? err.message : String(err)));

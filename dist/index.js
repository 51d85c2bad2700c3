import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 60218:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _gate_read_worker_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(87434);
/** Entry point of the bundled action (dist/index.js). */

// The same file runs in the worker thread that reads the champion's predictions (gate/read-worker.ts): the rest
// of the action is imported only here, so the worker does not load it.
if ((0,_gate_read_worker_js__WEBPACK_IMPORTED_MODULE_0__/* .isReadWorker */ .FX)())
    (0,_gate_read_worker_js__WEBPACK_IMPORTED_MODULE_0__/* .serveReadWorker */ .E2)();
else {
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(814), __nccwpck_require__.e(881)]).then(__nccwpck_require__.bind(__nccwpck_require__, 78881));
    await run({ readWorker: (0,_gate_read_worker_js__WEBPACK_IMPORTED_MODULE_0__/* .readThreads */ ._f)(process.env) > 1 ? import.meta.url : undefined });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 34758:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rq: () => (/* binding */ userMessage),
/* harmony export */   Wc: () => (/* binding */ isGateError),
/* harmony export */   ue: () => (/* binding */ GateError)
/* harmony export */ });
/* unused harmony export formatLocation */
class GateError extends Error {
    location;
    constructor(message, location = {}) {
        super(message);
        this.name = 'GateError';
        this.location = location;
    }
}
/** True for errors whose message is meant for the user. */
function isGateError(e) {
    return e instanceof GateError;
}
/** `file:line:column` prefix for messages, leaving out what is unknown. */
function formatLocation(loc) {
    if (!loc.file)
        return '';
    let s = loc.file;
    if (loc.line !== undefined) {
        s += `:${loc.line}`;
        if (loc.column !== undefined)
            s += `:${loc.column}`;
    }
    return s;
}
/** The sentence a user sees: the message, prefixed with `file:line:column` unless it already names the file. */
function userMessage(e) {
    const where = formatLocation(e.location);
    return where && !(e.location.file && e.message.includes(e.location.file)) ? `${where}: ${e.message}` : e.message;
}


/***/ }),

/***/ 37902:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GV: () => (/* binding */ Growable),
/* harmony export */   K3: () => (/* binding */ growUint8),
/* harmony export */   Oz: () => (/* binding */ growFloat64),
/* harmony export */   fy: () => (/* binding */ growUint32)
/* harmony export */ });
const CHUNK = 1 << 16;
class Growable {
    make;
    full = [];
    current;
    used = 0;
    /** Set by reserve() while its one array still has room: then toArray need not copy. */
    reserved = false;
    length = 0;
    constructor(make) {
        this.make = make;
        this.current = make(CHUNK);
    }
    push(value) {
        if (this.used === this.current.length) {
            this.full.push(this.current);
            this.current = this.make(CHUNK);
            this.used = 0;
            this.reserved = false;
        }
        this.current[this.used++] = value;
        this.length++;
    }
    /**
     * Makes room for `total` values in one array, when a reader can estimate its rows (from the file's size): the
     * values then need no copy at the end, and the chunks no second home (at 10M rows, 140 MiB of garbage per
     * file). Only an estimate: more values than that still fit, in chunks after it.
     */
    reserve(total) {
        if (this.full.length > 0 || total <= this.current.length)
            return;
        const one = this.make(total);
        one.set(this.current.subarray(0, this.used));
        this.current = one;
        this.reserved = true;
    }
    /** The values pushed so far, in an array of exactly that length (a view of the reserved one if it is nearly full). */
    toArray() {
        // Up to 1/8 left unused is cheaper than a copy (the copy holds every value twice until the next full GC).
        if (this.reserved && this.current.length - this.used <= this.current.length >> 3)
            return this.current.subarray(0, this.used);
        const out = this.make(this.length);
        let at = 0;
        for (const chunk of this.full) {
            out.set(chunk, at);
            at += chunk.length;
        }
        out.set(this.current.subarray(0, this.used), at);
        return out;
    }
}
const growUint8 = () => new Growable((n) => new Uint8Array(n));
const growUint32 = () => new Growable((n) => new Uint32Array(n));
const growFloat64 = () => new Growable((n) => new Float64Array(n));


/***/ }),

/***/ 40766:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ms: () => (/* binding */ Interner),
/* harmony export */   Yo: () => (/* binding */ detach),
/* harmony export */   fp: () => (/* binding */ quoteJson),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   hX: () => (/* binding */ formatId)
/* harmony export */ });
/** Small text helpers shared by the readers: detaching kept values, and quoting values in messages. */
/**
 * A flat copy of `s`, for values kept per row. V8 represents a slice of 13+ characters as a view into its
 * parent, so kept ids would otherwise pin every 1 MiB chunk of the file, and comparing such views (sorting
 * ids for the fingerprint) is about 3x slower. join() of two parts builds one new flat string; shorter
 * slices are copies already.
 */
function detach(s) {
    return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}
/**
 * Keeps one copy of each distinct value of a low-cardinality column (segments, groups): 10M rows of
 * "mobile" then cost one string, not 10M (about 300 MiB less on the 10M-row benchmark). Past `limit`
 * distinct values the column is not low-cardinality, and values are only detached.
 */
class Interner {
    limit;
    seen = new Map();
    constructor(limit = 1 << 16) {
        this.limit = limit;
    }
    keep(s) {
        const known = this.seen.get(s);
        if (known !== undefined)
            return known;
        const flat = detach(s);
        if (this.seen.size < this.limit)
            this.seen.set(flat, flat);
        return flat;
    }
}
/** A value from a file as shown in a message: quoted, control characters escaped, long ones shortened. */
function quote(value, max = 40) {
    const short = value.length > max ? `${value.slice(0, max - 1)}…` : value;
    return JSON.stringify(short);
}
/** An id in a list of examples: bare when it is plain (`17`, `user-3`), else quoted. */
function formatId(id) {
    return /^[\w.:@/+-]{1,40}$/.test(id) ? id : quote(id);
}
/** A value parsed from a JSON file, as shown in a message: its JSON text, shortened past `max` characters. */
function quoteJson(value, max = 40) {
    const s = JSON.stringify(value) ?? String(value);
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}


/***/ }),

/***/ 91407:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JV: () => (/* binding */ ValueCoder),
/* harmony export */   _y: () => (/* binding */ parseStrictNumber),
/* harmony export */   yk: () => (/* binding */ canonicalKey)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(40766);
/**
 * How cell text becomes numbers and class labels (docs/config.md `positive_label`, docs/predictions.md "Predictions files").
 */

/** Plain decimal numbers only: no hex, no `Infinity`/`NaN` words, no empty text (all of which Number() takes). */
const STRICT_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** Exact powers of ten: every 10^k with k ≤ 22 is a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** The number written in `text`, or NaN when it is not a plain decimal number (±Infinity if it overflows). */
function parseStrictNumber(text) {
    // Fast path, exact: [+-]digits[.digits] with at most 15 significant digits and at most 22 after the point is
    // m / 10^k with m < 2^53 and 10^k both doubles, and one IEEE division rounds it correctly, as parseFloat
    // does (Clinger's fast path). Anything else (exponents, spaces, more digits, non-numbers) takes the slow path.
    const n = text.length;
    let i = 0;
    let c = n > 0 ? text.charCodeAt(0) : 0;
    const negative = c === 45;
    if (negative || c === 43)
        i = 1;
    let mantissa = 0;
    let significant = 0;
    let fraction = -1;
    let digits = 0;
    for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
            mantissa = mantissa * 10 + (c - 48);
            if (mantissa !== 0)
                significant++;
            digits++;
            if (fraction >= 0)
                fraction++;
        }
        else if (c === 46 && fraction < 0)
            fraction = 0;
        else
            break;
    }
    if (i === n && digits > 0 && significant <= 15 && fraction <= 22) {
        const v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -v : v;
    }
    // Once the whole text is known to be one decimal literal, parseFloat reads exactly it, faster than Number().
    return STRICT_NUMBER.test(text) ? parseFloat(text) : NaN;
}
/**
 * The key two label values are compared by: trimmed; a finite number → its shortest form (`1`, `1.0`, ` 1`
 * are equal); true/false in any case → lower case; else the text itself. Empty text gives ''.
 */
function canonicalKey(text) {
    const t = text.trim();
    if (t === '')
        return '';
    const v = parseStrictNumber(t);
    if (Number.isFinite(v))
        return String(v);
    const lower = t.toLowerCase();
    return lower === 'true' || lower === 'false' ? lower : t;
}
/**
 * Gives each distinct canonical value of a column a small code (0, 1, … in order of first appearance).
 * Raw texts are cached, so the per-row cost is one Map lookup; `onNew` runs once per new key and may throw
 * (an empty label, too many classes).
 */
class ValueCoder {
    onNew;
    keys = [];
    /** The first text seen for each key (trimmed), for messages. */
    texts = [];
    /** The line where each key first appears. */
    firstLines = [];
    cache = new Map();
    constructor(onNew = () => { }) {
        this.onNew = onNew;
    }
    code(text, line) {
        const hit = this.cache.get(text);
        if (hit !== undefined)
            return hit;
        const key = canonicalKey(text);
        let code = this.keys.indexOf(key);
        if (code < 0) {
            code = this.keys.length;
            this.onNew(key, code, line);
            this.keys.push(key);
            this.texts.push(text.trim());
            this.firstLines.push(line);
        }
        // Bounded, so a column of ever-new spellings ("1.0", "1.00", …) cannot grow the cache without end.
        if (this.cache.size < 4096)
            this.cache.set((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .detach */ .Yo)(text), code);
        return code;
    }
}


/***/ }),

/***/ 87434:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ serveReadWorker),
/* harmony export */   FX: () => (/* binding */ isReadWorker),
/* harmony export */   _f: () => (/* binding */ readThreads),
/* harmony export */   l3: () => (/* binding */ ReadWorker)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(34758);
/* harmony import */ var _readers_id_column_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(78998);
/* harmony import */ var _readers_id_order_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(55654);
/* harmony import */ var _readers_predictions_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8462);
/* harmony import */ var _readers_table_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(51742);
/* harmony import */ var _release_card_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3493);
/**
 * Reading the champion's binary predictions in a worker thread while this thread reads the candidate's: the two
 * files are parsed (and their ids sorted) on two cores. The worker runs the bundle's own entry file (the shells pass
 * its URL as `readWorker`; `isReadWorker()` tells the entry it is the worker), so nothing else needs bundling.
 *
 * What comes back is the same data the reader returns on this thread — typed arrays moved, not copied, and text
 * columns (a cluster column) as codes into their distinct values — so the report does not depend on the thread count.
 * MODEL_GATE_THREADS=1 reads both files on this thread, one after the other.
 */








const FLAG = 'modelGateReadWorker';
/** Threads for reading: MODEL_GATE_THREADS when it is a whole number ≥ 1, else up to 2 (the two files). */
function readThreads(env) {
    const set = Number(env.MODEL_GATE_THREADS);
    if (Number.isInteger(set) && set >= 1)
        return set;
    return Math.min(2, (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)());
}
/** True in a worker started by ReadWorker: the entry file serves its request instead of running the gate. */
function isReadWorker() {
    return !node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.workerData?.[FLAG] !== undefined;
}
/** The worker's side: wait for the request, read the file, sort its ids, hash its bytes, send everything back. */
function serveReadWorker() {
    node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort.once('message', (req) => void serve(req));
}
async function serve(req) {
    let reply;
    const moved = [];
    try {
        const input = { role: req.role, file: req.path, shown: req.options.displayPath };
        const tap = (0,_release_card_js__WEBPACK_IMPORTED_MODULE_6__/* .hashWhileReading */ .qp)(input);
        const p = await (0,_readers_predictions_js__WEBPACK_IMPORTED_MODULE_4__/* .readPredictions */ .R)(req.path, { ...req.options, onBytes: tap.onBytes });
        tap.done();
        const predictions = toWire(p, (0,_readers_table_js__WEBPACK_IMPORTED_MODULE_5__/* .keepLines */ .F3)(req.path));
        reply = { ok: true, predictions, read: input.read };
        for (const a of [predictions.ids.bytes, predictions.ids.start, predictions.idOrder, predictions.label, predictions.prediction, predictions.score, predictions.lines]) {
            // Buffers move with the views on them; a small Buffer may share Node's 8 KiB pool, which must stay.
            if (a && a.buffer.byteLength >= 1 << 16 && !moved.includes(a.buffer))
                moved.push(a.buffer);
        }
        for (const t of Object.values(predictions.extra)) {
            if (t.codes.buffer.byteLength >= 1 << 16 && !moved.includes(t.codes.buffer))
                moved.push(t.codes.buffer);
        }
    }
    catch (e) {
        reply = (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isGateError */ .Wc)(e)
            ? { ok: false, gate: true, message: e.message, location: e.location }
            : { ok: false, gate: false, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort.postMessage(reply, moved);
}
/**
 * A worker thread running `script` (the bundle's entry), started before it is needed: loading the bundle
 * takes a few hundred milliseconds, spent while this thread reads the config. `read` hands it one file;
 * `close` ends it if it was never used.
 */
class ReadWorker {
    worker;
    used = false;
    exited = false;
    constructor(script) {
        this.worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker(new URL(script), { workerData: { [FLAG]: true } });
        // Until read() listens, an error (say, the script cannot load) only means the files are read here.
        this.worker.on('error', () => undefined);
        this.worker.once('exit', () => (this.exited = true));
    }
    /** False once the worker has stopped (it could not load): then both files are read on this thread. */
    get usable() {
        return !this.exited && !this.used;
    }
    /**
     * Reads the binary predictions file `path` in the worker. Resolves to what readPredictions returns (ids
     * already sorted, in idOrder) and the digest of the bytes read; rejects with the same GateError it would
     * have thrown.
     */
    read(path, options, role) {
        if (!this.usable)
            throw new Error('ReadWorker.read: the worker was used already or has stopped');
        this.used = true;
        const worker = this.worker;
        return new Promise((resolve, reject) => {
            let reply;
            let failed;
            worker.once('message', (r) => {
                reply = r;
                void worker.terminate();
            });
            worker.once('error', (e) => (failed ??= e));
            // The reply is unpacked once the worker is gone, so that its heap is not held alongside the result.
            worker.once('exit', (code) => {
                if (reply === undefined)
                    reject(failed ?? new Error(`the worker reading ${options.displayPath} stopped (exit code ${code}) without a result`));
                else if (reply.ok)
                    resolve({ predictions: fromWire(reply.predictions, path), read: reply.read });
                else if (reply.gate)
                    reject(new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(reply.message, reply.location));
                // A bug stays what it was (its kind is in the user's sentence, its stack in the debug details).
                else
                    reject(Object.assign(new Error(reply.message), { name: reply.name, stack: reply.stack }));
            });
            const request = { path, options, role };
            worker.postMessage(request);
        });
    }
    /** Ends the worker: unused, or no longer wanted (a read under way then rejects, and nobody waits for it). */
    close() {
        void this.worker.terminate();
    }
}
function toWire(p, kept) {
    const extra = p.extra;
    const idOrder = (0,_readers_id_order_js__WEBPACK_IMPORTED_MODULE_3__/* .sortedIdOrder */ .LO)(p.ids);
    return {
        file: p.file,
        n: p.n,
        ids: { bytes: p.ids.bytes, start: p.ids.start, strings: p.ids.strings },
        idOrder,
        label: p.label,
        prediction: p.prediction,
        score: p.score,
        lines: kept ? p.lines : undefined,
        extra
    };
}
function fromWire(w, path) {
    const extra = w.extra;
    const bytes = Buffer.from(w.ids.bytes.buffer, w.ids.bytes.byteOffset, w.ids.bytes.byteLength);
    const ids = _readers_id_column_js__WEBPACK_IMPORTED_MODULE_7__/* .IdColumn */ .Ey.fromParts(w.n, bytes, w.ids.start, w.ids.strings);
    const p = { file: w.file, n: w.n, ids, label: w.label, prediction: w.prediction, score: w.score, extra, idOrder: w.idOrder };
    return (0,_readers_table_js__WEBPACK_IMPORTED_MODULE_5__/* .withRowLines */ .Wb)(p, path, w.file, w.lines);
}


/***/ }),

/***/ 3493:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ RELEASE_CARD_FILE),
/* harmony export */   H2: () => (/* binding */ sourceFromEnv),
/* harmony export */   Qr: () => (/* binding */ configuredInputs),
/* harmony export */   Rf: () => (/* binding */ writeReleaseCard),
/* harmony export */   br: () => (/* binding */ digest),
/* harmony export */   qp: () => (/* binding */ hashWhileReading)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _readers_files_files_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(94155);
/**
 * The release card's shell side: digests of the artifacts a run used, the CI's facts, and writing the card
 * next to the report (`release-card.json` in the report's directory). The action and the CLI call
 * `writeReleaseCard` after writing their report.
 */




/** File name of the card, in the report's directory. */
const RELEASE_CARD_FILE = 'release-card.json';
/** A sink for a reader's raw bytes that fills `input.read` once the reader is done (call `done`). */
function hashWhileReading(input) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let bytes = 0;
    return {
        onBytes(chunk) {
            hash.update(chunk);
            bytes += chunk.length;
        },
        done() {
            input.read = { sha256: hash.digest('hex'), bytes };
        }
    };
}
async function sha256File(file, shown) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    try {
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
            hash.update(chunk);
    }
    catch (e) {
        throw (0,_readers_files_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unreadable */ .O$)(e, shown);
    }
    return hash.digest('hex');
}
/** Digest of one input: a file's SHA-256, or a directory's over its files' relative paths and digests. */
async function digest(input) {
    const base = { role: input.role, path: input.shown };
    if (input.read)
        return { ...base, ...input.read };
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(input.file).catch(() => undefined);
    if (!st)
        return { ...base, sha256: null, bytes: null };
    if (st.isFile())
        return { ...base, sha256: await sha256File(input.file, input.shown), bytes: st.size };
    const files = await (0,_readers_files_files_js__WEBPACK_IMPORTED_MODULE_3__/* .listFiles */ .CS)(input.file, input.shown);
    const lines = [];
    let bytes = 0;
    for (const f of files) {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(input.file, f).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/');
        bytes += (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(f).catch((e) => Promise.reject((0,_readers_files_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unreadable */ .O$)(e, `${input.shown}/${rel}`)))).size;
        lines.push(`${rel}\t${await sha256File(f, `${input.shown}/${rel}`)}\n`);
    }
    lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ...base, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(lines.join(''), 'utf8').digest('hex'), bytes, files: files.length };
}
/** The configured artifacts besides the predictions and the config (which the run names itself). */
function configuredInputs(config, resolve) {
    const a = config.artifacts;
    const pairs = [
        ['operations', a.operations],
        ['champion_operations', a.champion_operations],
        ['model', a.model],
        ['data.reference', a.data?.reference],
        ['data.current', a.data?.current],
        ['cost', a.cost],
        ['champion_cost', a.champion_cost]
    ];
    return pairs.filter((p) => p[1] !== undefined).map(([role, shown]) => ({ role, file: resolve(shown), shown }));
}
/** The CI's facts about this run, from GITHUB_* variables (null outside GitHub Actions). */
function sourceFromEnv(env) {
    const v = (k) => (env[k] && env[k] !== '' ? env[k] : null);
    return {
        repository: v('GITHUB_REPOSITORY'),
        commit: v('GITHUB_SHA'),
        ref: v('GITHUB_REF'),
        run_id: v('GITHUB_RUN_ID'),
        run_attempt: v('GITHUB_RUN_ATTEMPT')
    };
}
/** Writes the card as `release-card.json` next to `reportFile`; returns the card's path. */
async function writeReleaseCard(card, reportFile) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(reportFile), RELEASE_CARD_FILE);
    await (0,_readers_files_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(file, `${JSON.stringify({ ...card, report: node_path__WEBPACK_IMPORTED_MODULE_2__.basename(reportFile) }, null, 2)}\n`);
    return file;
}


/***/ }),

/***/ 94155:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ listFiles),
/* harmony export */   Gz: () => (/* binding */ requireFile),
/* harmony export */   O$: () => (/* binding */ unreadable),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(34758);
/** Small file helpers of the shells: resolving user paths and writing outputs without half-written files. */



/**
 * Writes through a temporary file and a rename, so a reader never sees half a report. A file that cannot be
 * written (no space, no permission, a file where a directory should be) is a GateError naming it.
 */
async function writeFileAtomic(file, content) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), { recursive: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(tmp, content, 'utf8');
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rename(tmp, file);
    }
    catch (e) {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(tmp, { force: true }).catch(() => undefined);
        const code = e.code;
        if (typeof code !== 'string')
            throw e;
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(`cannot write ${file} (${code}); check that its directory exists or can be created and is writable`);
    }
}
/**
 * Checks that an input file exists before any reader opens it, so the message can say where the path came
 * from (`artifacts.champion in .github/model-gate.yml`, the `candidate` input, …) and what to do.
 */
async function requireFile(absolute, shown, origin) {
    let stat;
    try {
        stat = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(absolute);
    }
    catch {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(`${shown} does not exist (from ${origin}); check the path, which is relative to the workspace`, {
            file: shown
        });
    }
    if (!stat.isFile()) {
        const what = stat.isDirectory() ? 'a directory' : 'not a regular file';
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(`${shown} is ${what}, not a file (from ${origin}); point it at the file itself`, { file: shown });
    }
}
/** An fs failure while reading under a user-named path, as a sentence naming it (never a raw errno). */
function unreadable(e, shown, what = 'read') {
    const code = e?.code;
    if (typeof code !== 'string')
        throw e;
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(`cannot ${what} ${shown} (${code}); check that it exists and is readable`, { file: shown });
}
/**
 * Every regular file under `dir` (links to files included, links to directories not followed: they could
 * loop), sorted. A directory that cannot be listed is a GateError naming `shown`, the path as the user wrote it.
 */
async function listFiles(dir, shown) {
    const out = [];
    const walk = async (d) => {
        const entries = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(d, { withFileTypes: true });
        for (const e of entries) {
            const p = node_path__WEBPACK_IMPORTED_MODULE_1__.join(d, e.name);
            if (e.isDirectory())
                await walk(p);
            else if (e.isFile())
                out.push(p);
            else if (e.isSymbolicLink()) {
                const target = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(p).catch(() => undefined);
                if (target?.isFile())
                    out.push(p);
            }
        }
    };
    try {
        await walk(dir);
    }
    catch (e) {
        throw unreadable(e, shown, 'list the files under');
    }
    return out.sort();
}


/***/ }),

/***/ 78998:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ IdColumn),
/* harmony export */   Tt: () => (/* binding */ IdColumnBuilder),
/* harmony export */   Xo: () => (/* binding */ compareBytes),
/* harmony export */   tn: () => (/* binding */ compareIdsAt),
/* harmony export */   xZ: () => (/* binding */ sameIdAt)
/* harmony export */ });
/* harmony import */ var _base_growable_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(37902);
/**
 * The ids of a predictions file as UTF-8 bytes in one arena with offsets, not one JS string per row: at 10M rows
 * a string id costs ~32 bytes with its array slot (two files: ~640 MiB, most of the heap), its bytes here ~12.
 * Strings are made only for what a message or the report shows.
 *
 * Byte order of UTF-8 is code point order, the order ids have always been sorted in (id-order.ts), and equal
 * bytes are equal texts, so sorting, matching and the fingerprint give what they gave on strings. The one text
 * UTF-8 cannot carry is a lone surrogate (a JSON `"\ud800"` escape): a column with one keeps its strings and
 * takes the string paths (`strings` is set), so nothing about such ids changes either.
 */

const PAGE_BYTES = 1 << 22;
/** Offsets are Uint32: past 4 GiB of id bytes (not a predictions file) the builder stops with an Error. */
const MAX_BYTES = 2 ** 32 - 1;
const LONE_SURROGATE = /\p{Surrogate}/u;
class IdColumn {
    n;
    bytes;
    start;
    strings;
    constructor(n, 
    /** The ids' UTF-8 bytes, id i at [start[i], start[i + 1]); empty when `strings` is set. */
    bytes, 
    /** n + 1 offsets into bytes. */
    start, 
    /** Set only for a column holding a lone surrogate: the ids as strings (see above). */
    strings) {
        this.n = n;
        this.bytes = bytes;
        this.start = start;
        this.strings = strings;
    }
    /** A column of these ids (tests, and readers whose ids are strings already). */
    static of(ids) {
        if (ids instanceof IdColumn)
            return ids;
        const b = new IdColumnBuilder();
        for (const id of ids)
            b.push(id);
        return b.finish();
    }
    /** A column from its parts as they are (the builder; a column sent from a worker thread). */
    static fromParts(n, bytes, start, strings) {
        return new IdColumn(n, bytes, start, strings);
    }
    /** Id i as text, for messages. */
    text(i) {
        return this.strings ? this.strings[i] : this.bytes.toString('utf8', this.start[i], this.start[i + 1]);
    }
    /** Every id as text (tests and small files only). */
    texts() {
        return Array.from({ length: this.n }, (_, i) => this.text(i));
    }
}
/**
 * Collects ids row by row: ASCII is copied a byte at a time, anything else encoded by Buffer.write. The bytes go
 * into pages of 4 MiB, copied once into the arena at the end: growing one buffer by copying would leave about
 * twice the arena behind as garbage (hundreds of MiB at 10M rows, until the next full GC).
 */
class IdColumnBuilder {
    pages = [];
    page = Buffer.allocUnsafe(PAGE_BYTES);
    /** Bytes used in `page`, and in the pages before it. */
    used = 0;
    base = 0;
    reservedPage = false;
    start = (0,_base_growable_js__WEBPACK_IMPORTED_MODULE_0__/* .growUint32 */ .fy)();
    strings;
    /** Ids pushed so far. */
    length = 0;
    constructor() {
        this.start.push(0);
    }
    push(id) {
        this.length++;
        if (this.strings) {
            this.strings.push(id);
            return;
        }
        const len = id.length;
        if (this.used + 3 * len > this.page.length)
            this.nextPage(3 * len);
        const bytes = this.page;
        let at = this.used;
        let i = 0;
        for (; i < len; i++) {
            const c = id.charCodeAt(i);
            if (c >= 0x80)
                break;
            bytes[at++] = c;
        }
        if (i < len) {
            if (LONE_SURROGATE.test(id)) {
                this.toStrings(id);
                return;
            }
            at += bytes.write(id.slice(i), at, 'utf8');
        }
        this.used = at;
        this.start.push(this.base + at);
    }
    /**
     * Room for about `rows` ids in all (an estimate, see Growable.reserve): the bytes so far move into one page
     * sized at their bytes per id, which becomes the arena without a copy if the estimate holds.
     */
    reserve(rows) {
        if (this.strings || this.length === 0 || rows <= this.length)
            return;
        this.start.reserve(rows + 1);
        const have = this.base + this.used;
        // Generous: the first rows' ids are often shorter than the rest (counters), and running out means a copy.
        const size = Math.ceil(((rows * have) / this.length) * 1.5) + 64;
        if (size <= PAGE_BYTES || size > MAX_BYTES)
            return;
        const one = Buffer.from(new ArrayBuffer(size));
        let at = 0;
        for (const p of this.pages)
            at += p.copy(one, at);
        at += this.page.copy(one, at, 0, this.used);
        this.pages.length = 0;
        this.base = 0;
        this.page = one;
        this.used = at;
        this.reservedPage = true;
    }
    finish() {
        if (this.strings)
            return IdColumn.fromParts(this.length, Buffer.alloc(0), new Uint32Array(0), this.strings);
        return IdColumn.fromParts(this.length, this.arena(), this.start.toArray(), undefined);
    }
    /** The pages as one buffer of exactly their bytes (its own ArrayBuffer: it can be moved to another thread). */
    arena() {
        const total = this.base + this.used;
        // One reserved page holding everything, at most a third unused: its bytes are the arena, with no copy.
        const last = this.page;
        if (this.reservedPage && this.pages.length === 0 && last.length - this.used <= last.length / 3) {
            return last.subarray(0, this.used);
        }
        const out = Buffer.from(new ArrayBuffer(total));
        let at = 0;
        for (const p of this.pages)
            at += p.copy(out, at);
        this.page.copy(out, at, 0, this.used);
        return out;
    }
    nextPage(need) {
        if (this.base + this.used + need > MAX_BYTES)
            throw new Error('the ids of one file take more than 4 GiB');
        this.pages.push(this.page.subarray(0, this.used));
        this.base += this.used;
        this.used = 0;
        this.page = Buffer.from(new ArrayBuffer(Math.max(PAGE_BYTES, need)));
        this.reservedPage = false;
    }
    /** A lone surrogate: every id so far becomes a string again, and so do the rest. */
    toStrings(id) {
        const start = this.start.toArray();
        const arena = this.arena();
        const strings = [];
        for (let i = 0; i + 1 < start.length; i++)
            strings.push(arena.toString('utf8', start[i], start[i + 1]));
        strings.push(id);
        this.strings = strings;
        this.pages.length = 0;
        this.page = Buffer.alloc(0);
    }
}
/** Negative, zero or positive as id i of `a` sorts before, with or after id j of `b` (code point order). */
function compareIdsAt(a, i, b, j, compareText) {
    if (a.strings || b.strings) {
        const x = a.text(i);
        const y = b.text(j);
        return x === y ? 0 : compareText(x, y);
    }
    return compareBytes(a.bytes, a.start[i], a.start[i + 1], b.bytes, b.start[j], b.start[j + 1]);
}
/** Id i of `a` equals id j of `b`. */
function sameIdAt(a, i, b, j) {
    if (a.strings || b.strings)
        return a.text(i) === b.text(j);
    const s = a.start[i];
    const len = a.start[i + 1] - s;
    const t = b.start[j];
    if (b.start[j + 1] - t !== len)
        return false;
    const x = a.bytes;
    const y = b.bytes;
    for (let k = 0; k < len; k++)
        if (x[s + k] !== y[t + k])
            return false;
    return true;
}
/** Byte order of x[xs, xe) and y[ys, ye); a prefix sorts first. */
function compareBytes(x, xs, xe, y, ys, ye) {
    const m = Math.min(xe - xs, ye - ys);
    for (let k = 0; k < m; k++) {
        const d = x[xs + k] - y[ys + k];
        if (d !== 0)
            return d;
    }
    return xe - xs - (ye - ys);
}


/***/ }),

/***/ 55654:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LO: () => (/* binding */ sortedIdOrder),
/* harmony export */   OP: () => (/* binding */ compareCodePoints),
/* harmony export */   uQ: () => (/* binding */ sortedOrder)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _id_column_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(78998);
/**
 * Ordering ids by Unicode code point, which is also the byte order of their UTF-8 encoding: the same on every
 * machine and locale, and what `LC_ALL=C sort` or Python's sorted() give. JavaScript's `<` compares UTF-16
 * code units instead, which differs only for characters above U+FFFF against U+E000–U+FFFF.
 */


/** Negative, zero or positive as `a` sorts before, with or after `b` by code point. */
function compareCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y)
            return x >= 0xd800 && y >= 0xd800 ? codePointRank(x) - codePointRank(y) : x - y;
    }
    return a.length - b.length;
}
/** Surrogates (U+D800–DFFF) encode code points above U+FFFF, so they rank after U+E000–U+FFFF. */
function codePointRank(unit) {
    return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
const compareUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const NEEDS_CODE_POINT_COMPARE = /[\ud800-\uffff]/;
/** `<` where it agrees with code point order (no unit at or above U+D800 anywhere), else compareCodePoints. */
function comparatorFor(ids) {
    return ids.some((id) => NEEDS_CODE_POINT_COMPARE.test(id)) ? compareCodePoints : compareUnits;
}
/** The packing of sortedOrder and sortedIdOrder for n rows and `bits` per character (see sortedOrder). */
function packingPlan(indexBits, bits) {
    const keyBits = Math.min(52, 64 - indexBits); // the key stays an exact double
    const width = Math.min(WINDOW, Math.floor(keyBits / bits)); // characters packed per id
    const radix = 2 ** bits;
    return {
        width,
        top: radix - 1, // this rank and above: "too many to tell apart", packing stops there
        radix,
        lowKeySpan: 2 ** (32 - indexBits),
        indexSpan: 2 ** indexBits,
        shift: Float64Array.from({ length: width + 1 }, (_, m) => radix ** m) // ** per row is slow
    };
}
/**
 * The row order of sorted packed keys (`words`: [low, high] per key, the row index in the low bits), with each
 * run of equal packed prefixes sorted by `compare` on whole ids; runs are mostly pairs, which need no array.
 */
function refinedOrder(words, n, indexBits, compare) {
    const order = new Uint32Array(n);
    const indexMask = 2 ** indexBits - 1;
    for (let k = 0; k < n; k++)
        order[k] = words[2 * k] & indexMask;
    let first = 0;
    for (let k = 1; k <= n; k++) {
        const sameKey = k < n && words[2 * k + 1] === words[2 * first + 1] && words[2 * k] >>> indexBits === words[2 * first] >>> indexBits;
        if (sameKey)
            continue;
        if (k - first === 2) {
            const i = order[first];
            const j = order[first + 1];
            if (compare(i, j) > 0) {
                order[first] = j;
                order[first + 1] = i;
            }
        }
        else if (k - first > 2) {
            const run = Array.from(order.subarray(first, k));
            run.sort(compare);
            order.set(run, first);
        }
        first = k;
    }
    return order;
}
/**
 * Row indices of `ids` sorted by id; equal ids keep their row order.
 *
 * A comparison sort of 10M random ids takes most of a minute in V8 (a JS callback and a cache miss per
 * comparison). Instead each id's first characters after the prefix all ids share are packed, a few bits
 * each, into the high bits of a 64-bit integer with the row index in the low bits; those sort natively, and
 * whole ids are compared only within runs of equal packed prefixes. The packing is monotone (it never puts
 * two ids the wrong way round, at worst it ties them), which is all the run refinement needs.
 */
function sortedOrder(ids) {
    const n = ids.length;
    const indexBits = Math.max(1, 32 - Math.clz32(n - 1));
    if (n < 2 || indexBits > 30 || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.endianness)() !== 'LE')
        return comparisonSort(ids, comparatorFor(ids));
    const skip = commonPrefixLength(ids);
    const { rank, bits } = alphabet(ids, skip);
    const { width, top, radix, lowKeySpan, indexSpan, shift } = packingPlan(indexBits, bits);
    const packed = new BigUint64Array(n);
    const words = new Uint32Array(packed.buffer); // little-endian: [low, high] per element
    for (let i = 0; i < n; i++) {
        const id = ids[i];
        const end = Math.min(id.length, skip + width);
        let key = 0;
        let k = skip;
        for (; k < end; k++) {
            const v = rank[id.charCodeAt(k)];
            if (v >= top) {
                key = key * radix + top;
                k++;
                break;
            }
            key = key * radix + v;
        }
        // Past the end (or after a saturated character) counts as 0, so a shorter id sorts first.
        key *= shift[skip + width - k];
        const high = Math.floor(key / lowKeySpan); // powers of two: exact, and cheaper than %
        words[2 * i] = (key - high * lowKeySpan) * indexSpan + i;
        words[2 * i + 1] = high;
    }
    packed.sort();
    let compareText;
    return refinedOrder(words, n, indexBits, (i, j) => (compareText ??= comparatorFor(ids))(ids[i], ids[j]));
}
/** Characters examined for the alphabet; also the most packed per id (52 bits at 4 bits each). */
const WINDOW = 13;
function commonPrefixLength(ids) {
    const first = ids[0];
    let length = first.length;
    for (let i = 1; i < ids.length && length > 0; i++) {
        const id = ids[i];
        const m = Math.min(length, id.length);
        let k = 0;
        while (k < m && id.charCodeAt(k) === first.charCodeAt(k))
            k++;
        length = k;
    }
    return length;
}
/**
 * Dense ranks (1, 2, … in code point order; 0 means "past the end") of the code units found right after the
 * common prefix, and the bits (4–8) a character needs: hex ids need 5, not 7. With more than 254 distinct
 * units the largest share rank 2^8 - 1, where packing stops.
 */
function alphabet(ids, skip) {
    const seen = new Uint8Array(0x10000);
    for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        const end = Math.min(id.length, skip + WINDOW);
        for (let k = skip; k < end; k++)
            seen[id.charCodeAt(k)] = 1;
    }
    let distinct = 0;
    for (let u = 0; u < 0x10000; u++)
        distinct += seen[u];
    let bits = 4;
    while (bits < 8 && 2 ** bits < distinct + 2)
        bits++;
    const top = 2 ** bits - 1;
    const rank = new Uint8Array(0x10000);
    let next = 1;
    // Code point order: units below U+D800, then U+E000–U+FFFF, then the surrogates (code points > U+FFFF).
    for (const [from, to] of [[0, 0xd800], [0xe000, 0x10000], [0xd800, 0xe000]]) {
        for (let u = from; u < to; u++)
            if (seen[u])
                rank[u] = Math.min(next++, top);
    }
    return { rank, bits };
}
function comparisonSort(ids, compare) {
    const order = Array.from(ids.keys());
    order.sort((i, j) => compare(ids[i], ids[j]));
    return Uint32Array.from(order);
}
/**
 * Row indices of `ids` sorted by id (code point order), equal ids in row order: sortedOrder's packed-prefix
 * sort on the ids' UTF-8 bytes, whose byte order is code point order. A column that kept strings (a lone
 * surrogate, see id-column.ts) takes sortedOrder itself.
 */
function sortedIdOrder(ids) {
    if (ids.strings)
        return sortedOrder(ids.strings);
    const n = ids.n;
    const indexBits = Math.max(1, 32 - Math.clz32(n - 1));
    const bytes = ids.bytes;
    const start = ids.start;
    if (n < 2 || indexBits > 30 || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.endianness)() !== 'LE') {
        const order = Array.from({ length: n }, (_, i) => i);
        order.sort((i, j) => (0,_id_column_js__WEBPACK_IMPORTED_MODULE_1__/* .compareBytes */ .Xo)(bytes, start[i], start[i + 1], bytes, start[j], start[j + 1]));
        return Uint32Array.from(order);
    }
    const skip = commonBytePrefix(bytes, start, n);
    const { rank, bits } = byteAlphabet(bytes, start, n, skip);
    const { width, top, radix, lowKeySpan, indexSpan, shift } = packingPlan(indexBits, bits);
    const packed = new BigUint64Array(n);
    const words = new Uint32Array(packed.buffer);
    for (let i = 0; i < n; i++) {
        const from = start[i] + skip;
        const end = Math.min(start[i + 1], from + width);
        let key = 0;
        let k = from;
        for (; k < end; k++) {
            const v = rank[bytes[k]];
            if (v >= top) {
                key = key * radix + top;
                k++;
                break;
            }
            key = key * radix + v;
        }
        key *= shift[from + width - k];
        const high = Math.floor(key / lowKeySpan);
        words[2 * i] = (key - high * lowKeySpan) * indexSpan + i;
        words[2 * i + 1] = high;
    }
    packed.sort();
    return refinedOrder(words, n, indexBits, (i, j) => (0,_id_column_js__WEBPACK_IMPORTED_MODULE_1__/* .compareBytes */ .Xo)(bytes, start[i], start[i + 1], bytes, start[j], start[j + 1]));
}
function commonBytePrefix(bytes, start, n) {
    const s0 = start[0];
    let length = start[1] - s0;
    for (let i = 1; i < n && length > 0; i++) {
        const s = start[i];
        const m = Math.min(length, start[i + 1] - s);
        let k = 0;
        while (k < m && bytes[s + k] === bytes[s0 + k])
            k++;
        length = k;
    }
    return length;
}
/** alphabet() for bytes: dense ranks (1, 2, … in byte order; 0 = past the end) of the bytes after the prefix. */
function byteAlphabet(bytes, start, n, skip) {
    const seen = new Uint8Array(256);
    for (let i = 0; i < n; i++) {
        const from = start[i] + skip;
        const end = Math.min(start[i + 1], from + WINDOW);
        for (let k = from; k < end; k++)
            seen[bytes[k]] = 1;
    }
    let distinct = 0;
    for (let u = 0; u < 256; u++)
        distinct += seen[u];
    let bits = 4;
    while (bits < 8 && 2 ** bits < distinct + 2)
        bits++;
    const top = 2 ** bits - 1;
    const rank = new Uint8Array(256);
    let next = 1;
    for (let u = 0; u < 256; u++)
        if (seen[u])
            rank[u] = Math.min(next++, top);
    return { rank, bits };
}


/***/ }),

/***/ 27357:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ jsonSyntaxReason)
/* harmony export */ });
/**
 * Why JSON.parse refused a text, without quoting the text. V8's messages carry an excerpt of the input
 * (`Unexpected token 'h', "hello worl"... is not valid JSON`), which for a line of a predictions file or a
 * load test is file content: messages may quote the offending value, never the surroundings. This keeps
 * V8's reason, drops the excerpt, and returns the position separately (Node 20 says "at position P", Node 22+
 * adds "(line L column C)").
 */
const MAX_REASON = 80;
function jsonSyntaxReason(message) {
    let m = message.split('\n')[0];
    // `Unexpected token 'x', "…excerpt…" is not valid JSON` / `…, ..."excerpt"... is not valid JSON`
    const excerpt = /^(.*?), (?:\.\.\.)?".*$/s.exec(m);
    if (excerpt && / is not valid JSON$/.test(m))
        m = excerpt[1];
    let position;
    const at = / in JSON at position (\d+)/.exec(m);
    if (at)
        position = Number(at[1]);
    m = m.replace(/ in JSON at position \d+/, '').replace(/\s*\(line \d+ column \d+\)/, '').trim();
    // Anything that still looks like quoted input (an unknown format) is dropped rather than risked.
    if (m === '' || m.includes('"') || m.length > MAX_REASON)
        m = 'invalid JSON';
    return { reason: m.charAt(0).toLowerCase() + m.slice(1), position };
}


/***/ }),

/***/ 8462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ readPredictions)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(34758);
/* harmony import */ var _base_growable_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(37902);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51742);
/* harmony import */ var _base_text_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(40766);
/* harmony import */ var _text_column_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5588);
/* harmony import */ var _id_column_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(78998);
/* harmony import */ var _base_values_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(91407);







/** Stop at the sixth label value: five are enough for the message, and the codes stay bytes. */
const MAX_LABEL_KEYS = 6;
const MAX_PREDICTION_KEYS = 8;
/** Streams the predictions file at `path` once; every problem is a GateError naming `opts.displayPath`. */
async function readPredictions(path, opts) {
    const file = opts.displayPath;
    const cols = opts.columns;
    const positiveKey = (0,_base_values_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalKey */ .yk)(opts.positiveLabel);
    const probability = opts.score === 'probability';
    const extraNames = [...new Set(opts.extraColumns ?? [])];
    const ids = new _id_column_js__WEBPACK_IMPORTED_MODULE_3__/* .IdColumnBuilder */ .Tt();
    const keep = (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .keepLines */ .F3)(path);
    const lines = (0,_base_growable_js__WEBPACK_IMPORTED_MODULE_4__/* .growUint32 */ .fy)();
    const labelCodes = (0,_base_growable_js__WEBPACK_IMPORTED_MODULE_4__/* .growUint8 */ .K3)();
    const predictionCodes = (0,_base_growable_js__WEBPACK_IMPORTED_MODULE_4__/* .growUint8 */ .K3)();
    const scores = (0,_base_growable_js__WEBPACK_IMPORTED_MODULE_4__/* .growFloat64 */ .Oz)();
    const extras = extraNames.map(() => new _text_column_js__WEBPACK_IMPORTED_MODULE_5__/* .TextColumnBuilder */ .j4());
    const labelCoder = new _base_values_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueCoder */ .JV((key, code, line) => {
        if (key === '')
            throw emptyValue(file, line, cols.label, 'label');
        if (code >= MAX_LABEL_KEYS - 1)
            throw tooManyLabels(file, cols.label, labelCoder.texts, true);
    });
    const predictionCoder = new _base_values_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueCoder */ .JV((key, code, line) => {
        if (key === '')
            throw emptyValue(file, line, cols.prediction, 'prediction');
        if (code >= MAX_PREDICTION_KEYS) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file} line ${line}, column "${cols.prediction}": found more than ${MAX_PREDICTION_KEYS} different predictions in a binary task; ` +
                `write each prediction as one of the two label values.`, { file, line, key: cols.prediction });
        }
    });
    let plan = { requests: [], score: -1, prediction: -1, extra: [] };
    // Hard predictions will be score >= the default threshold: scores must then be on the probability scale.
    let probabilityCutoff = false;
    await (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .scanTable */ .SS)(path, {
        displayPath: file,
        highWaterMark: opts.highWaterMark,
        onBytes: opts.onBytes,
        select(header) {
            plan = planColumns(file, header, opts, extraNames);
            probabilityCutoff = opts.defaultThreshold === true && opts.needPrediction && plan.prediction < 0;
            return plan.requests;
        },
        onEstimate(rows) {
            ids.reserve(rows);
            labelCodes.reserve(rows);
            if (plan.score >= 0)
                scores.reserve(rows);
            if (plan.prediction >= 0)
                predictionCodes.reserve(rows);
            for (const e of extras)
                e.reserve(rows);
        },
        onRow(values, line) {
            const id = values[0];
            if (id === '' || (id.charCodeAt(0) <= 32 && id.trim() === ''))
                throw emptyValue(file, line, cols.id, 'id');
            ids.push(id);
            labelCodes.push(labelCoder.code(values[1], line));
            if (plan.score >= 0) {
                const text = values[plan.score];
                const v = (0,_base_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStrictNumber */ ._y)(text);
                if (!Number.isFinite(v) || (probability && !(v >= 0 && v <= 1)))
                    throw badScore(file, line, cols.score, text, v);
                if (probabilityCutoff && !(v >= 0 && v <= 1))
                    throw notProbabilityScale(file, line, cols.score, text);
                scores.push(v);
            }
            if (plan.prediction >= 0)
                predictionCodes.push(predictionCoder.code(values[plan.prediction], line));
            for (let k = 0; k < extras.length; k++)
                extras[k].push(values[plan.extra[k]]);
            if (keep)
                lines.push(line);
        }
    });
    const label = labelCodes.toArray();
    const negativeKey = binaryLabels(file, cols.label, labelCoder, positiveKey, opts.positiveLabel, label);
    const score = plan.score >= 0 ? scores.toArray() : undefined;
    let prediction;
    if (plan.prediction >= 0) {
        prediction = predictionCodes.toArray();
        binaryPredictions(file, cols.prediction, predictionCoder, opts.positiveLabel, negativeKey, prediction);
    }
    else if (opts.needPrediction && score) {
        prediction = new Uint8Array(score.length);
        for (let i = 0; i < score.length; i++)
            prediction[i] = score[i] >= opts.threshold ? 1 : 0;
    }
    const extra = {};
    extraNames.forEach((name, k) => (extra[name] = extras[k].finish()));
    return (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .withRowLines */ .Wb)({ file, n: label.length, ids: ids.finish(), label, prediction, score, extra }, path, file, keep ? lines.toArray() : undefined);
}
/** The columns to read given the header: id and label always, score and prediction as the metrics need. */
function planColumns(file, header, opts, extraNames) {
    const cols = opts.columns;
    const { requests, slot } = (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .columnSlots */ .uM)();
    slot(cols.id, 'columns.id');
    slot(cols.label, 'columns.label');
    const fromColumn = opts.needPrediction && header.includes(cols.prediction);
    const needScore = opts.score !== 'none' || (opts.needPrediction && !fromColumn);
    if (needScore && opts.score === 'none' && !header.includes(cols.score)) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file} has neither a "${cols.prediction}" nor a "${cols.score}" column (its columns are ${(0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .listColumns */ .Ux)(header)}); ` +
            `hard predictions come from columns.prediction or from columns.score with threshold, so set one of them.`, { file, key: 'columns.prediction' });
    }
    const score = needScore ? slot(cols.score, 'columns.score') : -1;
    const prediction = fromColumn ? slot(cols.prediction, 'columns.prediction') : -1;
    const extra = (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .extraColumnSlots */ .Ix)(file, header, extraNames, cols, slot);
    return { requests, score, prediction, extra };
}
/**
 * Checks the label column holds at most two values, one of them the positive label, and rewrites the codes
 * in `label` to 1 (positive) / 0. Returns the other label's key, if the column has one.
 */
function binaryLabels(file, column, coder, positiveKey, positiveLabel, label) {
    if (coder.keys.length > 2)
        throw tooManyLabels(file, column, coder.texts, false);
    const positive = coder.keys.indexOf(positiveKey);
    if (positive < 0) {
        const found = coder.texts.map((t) => (0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(t)).join(' and ');
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file}, column "${column}": the positive label ${(0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(positiveLabel)} never occurs (the labels are ${found}); ` +
            `set positive_label to the value that marks the positive class.`, { file, key: 'positive_label' });
    }
    for (let i = 0; i < label.length; i++)
        label[i] = label[i] === positive ? 1 : 0;
    return coder.keys.find((k) => k !== positiveKey);
}
/** Maps prediction codes in place to 1 (positive label) / 0 (the other label); any other value is an error. */
function binaryPredictions(file, column, coder, positiveLabel, negativeKey, prediction) {
    const positiveKey = (0,_base_values_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalKey */ .yk)(positiveLabel);
    // Labels that are all positive leave the negative value unknown: the first other prediction value is it.
    const negative = negativeKey ?? coder.keys.find((k) => k !== positiveKey);
    const bit = coder.keys.map((k, code) => {
        if (k === positiveKey)
            return 1;
        if (k === negative)
            return 0;
        const other = negativeKey === undefined ? '' : ` nor the other label ${(0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(negativeKey)}`;
        const line = coder.firstLines[code];
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file} line ${line}, column "${column}": ${(0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(coder.texts[code])} is neither the positive label ${(0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(positiveLabel)}${other}; ` +
            `write predictions with the same values as the labels.`, { file, line, key: column });
    });
    for (let i = 0; i < prediction.length; i++)
        prediction[i] = bit[prediction[i]];
}
function emptyValue(file, line, column, what) {
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file} line ${line}, column "${column}": the ${what} is empty; every row needs one.`, { file, line, key: column });
}
function tooManyLabels(file, column, texts, more) {
    const shown = texts.slice(0, 5).map((t) => (0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(t)).join(', ') + (more ? ', …' : '');
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file}, column "${column}": a binary task needs two label values but the file has more (${shown}); ` +
        `fix the labels or set task: multiclass.`, { file, key: column });
}
/** A score as a message shows it: trimmed, and quoted when long. */
function shownScore(text) {
    const t = text.trim();
    return t.length > 40 ? (0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(t) : t;
}
function notProbabilityScale(file, line, column, text) {
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${file} line ${line}, column "${column}": ${shownScore(text)} is outside [0, 1], and with no prediction column the hard predictions are ` +
        `score >= threshold, whose default 0.5 is a probability cut-off; set threshold to the cut-off on your scores' scale ` +
        `(0 for logits or margins, 50 for percentages) or add a prediction column.`, { file, line, key: column });
}
function badScore(file, line, column, text, v) {
    const where = `${file} line ${line}, column "${column}"`;
    const location = { file, line, key: column };
    if (text.trim() === '') {
        return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${where}: the score is empty; every row needs a finite number.`, location);
    }
    if (Number.isFinite(v)) {
        return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`${where}: ${shownScore(text)} is outside [0, 1], but log_loss, brier and ece need probabilities; ` +
            `write calibrated probabilities or drop those metrics.`, location);
    }
    const word = /^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(text) || !Number.isNaN(v);
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(word
        ? `${where}: ${(0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(text.trim())} is not a finite number; every score must be a finite number.`
        : `${where}: ${(0,_base_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(text.trim())} is not a number; write scores as plain decimal numbers such as 0.73.`, location);
}


/***/ }),

/***/ 51742:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  uM: () => (/* binding */ columnSlots),
  Ix: () => (/* binding */ extraColumnSlots),
  F3: () => (/* binding */ keepLines),
  Ux: () => (/* binding */ listColumns),
  hA: () => (/* binding */ missingColumnError),
  SS: () => (/* binding */ scanTable),
  Wb: () => (/* binding */ withRowLines)
});

// UNUSED EXPORTS: readTable, rowLines

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __nccwpck_require__(46193);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(38522);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __nccwpck_require__(34758);
;// CONCATENATED MODULE: ./src/readers/csv-parser.ts
/**
 * Push parser for CSV/TSV text (RFC 4180): fed decoded chunks of any size, it hands each record to a sink.
 *
 * Why hand-written: predictions files reach 10M rows, and the hot loop here only compares char codes and
 * slices the fields the caller asked for; every other field is skipped without allocating. The state lives
 * in fields so a quoted field, a `""` or a CRLF may be split across chunks anywhere.
 *
 * Accepted: optional UTF-8 BOM, LF or CRLF (or a lone CR) line ends, a missing final line end, blank lines
 * (skipped), quoted fields with the delimiter, `""` and line breaks inside. A quote inside an unquoted field
 * is kept as text (`5" screen`), as most writers and readers do. Line numbers are physical lines (1-based),
 * counting line breaks inside quoted fields, so messages point at what an editor shows.
 */

/**
 * The longest value (CSV/TSV) or line (JSONL) a reader keeps: 16 Mi characters. A real row is a few hundred
 * characters (tens of thousands with 1000 class probabilities); past this a file is not a predictions table,
 * and without a limit a gzip bomb of one endless line would end in V8's string-length error.
 */
const MAX_VALUE_CHARS = 1 << 24;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;
// States between two characters.
const RECORD_START = 0; // before a record; line breaks here are blank lines
const FIELD_START = 1; // after a delimiter or at the start of a record
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4; // a quote inside a quoted field: either its end or the first half of `""`
const AFTER_CR = 5; // a line ended with CR; an LF right after it belongs to the same line end
// Where the current field goes (`slot`).
const SKIP = -1;
const TO_HEADER = -2;
class CsvParser {
    file;
    delimiter;
    sink;
    state = RECORD_START;
    line = 1; // physical line of the next character
    recordLine = 1;
    quoteLine = 1; // line where the current quoted field opened, for "never closed"
    fieldIndex = 0;
    slot = TO_HEADER;
    pending = ''; // the current field's text from earlier chunks (or before a `""`)
    started = false;
    headerFields = [];
    slotOf = new Int32Array(0); // field index → index in `values`, or SKIP
    width = 0;
    values = [];
    /** Data records seen so far (the header excluded). */
    rows = 0;
    constructor(file, delimiter, sink) {
        this.file = file;
        this.delimiter = delimiter;
        this.sink = sink;
    }
    /** True once the header record is complete. */
    get sawHeader() {
        return this.headerFields === null;
    }
    push(s) {
        const n = s.length;
        const delim = this.delimiter.charCodeAt(0);
        let i = 0;
        if (!this.started && n > 0) {
            this.started = true;
            if (s.charCodeAt(0) === BOM)
                i = 1;
        }
        let state = this.state;
        let seg = i; // start of the current field's text in this chunk
        while (i < n) {
            switch (state) {
                case AFTER_CR:
                    if (s.charCodeAt(i) === LF)
                        i++;
                    state = RECORD_START;
                    break;
                case RECORD_START: {
                    const c = s.charCodeAt(i);
                    if (c === LF || c === CR) {
                        i++;
                        this.line++;
                        state = c === CR ? AFTER_CR : RECORD_START;
                    }
                    else {
                        this.recordLine = this.line;
                        state = FIELD_START;
                    }
                    break;
                }
                case FIELD_START:
                    this.slot = this.slotFor(this.fieldIndex);
                    if (s.charCodeAt(i) === QUOTE) {
                        this.quoteLine = this.line;
                        i++;
                        state = QUOTED;
                    }
                    else {
                        state = UNQUOTED;
                    }
                    seg = i;
                    break;
                case UNQUOTED: {
                    let j = i;
                    let c = 0;
                    while (j < n) {
                        c = s.charCodeAt(j);
                        if (c === delim || c === LF || c === CR)
                            break;
                        j++;
                    }
                    if (j === n) {
                        i = n; // the field continues in the next chunk
                        break;
                    }
                    this.endField(this.slot === SKIP ? '' : this.pending + s.slice(seg, j));
                    i = j + 1;
                    state = c === delim ? FIELD_START : this.endLine(c);
                    break;
                }
                case QUOTED: {
                    const q = s.indexOf('"', i);
                    const end = q < 0 ? n : q;
                    for (let k = i; k < end; k++)
                        if (s.charCodeAt(k) === LF)
                            this.line++;
                    if (q < 0) {
                        i = n;
                        break;
                    }
                    if (this.slot !== SKIP)
                        this.pending += s.slice(seg, q);
                    i = q + 1;
                    state = QUOTE_SEEN;
                    break;
                }
                case QUOTE_SEEN: {
                    const c = s.charCodeAt(i);
                    if (c === QUOTE) {
                        if (this.slot !== SKIP)
                            this.pending += '"';
                        i++;
                        seg = i;
                        state = QUOTED;
                    }
                    else if (c === delim || c === LF || c === CR) {
                        this.endField(this.pending);
                        i++;
                        state = c === delim ? FIELD_START : this.endLine(c);
                    }
                    else {
                        throw this.strayQuote();
                    }
                    break;
                }
            }
        }
        if ((state === UNQUOTED || state === QUOTED) && this.slot !== SKIP) {
            this.pending += s.slice(seg, n);
            if (this.pending.length > MAX_VALUE_CHARS)
                throw this.valueTooLong(state === QUOTED);
        }
        this.state = state;
    }
    /** A value no predictions file has: stop with a sentence rather than run out of memory or string length. */
    valueTooLong(quoted) {
        const why = quoted
            ? `; the quote that opens it on line ${this.quoteLine} may never be closed`
            : '';
        return new errors/* GateError */.ue(`${this.file} line ${this.recordLine}, field ${this.fieldIndex + 1}: a value longer than ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters${why}; ` +
            `this does not look like a table of predictions: check the file and its delimiter.`, { file: this.file, line: this.recordLine });
    }
    /** Finishes the last record when the input does not end with a line break. */
    end() {
        switch (this.state) {
            case QUOTED:
                throw new errors/* GateError */.ue(`${this.file} line ${this.quoteLine}: a quoted field is never closed; a quote inside a quoted field must be doubled ("").`, { file: this.file, line: this.quoteLine });
            case FIELD_START: // "a,b," at the very end: the last field is empty
                this.slot = this.slotFor(this.fieldIndex);
                this.endField('');
                this.endRecord();
                break;
            case UNQUOTED:
            case QUOTE_SEEN:
                this.endField(this.slot === SKIP ? '' : this.pending);
                this.endRecord();
                break;
        }
        this.state = RECORD_START;
    }
    slotFor(field) {
        if (this.headerFields !== null)
            return TO_HEADER;
        return field < this.width ? this.slotOf[field] : SKIP;
    }
    endField(value) {
        if (this.slot >= 0)
            this.values[this.slot] = value;
        else if (this.slot === TO_HEADER)
            this.headerFields.push(value);
        this.pending = '';
        this.fieldIndex++;
    }
    /** Ends the record at line-break character `c`; returns the next state. */
    endLine(c) {
        this.line++;
        this.endRecord();
        return c === CR ? AFTER_CR : RECORD_START;
    }
    endRecord() {
        const fields = this.fieldIndex;
        this.fieldIndex = 0;
        if (this.headerFields !== null) {
            this.startBody(this.headerFields.map((h) => h.trim()));
            return;
        }
        if (fields !== this.width)
            throw this.wrongWidth(fields);
        this.rows++;
        this.sink.row(this.values, this.recordLine);
    }
    startBody(names) {
        this.headerFields = null;
        this.width = names.length;
        const wanted = this.sink.header(names);
        this.slotOf = new Int32Array(this.width).fill(SKIP);
        this.values = wanted.map(() => '');
        wanted.forEach((name, slot) => {
            const field = names.indexOf(name);
            if (field < 0)
                throw new Error(`CsvParser: requested column ${name} is not in the header`);
            this.slotOf[field] = slot;
        });
    }
    wrongWidth(fields) {
        const what = this.delimiter === ',' ? 'commas' : 'tabs';
        return new errors/* GateError */.ue(`${this.file} line ${this.recordLine} has ${fields} field${fields === 1 ? '' : 's'} but the header has ${this.width}; ` +
            `give every row the header's fields, quoting values that contain ${what} or line breaks.`, { file: this.file, line: this.recordLine });
    }
    strayQuote() {
        return new errors/* GateError */.ue(`${this.file} line ${this.line}: a quoted field is followed by text before the next delimiter; ` +
            `a quote inside a quoted field must be doubled ("").`, { file: this.file, line: this.line });
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./src/readers/format.ts
/**
 * Which parser a table file needs, decided by its extension alone (docs/predictions.md): sniffing content would make a
 * mistyped path "work" differently on different machines.
 */


const BY_EXTENSION = {
    '.csv': 'csv',
    '.tsv': 'tsv',
    '.jsonl': 'jsonl',
    '.ndjson': 'jsonl'
};
const ACCEPTED_EXTENSIONS = '.csv, .tsv, .jsonl or .ndjson, each optionally followed by .gz';
/** Format of `path` (case-insensitive extension, optional `.gz`); `displayPath` is what messages name. */
function detectFormat(path, displayPath) {
    let name = path.toLowerCase();
    const gzip = name.endsWith('.gz');
    if (gzip)
        name = name.slice(0, -3);
    const ext = (0,external_node_path_.extname)(name);
    const format = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
    if (format === undefined) {
        throw new errors/* GateError */.ue(`${displayPath} has an unsupported file extension; use ${ACCEPTED_EXTENSIONS}.`, { file: displayPath });
    }
    return { format, gzip };
}

// EXTERNAL MODULE: ./src/base/growable.ts
var growable = __nccwpck_require__(37902);
// EXTERNAL MODULE: ./src/readers/json-reason.ts
var json_reason = __nccwpck_require__(27357);
;// CONCATENATED MODULE: ./src/readers/jsonl-parser.ts
/**
 * Push parser for JSON Lines (`.jsonl` / `.ndjson`): one JSON object per line, blank lines skipped.
 *
 * The columns are the keys of the first object; a later object without a requested key, or with `null`,
 * gives an empty value (the caller decides whether that is allowed). Values become text the obvious way:
 * strings as they are, numbers with String(), booleans as `true`/`false`, null as empty. JSON cannot hold
 * a raw line break inside a string, so splitting on LF is exact.
 */



const NON_BLANK = /\S/;
class JsonlParser {
    file;
    sink;
    carry = ''; // an incomplete last line from earlier chunks
    line = 1; // line number of `carry`'s start
    started = false;
    names = null;
    values = [];
    /** Objects seen so far. */
    rows = 0;
    constructor(file, sink) {
        this.file = file;
        this.sink = sink;
    }
    /** True once the first object has fixed the column names. */
    get sawHeader() {
        return this.names !== null;
    }
    push(s) {
        let start = 0;
        if (!this.started && s.length > 0) {
            this.started = true;
            if (s.charCodeAt(0) === 0xfeff)
                start = 1;
        }
        // Search only the new text for the line end, so a line spanning many chunks is scanned once.
        let nl = s.indexOf('\n', start);
        if (nl < 0) {
            this.carry += s.slice(start);
            if (this.carry.length > MAX_VALUE_CHARS) {
                throw new errors/* GateError */.ue(`${this.file} line ${this.line}: a line longer than ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters; ` +
                    `this does not look like JSON Lines of predictions (one object per line).`, { file: this.file, line: this.line });
            }
            return;
        }
        this.parseLine(this.carry + s.slice(start, nl));
        this.carry = '';
        start = nl + 1;
        while ((nl = s.indexOf('\n', start)) >= 0) {
            this.parseLine(s.slice(start, nl));
            start = nl + 1;
        }
        this.carry = s.slice(start);
    }
    end() {
        const last = this.carry;
        this.carry = '';
        if (last !== '')
            this.parseLine(last);
    }
    parseLine(text) {
        const line = this.line++;
        if (!NON_BLANK.test(text))
            return;
        let obj;
        try {
            obj = JSON.parse(text);
        }
        catch (e) {
            if (line === 1 && /[\u0000\ufffd]/.test(text)) {
                throw new errors/* GateError */.ue(`${this.file} is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, ` +
                    `compressed or binary); save it as UTF-8 JSON Lines.`, { file: this.file, line });
            }
            // The reason without V8's excerpt of the line: a message may not quote the file's content.
            const { reason, position } = (0,json_reason/* jsonSyntaxReason */.c)(e instanceof Error ? e.message : String(e));
            const column = position === undefined ? undefined : position + 1;
            throw new errors/* GateError */.ue(`${this.file} line ${line} is not valid JSON (${reason}${column === undefined ? '' : ` at column ${column}`}); ` +
                `write one JSON object per line.`, { file: this.file, line, column });
        }
        if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
            const what = obj === null ? 'null' : Array.isArray(obj) ? 'an array' : `a ${typeof obj}`;
            throw new errors/* GateError */.ue(`${this.file} line ${line} is ${what}, not a JSON object; write one object per line, like {"id": "17", "label": 1}.`, { file: this.file, line });
        }
        const record = obj;
        if (this.names === null) {
            this.names = this.sink.header(Object.keys(record));
            this.values = this.names.map(() => '');
        }
        const names = this.names;
        for (let k = 0; k < names.length; k++)
            this.values[k] = this.toText(record, names[k], line);
        this.rows++;
        this.sink.row(this.values, line);
    }
    toText(record, name, line) {
        const v = record[name];
        switch (typeof v) {
            case 'string':
                return v;
            case 'number':
                return String(v);
            case 'boolean':
                return v ? 'true' : 'false';
            case 'undefined':
                return '';
        }
        // JSON holds no functions, and a key like "constructor" may only be inherited: both mean "absent".
        if (v === null || typeof v === 'function' || !Object.hasOwn(record, name))
            return '';
        throw new errors/* GateError */.ue(`${this.file} line ${line}, column "${name}": the value is ${Array.isArray(v) ? 'an array' : 'an object'}; ` +
            `use a number, string, boolean or null.`, { file: this.file, line, key: name });
    }
}

// EXTERNAL MODULE: ./src/base/text.ts
var base_text = __nccwpck_require__(40766);
;// CONCATENATED MODULE: ./src/readers/table.ts
/**
 * Streaming table reader for CSV, TSV and JSONL files, each optionally gzipped (docs/predictions.md).
 *
 * The file is streamed (read stream → gunzip → UTF-8 decoder → push parser), never held whole, and only the
 * columns the caller asks for are extracted. `scanTable` hands every row to a callback, for readers that
 * convert values as they go; `readTable` keeps the requested columns as text.
 */










/**
 * The columns a reader asks scanTable for, built up as the header is planned: `slot(name)` adds a column once
 * and returns its index in the row's values.
 */
function columnSlots() {
    const requests = [];
    const slot = (name, configKey) => {
        const at = requests.findIndex((r) => r.name === name);
        if (at >= 0)
            return at;
        requests.push({ name, configKey });
        return requests.length - 1;
    };
    return { requests, slot };
}
const READ_CHUNK = 1 << 20;
/** Streams `path` once, calling `onRow` for every data row. */
async function scanTable(path, opts) {
    const file = opts.displayPath;
    const { format, gzip } = detectFormat(path, file);
    let header = [];
    const sink = {
        header(names) {
            header = names;
            if (names.some((n) => n.includes('\u0000') || n.includes('\ufffd')))
                throw notUtf8(file, format);
            return checkColumns(file, names, opts.select(names));
        },
        row: opts.onRow
    };
    const parser = format === 'jsonl' ? new JsonlParser(file, sink) : new CsvParser(file, format === 'csv' ? ',' : '\t', sink);
    const hwm = opts.highWaterMark ?? READ_CHUNK;
    const input = (0,external_node_fs_.createReadStream)(path, { highWaterMark: hwm });
    // The raw bytes pass a tap before any decoding, so onBytes sees exactly the bytes that were parsed.
    const onBytes = opts.onBytes;
    const tap = (chunk, _encoding, done) => {
        onBytes(chunk);
        done(null, chunk);
    };
    const raw = onBytes ? (0,external_node_stream_.pipeline)(input, new external_node_stream_.Transform({ transform: tap }), () => { }) : input;
    // pipeline() forwards a read error (missing file) to the gunzip stream we iterate; pipe() would hang.
    const stream = gzip ? (0,external_node_stream_.pipeline)(raw, (0,external_node_zlib_.createGunzip)({ chunkSize: Math.max(hwm, 64) }), () => { }) : raw;
    stream.setEncoding('utf8');
    let size = opts.onEstimate ? textSize(path, gzip) : 0;
    let chars = 0;
    try {
        for await (const chunk of stream) {
            parser.push(chunk);
            chars += chunk.length;
            if (size > 0 && parser.rows > 0) {
                // A little over: an array a few rows short would be copied in chunks after all.
                opts.onEstimate(Math.ceil((size / chars) * parser.rows * 1.01) + 1024);
                size = 0;
            }
        }
        parser.end();
    }
    catch (e) {
        throw (0,errors/* isGateError */.Wc)(e) ? e : readFailure(e, file, gzip);
    }
    finally {
        input.destroy();
    }
    if (!parser.sawHeader) {
        const what = format === 'jsonl' ? 'one JSON object per line' : 'a header row and one row per test example';
        throw new errors/* GateError */.ue(`${file} is empty; it needs ${what}.`, { file });
    }
    if (parser.rows === 0) {
        throw new errors/* GateError */.ue(`${file} has a header but no rows; it needs one row per test example.`, { file });
    }
    return { header, rows: parser.rows };
}
/**
 * The bytes of text in `path`: a regular file's size, or what a gzip file says it holds (its last 4 bytes: the
 * size modulo 2^32, so only a hint). 0 when unknown (a pipe, an unreadable file: the read reports that).
 */
function textSize(path, gzip) {
    try {
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            const st = (0,external_node_fs_.fstatSync)(fd);
            if (!st.isFile())
                return 0;
            if (!gzip)
                return st.size;
            if (st.size < 18)
                return 0;
            const tail = Buffer.alloc(4);
            (0,external_node_fs_.readSync)(fd, tail, 0, 4, st.size - 4);
            return tail.readUInt32LE(0);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        return 0;
    }
}
/** Reads the requested columns of `path` as text (all must exist). */
async function readTable(path, opts) {
    const requests = uniqueRequests(opts.columns);
    const columns = requests.map(() => []);
    const lines = growUint32();
    const { header, rows } = await scanTable(path, {
        displayPath: opts.displayPath,
        highWaterMark: opts.highWaterMark,
        select: () => requests,
        onRow(values, line) {
            for (let k = 0; k < values.length; k++)
                columns[k].push(detach(values[k]));
            lines.push(line);
        }
    });
    const byName = {};
    requests.forEach((r, k) => (byName[r.name] = columns[k]));
    return { file: opts.displayPath, header, n: rows, lines: lines.toArray(), columns: byName };
}
/**
 * Where each row starts, without keeping a line number per row while reading (4 bytes a row, 40 MB at 10M rows,
 * held only for error messages): for a regular file, `lines` is computed when first read, by parsing the file once
 * more (synchronously, only on the error paths that quote a line). Anything else (a pipe, a process substitution)
 * cannot be read twice, so its readers keep the lines as they go: `keepLines(path)` says which.
 */
function keepLines(path) {
    try {
        return !(0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return true;
    }
}
/** Gives `target` its `lines`: `kept` when the reader kept them, else found again in `path` when first asked for. */
function withRowLines(target, path, displayPath, kept) {
    let lines = kept;
    Object.defineProperty(target, 'lines', {
        enumerable: true,
        configurable: true,
        get: () => (lines ??= rowLines(path, displayPath)),
        set: (v) => (lines = v)
    });
    return target;
}
/** The physical line where each data row of `path` starts, as scanTable reported it: the file parsed again. */
function rowLines(path, displayPath) {
    const { format, gzip } = detectFormat(path, displayPath);
    const lines = (0,growable/* growUint32 */.fy)();
    const sink = { header: () => [], row: (_values, line) => lines.push(line) };
    const parser = format === 'jsonl' ? new JsonlParser(displayPath, sink) : new CsvParser(displayPath, format === 'csv' ? ',' : '\t', sink);
    let bytes;
    try {
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            bytes = (0,external_node_fs_.readFileSync)(fd);
            if (!(0,external_node_fs_.fstatSync)(fd).isFile())
                throw new Error(`rowLines: ${displayPath} is not a regular file`);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        if (gzip)
            bytes = (0,external_node_zlib_.gunzipSync)(bytes);
    }
    catch (e) {
        // The file was read once already; failing now means it changed or vanished while the gate ran.
        const code = e.code ?? e.message;
        throw new errors/* GateError */.ue(`${displayPath} changed or disappeared while model-gate read it (${code}); rerun on a copy that stays put.`, { file: displayPath });
    }
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    for (let at = 0; at < bytes.length; at += READ_CHUNK)
        parser.push(decoder.write(bytes.subarray(at, at + READ_CHUNK)));
    const rest = decoder.end();
    if (rest !== '')
        parser.push(rest);
    parser.end();
    return lines.toArray();
}
/**
 * The slots of the text columns segments, fairness and clusters read (`extraNames`): each must be in the header,
 * or the error names the config key that chose it (columns.segment, columns.cluster) when one did.
 */
function extraColumnSlots(file, header, extraNames, cols, slot) {
    return extraNames.map((name) => {
        if (!header.includes(name)) {
            throw missingColumnError(file, name, header, name === cols.segment ? 'columns.segment' : name === cols.cluster ? 'columns.cluster' : undefined);
        }
        return slot(name);
    });
}
/** The message for a column the file lacks: what it has, a near miss if any, and what to set. */
function missingColumnError(file, column, header, configKey, 
/** What the file should look like, for formats with fixed column names (counts files). */
expected) {
    const separator = wrongSeparator(header, column);
    if (separator !== undefined) {
        return new errors/* GateError */.ue(`${file} has one column, ${(0,base_text/* quote */.hD)(header[0])}, which looks like columns separated by ${separator}; .csv files are read ` +
            `comma-separated and .tsv files tab-separated: save the file with commas as .csv (or with tabs as .tsv).`, { file, key: configKey ?? column });
    }
    const near = header.find((h) => h.toLowerCase() === column.toLowerCase());
    const hint = near !== undefined ? ` (did you mean "${near}"?)` : '';
    const fix = configKey
        ? `set ${configKey} to the name of that column`
        : expected ?? 'add the column or change the config to name an existing one';
    return new errors/* GateError */.ue(`${file} has no column "${column}"${hint}; its columns are ${listColumns(header)}; ${fix}.`, { file, key: configKey ?? column });
}
/**
 * The separator a one-column header was written with, when splitting on it yields the wanted column: a European
 * spreadsheet's ";", tabs in a .csv, commas in a .tsv. Named for the message; undefined otherwise.
 */
function wrongSeparator(header, column) {
    if (header.length !== 1)
        return undefined;
    const names = { ';': 'semicolons', '\t': 'tabs', ',': 'commas', '|': 'vertical bars' };
    const found = Object.keys(names).find((sep) => header[0].split(sep).map((h) => h.trim()).includes(column));
    return found === undefined ? undefined : names[found];
}
/** A few column names for messages: `id, label, score, … (12 in all)`. */
function listColumns(header, max = 8) {
    if (header.length === 0)
        return '(none)';
    // Names come from the file: long ones (a headerless file's first row) are shortened, odd ones quoted.
    const shown = header.slice(0, max).map((h) => (h === '' || h.length > 40 || /[\u0000-\u001f\u007f,]/.test(h) ? (0,base_text/* quote */.hD)(h) : h));
    return header.length > max ? `${shown.join(', ')}, … (${header.length} in all)` : shown.join(', ');
}
function uniqueRequests(columns) {
    const seen = new Map();
    for (const c of columns) {
        const r = typeof c === 'string' ? { name: c } : c;
        if (!seen.has(r.name))
            seen.set(r.name, r);
    }
    return [...seen.values()];
}
/** Every requested column must exist exactly once in the header; returns the names in request order. */
function checkColumns(file, header, requests) {
    const names = [];
    for (const c of requests) {
        const r = typeof c === 'string' ? { name: c } : c;
        if (names.includes(r.name))
            throw new Error(`scanTable: column ${r.name} requested twice`);
        const first = header.indexOf(r.name);
        if (first < 0)
            throw missingColumnError(file, r.name, header, r.configKey);
        const again = header.indexOf(r.name, first + 1);
        if (again >= 0) {
            throw new errors/* GateError */.ue(`${file} has two columns named "${r.name}" (columns ${first + 1} and ${again + 1}); rename or remove one.`, { file, key: r.configKey ?? r.name });
        }
        names.push(r.name);
    }
    return names;
}
/**
 * A header with NUL characters or bytes that are not UTF-8: a UTF-16 export (Excel's "Unicode text"), a binary
 * file with a table's extension, or a compressed file without .gz. Says so rather than listing garbled names.
 */
function notUtf8(file, format) {
    const what = format === 'jsonl' ? 'JSON Lines' : format.toUpperCase();
    return new errors/* GateError */.ue(`${file} is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, ` +
        `compressed or binary); save it as UTF-8 ${what}.`, { file, line: 1 });
}
/** A GateError for the usual I/O failures; anything else is returned as it is (a bug, reported as such). */
function readFailure(e, file, gzip) {
    const code = e?.code;
    const location = { file };
    switch (code) {
        case 'ENOENT':
            return new errors/* GateError */.ue(`${file} does not exist; check the path (it is relative to the workspace).`, location);
        case 'EISDIR':
            return new errors/* GateError */.ue(`${file} is a directory; point to a file inside it.`, location);
        case 'EACCES':
        case 'EPERM':
            return new errors/* GateError */.ue(`${file} cannot be read (permission denied); make it readable by the runner.`, location);
    }
    if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
        // Not `instanceof Error`: errors from node's own modules may come from another realm (vm contexts).
        const message = e.message;
        const why = typeof message === 'string' && message !== '' ? message : code;
        return new errors/* GateError */.ue(`${file} is not a valid gzip file (${why}); recompress it or drop the .gz extension.`, location);
    }
    return e;
}


/***/ }),

/***/ 5588:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ textAt),
/* harmony export */   Lp: () => (/* binding */ textColumns),
/* harmony export */   hl: () => (/* binding */ recoded),
/* harmony export */   j4: () => (/* binding */ TextColumnBuilder)
/* harmony export */ });
/* unused harmony exports textColumn, textsOf */
/* harmony import */ var _base_growable_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(37902);
/* harmony import */ var _base_text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(40766);
/**
 * Text columns kept per row (segment, group and cluster values): each row's code into the column's distinct
 * values, in order of first appearance. A segment column of 10M rows is then 10 MB of one-byte codes where an
 * array of 10M string references was 80 MB of heap that every full garbage collection walked again.
 */


/** Row i's text. */
function textAt(column, i) {
    return column.values[column.codes[i]];
}
/** The column of these texts (tests, and readers that already hold strings). */
function textColumn(texts) {
    const b = new TextColumnBuilder();
    for (const t of texts)
        b.push(t);
    return b.finish();
}
/**
 * The same texts with the values renumbered in order of first appearance in the current row order: after rows
 * were reordered, so that equal texts in equal rows give an equal column whatever order they were read in.
 */
function recoded(column) {
    const next = new Int32Array(column.values.length).fill(-1);
    const values = [];
    const codes = column.codes.slice();
    for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (next[c] === -1) {
            next[c] = values.length;
            values.push(column.values[c]);
        }
        codes[i] = next[c];
    }
    return { codes, values };
}
/** textColumn of every column of a record. */
function textColumns(record) {
    const out = {};
    for (const [name, texts] of Object.entries(record))
        out[name] = textColumn(texts);
    return out;
}
/** Every row's text, in row order (messages and tests; not for 10M rows). */
function textsOf(column) {
    return Array.from(column.codes, (c) => column.values[c]);
}
/** Builds a TextColumn row by row; codes start one byte wide and widen (one copy) as distinct values grow. */
class TextColumnBuilder {
    index = new Map();
    values = [];
    codes = new _base_growable_js__WEBPACK_IMPORTED_MODULE_0__/* .Growable */ .GV((n) => new Uint8Array(n));
    limit = 1 << 8;
    reserved = 0;
    /** Room for about `rows` codes (an estimate, see Growable.reserve). */
    reserve(rows) {
        this.reserved = rows;
        this.codes.reserve(rows);
    }
    push(text) {
        let code = this.index.get(text);
        if (code === undefined) {
            code = this.values.length;
            if (code >= this.limit)
                this.widen();
            // A slice of a parsed chunk would keep the whole chunk alive: store a flat copy.
            const flat = (0,_base_text_js__WEBPACK_IMPORTED_MODULE_1__/* .detach */ .Yo)(text);
            this.index.set(flat, code);
            this.values.push(flat);
        }
        this.codes.push(code);
    }
    finish() {
        return { codes: this.codes.toArray(), values: this.values };
    }
    widen() {
        const old = this.codes.toArray();
        const wider = this.limit === 1 << 8 ? new _base_growable_js__WEBPACK_IMPORTED_MODULE_0__/* .Growable */ .GV((n) => new Uint16Array(n)) : new _base_growable_js__WEBPACK_IMPORTED_MODULE_0__/* .Growable */ .GV((n) => new Uint32Array(n));
        this.limit = this.limit === 1 << 8 ? 1 << 16 : 2 ** 32;
        if (this.reserved > 0)
            wider.reserve(this.reserved);
        for (let i = 0; i < old.length; i++)
            wider.push(old[i]);
        this.codes = wider;
    }
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(60218);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

// Follows the server's change stream. EventSource reconnects by itself and sends the last event
// id, so the server replays what was missed; when it cannot (too much missed, or the stream failed
// for good and had to be reopened) the page is told to re-read everything.

const REOPEN_MS = [1000, 2000, 5000, 10000];

const listeners = new Set();
let status = 'idle';
let streams = 0;

/** Whether the page is following the server: 'live', 'reconnecting', 'connecting' or 'idle' (no stream). */
export const liveStatus = () => status;

export function onLiveStatus(fn) {
  listeners.add(fn);
  fn(status);
  return () => listeners.delete(fn);
}

function setStatus(next) {
  if (next === status) return;
  status = next;
  listeners.forEach((fn) => fn(status));
}

/**
 * Opens a stream; `onChange(kind, data)` gets each study or trial change and `onResync()` is
 * called when the page should re-read its data. Returns a function that closes the stream.
 */
export function follow(url, { onChange, onResync }) {
  let source = null;
  let closed = false;
  let failures = 0;
  let hadError = false;
  let timer = null;

  streams++;
  setStatus('connecting');
  const open = () => {
    source = new EventSource(url);
    source.addEventListener('open', () => {
      failures = 0;
      setStatus('live');
      // Back after a break: the server replays the changes it numbered meanwhile, but a re-read
      // also covers a server that was replaced or a page that was asleep.
      if (hadError) onResync();
      hadError = false;
    });
    source.addEventListener('hello', () => setStatus('live'));
    source.addEventListener('reset', () => onResync());
    for (const kind of ['study', 'trial']) {
      source.addEventListener(kind, (e) => {
        try {
          onChange(kind, JSON.parse(e.data));
        } catch {
          onResync();
        }
      });
    }
    source.addEventListener('error', () => {
      if (closed) return;
      setStatus('reconnecting');
      hadError = true;
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. the server answered with an error): reopen it ourselves.
        source.close();
        timer = setTimeout(open, REOPEN_MS[Math.min(failures++, REOPEN_MS.length - 1)]);
      }
    });
  };
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
    if (--streams === 0) setStatus('idle');
  };
}

/** Calls `fn` at most once per `ms`, trailing, so a burst of changes costs one re-read. */
export function throttle(fn, ms) {
  let timer = null;
  let pending = false;
  let last = 0;
  const run = () => {
    timer = null;
    pending = false;
    last = performance.now();
    fn();
  };
  const wrapped = () => {
    if (pending) return;
    pending = true;
    const wait = Math.max(0, ms - (performance.now() - last));
    timer = setTimeout(run, wait);
  };
  wrapped.cancel = () => {
    clearTimeout(timer);
    pending = false;
  };
  return wrapped;
}

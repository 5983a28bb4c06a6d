-- Shared by the wrk scripts of bench/api-load.sh: one JSON line with what the run measured.
function report(summary, latency, extra)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50ms": %.2f, "p90ms": %.2f, "p99ms": %.2f, "maxms": %.2f, '
    .. '"non2xx": %d, "connectErrors": %d, "readErrors": %d, "writeErrors": %d, "timeouts": %d%s}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, extra or ""))
end

// The HTTP sections of the benchmark report: the rows of the table and the targets, from the
// results of bench/http.mjs (load) and bench/serve-start.mjs (start-up and idle memory).

const n = (x) => Math.round(x).toLocaleString('en');
const x = (r) => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`);
const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MB`);
const TUNING = (http) => `NODE_OPTIONS=${http.tuned.nodeOptions.join(' ')} (load-test tuning)`;

/** The rows of one load configuration: checks against the hello-world, CPU per request, memory after. */
function loadRows(http, h, servers) {
  const rows = [
    [
      `HTTP second-factor checks vs node:http hello-world, ${servers}`,
      `${x(h.ratio)}, the median of ${http.rounds} rounds (${h.ratios.map(x).join(', ')}); in that round ${n(h.checksPerSecond)} checks/s vs ${n(h.helloRps)} req/s (autocannon, ${http.connections} connections, pipelining ${http.pipelining}, ${http.seconds} s each${http.pinned ? ', load tool and server on separate cores' : ''})`,
    ],
  ];
  if (h.cpuRatio !== undefined)
    rows.push([
      `server CPU time per request, HTTP check vs hello-world, ${servers}`,
      `${x(h.cpuRatio)}, the median of the rounds (${h.cpuRatios.map(x).join(', ')}); ${h.checkCpuUs.toFixed(0)} µs vs ${h.helloCpuUs.toFixed(0)} µs in the round above`,
    ]);
  if (h.apiRss !== undefined)
    rows.push([
      `resident memory after the load test, ${servers}`,
      `API server ${mb(h.apiRss)} (holding ${n(h.accounts)} enrolled accounts and their sessions), hello-world ${mb(h.helloRss)}: ${x(h.apiRss / h.helloRss)}, in the round above`,
    ]);
  return rows;
}

/** [measure, result] rows for the "other sections" table. */
export function httpReportRows(http, start) {
  const rows = [];
  if (start.skipped) rows.push(['totp-lab serve --api start-up vs node:http', `skipped: ${start.skipped}`]);
  else
    rows.push(
      [
        `time from starting the process to its first answer, totp-lab serve --api vs a bare node:http server, median of ${start.runs}`,
        `${start.serve.readyMs.toFixed(0)} ms vs ${start.bare.readyMs.toFixed(0)} ms: ${x(start.readyRatio)}`,
      ],
      [
        `resident memory when idle, totp-lab serve --api vs a bare node:http server, median of ${start.runs}`,
        `${mb(start.serve.idleRss)} vs ${mb(start.bare.idleRss)}: ${x(start.idleRssRatio)}`,
      ],
    );
  if (http.skipped) rows.push(['HTTP second-factor checks vs node:http hello-world', `skipped: ${http.skipped}`]);
  else
    rows.push(
      ...loadRows(http, http, "both servers on Node's default options, as totp-lab serve runs"),
      ...loadRows(http, http.tuned, `both servers with ${TUNING(http)}`),
    );
  return rows;
}

/** The HTTP targets: { name, value, met }. */
export function httpTargets(http, start) {
  return [
    {
      name: "HTTP second-factor checks ≥ 0.2× a bare node:http hello-world (Node's default options, as totp-lab serve runs)",
      value: http.ratio,
      met: (http.ratio ?? 0) >= 0.2,
    },
    {
      name: 'time from starting `totp-lab serve --api` to its first answer ≤ 2× a bare node:http server',
      value: start.readyRatio,
      met: (start.readyRatio ?? Infinity) <= 2,
    },
    {
      name: 'resident memory of an idle `totp-lab serve --api` ≤ 1.6× a bare node:http server',
      value: start.idleRssRatio,
      met: (start.idleRssRatio ?? Infinity) <= 1.6,
    },
  ];
}

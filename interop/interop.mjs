// matrix-js-sdk, a third-party Matrix client, against our reference server.
//
//   node interop.mjs PATH/TO/matrix-login
//
// Starts `matrix-login serve` on 127.0.0.1 (a free port), waits for its `listening on` line and
// walks the login hand-over with the SDK's own helpers: password login, requestLoginToken with
// its User-Interactive Authentication round, token login, whoami, token reuse, logout. Calls the
// SDK has no helper for go through its generic `http.authedRequest`, never a hand-built fetch.
// Prints one PASS/FAIL line per step; exits non-zero if any step failed. The server is killed
// on every exit path.
//
// The SDK mostly runs in browsers, so every client here is given (through the SDK's own
// `fetchFn` option) a transport that behaves like a browser page on another origin: it sends the
// CORS preflight a browser sends, refuses what a browser would refuse, and lets the SDK see only
// the response headers a browser would let it see.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

import { createClient, MatrixError, Method } from "matrix-js-sdk";
import { logger } from "matrix-js-sdk/lib/logger.js";

const SDK_VERSION = createRequire(import.meta.url)("matrix-js-sdk/package.json").version;
const USERS = { alice: "alice-password-1", bob: "bob-password-2" };
const STABLE_GET_TOKEN = "/_matrix/client/v1/login/get_token";

logger.setLevel("silent"); // The SDK logs every request; the PASS/FAIL lines are the output.

const binary = process.argv[2];
if (!binary) {
  console.error("usage: node interop.mjs PATH/TO/matrix-login");
  process.exit(2);
}

let server;
function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGTERM");
  }
}
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
}

/** Starts the reference server on a free loopback port; resolves with its base URL. */
function startServer() {
  const args = ["serve", "--listen", "127.0.0.1:0"];
  for (const [name, password] of Object.entries(USERS)) {
    args.push("--user", `${name}:${password}`);
  }
  server = spawn(binary, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no `listening on` line within 30 s")), 30_000);
    server.once("error", (err) => reject(err));
    server.once("exit", (code) => reject(new Error(`the server exited (${code}) before listening`)));
    createInterface({ input: server.stdout }).on("line", (line) => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

// --- a browser's CORS rules, as the transport of every SDK client ----------------------------
const PAGE_ORIGIN = "https://app.example";
const SAFELISTED_RESPONSE_HEADERS = [
  "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma",
];
const cors = { preflights: 0, requests: 0 };

/** Request headers that make a browser send a preflight (the CORS "non-safelisted" ones). */
function nonSafelisted(headers) {
  const simpleTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];
  return [...headers.keys()].filter((name) => {
    if (["accept", "accept-language", "content-language"].includes(name)) return false;
    if (name === "content-type") return !simpleTypes.includes(headers.get(name).split(";")[0].trim().toLowerCase());
    return true;
  });
}

function listed(value, item) {
  return (value ?? "").split(",").map((v) => v.trim().toLowerCase()).includes(item.toLowerCase());
}

function allowsOrigin(response) {
  const allowed = response.headers.get("access-control-allow-origin");
  return allowed === "*" || allowed === PAGE_ORIGIN;
}

/** `fetch` as a browser page on PAGE_ORIGIN would experience it. */
async function browserFetch(resource, init = {}) {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  const needPreflight = nonSafelisted(headers);
  if (!["GET", "HEAD", "POST"].includes(method) || needPreflight.length > 0) {
    const preflight = await fetch(resource, {
      method: "OPTIONS",
      headers: {
        Origin: PAGE_ORIGIN,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": needPreflight.join(", "),
      },
    });
    const allowed =
      preflight.ok &&
      allowsOrigin(preflight) &&
      (["GET", "HEAD", "POST"].includes(method) || listed(preflight.headers.get("access-control-allow-methods"), method)) &&
      needPreflight.every((name) => listed(preflight.headers.get("access-control-allow-headers"), name));
    if (!allowed) {
      throw new TypeError(`Failed to fetch: CORS preflight for ${method} ${resource} refused (${preflight.status})`);
    }
    cors.preflights += 1;
  }
  headers.set("Origin", PAGE_ORIGIN);
  const response = await fetch(resource, { ...init, headers });
  if (!allowsOrigin(response)) {
    throw new TypeError(`Failed to fetch: no Access-Control-Allow-Origin on ${method} ${resource}`);
  }
  cors.requests += 1;
  // The page sees only the safelisted response headers and those the server exposes.
  const exposed = (response.headers.get("access-control-expose-headers") ?? "").toLowerCase();
  const visible = new Headers();
  for (const [name, value] of response.headers) {
    if (SAFELISTED_RESPONSE_HEADERS.includes(name) || listed(exposed, name)) visible.set(name, value);
  }
  const body = [101, 204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: visible });
}

/** An SDK client whose requests go through browserFetch. */
function sdkClient(opts) {
  return createClient({ fetchFn: browserFetch, ...opts });
}

let passed = 0;
let failed = 0;

/** Runs one step: `fn` returns [value, detail] or throws. Resolves with the value, or undefined. */
async function step(name, fn) {
  try {
    const [value, detail] = await fn();
    passed += 1;
    console.log(`PASS ${name}: ${detail}`);
    return value;
  } catch (err) {
    failed += 1;
    console.log(`FAIL ${name}: ${describe(err)}`);
    return undefined;
  }
}

function notRun(name, because) {
  failed += 1;
  console.log(`FAIL ${name}: not run, because \`${because}\` failed`);
}

function describe(err) {
  if (err instanceof MatrixError) {
    return `${err.httpStatus} ${err.errcode ?? "(no errcode)"}: ${JSON.stringify(err.data)}`;
  }
  return err?.message ?? String(err);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Awaits a promise that must reject with a MatrixError; returns the error. */
async function rejection(promise, what) {
  try {
    const value = await promise;
    throw new Error(`${what} succeeded: ${JSON.stringify(value)}`);
  } catch (err) {
    if (!(err instanceof MatrixError)) throw err;
    return err;
  }
}

function passwordAuth(userId, password, session) {
  return { type: "m.login.password", identifier: { type: "m.id.user", user: userId }, password, session };
}

async function run(baseUrl) {
  const anon = sdkClient({ baseUrl });

  await step("GET /versions (getVersions)", async () => {
    const versions = await anon.getVersions();
    check(versions.versions.includes("v1.7"), `no v1.7 in ${versions.versions}`);
    const supportsV17 = await anon.isVersionSupported("v1.7");
    check(supportsV17, "isVersionSupported('v1.7') is false");
    const features = Object.keys(versions.unstable_features ?? {}).filter((f) => versions.unstable_features[f]);
    return [null, `${versions.versions[0]} to ${versions.versions.at(-1)}, features: ${features.join(", ") || "none"}`];
  });

  await step("GET /login (loginFlows)", async () => {
    const { flows } = await anon.loginFlows();
    const token = flows.find((f) => f.type === "m.login.token");
    check(token, `no m.login.token in ${JSON.stringify(flows)}`);
    check(token.get_login_token === true, `m.login.token flow: ${JSON.stringify(token)}`);
    check(flows.some((f) => f.type === "m.login.password"), "no m.login.password");
    return [null, `${flows.map((f) => f.type).join(", ")} (get_login_token: true)`];
  });

  // Device A: the SDK's loginWithPassword, which sends the deprecated top-level `user` field.
  const clientA = sdkClient({ baseUrl });
  const deviceA = await step("password login, device A (loginWithPassword)", async () => {
    const response = await clientA.loginWithPassword("alice", USERS.alice);
    check(response.user_id === "@alice:localhost", `user_id ${response.user_id}`);
    check(response.access_token && response.device_id, "no access_token or device_id");
    check(clientA.getAccessToken() === response.access_token, "the SDK did not take the token");
    return [response, `${response.user_id} on device ${response.device_id}`];
  });
  if (!deviceA) {
    notRun("the rest of the hand-over", "password login");
    return;
  }

  await step("password login with an m.id.user identifier (loginRequest), then logout", async () => {
    const response = await anon.loginRequest({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: "@alice:localhost" },
      password: USERS.alice,
      initial_device_display_name: "matrix-js-sdk interop",
    });
    check(response.device_id !== deviceA.device_id, "the same device as A");
    const client = sdkClient({ baseUrl, accessToken: response.access_token, userId: response.user_id });
    await client.logout();
    return [null, `${response.user_id} on device ${response.device_id}, logged out again`];
  });

  await step("GET /capabilities (getCapabilities)", async () => {
    const capabilities = await clientA.getCapabilities();
    check(capabilities["m.get_login_token"]?.enabled === true, JSON.stringify(capabilities));
    return [null, `m.get_login_token: ${JSON.stringify(capabilities["m.get_login_token"])}`];
  });

  // requestLoginToken: the first call, without auth, must be refused with the UIA flows.
  const loginToken = await step("requestLoginToken with its UIA round", async () => {
    const uia = await rejection(clientA.requestLoginToken(), "requestLoginToken without auth");
    check(uia.httpStatus === 401, `status ${uia.httpStatus}`);
    check(uia.data.session, `no session in ${JSON.stringify(uia.data)}`);
    const stages = (uia.data.flows ?? []).map((f) => f.stages.join("+"));
    check(stages.includes("m.login.password"), `flows ${JSON.stringify(uia.data.flows)}`);

    const wrong = await rejection(
      clientA.requestLoginToken(passwordAuth(deviceA.user_id, "wrong password", uia.data.session)),
      "requestLoginToken with a wrong password",
    );
    check(wrong.httpStatus === 401 && wrong.errcode === "M_FORBIDDEN", `wrong password: ${describe(wrong)}`);
    check(wrong.data.session === uia.data.session && wrong.data.flows, `wrong password: ${JSON.stringify(wrong.data)}`);

    const response = await clientA.requestLoginToken(passwordAuth(deviceA.user_id, USERS.alice, uia.data.session));
    check(typeof response.login_token === "string", `no login_token in ${JSON.stringify(response)}`);
    check(Number.isInteger(response.expires_in_ms) && response.expires_in_ms > 0, `expires_in_ms ${response.expires_in_ms}`);
    return [
      response.login_token,
      `401 asked for [${stages.join(", ")}]; wrong password: 401 ${wrong.errcode}; ` +
        `then a token valid for ${response.expires_in_ms / 1000}s (POST ${STABLE_GET_TOKEN})`,
    ];
  });

  // Device B: a fresh client, as on a second device, logging in with the token.
  const clientB = sdkClient({ baseUrl });
  const deviceB = loginToken
    ? await step("token login, device B (loginWithToken)", async () => {
        const response = await clientB.loginWithToken(loginToken);
        check(response.user_id === deviceA.user_id, `user_id ${response.user_id}`);
        check(response.device_id && response.device_id !== deviceA.device_id, `device_id ${response.device_id}`);
        return [response, `${response.user_id} on new device ${response.device_id}`];
      })
    : notRun("token login, device B", "requestLoginToken");

  if (deviceB) {
    await step("whoami, device B (whoami)", async () => {
      const me = await clientB.whoami();
      check(me.user_id === deviceB.user_id && me.device_id === deviceB.device_id, JSON.stringify(me));
      return [null, `${me.user_id} on device ${me.device_id}`];
    });
  } else {
    notRun("whoami, device B", "token login");
  }

  if (loginToken) {
    await step("reuse the login token: refused", async () => {
      const err = await rejection(sdkClient({ baseUrl }).loginWithToken(loginToken), "reusing the token");
      check(err.httpStatus === 403 && err.errcode === "M_FORBIDDEN", describe(err));
      return [null, `${err.httpStatus} ${err.errcode}: ${err.data.error}`];
    });

    await step("requestLoginToken again within the minute: rate limited", async () => {
      let err = await rejection(clientA.requestLoginToken(), "a second requestLoginToken");
      if (err.httpStatus === 401 && err.data.flows) {
        err = await rejection(
          clientA.requestLoginToken(passwordAuth(deviceA.user_id, USERS.alice, err.data.session)),
          "a second requestLoginToken with auth",
        );
      }
      check(err.httpStatus === 429 && err.isRateLimitError(), describe(err));
      const retryAfterMs = err.getRetryAfterMs();
      check(Number.isInteger(retryAfterMs) && retryAfterMs > 0, `getRetryAfterMs() = ${retryAfterMs}`);
      return [null, `429 ${err.errcode}, getRetryAfterMs() = ${retryAfterMs} (body retry_after_ms ${err.data.retry_after_ms})`];
    });
  } else {
    notRun("reuse the login token", "requestLoginToken");
    notRun("requestLoginToken again within the minute", "requestLoginToken");
  }

  if (deviceB) {
    await step("logout, device B (logout), then its token is refused", async () => {
      const response = await clientB.logout();
      check(response && Object.keys(response).length === 0, `logout answered ${JSON.stringify(response)}`);
      const err = await rejection(clientB.whoami(), "whoami after logout");
      check(err.httpStatus === 401 && err.errcode === "M_UNKNOWN_TOKEN", describe(err));
      await clientA.whoami(); // device A is still logged in
      return [null, `{}; then ${err.httpStatus} ${err.errcode} (soft_logout: ${err.data.soft_logout ?? "absent"}); device A still in`];
    });
  } else {
    notRun("logout, device B", "token login");
  }

  await step("logout/all, device A (http.authedRequest), then its token is refused", async () => {
    // The SDK has no helper for POST /logout/all: its generic authenticated request.
    const response = await clientA.http.authedRequest(Method.Post, "/logout/all");
    check(response && Object.keys(response).length === 0, `logout/all answered ${JSON.stringify(response)}`);
    const err = await rejection(clientA.whoami(), "whoami after logout/all");
    check(err.httpStatus === 401 && err.errcode === "M_UNKNOWN_TOKEN", describe(err));
    return [null, `{}; then ${err.httpStatus} ${err.errcode}`];
  });

  await step("every SDK request passed a browser's CORS checks", async () => {
    check(cors.preflights > 0 && cors.requests > 0, JSON.stringify(cors));
    return [null, `${cors.requests} requests from origin ${PAGE_ORIGIN}, ${cors.preflights} of them after an OPTIONS preflight`];
  });
}

async function main() {
  console.log(`== interop: matrix-js-sdk ${SDK_VERSION} (node ${process.version}) against matrix-login serve`);
  const baseUrl = await step("start matrix-login serve", async () => {
    const url = await startServer();
    return [url, `listening on ${url}`];
  });
  if (baseUrl) {
    try {
      await run(baseUrl);
    } catch (err) {
      failed += 1;
      console.log(`FAIL unexpected error: ${describe(err)}`);
    }
  }
  stopServer();
  console.log(`interop-js: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();

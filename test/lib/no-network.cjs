// Preloaded with `node --require` in the security tests: any attempt to reach the network
// (TCP/UDP sockets, DNS, HTTP(S), TLS, fetch) is recorded to $RSP_NO_NETWORK_LOG and fails.
const fs = require('node:fs');
const log = process.env.RSP_NO_NETWORK_LOG;
function deny(what) {
  return function denied() {
    if (log) fs.appendFileSync(log, `${what}\n`);
    throw new Error(`network access denied by test: ${what}`);
  };
}
const net = require('node:net');
net.Socket.prototype.connect = deny('net.Socket.connect');
net.connect = net.createConnection = deny('net.connect');
require('node:tls').connect = deny('tls.connect');
require('node:dgram').createSocket = deny('dgram.createSocket');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[k] = deny(`dns.${k}`);
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns.promises[k] = deny(`dns.promises.${k}`);
for (const m of ['node:http', 'node:https']) { const h = require(m); h.request = deny(`${m}.request`); h.get = deny(`${m}.get`); }
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');

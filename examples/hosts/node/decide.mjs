// Decide one complaint through the decision service over HTTP (fetch, Node 18+).
//
//   node examples/hosts/node/decide.mjs BASE_URL POLICY COMPLAINT.json
//
// Prints the decision JSON (the response body, exactly decide_json()'s bytes) and a
// newline. A refusal (an RFC 9457 problem document) goes to stderr, exit status 1.
import { readFile } from "node:fs/promises";

const [base, policy, file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node decide.mjs BASE_URL POLICY COMPLAINT.json");
  process.exit(2);
}
const headers = { "Content-Type": "application/json", "Accept-Language": "en" };
if (process.env.COMPLAINT_RULES_TOKEN) {
  headers.Authorization = `Bearer ${process.env.COMPLAINT_RULES_TOKEN}`;
}
const url = `${base.replace(/\/+$/, "")}/v1/policies/${encodeURIComponent(policy)}/decide`;
const response = await fetch(url, {
  method: "POST",
  headers,
  body: await readFile(file),
  signal: AbortSignal.timeout(30_000),
});
// The bytes as sent: not parsed and re-serialised, so the output is decide_json()'s.
const body = Buffer.from(await response.arrayBuffer());
const out = response.ok ? process.stdout : process.stderr;
out.write(Buffer.concat([body, Buffer.from("\n")]));
process.exitCode = response.ok ? 0 : 1;

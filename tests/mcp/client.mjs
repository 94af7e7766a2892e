// SPDX-License-Identifier: GPL-3.0-or-later
// Drives `pgdesk-cli mcp` with the official MCP client SDK, as an agent's client would: the SDK starts the
// server, initializes (its protocol revision negotiated), lists the tools and resources and runs the calls
// read as JSON from standard input, then prints what it saw as one JSON document:
//   node client.mjs PGDESK_CLI [SERVER_ARG]... < calls.json
// calls.json: [{"tool": NAME, "arguments": {…}}, {"read": URI}, …]. Each call's outcome is kept in order:
// {"result": …} or {"thrown": message} (the SDK's protocol errors). The server's standard error goes to
// ours, so the test sees it too.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [command, ...args] = process.argv.slice(2);
// Read as a stream: a pipe that has no data yet makes a synchronous read fail (EAGAIN).
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const calls = JSON.parse(Buffer.concat(chunks).toString("utf8") || "[]");
const transport = new StdioClientTransport({ command, args, env: { ...process.env }, stderr: "inherit" });
const client = new Client({ name: "pgdesk-tests", version: "1.0.0" });
const out = { calls: [] };
try {
  await client.connect(transport);
  out.server = client.getServerVersion();
  out.capabilities = client.getServerCapabilities();
  out.instructions = client.getInstructions();
  out.tools = (await client.listTools()).tools;
  out.resources = (await client.listResources()).resources.length;
  for (const call of calls) {
    try {
      if (call.read) out.calls.push({ result: await client.readResource({ uri: call.read }) });
      else out.calls.push({ result: await client.callTool({ name: call.tool, arguments: call.arguments ?? {} }) });
    } catch (e) {
      out.calls.push({ thrown: String(e?.message ?? e) });
    }
  }
} catch (e) {
  out.failed = String(e?.message ?? e);
} finally {
  await client.close().catch(() => {});
}
process.stdout.write(JSON.stringify(out));

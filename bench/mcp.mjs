// SPDX-License-Identifier: GPL-3.0-or-later
// make bench's agent gateway case: `pgdesk-cli mcp` driven by the official MCP client SDK (tests/mcp), as an
// agent drives it: the server started and initialized once, then each call timed from the client's request
// to its parsed answer. Prints {"query_ms": median, "list_tables_ms": median, "tables": count}.
//   node bench/mcp.mjs PGDESK_CLI PROFILE RUNS
import { Client } from "../tests/mcp/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js";
import { StdioClientTransport } from "../tests/mcp/node_modules/@modelcontextprotocol/sdk/dist/esm/client/stdio.js";

const [cli, profile, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 7);
const transport = new StdioClientTransport({ command: cli, args: ["--profile", profile, "mcp"], env: { ...process.env } });
const client = new Client({ name: "pgdesk-bench", version: "1.0.0" });
await client.connect(transport);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
async function timed(name, args, check) {
  await client.callTool({ name, arguments: args }); // warm-up
  const times = [];
  let last;
  for (let i = 0; i < runs; ++i) {
    const start = process.hrtime.bigint();
    last = await client.callTool({ name, arguments: args });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (last.isError || !check(last.structuredContent)) throw new Error(`${name}: ${JSON.stringify(last).slice(0, 300)}`);
  }
  return [median(times), last.structuredContent];
}
const [query] = await timed("query", { sql: "select g, md5(g::text) from generate_series(1, 100) g" },
                            (r) => r.rows.length === 100);
const [list, listed] = await timed("list_tables", {}, (r) => r.tables.length >= 10000);
await client.close();
process.stdout.write(JSON.stringify({ query_ms: query, list_tables_ms: list, tables: listed.tables.length }));

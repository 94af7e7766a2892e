<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CellText</name>
    <message numerus="yes">
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 Byte</numerusform>
            <numerusform>%1 Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPainter</name>
    <message numerus="yes">
        <source>other (%n groups)</source>
        <translation>
            <numerusform>Sonstige (%n Gruppe)</numerusform>
            <numerusform>Sonstige (%n Gruppen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No data to chart</source>
        <translation>Keine Daten für ein Diagramm</translation>
    </message>
    <message>
        <source>The chart could not be written</source>
        <translation>Das Diagramm konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>No positive values to show</source>
        <translation>Keine positiven Werte anzuzeigen</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>ErdPainter</name>
    <message>
        <source>The diagram could not be written</source>
        <translation>Das Diagramm konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>cost %1..%2</source>
        <translation>Kosten %1..%2</translation>
    </message>
    <message>
        <source>rows %1 (estimated)</source>
        <translation>Zeilen %1 (geschätzt)</translation>
    </message>
    <message>
        <source>never executed</source>
        <translation>nie ausgeführt</translation>
    </message>
    <message>
        <source>exclusive %1 (%2 %) · total %3</source>
        <translation>exklusiv %1 (%2 %) · gesamt %3</translation>
    </message>
    <message>
        <source>rows %1 → %2</source>
        <translation>Zeilen %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s)</source>
        <translation>
            <numerusform>%n Durchlauf</numerusform>
            <numerusform>%n Durchläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 more rows than estimated</source>
        <translation>%1 mehr Zeilen als geschätzt</translation>
    </message>
    <message>
        <source>%1 fewer rows than estimated</source>
        <translation>%1 weniger Zeilen als geschätzt</translation>
    </message>
    <message>
        <source>the sort spilled to disk (%1 kB); more work_mem or an index in the sort&apos;s order avoids it</source>
        <translation>die Sortierung wich auf die Platte aus (%1 kB); mehr work_mem oder ein Index in der Sortierreihenfolge vermeidet das</translation>
    </message>
    <message>
        <source>the hash spilled to disk in batches; more work_mem keeps it in memory</source>
        <translation>der Hash wich in Stapeln auf die Platte aus; mehr work_mem hält ihn im Speicher</translation>
    </message>
    <message>
        <source>its filter removed %1 % of the rows it read; an index on the filtered columns may help</source>
        <translation>sein Filter verwarf %1 % der gelesenen Zeilen; ein Index auf den gefilterten Spalten kann helfen</translation>
    </message>
    <message>
        <source>it (or its inner side) ran many times under a nested loop; a hash or merge join, or a better estimate of the outer rows, avoids the loops</source>
        <translation>er (oder seine innere Seite) lief unter einer Nested Loop sehr oft; ein Hash- oder Merge-Join oder eine bessere Schätzung der äußeren Zeilen vermeidet die Durchläufe</translation>
    </message>
    <message>
        <source>%1 rows estimated, %2 actual: the join method was chosen for the estimate; ANALYZE the tables or add extended statistics</source>
        <translation>%1 Zeilen geschätzt, %2 tatsächlich: die Join-Methode wurde für die Schätzung gewählt; ANALYZE auf die Tabellen oder erweiterte Statistiken anlegen</translation>
    </message>
    <message>
        <source>%1 rows estimated, %2 actual; ANALYZE the table</source>
        <translation>%1 Zeilen geschätzt, %2 tatsächlich; ANALYZE auf die Tabelle</translation>
    </message>
    <message>
        <source>the most time of any node</source>
        <translation>die meiste Zeit aller Knoten</translation>
    </message>
    <message>
        <source>#%1 %2 — %3 % of the time (%4): %5</source>
        <translation>#%1 %2 — %3 % der Zeit (%4): %5</translation>
    </message>
    <message>
        <source>the second most time of any node</source>
        <translation>die zweitmeiste Zeit aller Knoten</translation>
    </message>
    <message>
        <source>the third most time of any node</source>
        <translation>die drittmeiste Zeit aller Knoten</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>expected exactly one JSON value</source>
        <translation>genau ein JSON-Wert erwartet</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Rows (est.)</source>
        <translation>Zeilen (geschätzt)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>Planning %1 ms</source>
        <translation>Planung %1 ms</translation>
    </message>
    <message>
        <source>Execution %1 ms</source>
        <translation>Ausführung %1 ms</translation>
    </message>
    <message>
        <source>Open referenced %1.%2 (%3)</source>
        <translation>Referenzierte Zeile in %1.%2 öffnen (%3)</translation>
    </message>
    <message>
        <source>Referencing rows</source>
        <translation>Referenzierende Zeilen</translation>
    </message>
    <message>
        <source>%1.%2 (%3) …</source>
        <translation>%1.%2 (%3) …</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 row(s)</source>
        <translation>
            <numerusform>%1: %2 Zeile</numerusform>
            <numerusform>%1: %2 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement that will run</source>
        <translation>Die Anweisung, die laufen wird</translation>
    </message>
</context>
<context>
    <name>ResultEditability</name>
    <message>
        <source>Read-only: the result has no columns.</source>
        <translation>Schreibgeschützt: Das Ergebnis hat keine Spalten.</translation>
    </message>
    <message>
        <source>Read-only: the table the columns come from is gone.</source>
        <translation>Schreibgeschützt: Die Tabelle, aus der die Spalten stammen, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Read-only: column %1 is not an editable column of %2.</source>
        <translation>Schreibgeschützt: Spalte %1 ist keine bearbeitbare Spalte von %2.</translation>
    </message>
    <message>
        <source>Read-only: column %1 of %2 appears twice (%3 and %4).</source>
        <translation>Schreibgeschützt: Spalte %1 von %2 kommt zweimal vor (%3 und %4).</translation>
    </message>
    <message>
        <source>Read-only: the key of %1 (%2) is not among the columns.</source>
        <translation>Schreibgeschützt: Der Schlüssel von %1 (%2) ist nicht unter den Spalten.</translation>
    </message>
    <message>
        <source>Read-only: its columns come from several tables.</source>
        <translation>Schreibgeschützt: Seine Spalten stammen aus mehreren Tabellen.</translation>
    </message>
    <message>
        <source>Read-only: it has a computed column (%1), worked out by the query rather than read from a table.</source>
        <translation>Schreibgeschützt: Es hat eine berechnete Spalte (%1), die die Abfrage ermittelt, statt sie aus einer Tabelle zu lesen.</translation>
    </message>
</context>
<context>
    <name>pgdesk</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>--deleted wants active, deleted or all</source>
        <translation>--deleted erwartet active, deleted oder all</translation>
    </message>
    <message>
        <source>unknown argument %1</source>
        <translation>unbekanntes Argument %1</translation>
    </message>
    <message>
        <source>--filter, --search, --sort and --deleted need --open TABLE</source>
        <translation>--filter, --search, --sort und --deleted brauchen --open TABELLE</translation>
    </message>
    <message>
        <source>give either --profile or --dsn, not both</source>
        <translation>entweder --profile oder --dsn angeben, nicht beides</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::AboutDialog</name>
    <message>
        <source>About PgDesk</source>
        <translation>Über PgDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PgDesk %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;PgDesk %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>A native PostgreSQL desktop client: browse, filter and edit data safely, with pgdesk-cli on the command line.</source>
        <translation>Ein nativer PostgreSQL-Desktop-Client: Daten sicher durchsuchen, filtern und bearbeiten, dazu pgdesk-cli auf der Kommandozeile.</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Diagnose kopieren</translation>
    </message>
    <message>
        <source>Versions, system, the connection&apos;s settings (never a password) and the latest errors, as text for a bug report</source>
        <translation>Versionen, System, die Verbindungseinstellungen (nie ein Passwort) und die letzten Fehler, als Text für einen Fehlerbericht</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>Diagnose in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>libpq %1</source>
        <translation>libpq %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>PostgreSQL server %1</source>
        <translation>PostgreSQL-Server %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>PgDesk diagnostics</source>
        <translation>PgDesk-Diagnose</translation>
    </message>
    <message>
        <source>PgDesk: %1</source>
        <translation>PgDesk: %1</translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2), platform %3</source>
        <translation>Qt: %1 (erstellt mit %2), Plattform %3</translation>
    </message>
    <message>
        <source>libpq: %1</source>
        <translation>libpq: %1</translation>
    </message>
    <message>
        <source>OS: %1; kernel %2 %3; %4</source>
        <translation>Betriebssystem: %1; Kernel %2 %3; %4</translation>
    </message>
    <message>
        <source>Locale: %1</source>
        <translation>Gebietsschema: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Connection settings (secrets masked):</source>
        <translation>Verbindungseinstellungen (Geheimnisse maskiert):</translation>
    </message>
    <message>
        <source>Connection settings: %1</source>
        <translation>Verbindungseinstellungen: %1</translation>
    </message>
    <message>
        <source>Recent errors, oldest first (%1):</source>
        <translation>Letzte Fehler, älteste zuerst (%1):</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ActivityModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>Waits for %1 (%2) held by PID %3</source>
        <translation>Wartet auf %1 (%2), gehalten von PID %3</translation>
    </message>
    <message>
        <source>Transaction started %1</source>
        <translation>Transaktion gestartet: %1</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Wait event</source>
        <translation>Warteereignis</translation>
    </message>
    <message>
        <source>Transaction age</source>
        <translation>Transaktionsalter</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blockiert von</translation>
    </message>
    <message>
        <source>Lock mode</source>
        <translation>Sperrmodus</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ActivityView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Query…</source>
        <translation>Abfrage abbre&amp;chen …</translation>
    </message>
    <message>
        <source>&amp;Terminate Session…</source>
        <translation>Sitzung &amp;beenden …</translation>
    </message>
    <message>
        <source>Connected through a transaction pooler: these are the server&apos;s backends (the pooler&apos;s server connections), not the pooler&apos;s client sessions.</source>
        <translation>Über einen Transaktions-Pooler verbunden: Dies sind die Backends des Servers (die Serververbindungen des Poolers), nicht die Client-Sitzungen des Poolers.</translation>
    </message>
    <message>
        <source>Terminate Session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Cancel Query</source>
        <translation>Abfrage abbrechen</translation>
    </message>
    <message>
        <source>Terminate the session of PID %1 (%2)? Its open transaction is rolled back.</source>
        <translation>Die Sitzung von PID %1 (%2) beenden? Ihre offene Transaktion wird zurückgerollt.</translation>
    </message>
    <message>
        <source>Cancel the statement PID %1 (%2) runs?</source>
        <translation>Die Anweisung abbrechen, die PID %1 (%2) ausführt?</translation>
    </message>
    <message>
        <source>PID %1 is no longer a server process.</source>
        <translation>PID %1 ist kein Serverprozess mehr.</translation>
    </message>
    <message>
        <source>Who blocks whom</source>
        <translation>Wer wen blockiert</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>%1 waits for %2</source>
        <translation>%1 wartet auf %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::AdminFeature</name>
    <message>
        <source>Server &amp;activity</source>
        <translation>Serveraktivi&amp;tät</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Sessions, locks and who blocks whom, on a connection of its own</source>
        <translation>Sitzungen, Sperren und wer wen blockiert, über eine eigene Verbindung</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Sichern …</translation>
    </message>
    <message>
        <source>R&amp;estore…</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Rollen</translation>
    </message>
    <message>
        <source>Roles, their attributes and memberships (read-only)</source>
        <translation>Rollen, ihre Attribute und Mitgliedschaften (schreibgeschützt)</translation>
    </message>
    <message>
        <source>&amp;Top statements</source>
        <translation>&amp;Häufigste Anweisungen</translation>
    </message>
    <message>
        <source>What loaded the server in the last seconds or minutes (pg_stat_statements)</source>
        <translation>Was den Server in den letzten Sekunden oder Minuten belastet hat (pg_stat_statements)</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>Dash&amp;board</translation>
    </message>
    <message>
        <source>The server&apos;s activity over the last minutes, sampled while shown</source>
        <translation>Die Aktivität des Servers der letzten Minuten, gemessen solange sichtbar</translation>
    </message>
    <message>
        <source>Maintenance…</source>
        <translation>Wartung …</translation>
    </message>
    <message>
        <source>A view holds no data to maintain</source>
        <translation>Eine Sicht enthält keine Daten, die gewartet werden könnten</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Sichern …</translation>
    </message>
    <message>
        <source>Back up schema…</source>
        <translation>Schema sichern …</translation>
    </message>
    <message>
        <source>Largest relations</source>
        <translation>Größte Relationen</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>Datenbank sichern …</translation>
    </message>
    <message>
        <source>Connect first: the activity tab shows the current session&apos;s server</source>
        <translation>Zuerst verbinden: Die Aktivitätsansicht zeigt den Server der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Server activity of %1</source>
        <translation>Serveraktivität von %1</translation>
    </message>
    <message>
        <source>Connect first: the roles tab shows the current session&apos;s server</source>
        <translation>Zuerst verbinden: Der Rollen-Tab zeigt den Server der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Roles of %1</source>
        <translation>Rollen von %1</translation>
    </message>
    <message>
        <source>Connect first: top statements are the current session&apos;s server&apos;s</source>
        <translation>Zuerst verbinden: die häufigsten Anweisungen sind die des Servers der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Top statements</source>
        <translation>Häufigste Anweisungen</translation>
    </message>
    <message>
        <source>Top statements of %1 (pg_stat_statements)</source>
        <translation>Häufigste Anweisungen von %1 (pg_stat_statements)</translation>
    </message>
    <message>
        <source>Connect first: the dashboard shows the current session&apos;s server</source>
        <translation>Zuerst verbinden: Das Dashboard zeigt den Server der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Dashboard of %1</source>
        <translation>Dashboard von %1</translation>
    </message>
    <message>
        <source>Sizes: %1</source>
        <translation>Größen: %1</translation>
    </message>
    <message>
        <source>Largest relations of schema %1</source>
        <translation>Größte Relationen des Schemas %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::AgentAccessDialog</name>
    <message>
        <source>Agent access</source>
        <translation>Agentenzugriff</translation>
    </message>
    <message>
        <source>An agent reaches a saved profile: save this connection as a profile first (Connection ▸ Manage connections…).</source>
        <translation>Ein Agent erreicht ein gespeichertes Profil: Speichern Sie diese Verbindung zuerst als Profil (Verbindung ▸ Verbindungen verwalten …).</translation>
    </message>
    <message>
        <source>An AI agent with an MCP client reaches the profile %1 through pgdesk-cli mcp: it may list tables, describe them, query (read-only, at most 1,000 rows a query), explain and analyse locks; it never sees the password, and what it proposes to change waits below for you.</source>
        <translation>Ein KI-Agent mit einem MCP-Client erreicht das Profil %1 über pgdesk-cli mcp: Er kann Tabellen auflisten und beschreiben, abfragen (nur lesend, höchstens 1.000 Zeilen je Abfrage), Pläne und Sperren analysieren; das Passwort sieht er nie, und was er zu ändern vorschlägt, wartet unten auf Sie.</translation>
    </message>
    <message>
        <source>Claude Code:</source>
        <translation>Claude Code:</translation>
    </message>
    <message>
        <source>Cursor (~/.cursor/mcp.json) and other clients&apos; mcpServers:</source>
        <translation>Cursor (~/.cursor/mcp.json) und die mcpServers anderer Clients:</translation>
    </message>
    <message>
        <source>VS Code (.vscode/mcp.json):</source>
        <translation>VS Code (.vscode/mcp.json):</translation>
    </message>
    <message>
        <source>Writing queries: add --allow-write (never on a production profile); every call logged: --log FILE.</source>
        <translation>Schreibende Abfragen: --allow-write hinzufügen (nie bei einem Produktionsprofil); jeden Aufruf protokollieren: --log DATEI.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Changes: the table&apos;s tab, where they are staged and applied; a migration: a query tool</source>
        <translation>Änderungen: der Tab der Tabelle, wo sie vorgemerkt und angewendet werden; eine Migration: ein Abfragewerkzeug</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Proposals waiting for you:</source>
        <translation>Vorschläge, die auf Sie warten:</translation>
    </message>
    <message>
        <source>migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>Änderungen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ApplyPreviewDialog</name>
    <message>
        <source>Database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <source>Database %1 (%2)</source>
        <translation>Datenbank %1 (%2)</translation>
    </message>
    <message>
        <source>Profile %1, database %2</source>
        <translation>Profil %1, Datenbank %2</translation>
    </message>
    <message>
        <source>Profile %1, database %2 (%3)</source>
        <translation>Profil %1, Datenbank %2 (%3)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BackupDialog</name>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Custom (pg_restore, compressed)</source>
        <translation>Benutzerdefiniert (pg_restore, komprimiert)</translation>
    </message>
    <message>
        <source>Plain SQL (psql)</source>
        <translation>Reines SQL (psql)</translation>
    </message>
    <message>
        <source>Directory (parallel)</source>
        <translation>Verzeichnis (parallel)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Structure and data</source>
        <translation>Struktur und Daten</translation>
    </message>
    <message>
        <source>Structure only</source>
        <translation>Nur Struktur</translation>
    </message>
    <message>
        <source>Data only</source>
        <translation>Nur Daten</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>Parallele &amp;Jobs:</translation>
    </message>
    <message>
        <source>pg_dump&apos;s default</source>
        <translation>Standard von pg_dump</translation>
    </message>
    <message>
        <source>Co&amp;mpression:</source>
        <translation>&amp;Komprimierung:</translation>
    </message>
    <message>
        <source>Leave out owners (--no-owner)</source>
        <translation>Eigentümer weglassen (--no-owner)</translation>
    </message>
    <message>
        <source>Leave out privileges (--no-privileges)</source>
        <translation>Rechte weglassen (--no-privileges)</translation>
    </message>
    <message>
        <source>Looking for pg_dump…</source>
        <translation>pg_dump wird gesucht …</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>the whole database %1</source>
        <translation>die ganze Datenbank %1</translation>
    </message>
    <message>
        <source>pg_dump %1 (%2)</source>
        <translation>pg_dump %1 (%2)</translation>
    </message>
    <message>
        <source>the schema %1</source>
        <translation>das Schema %1</translation>
    </message>
    <message>
        <source>the table %1.%2</source>
        <translation>die Tabelle %1.%2</translation>
    </message>
    <message>
        <source>Back up into the new folder</source>
        <translation>In den neuen Ordner sichern</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Sichern nach</translation>
    </message>
    <message>
        <source>Counting tables…</source>
        <translation>Tabellen werden gezählt …</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert …</translation>
    </message>
    <message>
        <source>Cancel backup</source>
        <translation>Sicherung abbrechen</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The backup failed; no file was written.
%1</source>
        <translation>Die Sicherung ist fehlgeschlagen; es wurde keine Datei geschrieben.
%1</translation>
    </message>
    <message numerus="yes">
        <source>Dumped %1 of %n table(s): %2</source>
        <translation>
            <numerusform>%1 von %n Tabelle gesichert: %2</numerusform>
            <numerusform>%1 von %n Tabellen gesichert: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dumped %n table(s): %1</source>
        <translation>
            <numerusform>%n Tabelle gesichert: %1</numerusform>
            <numerusform>%n Tabellen gesichert: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1 (%n table(s)).</source>
        <translation>
            <numerusform>Sicherung nach %1 geschrieben (%n Tabelle).</numerusform>
            <numerusform>Sicherung nach %1 geschrieben (%n Tabellen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BatchDialog</name>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>Batch operation on %1.%2</source>
        <translation>Massenoperation auf %1.%2</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected row(s)</source>
        <translation>
            <numerusform>Die %n ausgewählte Zeile</numerusform>
            <numerusform>Die %n ausgewählten Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row matching the current filter</source>
        <translation>Alle Zeilen, die zum aktuellen Filter passen</translation>
    </message>
    <message>
        <source>Every row of the table</source>
        <translation>Alle Zeilen der Tabelle</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Set a column to a value</source>
        <translation>Spalte auf einen Wert setzen</translation>
    </message>
    <message>
        <source>Soft delete (%1)</source>
        <translation>Logisch löschen (%1)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>value as PostgreSQL text (empty = empty string)</source>
        <translation>Wert als PostgreSQL-Text (leer = leere Zeichenkette)</translation>
    </message>
    <message>
        <source>Set the column to NULL (not the empty string)</source>
        <translation>Die Spalte auf NULL setzen (nicht auf die leere Zeichenkette)</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>Zeilen zählen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Spalte:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt …</translation>
    </message>
    <message>
        <source>No row would change.</source>
        <translation>Keine Zeile würde sich ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will change, in one transaction.</source>
        <translation>
            <numerusform>%n Zeile wird in einer Transaktion geändert.</numerusform>
            <numerusform>%n Zeilen werden in einer Transaktion geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n row(s) changed in %1 ms.</source>
        <translation>
            <numerusform>Fertig: %n Zeile in %1 ms geändert.</numerusform>
            <numerusform>Fertig: %n Zeilen in %1 ms geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Es wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>Running… %1 of %2 rows</source>
        <translation>Läuft … %1 von %2 Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>Update %1 row(s)</source>
        <translation>
            <numerusform>%1 Zeile aktualisieren</numerusform>
            <numerusform>%1 Zeilen aktualisieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Soft delete %1 row(s)</source>
        <translation>
            <numerusform>%1 Zeile logisch löschen</numerusform>
            <numerusform>%1 Zeilen logisch löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %1 row(s)</source>
        <translation>
            <numerusform>%1 Zeile wiederherstellen</numerusform>
            <numerusform>%1 Zeilen wiederherstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 row(s) permanently</source>
        <translation>
            <numerusform>%1 Zeile endgültig löschen</numerusform>
            <numerusform>%1 Zeilen endgültig löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) of %2.%3</source>
        <translation>
            <numerusform>%1: %n Zeile von %2.%3</numerusform>
            <numerusform>%1: %n Zeilen von %2.%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BrowseFeature</name>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>&amp;Refresh objects</source>
        <translation>Objekte &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Reload schemas and tables</source>
        <translation>Schemas und Tabellen neu laden</translation>
    </message>
    <message>
        <source>&amp;Batch operation…</source>
        <translation>&amp;Massenoperation …</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Massenoperation</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>CREATE script</source>
        <translation>CREATE-Skript</translation>
    </message>
    <message>
        <source>CREATE script of the schema</source>
        <translation>CREATE-Skript des Schemas</translation>
    </message>
    <message>
        <source>CREATE script of schema %1</source>
        <translation>CREATE-Skript des Schemas %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The compared changes were not staged: the table cannot be edited here</source>
        <translation>Die verglichenen Änderungen wurden nicht vorgemerkt: die Tabelle ist hier nicht bearbeitbar</translation>
    </message>
    <message>
        <source>The compared changes were not staged: %1</source>
        <translation>Die verglichenen Änderungen wurden nicht vorgemerkt: %1</translation>
    </message>
    <message>
        <source>tablespace %1</source>
        <translation>Tablespace %1</translation>
    </message>
    <message>
        <source>event trigger %1</source>
        <translation>Ereignistrigger %1</translation>
    </message>
    <message>
        <source>CREATE script of %1</source>
        <translation>CREATE-Skript von %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CatalogTreeModel</name>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>partitioned</source>
        <translation>partitioniert</translation>
    </message>
    <message>
        <source>foreign</source>
        <translation>Fremdtabelle</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>no key: read-only</source>
        <translation>kein Schlüssel: schreibgeschützt</translation>
    </message>
    <message>
        <source>soft delete: %1</source>
        <translation>logisches Löschen: %1</translation>
    </message>
    <message>
        <source>Schema %1</source>
        <translation>Schema %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>%1 bytes in the table, its indexes and TOAST (from the statistics)</source>
        <translation>%1 Bytes in der Tabelle, ihren Indizes und TOAST (aus der Statistik)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>this session&apos;s database</source>
        <translation>die Datenbank dieser Sitzung</translation>
    </message>
    <message>
        <source>template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <source>Owner %1, encoding %2</source>
        <translation>Eigentümer %1, Kodierung %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Expand to open it (a connection pool of its own)</source>
        <translation>Zum Öffnen aufklappen (mit eigenem Verbindungspool)</translation>
    </message>
    <message>
        <source>Event triggers</source>
        <translation>Ereignistrigger</translation>
    </message>
    <message>
        <source>Tablespaces</source>
        <translation>Tablespaces</translation>
    </message>
    <message>
        <source>in the data directory</source>
        <translation>im Datenverzeichnis</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>Eigentümer %1</translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s) of this database</source>
        <translation>
            <numerusform>%n Relation dieser Datenbank</numerusform>
            <numerusform>%n Relationen dieser Datenbank</numerusform>
        </translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>replica only</source>
        <translation>nur auf Replikaten</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>Tablespace %1</source>
        <translation>Tablespace %1</translation>
    </message>
    <message>
        <source>Event trigger %1</source>
        <translation>Ereignistrigger %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CellEditDelegate</name>
    <message>
        <source>Pick from %1</source>
        <translation>Aus %1 auswählen</translation>
    </message>
    <message>
        <source>Pick from %1 (F4)</source>
        <translation>Aus %1 auswählen (F4)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChangeFeedModel</name>
    <message>
        <source>INSERT</source>
        <translation>INSERT</translation>
    </message>
    <message>
        <source>UPDATE</source>
        <translation>UPDATE</translation>
    </message>
    <message>
        <source>DELETE</source>
        <translation>DELETE</translation>
    </message>
    <message>
        <source>TRUNCATE</source>
        <translation>TRUNCATE</translation>
    </message>
    <message>
        <source>%1 (unchanged)</source>
        <translation>%1 (unverändert)</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChangeFeedView</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Tables to watch: schema.table, …</source>
        <translation>Zu beobachtende Tabellen: schema.tabelle, …</translation>
    </message>
    <message>
        <source>Tables to watch</source>
        <translation>Zu beobachtende Tabellen</translation>
    </message>
    <message>
        <source>Keep reading (the server keeps no WAL for the feed) but stop following the newest change</source>
        <translation>Weiterlesen (der Server hält für den Strom kein WAL zurück), aber nicht mehr der neuesten Änderung folgen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>Show the changes of</source>
        <translation>Änderungen anzeigen von</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Alle Vorgänge</translation>
    </message>
    <message>
        <source>INSERT</source>
        <translation>INSERT</translation>
    </message>
    <message>
        <source>UPDATE</source>
        <translation>UPDATE</translation>
    </message>
    <message>
        <source>DELETE</source>
        <translation>DELETE</translation>
    </message>
    <message>
        <source>TRUNCATE</source>
        <translation>TRUNCATE</translation>
    </message>
    <message>
        <source>Value contains…</source>
        <translation>Wert enthält …</translation>
    </message>
    <message>
        <source>Show changes whose values contain</source>
        <translation>Änderungen anzeigen, deren Werte enthalten</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Name the tables and press Start: their changes show as they commit.</source>
        <translation>Tabellen angeben und „Starten“ drücken: Ihre Änderungen erscheinen, sobald sie committet werden.</translation>
    </message>
    <message>
        <source>Name at least one table to watch.</source>
        <translation>Geben Sie mindestens eine zu beobachtende Tabelle an.</translation>
    </message>
    <message>
        <source>a change feed: a temporary publication of %1, dropped when the feed stops</source>
        <translation>ein Änderungsstrom: eine temporäre Publikation von %1, die beim Beenden des Stroms entfernt wird</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Starting the feed…</source>
        <translation>Strom wird gestartet …</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n change(s).</source>
        <translation>
            <numerusform>Nach %n Änderung gestoppt.</numerusform>
            <numerusform>Nach %n Änderungen gestoppt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %1: %n change(s) so far.</source>
        <translation>
            <numerusform>%1 wird beobachtet: bisher %n Änderung.</numerusform>
            <numerusform>%1 wird beobachtet: bisher %n Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no primary key or replica identity: its inserts show, its updates and deletes cannot.</source>
        <translation>%1 hat weder Primärschlüssel noch Replica Identity: Einfügungen erscheinen, Aktualisierungen und Löschungen nicht.</translation>
    </message>
    <message>
        <source>Paused: still reading, not following the newest.</source>
        <translation>Pausiert: Es wird weitergelesen, aber nicht der neuesten Änderung gefolgt.</translation>
    </message>
    <message>
        <source>The feed stopped: %1</source>
        <translation>Der Strom wurde beendet: %1</translation>
    </message>
    <message>
        <source>Read through test_decoding: this role may not create a publication.</source>
        <translation>Gelesen über test_decoding: Diese Rolle darf keine Publikation anlegen.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChartView</name>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Streuung</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>each value</source>
        <translation>jeder Wert</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>the values themselves</source>
        <translation>die Werte selbst</translation>
    </message>
    <message>
        <source>Y columns</source>
        <translation>Y-Spalten</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>X in steps of</source>
        <translation>X-Schrittweite</translation>
    </message>
    <message>
        <source>Y is the</source>
        <translation>Y als</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>One series per</source>
        <translation>Eine Reihe pro</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>number of rows</source>
        <translation>Anzahl Zeilen</translation>
    </message>
    <message>
        <source>Choose at least one Y column.</source>
        <translation>Wählen Sie mindestens eine Y-Spalte.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the result, as the grid fetched them.</source>
        <translation>
            <numerusform>%n Zeile des Ergebnisses, wie das Raster sie geladen hat.</numerusform>
            <numerusform>%n Zeilen des Ergebnisses, wie das Raster sie geladen hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>The number of rows needs an aggregate: choose sum, count or another.</source>
        <translation>Die Anzahl Zeilen braucht eine Aggregation: Wählen Sie Summe, Anzahl oder eine andere.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>the first %1 groups of more</source>
        <translation>die ersten %1 von mehr Gruppen</translation>
    </message>
    <message>
        <source>the first %1 rows of more</source>
        <translation>die ersten %1 von mehr Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) read from the server.</source>
        <translation>
            <numerusform>%n Gruppe vom Server gelesen.</numerusform>
            <numerusform>%n Gruppen vom Server gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>estimated from %1 % of the table; the exact chart follows…</source>
        <translation>geschätzt aus %1 % der Tabelle; das genaue Diagramm folgt…</translation>
    </message>
    <message>
        <source>An estimate from a sample; reading every row…</source>
        <translation>Eine Schätzung aus einer Stichprobe; alle Zeilen werden gelesen…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ColumnLayout</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Freeze up to this column</source>
        <translation>Bis zu dieser Spalte fixieren</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <translation>Fixierung aufheben</translation>
    </message>
    <message>
        <source>Auto-fit widths</source>
        <translation>Breiten automatisch anpassen</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Layout zurücksetzen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CommandTrustDialog</name>
    <message>
        <source>Trust the commands of this profile?</source>
        <translation>Den Befehlen dieses Profils vertrauen?</translation>
    </message>
    <message>
        <source>The profile &lt;b&gt;%1&lt;/b&gt; was imported from a file. When it connects it runs the following, with all the rights of your user account. Trust it only if you know what it does.</source>
        <translation>Das Profil &lt;b&gt;%1&lt;/b&gt; wurde aus einer Datei importiert. Beim Verbinden führt es Folgendes aus, mit allen Rechten Ihres Benutzerkontos. Vertrauen Sie ihm nur, wenn Sie wissen, was es tut.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;Vertrauen und verbinden</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CompletionListModel</name>
    <message>
        <source>keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>query name</source>
        <translation>Abfragename</translation>
    </message>
    <message>
        <source>join condition</source>
        <translation>Join-Bedingung</translation>
    </message>
    <message>
        <source>snippet</source>
        <translation>Baustein</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ConnectFeature</name>
    <message>
        <source>&amp;Manage connections…</source>
        <translation>Verbindungen &amp;verwalten …</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The server asks for a password</source>
        <translation>Der Server verlangt ein Passwort</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A&amp;gent access…</source>
        <translation>A&amp;gentenzugriff …</translation>
    </message>
    <message>
        <source>Give an AI agent this profile (MCP), and review what agents proposed</source>
        <translation>Einem KI-Agenten dieses Profil geben (MCP) und prüfen, was Agenten vorgeschlagen haben</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Write the changes to the profile file (and the password to the keychain when ticked)</source>
        <translation>Die Änderungen in die Profildatei schreiben (und das Passwort in den Schlüsselbund, wenn angehakt)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Save any changes and open this connection</source>
        <translation>Änderungen speichern und diese Verbindung öffnen</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Create a connection profile</source>
        <translation>Ein Verbindungsprofil anlegen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Copy the selected profile (and its saved password) under a new name</source>
        <translation>Das ausgewählte Profil (und sein gespeichertes Passwort) unter neuem Namen kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected profile and its saved password</source>
        <translation>Das ausgewählte Profil und sein gespeichertes Passwort löschen</translation>
    </message>
    <message>
        <source>&amp;Import from pg_service.conf…</source>
        <translation>Aus pg_service.conf &amp;importieren …</translation>
    </message>
    <message>
        <source>Add a profile for each service of a pg_service.conf file</source>
        <translation>Für jeden Dienst einer pg_service.conf-Datei ein Profil anlegen</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/db  or  host=… dbname=…</source>
        <translation>postgresql://benutzer@host:5432/db  oder  host=… dbname=…</translation>
    </message>
    <message>
        <source>&amp;Fill fields</source>
        <translation>&amp;Felder füllen</translation>
    </message>
    <message>
        <source>&amp;Paste a DSN:</source>
        <translation>DSN ein&amp;fügen:</translation>
    </message>
    <message>
        <source>No saved connections yet.

Create one with New, paste a DSN above, or import the services of a pg_service.conf file.</source>
        <translation>Noch keine gespeicherten Verbindungen.

Legen Sie eine mit „Neu“ an, fügen Sie oben einen DSN ein oder importieren Sie die Dienste einer pg_service.conf-Datei.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connect once with these settings (saved or not) and show the server version</source>
        <translation>Einmal mit diesen Einstellungen (gespeichert oder nicht) verbinden und die Serverversion anzeigen</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Die Verbindung wird getestet</translation>
    </message>
    <message>
        <source>The keychain did not answer: %1</source>
        <translation>Der Schlüsselbund hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Die Änderungen an „%1“ speichern?</translation>
    </message>
    <message>
        <source>The settings changed during the test; test again.</source>
        <translation>Die Einstellungen haben sich während des Tests geändert; bitte erneut testen.</translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation>&amp;Test abbrechen</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Could not create the profile: %1</source>
        <translation>Das Profil konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Created “%1”. Fill in the fields, or paste a DSN.</source>
        <translation>„%1“ angelegt. Füllen Sie die Felder aus oder fügen Sie einen DSN ein.</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Could not duplicate the profile: %1</source>
        <translation>Das Profil konnte nicht dupliziert werden: %1</translation>
    </message>
    <message>
        <source>Duplicated, but the password stays in this session only: %1</source>
        <translation>Dupliziert, aber das Passwort bleibt nur in dieser Sitzung: %1</translation>
    </message>
    <message>
        <source>Duplicated “%1” as “%2”.</source>
        <translation>„%1“ als „%2“ dupliziert.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the connection “%1”?
Its saved password is removed from the keychain too.</source>
        <translation>Die Verbindung „%1“ löschen?
Ihr gespeichertes Passwort wird auch aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Could not delete the profile: %1</source>
        <translation>Das Profil konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saving “%1”…</source>
        <translation>„%1“ wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved “%1”, but the keychain was not used (%2): the password is kept for this session only.</source>
        <translation>„%1“ gespeichert, aber ohne Schlüsselbund (%2): Das Passwort gilt nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The profile was saved, but not its password: %1</source>
        <translation>Das Profil wurde gespeichert, sein Passwort nicht: %1</translation>
    </message>
    <message>
        <source>Filled from %1 — check the fields, then Save.</source>
        <translation>Aus %1 gefüllt – prüfen Sie die Felder, dann „Speichern“.</translation>
    </message>
    <message>
        <source>This DSN could not be read: %1</source>
        <translation>Dieser DSN konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Import from pg_service.conf</source>
        <translation>Aus pg_service.conf importieren</translation>
    </message>
    <message>
        <source>Service files (*.conf);;All files (*)</source>
        <translation>Dienstdateien (*.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>%1 konnte nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Could not save the imported profiles: %1</source>
        <translation>Die importierten Profile konnten nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n connection(s) from %1.</source>
        <translation>
            <numerusform>%n Verbindung aus %1 importiert.</numerusform>
            <numerusform>%n Verbindungen aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept the existing profiles of the same name: %1.</source>
        <translation>Vorhandene Profile gleichen Namens beibehalten: %1.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Could not reach the server. Check the host and port, and that the server is running and accepts connections.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Host und Port und ob der Server läuft und Verbindungen annimmt.</translation>
    </message>
    <message>
        <source>The server refused the login. Check the user name and the password.</source>
        <translation>Der Server hat die Anmeldung abgelehnt. Prüfen Sie Benutzername und Passwort.</translation>
    </message>
    <message>
        <source>A connection setting is not valid.</source>
        <translation>Eine Verbindungseinstellung ist ungültig.</translation>
    </message>
    <message>
        <source>This user may not connect to this database.</source>
        <translation>Dieser Benutzer darf sich nicht mit dieser Datenbank verbinden.</translation>
    </message>
    <message>
        <source>The database or the user does not exist.</source>
        <translation>Die Datenbank oder der Benutzer existiert nicht.</translation>
    </message>
    <message>
        <source>The server cancelled the test query (statement timeout).</source>
        <translation>Der Server hat die Testabfrage abgebrochen (Statement-Timeout).</translation>
    </message>
    <message>
        <source>No connection became free in time.</source>
        <translation>Keine Verbindung wurde rechtzeitig frei.</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>Der Server hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 as %2, database %3 (%4 ms).</source>
        <translation>Mit PostgreSQL %1 als %2 verbunden, Datenbank %3 (%4 ms).</translation>
    </message>
    <message>
        <source>(SQLSTATE %1)</source>
        <translation>(SQLSTATE %1)</translation>
    </message>
    <message>
        <source>Paste a connection URI or key=value string, then Enter or Fill fields: it replaces the connection fields (nothing is saved); a password in it goes to the (masked) password field.</source>
        <translation>Fügen Sie einen Verbindungs-URI oder eine key=value-Zeichenkette ein, dann Eingabe oder „Felder füllen“: Sie ersetzt die Verbindungsfelder (nichts wird gespeichert); ein enthaltenes Passwort kommt in das (maskierte) Passwortfeld.</translation>
    </message>
    <message>
        <source>“%1” is not saved yet.</source>
        <translation>„%1“ ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save the profiles to a JSON file, without passwords</source>
        <translation>Die Profile ohne Passwörter in einer JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Im&amp;port…</source>
        <translation>Im&amp;portieren …</translation>
    </message>
    <message>
        <source>Add the profiles of a JSON file exported by PgDesk</source>
        <translation>Die Profile einer von PgDesk exportierten JSON-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>Profile exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>Profile importieren</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Speichern fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>das Profil</translation>
    </message>
    <message>
        <source>Moved %1 to the top level.</source>
        <translation>%1 auf die oberste Ebene verschoben.</translation>
    </message>
    <message>
        <source>Moved %1 to %2.</source>
        <translation>%1 nach %2 verschoben.</translation>
    </message>
    <message>
        <source>the renamed folder</source>
        <translation>der umbenannte Ordner</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) to %1, without passwords.</source>
        <translation>
            <numerusform>%n Profil ohne Passwörter nach %1 exportiert.</numerusform>
            <numerusform>%n Profile ohne Passwörter nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>These profiles exist already: %1.
Replace them with the file&apos;s?</source>
        <translation>Diese Profile gibt es bereits: %1.
Sollen sie durch die aus der Datei ersetzt werden?</translation>
    </message>
    <message>
        <source>Nothing imported.</source>
        <translation>Nichts importiert.</translation>
    </message>
    <message>
        <source>the imported profiles</source>
        <translation>die importierten Profile</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) from %1.</source>
        <translation>
            <numerusform>%n Profil aus %1 importiert.</numerusform>
            <numerusform>%n Profile aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SSH tunnel could not be opened; PgDesk did not reach the database.</source>
        <translation>Der SSH-Tunnel konnte nicht geöffnet werden; PgDesk hat die Datenbank nicht erreicht.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CopyAs</name>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>SQL INSERT</source>
        <translation>SQL-INSERT</translation>
    </message>
    <message>
        <source>Whole result</source>
        <translation>Gesamtes Ergebnis</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CreateScriptView</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Copy the whole script</source>
        <translation>Das ganze Skript kopieren</translation>
    </message>
    <message>
        <source>Save the script as a .sql file</source>
        <translation>Das Skript als .sql-Datei speichern</translation>
    </message>
    <message>
        <source>Read the script again from the catalog</source>
        <translation>Das Skript erneut aus dem Katalog lesen</translation>
    </message>
    <message>
        <source>CREATE script</source>
        <translation>CREATE-Skript</translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation>Der Katalog wird gelesen …</translation>
    </message>
    <message>
        <source>CREATE script of schema %1</source>
        <translation>CREATE-Skript des Schemas %1</translation>
    </message>
    <message>
        <source>CREATE script of %1.%2</source>
        <translation>CREATE-Skript von %1.%2</translation>
    </message>
    <message>
        <source>Could not read the script: %1</source>
        <translation>Das Skript konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Save CREATE script</source>
        <translation>CREATE-Skript speichern</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CREATE script of %1</source>
        <translation>CREATE-Skript von %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CronJobDialog</name>
    <message>
        <source>Active: runs on its schedule</source>
        <translation>Aktiv: läuft nach seinem Zeitplan</translation>
    </message>
    <message>
        <source>Edit job %1</source>
        <translation>Job %1 bearbeiten</translation>
    </message>
    <message>
        <source>New scheduled job</source>
        <translation>Neuer geplanter Job</translation>
    </message>
    <message>
        <source>*/5 * * * *  or  @daily</source>
        <translation>*/5 * * * *  oder  @daily</translation>
    </message>
    <message>
        <source>Minute, hour, day of month, month, day of week (0 = Sunday), as cron reads them; or @hourly, @daily, @weekly, @monthly, @yearly. Times are the server&apos;s (cron.timezone, GMT unless set).</source>
        <translation>Minute, Stunde, Tag des Monats, Monat, Wochentag (0 = Sonntag), wie cron sie liest; oder @hourly, @daily, @weekly, @monthly, @yearly. Zeiten sind die des Servers (cron.timezone, GMT, wenn nicht gesetzt).</translation>
    </message>
    <message>
        <source>the current user</source>
        <translation>der aktuelle Benutzer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Schedule:</source>
        <translation>&amp;Zeitplan:</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Run as &amp;user:</source>
        <translation>Ausführen als &amp;Benutzer:</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>Anweisung:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DashboardView</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>untätig in Transaktion</translation>
    </message>
    <message>
        <source>Transactions per second</source>
        <translation>Transaktionen pro Sekunde</translation>
    </message>
    <message>
        <source>commits</source>
        <translation>Commits</translation>
    </message>
    <message>
        <source>rollbacks</source>
        <translation>Rollbacks</translation>
    </message>
    <message>
        <source>Tuples per second</source>
        <translation>Tupel pro Sekunde</translation>
    </message>
    <message>
        <source>in (written)</source>
        <translation>hinein (geschrieben)</translation>
    </message>
    <message>
        <source>out (read)</source>
        <translation>heraus (gelesen)</translation>
    </message>
    <message>
        <source>Blocks per second</source>
        <translation>Blöcke pro Sekunde</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Temporary files</source>
        <translation>Temporäre Dateien</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Locks and deadlocks</source>
        <translation>Sperren und Deadlocks</translation>
    </message>
    <message>
        <source>waiting locks</source>
        <translation>wartende Sperren</translation>
    </message>
    <message>
        <source>deadlocks /s</source>
        <translation>Deadlocks /s</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzögerung</translation>
    </message>
    <message>
        <source>WAL and checkpoints</source>
        <translation>WAL und Checkpoints</translation>
    </message>
    <message>
        <source>WAL bytes /s</source>
        <translation>WAL-Bytes /s</translation>
    </message>
    <message>
        <source>checkpoints /min</source>
        <translation>Checkpoints /min</translation>
    </message>
    <message>
        <source>Longest transaction</source>
        <translation>Längste Transaktion</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Click a point of a chart to see the sessions busy at that moment.</source>
        <translation>Klicken Sie auf einen Punkt eines Diagramms, um die Sitzungen zu sehen, die in diesem Moment arbeiteten.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Sampling once a second while this tab is visible.</source>
        <translation>Misst einmal pro Sekunde, solange dieser Tab sichtbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) this session; once a second while visible.</source>
        <translation>
            <numerusform>%n Messung in dieser Sitzung; einmal pro Sekunde, solange sichtbar.</numerusform>
            <numerusform>%n Messungen in dieser Sitzung; einmal pro Sekunde, solange sichtbar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sessions busy at %1 (%n of them):</source>
        <translation>
            <numerusform>Sitzungen, die um %1 arbeiteten (%n):</numerusform>
            <numerusform>Sitzungen, die um %1 arbeiteten (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, waiting for %2</source>
        <translation>%1, wartet auf %2</translation>
    </message>
    <message>
        <source>Click a point: the sessions busy at that moment</source>
        <translation>Einen Punkt anklicken: die Sitzungen, die in diesem Moment arbeiteten</translation>
    </message>
    <message>
        <source>no standby connected</source>
        <translation>kein Standby verbunden</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DataCompareDialog</name>
    <message>
        <source>Compare data of %1.%2</source>
        <translation>Daten von %1.%2 vergleichen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Stage in the table</source>
        <translation>In der Tabelle vormerken</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Source %1 rows, target %2 rows: %3 the same, %4 different, %5 only in the source, %6 only in the target.</source>
        <translation>Quelle %1 Zeilen, Ziel %2 Zeilen: %3 gleich, %4 verschieden, %5 nur in der Quelle, %6 nur im Ziel.</translation>
    </message>
    <message>
        <source>Not compared (in one table only, or generated): %1.</source>
        <translation>Nicht verglichen (nur in einer Tabelle oder generiert): %1.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Nichts zu ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes make the target equal.</source>
        <translation>
            <numerusform>%n Änderung macht das Ziel gleich.</numerusform>
            <numerusform>%n Änderungen machen das Ziel gleich.</numerusform>
        </translation>
    </message>
    <message>
        <source>the source: the other table&apos;s rows change to match it</source>
        <translation>die Quelle: Die Zeilen der anderen Tabelle werden ihr angeglichen</translation>
    </message>
    <message>
        <source>the target: its rows change to match the other table</source>
        <translation>das Ziel: Ihre Zeilen werden der anderen Tabelle angeglichen</translation>
    </message>
    <message>
        <source>The rows of %1 are compared with the other table&apos;s by its key; what differs becomes staged changes of the other table, previewed and applied in its tab.</source>
        <translation>Die Zeilen von %1 werden über ihren Schlüssel mit denen der anderen Tabelle verglichen; was abweicht, wird zu vorgemerkten Änderungen der anderen Tabelle, in deren Tab angezeigt und angewendet.</translation>
    </message>
    <message>
        <source>The rows of the other table are compared with those of %1 by its key; what differs becomes staged changes of %1, previewed and applied in its tab.</source>
        <translation>Die Zeilen der anderen Tabelle werden über den Schlüssel mit denen von %1 verglichen; was abweicht, wird zu vorgemerkten Änderungen von %1, in deren Tab angezeigt und angewendet.</translation>
    </message>
    <message>
        <source>%1 · %2.%3 is</source>
        <translation>%1 · %2.%3 ist</translation>
    </message>
    <message>
        <source>Other database:</source>
        <translation>Andere Datenbank:</translation>
    </message>
    <message>
        <source>Other table:</source>
        <translation>Andere Tabelle:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DeadlockPicture</name>
    <message>
        <source>process %1 waits for %2 on %3, held by process %4</source>
        <translation>Prozess %1 wartet auf %2 auf %3, gehalten von Prozess %4</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>process %1 (cancelled)</source>
        <translation>Prozess %1 (abgebrochen)</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DesignColumnsModel</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Not null</source>
        <translation>Nicht NULL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Generated as</source>
        <translation>Erzeugt als</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>Sortierfolge</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DesignPoliciesPage</name>
    <message>
        <source>Row security enabled (without a policy, only the owner sees rows)</source>
        <translation>Zeilensicherheit eingeschaltet (ohne Richtlinie sieht nur der Eigentümer Zeilen)</translation>
    </message>
    <message>
        <source>Applies to the table&apos;s owner too (FORCE)</source>
        <translation>Gilt auch für den Eigentümer der Tabelle (FORCE)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Als</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Using</source>
        <translation>Using</translation>
    </message>
    <message>
        <source>With check</source>
        <translation>With check</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Add Policy…</source>
        <translation>Richtlinie hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>permissive</source>
        <translation>permissiv</translation>
    </message>
    <message>
        <source>restrictive</source>
        <translation>restriktiv</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DiagramFeature</name>
    <message>
        <source>ER &amp;diagram…</source>
        <translation>ER-&amp;Diagramm…</translation>
    </message>
    <message>
        <source>Tables and their foreign keys: of the table in front, else of the schema</source>
        <translation>Tabellen und ihre Fremdschlüssel: der Tabelle im Vordergrund, sonst des Schemas</translation>
    </message>
    <message>
        <source>ER diagram</source>
        <translation>ER-Diagramm</translation>
    </message>
    <message>
        <source>ER diagram of the schema</source>
        <translation>ER-Diagramm des Schemas</translation>
    </message>
    <message>
        <source>ER diagram of schema %1</source>
        <translation>ER-Diagramm des Schemas %1</translation>
    </message>
    <message>
        <source>ER diagram around %1.%2</source>
        <translation>ER-Diagramm um %1.%2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DumpRunPanel</name>
    <message>
        <source>Copy command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <source>Command (the password goes in a temporary pgpass file, never here):</source>
        <translation>Befehl (das Passwort kommt in eine temporäre pgpass-Datei, nie hierher):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EditSession</name>
    <message>
        <source>Read-only: %1 is a %2, not a table.</source>
        <translation>Schreibgeschützt: %1 ist ein(e) %2, keine Tabelle.</translation>
    </message>
    <message>
        <source>Read-only: %1 has no primary key or NOT NULL unique constraint, so a row cannot be identified safely for editing.</source>
        <translation>Schreibgeschützt: %1 hat weder Primärschlüssel noch eindeutige NOT-NULL-Constraint, daher lässt sich eine Zeile zum Bearbeiten nicht sicher bestimmen.</translation>
    </message>
    <message>
        <source>This server is a read-only standby; connect to the primary to edit.</source>
        <translation>Dieser Server ist ein schreibgeschützter Standby; verbinden Sie sich zum Bearbeiten mit dem Primärserver.</translation>
    </message>
    <message>
        <source>Read-only: this role may not read %1&apos;s primary key column %2, so a row cannot be identified for editing.</source>
        <translation>Schreibgeschützt: Diese Rolle darf die Primärschlüsselspalte %2 von %1 nicht lesen, daher lässt sich eine Zeile zum Bearbeiten nicht bestimmen.</translation>
    </message>
    <message>
        <source>Read-only: this role has no INSERT, UPDATE or DELETE privilege on %1.</source>
        <translation>Schreibgeschützt: Diese Rolle hat kein INSERT-, UPDATE- oder DELETE-Recht auf %1.</translation>
    </message>
    <message>
        <source>Rows of %1 cannot be deleted: this role has no DELETE privilege on it.</source>
        <translation>Zeilen von %1 können nicht gelöscht werden: Diese Rolle hat kein DELETE-Recht darauf.</translation>
    </message>
    <message>
        <source>Rows of %1 cannot be deleted here: this role may not read their row version (xmin), so a row changed by someone else since it was read could be deleted unseen. SELECT on the whole table, or on xmin, allows it.</source>
        <translation>Zeilen von %1 können hier nicht gelöscht werden: Diese Rolle darf ihre Zeilenversion (xmin) nicht lesen, daher könnte eine Zeile, die inzwischen jemand anderes geändert hat, unbemerkt gelöscht werden. SELECT auf die ganze Tabelle oder auf xmin erlaubt es.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) hidden: %1 (this role has no SELECT privilege on them).</source>
        <translation>
            <numerusform>%n Spalte ausgeblendet: %1 (diese Rolle hat kein SELECT-Recht darauf).</numerusform>
            <numerusform>%n Spalten ausgeblendet: %1 (diese Rolle hat kein SELECT-Recht darauf).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln aktualisiert</numerusform>
            <numerusform>%Ln aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserted</source>
        <translation>
            <numerusform>%Ln eingefügt</numerusform>
            <numerusform>%Ln eingefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln soft-deleted</source>
        <translation>
            <numerusform>%Ln logisch gelöscht</numerusform>
            <numerusform>%Ln logisch gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted permanently</source>
        <translation>
            <numerusform>%Ln endgültig gelöscht</numerusform>
            <numerusform>%Ln endgültig gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored</source>
        <translation>
            <numerusform>%Ln wiederhergestellt</numerusform>
            <numerusform>%Ln wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Applied to %1: nothing to write.</source>
        <translation>Auf %1 angewendet: nichts zu schreiben.</translation>
    </message>
    <message>
        <source>Applied to %1: %2.</source>
        <translation>Auf %1 angewendet: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the counts of an apply</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::Environment</name>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>%1 — writing unlocked</source>
        <translation>%1 – Schreiben entsperrt</translation>
    </message>
    <message>
        <source>%1 — read-only</source>
        <translation>%1 – schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EnvironmentFields</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Environment&apos;s colour</source>
        <translation>Farbe der Umgebung</translation>
    </message>
    <message>
        <source>Top level; nest with /, as in Clients/Acme</source>
        <translation>Oberste Ebene; mit / verschachteln, z. B. Kunden/Acme</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Production sessions are read-only on the server: each tab unlocks writing on its own, and Apply and batch operations ask for the database&apos;s name.</source>
        <translation>Produktionssitzungen sind auf dem Server schreibgeschützt: Jeder Tab entsperrt das Schreiben für sich, und „Anwenden“ sowie Massenoperationen fragen nach dem Namen der Datenbank.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Colour of this connection</source>
        <translation>Farbe dieser Verbindung</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EnvironmentIndicator</name>
    <message>
        <source>A production session: the server refuses writes unless a tab unlocks writing</source>
        <translation>Eine Produktionssitzung: Der Server lehnt Schreibzugriffe ab, solange kein Tab das Schreiben entsperrt</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>Profile %1, database %2</source>
        <translation>Profil %1, Datenbank %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ErdView</name>
    <message>
        <source>Find a table…</source>
        <translation>Eine Tabelle suchen…</translation>
    </message>
    <message>
        <source>Find a table</source>
        <translation>Eine Tabelle suchen</translation>
    </message>
    <message>
        <source>Depth </source>
        <translation>Tiefe </translation>
    </message>
    <message>
        <source>Tables within this many foreign-key steps of %1, either way</source>
        <translation>Tabellen innerhalb so vieler Fremdschlüssel-Schritte von %1, in beide Richtungen</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>Erweitern</translation>
    </message>
    <message>
        <source>Add the tables next to the selected one</source>
        <translation>Die Tabellen neben der ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Names only</source>
        <translation>Nur Namen</translation>
    </message>
    <message>
        <source>Show each table as its name only</source>
        <translation>Jede Tabelle nur als ihren Namen zeigen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>Das ganze Diagramm zeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Save the diagram as SVG, PNG, Mermaid or DOT</source>
        <translation>Das Diagramm als SVG, PNG, Mermaid oder DOT speichern</translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation>Der Katalog wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s), %1 foreign key(s); read in %2 ms, laid out in %3 ms.</source>
        <translation>
            <numerusform>%n Tabelle, %1 Fremdschlüssel; gelesen in %2 ms, angeordnet in %3 ms.</numerusform>
            <numerusform>%n Tabellen, %1 Fremdschlüssel; gelesen in %2 ms, angeordnet in %3 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a table first: Grow adds the tables next to it.</source>
        <translation>Wählen Sie zuerst eine Tabelle: Erweitern fügt die Tabellen daneben hinzu.</translation>
    </message>
    <message>
        <source>Choose .svg, .png, .mmd (Mermaid) or .dot (Graphviz).</source>
        <translation>Wählen Sie .svg, .png, .mmd (Mermaid) oder .dot (Graphviz).</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png);;Mermaid (*.mmd);;Graphviz DOT (*.dot)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png);;Mermaid (*.mmd);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>Design…</source>
        <translation>Entwerfen…</translation>
    </message>
    <message>
        <source>Grow: add the tables next to it</source>
        <translation>Erweitern: die Tabellen daneben hinzufügen</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExportDialog</name>
    <message>
        <source>Column names in the first line</source>
        <translation>Spaltennamen in der ersten Zeile</translation>
    </message>
    <message>
        <source>Numbers as JSON numbers (values a double cannot hold stay strings)</source>
        <translation>Zahlen als JSON-Zahlen (Werte, die ein double nicht fassen kann, bleiben Zeichenketten)</translation>
    </message>
    <message>
        <source>query</source>
        <translation>abfrage</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>NULL text</source>
        <translation>Text für NULL</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Every row of %1, in the view&apos;s order.</source>
        <translation>Alle Zeilen von %1, in der Reihenfolge der Ansicht.</translation>
    </message>
    <message>
        <source>The rows of %1 that match the current filter, in the view&apos;s order.</source>
        <translation>Die Zeilen von %1, die zum aktuellen Filter passen, in der Reihenfolge der Ansicht.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>NULL as</source>
        <translation>NULL als</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>%1 numbers stayed strings to keep their exact value.</source>
        <translation>%1 Zahlen blieben Zeichenketten, um ihren genauen Wert zu behalten.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Es wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s), %2 bytes written</source>
        <translation>
            <numerusform>%1 Zeile, %2 Bytes geschrieben</numerusform>
            <numerusform>%1 Zeilen, %2 Bytes geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 row(s) to %2 (%3 bytes, %4 ms).</source>
        <translation>
            <numerusform>%1 Zeile nach %2 exportiert (%3 Bytes, %4 ms).</numerusform>
            <numerusform>%1 Zeilen nach %2 exportiert (%3 Bytes, %4 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s) read; compressing the workbook…</source>
        <translation>
            <numerusform>%1 Zeile gelesen; die Arbeitsmappe wird komprimiert…</numerusform>
            <numerusform>%1 Zeilen gelesen; die Arbeitsmappe wird komprimiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>This statement is not a plain read (%1): an export runs the statement again, so only a SELECT, VALUES, TABLE or WITH … SELECT that writes nothing is exported. Copy as (the grid&apos;s context menu) copies the rows shown.</source>
        <translation>Diese Anweisung ist kein reines Lesen (%1): Ein Export führt die Anweisung erneut aus, daher wird nur ein SELECT, VALUES, TABLE oder WITH … SELECT exportiert, das nichts schreibt. „Kopieren als“ (Kontextmenü des Rasters) kopiert die angezeigten Zeilen.</translation>
    </message>
    <message>
        <source>Every row of the query, run again as COPY (…) TO STDOUT.</source>
        <translation>Jede Zeile der Abfrage, erneut ausgeführt als COPY (…) TO STDOUT.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>A whole table&apos;s CSV or TSV can be read by several connections sharing one snapshot, each copying a range of the table&apos;s pages: the same rows, in the table&apos;s stored order (as psql&apos;s \copy writes them) when no sort is chosen. Automatic uses them for tables of 64 MiB or more.</source>
        <translation>Das CSV oder TSV einer ganzen Tabelle kann von mehreren Verbindungen mit einem gemeinsamen Snapshot gelesen werden, jede kopiert einen Bereich der Seiten der Tabelle: dieselben Zeilen, in der gespeicherten Reihenfolge der Tabelle (wie psqls \copy sie schreibt), wenn keine Sortierung gewählt ist. Automatisch nutzt sie für Tabellen ab 64 MiB.</translation>
    </message>
    <message>
        <source>Read by %1 connections, in the table&apos;s stored order.</source>
        <translation>Von %1 Verbindungen gelesen, in der gespeicherten Reihenfolge der Tabelle.</translation>
    </message>
    <message>
        <source>Read by one connection: %1.</source>
        <translation>Von einer Verbindung gelesen: %1.</translation>
    </message>
    <message>
        <source>Every row of %1, in the view&apos;s order; a table of 64 MiB or more is read by several connections and comes in its stored order.</source>
        <translation>Jede Zeile von %1, in der Reihenfolge der Ansicht; eine Tabelle ab 64 MiB wird von mehreren Verbindungen gelesen und kommt in ihrer gespeicherten Reihenfolge.</translation>
    </message>
    <message>
        <source>Every row of %1, read by %2 connections in the table&apos;s stored order.</source>
        <translation>Jede Zeile von %1, von %2 Verbindungen in der gespeicherten Reihenfolge der Tabelle gelesen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 cell(s) were cut at Excel&apos;s 32,767 characters.</source>
        <translation>
            <numerusform>%1 Zelle wurde bei den 32.767 Zeichen von Excel abgeschnitten.</numerusform>
            <numerusform>%1 Zellen wurden bei den 32.767 Zeichen von Excel abgeschnitten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: %1 (no SELECT privilege).</source>
        <translation>Nicht exportiert: %1 (kein SELECT-Recht).</translation>
    </message>
    <message>
        <source>Soft-deleted rows are left out, as the view shows them.</source>
        <translation>Logisch gelöschte Zeilen fehlen, wie in der Ansicht.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExtensionDialog</name>
    <message>
        <source>Install extension %1</source>
        <translation>Erweiterung %1 installieren</translation>
    </message>
    <message>
        <source>the first schema of the search path</source>
        <translation>das erste Schema des Suchpfads</translation>
    </message>
    <message>
        <source>Also install the extensions it requires (%1)</source>
        <translation>Auch die benötigten Erweiterungen installieren (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Schema:</source>
        <translation>&amp;Schema:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>This version is not trusted: only a superuser may install it.</source>
        <translation>Diese Version ist nicht vertrauenswürdig (trusted): nur ein Superuser darf sie installieren.</translation>
    </message>
    <message>
        <source>Update extension %1</source>
        <translation>Erweiterung %1 aktualisieren</translation>
    </message>
    <message>
        <source>From %1 to:</source>
        <translation>Von %1 auf:</translation>
    </message>
    <message>
        <source>Drop extension %1</source>
        <translation>Erweiterung %1 löschen</translation>
    </message>
    <message>
        <source>extension %1 (requires it)</source>
        <translation>Erweiterung %1 (benötigt sie)</translation>
    </message>
    <message numerus="yes">
        <source>Drop these %n object(s) too (CASCADE)</source>
        <translation>
            <numerusform>Dieses %n Objekt auch löschen (CASCADE)</numerusform>
            <numerusform>Diese %n Objekte auch löschen (CASCADE)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropping %1 drops its own objects and, only with CASCADE, these that depend on them, with their data:</source>
        <translation>Das Löschen von %1 löscht ihre eigenen Objekte und, nur mit CASCADE, diese davon abhängigen samt ihren Daten:</translation>
    </message>
    <message>
        <source>Dropping %1 drops its own objects (types, functions, operators …); nothing else in the database depends on them.</source>
        <translation>Das Löschen von %1 löscht ihre eigenen Objekte (Typen, Funktionen, Operatoren …); nichts sonst in der Datenbank hängt von ihnen ab.</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>Anweisung:</translation>
    </message>
    <message>
        <source>-- %1 %2 is the newest version this server has</source>
        <translation>-- %1 %2 ist die neueste Version, die dieser Server hat</translation>
    </message>
    <message>
        <source>-- what depends on %1 is listed above: dropping needs CASCADE</source>
        <translation>-- was von %1 abhängt, steht oben: Löschen braucht CASCADE</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExtensionsView</name>
    <message>
        <source>Install…</source>
        <translation>Installieren…</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>Aktualisieren…</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Filter by name or description</source>
        <translation>Nach Name oder Beschreibung filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Could not read the extensions: %1</source>
        <translation>Die Erweiterungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>superuser</source>
        <translation>Superuser</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Updates to</source>
        <translation>Aktualisiert auf</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>%1 installed in %2, %3 more offered by the server.</source>
        <translation>%1 installiert in %2, %3 weitere bietet der Server an.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FilterBar</name>
    <message>
        <source>Add filter</source>
        <translation>Filter hinzufügen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Search text columns…</source>
        <translation>Textspalten durchsuchen …</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>Schnellsuche</translation>
    </message>
    <message>
        <source>Case-insensitive search in every text column; %, _ and \ match literally</source>
        <translation>Suche ohne Beachtung der Groß-/Kleinschreibung in allen Textspalten; %, _ und \ gelten wörtlich</translation>
    </message>
    <message>
        <source>Match all</source>
        <translation>Alle erfüllen</translation>
    </message>
    <message>
        <source>Match any</source>
        <translation>Eine erfüllen</translation>
    </message>
    <message>
        <source>Combine conditions</source>
        <translation>Bedingungen verknüpfen</translation>
    </message>
    <message>
        <source>Add a condition (Ctrl+F)</source>
        <translation>Eine Bedingung hinzufügen (Strg+F)</translation>
    </message>
    <message>
        <source>Run the filter on the server (Enter)</source>
        <translation>Den Filter auf dem Server ausführen (Eingabe)</translation>
    </message>
    <message>
        <source>Run filter</source>
        <translation>Filter ausführen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FilterConditionRow</name>
    <message>
        <source>Filter column</source>
        <translation>Filterspalte</translation>
    </message>
    <message>
        <source>Filter operation</source>
        <translation>Filteroperation</translation>
    </message>
    <message>
        <source>path, e.g. device.type</source>
        <translation>Pfad, z. B. device.type</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON-Pfad</translation>
    </message>
    <message>
        <source>Filter value</source>
        <translation>Filterwert</translation>
    </message>
    <message>
        <source>Second filter value</source>
        <translation>Zweiter Filterwert</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Bedingung entfernen</translation>
    </message>
    <message>
        <source>in list</source>
        <translation>in Liste</translation>
    </message>
    <message>
        <source>not in list</source>
        <translation>nicht in Liste</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>endet mit</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>is null</source>
        <translation>ist NULL</translation>
    </message>
    <message>
        <source>is not null</source>
        <translation>ist nicht NULL</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>has all of</source>
        <translation>enthält alle von</translation>
    </message>
    <message>
        <source>has any of</source>
        <translation>enthält eines von</translation>
    </message>
    <message>
        <source>at path equals</source>
        <translation>am Pfad gleich</translation>
    </message>
    <message>
        <source>contains JSON</source>
        <translation>enthält JSON</translation>
    </message>
    <message>
        <source>matches words</source>
        <translation>passt zu Wörtern</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>matches pattern anywhere (% and _)</source>
        <translation>entspricht Muster an beliebiger Stelle (% und _)</translation>
    </message>
    <message>
        <source>matches pattern anywhere, ignore case (% and _)</source>
        <translation>entspricht Muster an beliebiger Stelle, ohne Groß-/Kleinschreibung (% und _)</translation>
    </message>
    <message>
        <source>A pattern, found anywhere in the text: % matches any text, _ any one character; put \ before %, _ or \ to match it as it is</source>
        <translation>Ein Muster, an beliebiger Stelle im Text gesucht: % steht für beliebigen Text, _ für genau ein Zeichen; ein \ vor %, _ oder \ sucht das Zeichen selbst</translation>
    </message>
    <message>
        <source>pattern found anywhere (% and _), e.g. A_E</source>
        <translation>Muster an beliebiger Stelle (% und _), z. B. A_E</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Replace with (\1 for a group of the regular expression)</source>
        <translation>Ersetzen durch (\1 für eine Gruppe des regulären Ausdrucks)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriges</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächstes</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n Ersetzung</numerusform>
            <numerusform>%n Ersetzungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ForeignKeyPickerDialog</name>
    <message>
        <source>Choose %1 from %2.%3</source>
        <translation>%1 aus %2.%3 auswählen</translation>
    </message>
    <message>
        <source>Search key and label</source>
        <translation>Schlüssel und Bezeichnung durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Rows of %1</source>
        <translation>Zeilen von %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No row matches</source>
        <translation>Keine Zeile passt</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%n Zeile angezeigt, weitere beim Scrollen</numerusform>
            <numerusform>%n Zeilen angezeigt, weitere beim Scrollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ForeignKeyPickerModel</name>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FormView</name>
    <message>
        <source>Previous row</source>
        <translation>Vorige Zeile</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>Nächste Zeile</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Anwenden …</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>Keine Zeilen</translation>
    </message>
    <message>
        <source>Row %1 of %2</source>
        <translation>Zeile %1 von %2</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Set %1 to NULL</source>
        <translation>%1 auf NULL setzen</translation>
    </message>
    <message>
        <source>The column&apos;s default: %1</source>
        <translation>Standardwert der Spalte: %1</translation>
    </message>
    <message>
        <source>The column has no default: it becomes NULL</source>
        <translation>Die Spalte hat keinen Standardwert: Sie wird NULL</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::GeometryView</name>
    <message>
        <source>Geometry</source>
        <translation>Geometrie</translation>
    </message>
    <message>
        <source>Geometry column</source>
        <translation>Geometriespalte</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole extent</source>
        <translation>Die ganze Ausdehnung zeigen</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>%1 has no geometry column to draw.</source>
        <translation>%1 hat keine Geometriespalte zum Zeichnen.</translation>
    </message>
    <message>
        <source>Reading the extent…</source>
        <translation>Ausdehnung wird gelesen …</translation>
    </message>
    <message>
        <source>Nothing to draw: every value is NULL or empty.</source>
        <translation>Nichts zu zeichnen: Jeder Wert ist NULL oder leer.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>%1 of more than %1 features in view (zoom in for the rest)</source>
        <translation>%1 von mehr als %1 Objekten im Ausschnitt (für den Rest hineinzoomen)</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) in view</source>
        <translation>
            <numerusform>%n Objekt im Ausschnitt</numerusform>
            <numerusform>%n Objekte im Ausschnitt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not drawn (types without a drawing)</source>
        <translation>
            <numerusform>%n Wert nicht gezeichnet (Typen ohne Darstellung)</numerusform>
            <numerusform>%n Werte nicht gezeichnet (Typen ohne Darstellung)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::GridPaste</name>
    <message>
        <source>Nothing was pasted: row %1 of the pasted text, column %2: %3</source>
        <translation>Es wurde nichts eingefügt: Zeile %1 des eingefügten Textes, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Paste as new rows</source>
        <translation>Als neue Zeilen einfügen</translation>
    </message>
    <message>
        <source>Duplicate rows</source>
        <translation>Zeilen duplizieren</translation>
    </message>
    <message>
        <source>Pasted empty fields are NULL</source>
        <translation>Eingefügte leere Felder sind NULL</translation>
    </message>
    <message>
        <source>Off: an empty field is the empty string &apos;&apos;. On: it is NULL.</source>
        <translation>Aus: Ein leeres Feld ist die leere Zeichenkette &apos;&apos;. An: Es ist NULL.</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n row(s)</source>
        <translation>
            <numerusform>%n Zeile duplizieren</numerusform>
            <numerusform>%n Zeilen duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>This table cannot be edited here.</source>
        <translation>Diese Tabelle kann hier nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Nothing was pasted: wait for the apply or the paste in progress.</source>
        <translation>Es wurde nichts eingefügt: Warten Sie, bis das laufende Anwenden oder Einfügen fertig ist.</translation>
    </message>
    <message>
        <source>Nothing was pasted: no cell is selected.</source>
        <translation>Es wurde nichts eingefügt: Es ist keine Zelle ausgewählt.</translation>
    </message>
    <message>
        <source>Nothing was pasted: the clipboard holds no text.</source>
        <translation>Es wurde nichts eingefügt: Die Zwischenablage enthält keinen Text.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: the text has %n column(s), more than the grid shows from the current one.</source>
        <translation>
            <numerusform>Es wurde nichts eingefügt: Der Text hat %n Spalte, mehr als das Raster ab der aktuellen zeigt.</numerusform>
            <numerusform>Es wurde nichts eingefügt: Der Text hat %n Spalten, mehr als das Raster ab der aktuellen zeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: the text has %n row(s), more than the grid has from the current one (Paste as new rows adds rows).</source>
        <translation>
            <numerusform>Es wurde nichts eingefügt: Der Text hat %n Zeile, mehr als das Raster ab der aktuellen hat („Als neue Zeilen einfügen“ fügt Zeilen hinzu).</numerusform>
            <numerusform>Es wurde nichts eingefügt: Der Text hat %n Zeilen, mehr als das Raster ab der aktuellen hat („Als neue Zeilen einfügen“ fügt Zeilen hinzu).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted: row %1 of the pasted text falls on column %2 of a row that cannot be changed here (a generated or read-only column, a row not loaded yet or pending deletion).</source>
        <translation>Es wurde nichts eingefügt: Zeile %1 des eingefügten Textes fällt auf Spalte %2 einer Zeile, die hier nicht geändert werden kann (eine generierte oder schreibgeschützte Spalte, eine noch nicht geladene oder zum Löschen vorgemerkte Zeile).</translation>
    </message>
    <message>
        <source>Nothing was pasted: the table&apos;s changes are being applied.</source>
        <translation>Es wurde nichts eingefügt: Die Änderungen der Tabelle werden gerade angewendet.</translation>
    </message>
    <message>
        <source>Nothing was pasted: %1</source>
        <translation>Es wurde nichts eingefügt: %1</translation>
    </message>
    <message>
        <source>Nothing was pasted: column %1 cannot be given in a new row (generated, identity ALWAYS or no INSERT privilege).</source>
        <translation>Es wurde nichts eingefügt: Spalte %1 kann in einer neuen Zeile nicht angegeben werden (generiert, Identität ALWAYS oder kein INSERT-Recht).</translation>
    </message>
    <message>
        <source>No row to duplicate is selected.</source>
        <translation>Es ist keine zu duplizierende Zeile ausgewählt.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ImportDialog</name>
    <message>
        <source>First line holds column names</source>
        <translation>Erste Zeile enthält Spaltennamen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Semikolon (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>Senkrechter Strich (|)</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>Anderes:</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Other delimiter</source>
        <translation>Anderes Trennzeichen</translation>
    </message>
    <message>
        <source>One ASCII character other than a double quote</source>
        <translation>Ein ASCII-Zeichen außer dem doppelten Anführungszeichen</translation>
    </message>
    <message>
        <source>empty (COPY&apos;s default)</source>
        <translation>leer (Standard von COPY)</translation>
    </message>
    <message>
        <source>NULL text</source>
        <translation>NULL-Text</translation>
    </message>
    <message>
        <source>An unquoted field equal to this text is NULL; a quoted one is text. With the default, an unquoted empty field is NULL and &quot;&quot; is the empty string.</source>
        <translation>Ein Feld ohne Anführungszeichen mit genau diesem Text ist NULL, eines in Anführungszeichen ist Text. Mit dem Standard ist ein leeres Feld ohne Anführungszeichen NULL und &quot;&quot; die leere Zeichenkette.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Every row of the file goes in, in one transaction, or none does.</source>
        <translation>Alle Zeilen der Datei werden in einer Transaktion übernommen – oder keine.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Preview of the first records; above each file column, the table column it fills:</source>
        <translation>Vorschau der ersten Datensätze; über jeder Dateispalte die Tabellenspalte, die sie füllt:</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importieren aus</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(Spalte wählen)</translation>
    </message>
    <message>
        <source>Table column for file column %1</source>
        <translation>Tabellenspalte für Dateispalte %1</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;)</source>
        <translation>%1 („%2“)</translation>
    </message>
    <message>
        <source>%1 is not a table: only tables can be imported into.</source>
        <translation>%1 ist keine Tabelle: nur in Tabellen kann importiert werden.</translation>
    </message>
    <message>
        <source>%1 has no column that can be written.</source>
        <translation>%1 hat keine beschreibbare Spalte.</translation>
    </message>
    <message>
        <source>The delimiter must be one ASCII character other than a double quote.</source>
        <translation>Das Trennzeichen muss ein ASCII-Zeichen außer dem doppelten Anführungszeichen sein.</translation>
    </message>
    <message>
        <source>The NULL text must not contain the delimiter or a line break.</source>
        <translation>Der NULL-Text darf weder das Trennzeichen noch einen Zeilenumbruch enthalten.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen …</translation>
    </message>
    <message>
        <source>The file holds no complete record in its first 256 KiB.</source>
        <translation>Die Datei enthält in ihren ersten 256 KiB keinen vollständigen Datensatz.</translation>
    </message>
    <message>
        <source>The file has %1 columns but %2 has only %3 that can be written. COPY cannot skip file columns: remove the extra columns from the file first.</source>
        <translation>Die Datei hat %1 Spalten, %2 aber nur %3 beschreibbare. COPY kann keine Dateispalten überspringen: Entfernen Sie zuerst die überzähligen Spalten aus der Datei.</translation>
    </message>
    <message>
        <source>File column %1 has no table column. COPY cannot skip file columns: choose a table column for each.</source>
        <translation>Dateispalte %1 hat keine Tabellenspalte. COPY kann keine Dateispalten überspringen: Wählen Sie für jede eine Tabellenspalte.</translation>
    </message>
    <message>
        <source>Table column %1 is chosen for file columns %2 and %3: choose each table column once.</source>
        <translation>Tabellenspalte %1 ist für die Dateispalten %2 und %3 gewählt: Wählen Sie jede Tabellenspalte nur einmal.</translation>
    </message>
    <message>
        <source>The other columns get their defaults: %1.</source>
        <translation>Die übrigen Spalten erhalten ihre Standardwerte: %1.</translation>
    </message>
    <message>
        <source>%1 is NOT NULL without a default: the server will refuse the rows.</source>
        <translation>%1 ist NOT NULL ohne Standardwert: Der Server wird die Zeilen ablehnen.</translation>
    </message>
    <message>
        <source>Record %1 has %2 fields, the first has %3: COPY will refuse it.</source>
        <translation>Datensatz %1 hat %2 Felder, der erste %3: COPY wird ihn ablehnen.</translation>
    </message>
    <message>
        <source>The file starts with a byte order mark, which becomes part of the first value.</source>
        <translation>Die Datei beginnt mit einer Byte-Order-Mark, die Teil des ersten Werts wird.</translation>
    </message>
    <message>
        <source>You may lack the INSERT privilege on %1.</source>
        <translation>Ihnen fehlt möglicherweise das INSERT-Recht für %1.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft …</translation>
    </message>
    <message>
        <source>%1 of %2 bytes sent…</source>
        <translation>%1 von %2 Bytes gesendet …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Es wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <source>%n file column(s) into %1.</source>
        <translation>
            <numerusform>%n Dateispalte nach %1.</numerusform>
            <numerusform>%n Dateispalten nach %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 row(s) into %2 (%3 bytes, %4 ms).</source>
        <translation>
            <numerusform>%1 Zeile in %2 importiert (%3 Bytes, %4 ms).</numerusform>
            <numerusform>%1 Zeilen in %2 importiert (%3 Bytes, %4 ms).</numerusform>
        </translation>
    </message>
    <message>
        <source>Import of %1 into %2.%3</source>
        <translation>Import von %1 in %2.%3</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation>Import in %1</translation>
    </message>
    <message>
        <source>File to import: CSV, XLSX, JSON or NDJSON</source>
        <translation>Zu importierende Datei: CSV, XLSX, JSON oder NDJSON</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.xlsx *.json *.ndjson *.jsonl);;CSV files (*.csv *.tsv *.txt);;Excel workbooks (*.xlsx);;JSON files (*.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>Datendateien (*.csv *.tsv *.txt *.xlsx *.json *.ndjson *.jsonl);;CSV-Dateien (*.csv *.tsv *.txt);;Excel-Arbeitsmappen (*.xlsx);;JSON-Dateien (*.json *.ndjson *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>First row holds column names</source>
        <translation>Erste Zeile enthält Spaltennamen</translation>
    </message>
    <message>
        <source>The keys name the columns</source>
        <translation>Die Schlüssel benennen die Spalten</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>The file holds no record.</source>
        <translation>Die Datei enthält keinen Datensatz.</translation>
    </message>
    <message>
        <source>Choose a table column for at least one field; fields without one are left out.</source>
        <translation>Wählen Sie für mindestens ein Feld eine Tabellenspalte; Felder ohne Spalte werden weggelassen.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) without a column are left out.</source>
        <translation>
            <numerusform>%n Feld ohne Spalte wird weggelassen.</numerusform>
            <numerusform>%n Felder ohne Spalte werden weggelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Import of %1 into a new table %2</source>
        <translation>Import von %1 in eine neue Tabelle %2</translation>
    </message>
    <message>
        <source>Import into a new table</source>
        <translation>In eine neue Tabelle importieren</translation>
    </message>
    <message>
        <source>Import into a new table in %1</source>
        <translation>In eine neue Tabelle in %1 importieren</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>the first schema of the search path</source>
        <translation>das erste Schema des Suchpfads</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>Neue Tabelle</translation>
    </message>
    <message>
        <source>Name of the table to create</source>
        <translation>Name der anzulegenden Tabelle</translation>
    </message>
    <message>
        <source>Preview of the first records; above each file column, the new column&apos;s name and type (guessed from the first 1,000 records):</source>
        <translation>Vorschau der ersten Datensätze; über jeder Dateispalte Name und Typ der neuen Spalte (aus den ersten 1.000 Datensätzen geschätzt):</translation>
    </message>
    <message>
        <source>Name of the new column for file column %1</source>
        <translation>Name der neuen Spalte für Dateispalte %1</translation>
    </message>
    <message>
        <source>The new column&apos;s name</source>
        <translation>Der Name der neuen Spalte</translation>
    </message>
    <message>
        <source>The new column&apos;s name; empty leaves this field out</source>
        <translation>Der Name der neuen Spalte; leer lässt dieses Feld aus</translation>
    </message>
    <message>
        <source>Type of the new column for file column %1</source>
        <translation>Typ der neuen Spalte für Dateispalte %1</translation>
    </message>
    <message>
        <source>Guessed from the first records; any type the server knows, e.g. numeric(12,2)</source>
        <translation>Aus den ersten Datensätzen geschätzt; jeder Typ, den der Server kennt, z. B. numeric(12,2)</translation>
    </message>
    <message>
        <source>Name the new table.</source>
        <translation>Geben Sie der neuen Tabelle einen Namen.</translation>
    </message>
    <message>
        <source>Name every column: COPY cannot skip file columns (column %1 has no name).</source>
        <translation>Benennen Sie jede Spalte: COPY kann keine Dateispalten überspringen (Spalte %1 hat keinen Namen).</translation>
    </message>
    <message>
        <source>Name at least one column; fields without a name are left out.</source>
        <translation>Benennen Sie mindestens eine Spalte; Felder ohne Namen werden ausgelassen.</translation>
    </message>
    <message>
        <source>The column name %1 is given twice.</source>
        <translation>Der Spaltenname %1 ist doppelt vergeben.</translation>
    </message>
    <message>
        <source>Choose a type for column %1.</source>
        <translation>Wählen Sie einen Typ für die Spalte %1.</translation>
    </message>
    <message numerus="yes">
        <source>Creates %1 with %n column(s) and imports the file into it in one transaction: if a row fails, the table is not created either.</source>
        <translation>
            <numerusform>Legt %1 mit %n Spalte an und importiert die Datei in einer Transaktion hinein: Scheitert eine Zeile, wird auch die Tabelle nicht angelegt.</numerusform>
            <numerusform>Legt %1 mit %n Spalten an und importiert die Datei in einer Transaktion hinein: Scheitert eine Zeile, wird auch die Tabelle nicht angelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) without a name are left out.</source>
        <translation>
            <numerusform>%n Feld ohne Namen wird ausgelassen.</numerusform>
            <numerusform>%n Felder ohne Namen werden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The types are guessed from the first records; a later value that does not fit stops the import at its row.</source>
        <translation>Die Typen sind aus den ersten Datensätzen geschätzt; ein späterer Wert, der nicht passt, beendet den Import an seiner Zeile.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::JobsView</name>
    <message>
        <source>Failures only</source>
        <translation>Nur Fehlschläge</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>Neuer Job…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Unschedule…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Runs of the selected job, newest first:</source>
        <translation>Läufe des gewählten Jobs, neueste zuerst:</translation>
    </message>
    <message>
        <source>Partition sets</source>
        <translation>Partitionssätze</translation>
    </message>
    <message>
        <source>New partition set…</source>
        <translation>Neuer Partitionssatz…</translation>
    </message>
    <message>
        <source>Run maintenance</source>
        <translation>Wartung ausführen</translation>
    </message>
    <message>
        <source>Make the partitions premake asks for and apply retention now</source>
        <translation>Die Partitionen anlegen, die premake verlangt, und die Aufbewahrung jetzt anwenden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Could not read the jobs: %1</source>
        <translation>Die Jobs konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>pg_cron %1 in database %2: %n job(s)</source>
        <translation>
            <numerusform>pg_cron %1 in Datenbank %2: %n Job</numerusform>
            <numerusform>pg_cron %1 in Datenbank %2: %n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failing</source>
        <translation>
            <numerusform>, %n schlägt fehl</numerusform>
            <numerusform>, %n schlagen fehl</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pg_partman %1 in schema %2: %n partition set(s).</source>
        <translation>
            <numerusform>pg_partman %1 im Schema %2: %n Partitionssatz.</numerusform>
            <numerusform>pg_partman %1 im Schema %2: %n Partitionssätze.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>alle behalten</translation>
    </message>
    <message>
        <source>%1, detached</source>
        <translation>%1, abgehängt</translation>
    </message>
    <message>
        <source>%1, dropped</source>
        <translation>%1, gelöscht</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Elterntabelle</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Steuerspalte</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Premake</source>
        <translation>Vorlauf</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Älteste</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>scheduling a job</source>
        <translation>einen Job planen</translation>
    </message>
    <message>
        <source>changing job %1</source>
        <translation>Job %1 ändern</translation>
    </message>
    <message>
        <source>disabling job %1</source>
        <translation>Job %1 deaktivieren</translation>
    </message>
    <message>
        <source>enabling job %1</source>
        <translation>Job %1 aktivieren</translation>
    </message>
    <message>
        <source>unscheduling job %1</source>
        <translation>Job %1 entfernen</translation>
    </message>
    <message>
        <source>Unschedule job</source>
        <translation>Job entfernen</translation>
    </message>
    <message>
        <source>Unschedule job %1%2 (%3: %4)? It will not run again; its run history stays.</source>
        <translation>Job %1%2 (%3: %4) entfernen? Er läuft nicht mehr; sein Laufverlauf bleibt.</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>creating a partition set</source>
        <translation>einen Partitionssatz anlegen</translation>
    </message>
    <message>
        <source>dropping partitions of %1 past retention</source>
        <translation>Partitionen von %1 jenseits der Aufbewahrung löschen</translation>
    </message>
    <message>
        <source>changing partition set %1</source>
        <translation>Partitionssatz %1 ändern</translation>
    </message>
    <message>
        <source>maintaining partition set %1</source>
        <translation>Partitionssatz %1 warten</translation>
    </message>
    <message>
        <source>Maintenance drops the partitions of %1 whose range ended more than %2 ago, with their rows.</source>
        <translation>Die Wartung löscht die Partitionen von %1, deren Bereich vor mehr als %2 endete, samt ihren Zeilen.</translation>
    </message>
    <message>
        <source>Drop and maintain</source>
        <translation>Löschen und warten</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::KeyDialog</name>
    <message>
        <source>Add Index</source>
        <translation>Index hinzufügen</translation>
    </message>
    <message>
        <source>Add Primary Key</source>
        <translation>Primärschlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add Unique Key</source>
        <translation>Eindeutigen Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add Foreign Key</source>
        <translation>Fremdschlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add Check</source>
        <translation>Prüfung hinzufügen</translation>
    </message>
    <message>
        <source>chosen by the server</source>
        <translation>vom Server gewählt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Spalten:</translation>
    </message>
    <message>
        <source>price &gt;= 0</source>
        <translation>price &gt;= 0</translation>
    </message>
    <message>
        <source>deleted_at IS NULL</source>
        <translation>deleted_at IS NULL</translation>
    </message>
    <message>
        <source>Expression:</source>
        <translation>Ausdruck:</translation>
    </message>
    <message>
        <source>Only rows where:</source>
        <translation>Nur Zeilen mit:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>columns carried in the index, comma-separated</source>
        <translation>im Index mitgeführte Spalten, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Einschließen:</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Eindeutig</translation>
    </message>
    <message>
        <source>Build concurrently (after the commit; writes go on)</source>
        <translation>Nebenläufig anlegen (nach dem Commit; Schreiben läuft weiter)</translation>
    </message>
    <message>
        <source>schema.table</source>
        <translation>schema.tabelle</translation>
    </message>
    <message>
        <source>References:</source>
        <translation>Verweist auf:</translation>
    </message>
    <message>
        <source>its primary key</source>
        <translation>ihr Primärschlüssel</translation>
    </message>
    <message>
        <source>Referenced columns:</source>
        <translation>Referenzierte Spalten:</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>Keine Aktion</translation>
    </message>
    <message>
        <source>Cascade</source>
        <translation>Kaskadieren</translation>
    </message>
    <message>
        <source>Set null</source>
        <translation>Auf NULL setzen</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>Verhindern</translation>
    </message>
    <message>
        <source>On delete:</source>
        <translation>Beim Löschen:</translation>
    </message>
    <message>
        <source>Check existing rows after the commit (NOT VALID, then VALIDATE: reads and writes go on)</source>
        <translation>Vorhandene Zeilen nach dem Commit prüfen (NOT VALID, dann VALIDATE: Lesen und Schreiben laufen weiter)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Vormerken</translation>
    </message>
    <message>
        <source>Add Exclusion Constraint</source>
        <translation>Ausschlussbedingung hinzufügen</translation>
    </message>
    <message>
        <source>room WITH =, during WITH &amp;&amp;</source>
        <translation>room WITH =, during WITH &amp;&amp;</translation>
    </message>
    <message>
        <source>Elements:</source>
        <translation>Elemente:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LargestRelationsModel</name>
    <message>
        <source>partitioned table</source>
        <translation>partitionierte Tabelle</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Never analyzed: no estimate</source>
        <translation>Nie analysiert: keine Schätzung</translation>
    </message>
    <message>
        <source>Estimated from the statistics</source>
        <translation>Aus der Statistik geschätzt</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>TOAST</source>
        <translation>TOAST</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Rows (estimate)</source>
        <translation>Zeilen (geschätzt)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LargestRelationsView</name>
    <message>
        <source>Largest relations of schema %1</source>
        <translation>Größte Relationen des Schemas %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Anzeigen: </translation>
    </message>
    <message>
        <source>How many relations to list, largest first (0: all)</source>
        <translation>Wie viele Relationen aufgelistet werden, die größten zuerst (0: alle)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Largest relations of schema %1 (exact sizes)</source>
        <translation>Größte Relationen des Schemas %1 (exakte Größen)</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen …</translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not measure the relations: %1</source>
        <translation>Die Relationen konnten nicht gemessen werden: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LineNumberGutter</name>
    <message>
        <source>Line numbers</source>
        <translation>Zeilennummern</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ListenView</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Channel to listen on</source>
        <translation>Kanal zum Empfangen</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>Empfang beenden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Channels listened on</source>
        <translation>Empfangene Kanäle</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Channel to notify</source>
        <translation>Zu benachrichtigender Kanal</translation>
    </message>
    <message>
        <source>Payload (optional)</source>
        <translation>Nutzdaten (optional)</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>NOTIFY</source>
        <translation>NOTIFY</translation>
    </message>
    <message>
        <source>This profile goes through a transaction-mode pooler: LISTEN cannot work there.</source>
        <translation>Dieses Profil verbindet über einen Pooler im Transaktionsmodus: Dort kann LISTEN nicht funktionieren.</translation>
    </message>
    <message>
        <source>Not listening. Name a channel and press Listen.</source>
        <translation>Kein Empfang. Nennen Sie einen Kanal und klicken Sie auf „Empfangen“.</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>Kein Empfang.</translation>
    </message>
    <message numerus="yes">
        <source>Listening on %1 (%n notification(s) so far).</source>
        <translation>
            <numerusform>Empfang auf %1 (bisher %n Benachrichtigung).</numerusform>
            <numerusform>Empfang auf %1 (bisher %n Benachrichtigungen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Listening stopped: %1 Trying again in 5 seconds.</source>
        <translation>Empfang unterbrochen: %1 Neuer Versuch in 5 Sekunden.</translation>
    </message>
    <message>
        <source>Name the channel to notify.</source>
        <translation>Nennen Sie den Kanal, der benachrichtigt werden soll.</translation>
    </message>
    <message>
        <source>NOTIFY on channel %1</source>
        <translation>NOTIFY auf Kanal %1</translation>
    </message>
    <message>
        <source>Sent a notification on %1.</source>
        <translation>Benachrichtigung auf %1 gesendet.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockAnalysisModel</name>
    <message>
        <source>ACCESS SHARE</source>
        <translation>ACCESS SHARE</translation>
    </message>
    <message>
        <source>ROW SHARE</source>
        <translation>ROW SHARE</translation>
    </message>
    <message>
        <source>ROW EXCLUSIVE</source>
        <translation>ROW EXCLUSIVE</translation>
    </message>
    <message>
        <source>SHARE UPDATE EXCLUSIVE</source>
        <translation>SHARE UPDATE EXCLUSIVE</translation>
    </message>
    <message>
        <source>SHARE</source>
        <translation>SHARE</translation>
    </message>
    <message>
        <source>SHARE ROW EXCLUSIVE</source>
        <translation>SHARE ROW EXCLUSIVE</translation>
    </message>
    <message>
        <source>EXCLUSIVE</source>
        <translation>EXCLUSIVE</translation>
    </message>
    <message>
        <source>ACCESS EXCLUSIVE</source>
        <translation>ACCESS EXCLUSIVE</translation>
    </message>
    <message>
        <source>only ACCESS EXCLUSIVE waits</source>
        <translation>nur ACCESS EXCLUSIVE wartet</translation>
    </message>
    <message>
        <source>reads and writes go on</source>
        <translation>Lesen und Schreiben laufen weiter</translation>
    </message>
    <message>
        <source>reads and writes go on; other schema changes wait</source>
        <translation>Lesen und Schreiben laufen weiter; andere Schemaänderungen warten</translation>
    </message>
    <message>
        <source>reads go on; writes wait</source>
        <translation>Lesen läuft weiter; Schreiben wartet</translation>
    </message>
    <message>
        <source>only plain reads go on</source>
        <translation>nur einfaches Lesen läuft weiter</translation>
    </message>
    <message>
        <source>reads and writes wait</source>
        <translation>Lesen und Schreiben warten</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>unter einer Sekunde</translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation>etwa %1 s</translation>
    </message>
    <message>
        <source>%1. %2%3</source>
        <translation>%1. %2%3</translation>
    </message>
    <message>
        <source> (outside a transaction)</source>
        <translation> (außerhalb einer Transaktion)</translation>
    </message>
    <message>
        <source>no table lock</source>
        <translation>keine Tabellensperre</translation>
    </message>
    <message>
        <source>not known to the rules</source>
        <translation>den Regeln unbekannt</translation>
    </message>
    <message>
        <source>rewrites, %1</source>
        <translation>schreibt neu, %1</translation>
    </message>
    <message>
        <source>reads all, %1</source>
        <translation>liest alles, %1</translation>
    </message>
    <message>
        <source>instant</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>as said</source>
        <translation>wie angegeben</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>nahm %1</translation>
    </message>
    <message>
        <source>held already</source>
        <translation>schon gehalten</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>While it is held</source>
        <translation>Solange sie gehalten wird</translation>
    </message>
    <message>
        <source>Rewrite / scan</source>
        <translation>Neuschreiben / Lesen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Nachverfolgen</translation>
    </message>
    <message>
        <source>Safer</source>
        <translation>Sicherer</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n Anweisung</numerusform>
            <numerusform>%n Anweisungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) block reads and writes of a table</source>
        <translation>
            <numerusform>%n Anweisung blockiert Lesen und Schreiben einer Tabelle</numerusform>
            <numerusform>%n Anweisungen blockieren Lesen und Schreiben einer Tabelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) rewrite a table</source>
        <translation>
            <numerusform>%n Anweisung schreibt eine Tabelle neu</numerusform>
            <numerusform>%n Anweisungen schreiben eine Tabelle neu</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 s of rewriting and scanning</source>
        <translation>etwa %1 s Neuschreiben und Lesen</translation>
    </message>
    <message numerus="yes">
        <source>%n cannot run in a transaction block</source>
        <translation>
            <numerusform>%n kann nicht in einem Transaktionsblock laufen</numerusform>
            <numerusform>%n können nicht in einem Transaktionsblock laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not known to the rules (Trace shows them)</source>
        <translation>
            <numerusform>%n den Regeln unbekannt (Nachverfolgen zeigt sie)</numerusform>
            <numerusform>%n den Regeln unbekannt (Nachverfolgen zeigt sie)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the trace disagrees on %n</source>
        <translation>
            <numerusform>die Nachverfolgung widerspricht bei %n</numerusform>
            <numerusform>die Nachverfolgung widerspricht bei %n</numerusform>
        </translation>
    </message>
    <message>
        <source>the trace agrees</source>
        <translation>die Nachverfolgung stimmt überein</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockAnalysisView</name>
    <message>
        <source>Trace</source>
        <translation>Nachverfolgen</translation>
    </message>
    <message>
        <source>Run the statements in a transaction that is rolled back and read the locks the server takes (pg_locks) and the tables it rewrites. The locks are real while it runs.</source>
        <translation>Die Anweisungen in einer Transaktion ausführen, die zurückgerollt wird, und die Sperren (pg_locks) und neu geschriebenen Tabellen des Servers lesen. Die Sperren sind echt, solange sie läuft.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockWaitWatcher</name>
    <message>
        <source>%1, idle in transaction for %2 s</source>
        <translation>%1, seit %2 s untätig in einer Transaktion</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>waiting for a lock held by PID %1 (%2)</source>
        <translation>wartet auf eine Sperre von PID %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more session(s)</source>
        <translation>
            <numerusform>und %n weitere Sitzung</numerusform>
            <numerusform>und %n weitere Sitzungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::MainWindow</name>
    <message>
        <source>PgDesk</source>
        <translation>PgDesk</translation>
    </message>
    <message>
        <source>Tables and query tools</source>
        <translation>Tabellen und Abfragewerkzeuge</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>%1 — PgDesk</source>
        <translation>%1 – PgDesk</translation>
    </message>
    <message>
        <source>%1 · %2@%3 · PostgreSQL %4</source>
        <translation>%1 · %2@%3 · PostgreSQL %4</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>Ab&amp;frage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About PgDesk</source>
        <translation>&amp;Über PgDesk</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Diagnose kopieren</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard</source>
        <translation>Diagnose in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Close other tabs</source>
        <translation>Andere Tabs schließen</translation>
    </message>
    <message>
        <source>Close all tabs</source>
        <translation>Alle Tabs schließen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::MaintenanceDialog</name>
    <message>
        <source>&amp;VACUUM: reclaim dead rows</source>
        <translation>&amp;VACUUM: tote Zeilen freigeben</translation>
    </message>
    <message>
        <source>&amp;ANALYZE: update the planner&apos;s statistics</source>
        <translation>&amp;ANALYZE: Statistiken des Planers aktualisieren</translation>
    </message>
    <message>
        <source>&amp;REINDEX: rebuild the indexes</source>
        <translation>&amp;REINDEX: Indizes neu aufbauen</translation>
    </message>
    <message>
        <source>R&amp;EFRESH the materialized view</source>
        <translation>Materialisierte Sicht auffrischen (R&amp;EFRESH)</translation>
    </message>
    <message>
        <source>&amp;FULL: rewrite the table (locks it exclusively while it runs)</source>
        <translation>&amp;FULL: Tabelle neu schreiben (sperrt sie währenddessen exklusiv)</translation>
    </message>
    <message>
        <source>F&amp;REEZE: freeze every row</source>
        <translation>F&amp;REEZE: jede Zeile einfrieren</translation>
    </message>
    <message>
        <source>A&amp;NALYZE too</source>
        <translation>Auch A&amp;NALYZE</translation>
    </message>
    <message>
        <source>&amp;CONCURRENTLY: without blocking writes (slower)</source>
        <translation>&amp;CONCURRENTLY: ohne Schreibzugriffe zu blockieren (langsamer)</translation>
    </message>
    <message>
        <source>Co&amp;py statement</source>
        <translation>Anweisung ko&amp;pieren</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Maintenance of %1.%2</source>
        <translation>Wartung von %1.%2</translation>
    </message>
    <message>
        <source>Reading %1.%2…</source>
        <translation>%1.%2 wird gelesen …</translation>
    </message>
    <message>
        <source>Statement to run</source>
        <translation>Auszuführende Anweisung</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>Anweisung:</translation>
    </message>
    <message>
        <source>%1.%2 (%3)</source>
        <translation>%1.%2 (%3)</translation>
    </message>
    <message>
        <source>No maintenance applies to a %1.</source>
        <translation>Für %1 gibt es keine Wartung.</translation>
    </message>
    <message>
        <source>%1.%2</source>
        <translation>%1.%2</translation>
    </message>
    <message>
        <source>Not concurrently: %1.</source>
        <translation>Nicht nebenläufig: %1.</translation>
    </message>
    <message>
        <source>VACUUM FULL rewrites the table and locks it against reads and writes until it ends.</source>
        <translation>VACUUM FULL schreibt die Tabelle neu und sperrt sie bis zum Ende gegen Lesen und Schreiben.</translation>
    </message>
    <message>
        <source>Without CONCURRENTLY, writes to the table wait until the reindex ends.</source>
        <translation>Ohne CONCURRENTLY warten Schreibzugriffe auf die Tabelle, bis der Neuaufbau endet.</translation>
    </message>
    <message>
        <source>Without CONCURRENTLY, reads of the materialized view wait until the refresh ends.</source>
        <translation>Ohne CONCURRENTLY warten Lesezugriffe auf die materialisierte Sicht, bis das Auffrischen endet.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Done: %1 finished in %2 ms.</source>
        <translation>Fertig: %1 in %2 ms beendet.</translation>
    </message>
    <message>
        <source>Cancelled: the server stopped the statement and left %1.%2 as it was.</source>
        <translation>Abgebrochen: Der Server hat die Anweisung gestoppt und %1.%2 unverändert gelassen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::MoveTablespaceDialog</name>
    <message>
        <source>Move %1.%2 to another tablespace</source>
        <translation>%1.%2 in einen anderen Tablespace verschieben</translation>
    </message>
    <message>
        <source>Move runs the statement alone, under a lock timeout.</source>
        <translation>Verschieben führt die Anweisung allein aus, mit einem Sperr-Timeout.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>To tablespace:</source>
        <translation>Nach Tablespace:</translation>
    </message>
    <message>
        <source>Reading the tablespaces…</source>
        <translation>Die Tablespaces werden gelesen …</translation>
    </message>
    <message>
        <source>Choose where the table goes.</source>
        <translation>Wählen Sie, wohin die Tabelle kommt.</translation>
    </message>
    <message>
        <source>Nothing is copied.</source>
        <translation>Nichts wird kopiert.</translation>
    </message>
    <message>
        <source>Copies %1 under ACCESS EXCLUSIVE: about %2 s in which nothing reads or writes it.</source>
        <translation>Kopiert %1 unter ACCESS EXCLUSIVE: etwa %2 s, in denen nichts sie liest oder schreibt.</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Wird verschoben …</translation>
    </message>
    <message>
        <source>The table was not moved: %1</source>
        <translation>Die Tabelle wurde nicht verschoben: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookCellWidget</name>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Run this cell (Ctrl+Enter)</source>
        <translation>Diese Zelle ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Remove this cell</source>
        <translation>Diese Zelle entfernen</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Parameters set for the cells below.</source>
        <translation>Parameter für die Zellen darunter gesetzt.</translation>
    </message>
    <message>
        <source>Options…</source>
        <translation>Optionen …</translation>
    </message>
    <message>
        <source>The chart&apos;s type, columns and title as a form</source>
        <translation>Art, Spalten und Titel des Diagramms als Formular</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookChartDialog</name>
    <message>
        <source>Chart options</source>
        <translation>Diagrammoptionen</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <source>Points (scatter)</source>
        <translation>Punkte (Streuung)</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>other columns, comma-separated</source>
        <translation>weitere Spalten, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;X (categories or time):</source>
        <translation>&amp;X (Kategorien oder Zeit):</translation>
    </message>
    <message>
        <source>&amp;Y (values):</source>
        <translation>&amp;Y (Werte):</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itel:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookFeature</name>
    <message>
        <source>New note&amp;book</source>
        <translation>Neues &amp;Notizbuch</translation>
    </message>
    <message>
        <source>Open notebook…</source>
        <translation>Notizbuch öffnen …</translation>
    </message>
    <message>
        <source>Open Notebook</source>
        <translation>Notizbuch öffnen</translation>
    </message>
    <message>
        <source>Notebooks (*.pgnb.md *.md);;All files (*)</source>
        <translation>Notizbücher (*.pgnb.md *.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unsaved notebook</source>
        <translation>Ungespeichertes Notizbuch</translation>
    </message>
    <message>
        <source>Save the changes to the notebook before closing it?</source>
        <translation>Die Änderungen am Notizbuch vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Connect first: a notebook runs on the current session</source>
        <translation>Zuerst verbinden: Ein Notizbuch läuft auf der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Notebook %1</source>
        <translation>Notizbuch %1</translation>
    </message>
    <message>
        <source>Notebook on database %1</source>
        <translation>Notizbuch auf der Datenbank %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookView</name>
    <message>
        <source>Run All</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Save Notebook</source>
        <translation>Notizbuch speichern</translation>
    </message>
    <message>
        <source>Notebooks (*.pgnb.md)</source>
        <translation>Notizbücher (*.pgnb.md)</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML page (*.html)</source>
        <translation>Markdown (*.md);;HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>Keep results in the file</source>
        <translation>Ergebnisse in der Datei behalten</translation>
    </message>
    <message>
        <source>Off: what the runs showed stays on this computer; the file holds the cells only</source>
        <translation>Aus: Was die Läufe zeigten, bleibt auf diesem Rechner; die Datei enthält nur die Zellen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Notizbuch</translation>
    </message>
    <message>
        <source>Choose where to save the notebook (Save As…).</source>
        <translation>Wählen Sie, wo das Notizbuch gespeichert wird (Speichern unter …).</translation>
    </message>
    <message>
        <source>The notebook was not saved: %1</source>
        <translation>Das Notizbuch wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Bericht nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Running the cell at line %1…</source>
        <translation>Die Zelle in Zeile %1 läuft …</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Running all cells…</source>
        <translation>Alle Zellen laufen …</translation>
    </message>
    <message>
        <source>Stopped at the cell at line %1: %2</source>
        <translation>Angehalten bei der Zelle in Zeile %1: %2</translation>
    </message>
    <message>
        <source>All cells ran.</source>
        <translation>Alle Zellen sind gelaufen.</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotificationModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Sender PID</source>
        <translation>Absender-PID</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ObjectBrowser</name>
    <message>
        <source>Database objects</source>
        <translation>Datenbankobjekte</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n Relation</numerusform>
            <numerusform>%n Relationen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the catalog: %1</source>
        <translation>Der Katalog konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Load schemas and tables again</source>
        <translation>Schemas und Tabellen erneut laden</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>Reload schemas and tables (%1)</source>
        <translation>Schemas und Tabellen neu laden (%1)</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Copy qualified name</source>
        <translation>Qualifizierten Namen kopieren</translation>
    </message>
    <message>
        <source>Show template databases</source>
        <translation>Vorlagendatenbanken anzeigen</translation>
    </message>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n relation(s)</source>
        <translation>
            <numerusform>%1: %n Relation</numerusform>
            <numerusform>%1: %n Relationen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::OperationIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running statement on the server</source>
        <translation>Die laufende Anweisung auf dem Server abbrechen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PageModel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>New row; default: %1</source>
        <translation>Neue Zeile; Standardwert: %1</translation>
    </message>
    <message>
        <source>New row</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <source>Conflict: this row was deleted by someone else since it was read</source>
        <translation>Konflikt: Diese Zeile wurde seit dem Lesen von jemand anderem gelöscht</translation>
    </message>
    <message>
        <source>Conflict: this row was changed by someone else since it was read; it now holds %1</source>
        <translation>Konflikt: Diese Zeile wurde seit dem Lesen von jemand anderem geändert; sie enthält jetzt %1</translation>
    </message>
    <message>
        <source>Staged; was: %1</source>
        <translation>Vorgemerkt; vorher: %1</translation>
    </message>
    <message>
        <source>New row, inserted when the changes are applied</source>
        <translation>Neue Zeile, wird beim Anwenden der Änderungen eingefügt</translation>
    </message>
    <message>
        <source>Deleted (soft delete: %1)</source>
        <translation>Gelöscht (logisch: %1)</translation>
    </message>
    <message>
        <source>Staged: DEFAULT (%1); was: %2</source>
        <translation>Vorgemerkt: DEFAULT (%1); vorher: %2</translation>
    </message>
    <message>
        <source>no default: NULL</source>
        <translation>kein Standardwert: NULL</translation>
    </message>
    <message>
        <source>Only the first %1 bytes were loaded: double-click or View value… loads all of it</source>
        <translation>Nur die ersten %1 Bytes wurden geladen: Doppelklick oder „Wert anzeigen …“ lädt alles</translation>
    </message>
    <message>
        <source>Only the first %1 characters were loaded: double-click or View value… loads all of it</source>
        <translation>Nur die ersten %1 Zeichen wurden geladen: Doppelklick oder „Wert anzeigen …“ lädt alles</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ParametersDialog</name>
    <message>
        <source>Query parameters</source>
        <translation>Abfrageparameter</translation>
    </message>
    <message>
        <source>Values are sent as bound parameters, as text PostgreSQL reads for each parameter&apos;s type; they are never written into the SQL.</source>
        <translation>Die Werte werden als gebundene Parameter gesendet, als Text, den PostgreSQL für den Typ jedes Parameters liest; sie werden nie in das SQL geschrieben.</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>%1 is NULL</source>
        <translation>%1 ist NULL</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PartitionSetDialog</name>
    <message>
        <source>Drop partitions past retention (otherwise detached and kept as tables)</source>
        <translation>Partitionen jenseits der Aufbewahrung löschen (sonst abgehängt und als Tabellen behalten)</translation>
    </message>
    <message>
        <source>Edit partition set %1</source>
        <translation>Partitionssatz %1 bearbeiten</translation>
    </message>
    <message>
        <source>New partition set</source>
        <translation>Neuer Partitionssatz</translation>
    </message>
    <message>
        <source>schema.table, declared PARTITION BY RANGE (column)</source>
        <translation>schema.tabelle, deklariert mit PARTITION BY RANGE (spalte)</translation>
    </message>
    <message>
        <source>daily, weekly, monthly, yearly, hourly …, any interval, or a number for an integer column</source>
        <translation>daily, weekly, monthly, yearly, hourly …, ein beliebiges Intervall oder eine Zahl für eine Ganzzahlspalte</translation>
    </message>
    <message>
        <source>How many partitions are kept made ahead of the newest data</source>
        <translation>Wie viele Partitionen vor den neuesten Daten angelegt bleiben</translation>
    </message>
    <message>
        <source>keep every partition</source>
        <translation>jede Partition behalten</translation>
    </message>
    <message>
        <source>&amp;Parent table:</source>
        <translation>&amp;Elterntabelle:</translation>
    </message>
    <message>
        <source>&amp;Control column:</source>
        <translation>&amp;Steuerspalte:</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>&amp;Premake:</source>
        <translation>&amp;Vorlauf:</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>&amp;Aufbewahrung:</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>Anweisung:</translation>
    </message>
    <message>
        <source>Partitions whose range ends before now − %1 will be dropped with their rows at the next maintenance.</source>
        <translation>Partitionen, deren Bereich vor jetzt − %1 endet, werden bei der nächsten Wartung samt ihren Zeilen gelöscht.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>The server asks for a password to connect to “%1”.</source>
        <translation>Der Server verlangt ein Passwort für die Verbindung „%1“.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Save password in the system &amp;keychain</source>
        <translation>Passwort im System-&amp;Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Unticked, the password is kept only until PgDesk quits.</source>
        <translation>Nicht angehakt, wird das Passwort nur bis zum Beenden von PgDesk behalten.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Storing the password…</source>
        <translation>Das Passwort wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PinnedResultView</name>
    <message numerus="yes">
        <source>Pinned %1 · %n row(s) · %2</source>
        <translation>
            <numerusform>Angeheftet %1 · %n Zeile · %2</numerusform>
            <numerusform>Angeheftet %1 · %n Zeilen · %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanAnalysisModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Exclusive (ms)</source>
        <translation>Exklusiv (ms)</translation>
    </message>
    <message>
        <source>Exclusive %</source>
        <translation>Exklusiv %</translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation>Gesamt (ms)</translation>
    </message>
    <message>
        <source>Rows (est.)</source>
        <translation>Zeilen (geschätzt)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Misestimate</source>
        <translation>Fehlschätzung</translation>
    </message>
    <message>
        <source>Shared hit</source>
        <translation>Shared-Treffer</translation>
    </message>
    <message>
        <source>Shared read</source>
        <translation>Shared gelesen</translation>
    </message>
    <message>
        <source>Dirtied</source>
        <translation>Verändert</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Temp read</source>
        <translation>Temp gelesen</translation>
    </message>
    <message>
        <source>Temp written</source>
        <translation>Temp geschrieben</translation>
    </message>
    <message>
        <source>I/O (ms)</source>
        <translation>E/A (ms)</translation>
    </message>
    <message>
        <source>Rows removed</source>
        <translation>Verworfene Zeilen</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanCompareView</name>
    <message>
        <source>First plan</source>
        <translation>Erster Plan</translation>
    </message>
    <message>
        <source>Second plan</source>
        <translation>Zweiter Plan</translation>
    </message>
    <message>
        <source>Exclusive (ms), first</source>
        <translation>Exklusiv (ms), erster</translation>
    </message>
    <message>
        <source>Exclusive (ms), second</source>
        <translation>Exklusiv (ms), zweiter</translation>
    </message>
    <message>
        <source>Change (ms)</source>
        <translation>Änderung (ms)</translation>
    </message>
    <message>
        <source>Total (ms), first</source>
        <translation>Gesamt (ms), erster</translation>
    </message>
    <message>
        <source>Total (ms), second</source>
        <translation>Gesamt (ms), zweiter</translation>
    </message>
    <message>
        <source>Shared blocks, first</source>
        <translation>Shared-Blöcke, erster</translation>
    </message>
    <message>
        <source>Shared blocks, second</source>
        <translation>Shared-Blöcke, zweiter</translation>
    </message>
    <message>
        <source>(not in this plan)</source>
        <translation>(nicht in diesem Plan)</translation>
    </message>
    <message>
        <source>Execution %1 → %2</source>
        <translation>Ausführung %1 → %2</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>%1× schneller</translation>
    </message>
    <message>
        <source>%1× slower</source>
        <translation>%1× langsamer</translation>
    </message>
    <message>
        <source>Cost %1 → %2</source>
        <translation>Kosten %1 → %2</translation>
    </message>
    <message>
        <source>shared blocks %1 → %2</source>
        <translation>Shared-Blöcke %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) matched</source>
        <translation>
            <numerusform>%n Knoten zugeordnet</numerusform>
            <numerusform>%n Knoten zugeordnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanFeature</name>
    <message>
        <source>Open Plan…</source>
        <translation>Plan öffnen…</translation>
    </message>
    <message>
        <source>Open a saved EXPLAIN (FORMAT JSON): the JSON, psql&apos;s output of it or an auto_explain log</source>
        <translation>Ein gespeichertes EXPLAIN (FORMAT JSON) öffnen: das JSON, die psql-Ausgabe davon oder ein auto_explain-Protokoll</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>Plan öffnen</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.log);;All files (*)</source>
        <translation>Pläne (*.json *.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not open the plan: %1</source>
        <translation>Der Plan konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <source>Plans compared</source>
        <translation>Pläne verglichen</translation>
    </message>
    <message>
        <source>Compare With a Saved Plan</source>
        <translation>Mit einem gespeicherten Plan vergleichen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanView</name>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Save Plan…</source>
        <translation>Plan speichern…</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>Brennpunkte</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>Knotendetails</translation>
    </message>
    <message>
        <source>No node took measurable time.</source>
        <translation>Kein Knoten brauchte messbar Zeit.</translation>
    </message>
    <message>
        <source>Hotspots need times: run Explain Analyze.</source>
        <translation>Brennpunkte brauchen Zeiten: Explain Analyze ausführen.</translation>
    </message>
    <message>
        <source>There is no plan to save.</source>
        <translation>Es gibt keinen Plan zum Speichern.</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>Plans (*.json);;All files (*)</source>
        <translation>Pläne (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not save the plan: %1</source>
        <translation>Der Plan konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Try an Index…</source>
        <translation>Index ausprobieren…</translation>
    </message>
    <message>
        <source>The plan with a hypothetical index (hypopg) on the selected scan&apos;s filtered columns, beside this one; nothing is built</source>
        <translation>Der Plan mit einem hypothetischen Index (hypopg) auf den gefilterten Spalten des gewählten Scans, neben diesem; nichts wird angelegt</translation>
    </message>
    <message>
        <source>Previous plan</source>
        <translation>Voriger Plan</translation>
    </message>
    <message>
        <source>Show this plan beside another: the previous plan of this tab, another open plan or a saved plan</source>
        <translation>Diesen Plan neben einem anderen zeigen: dem vorherigen Plan dieses Tabs, einem anderen offenen Plan oder einem gespeicherten Plan</translation>
    </message>
    <message>
        <source>Previous Plan of This Tab</source>
        <translation>Vorheriger Plan dieses Tabs</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Saved Plan File…</source>
        <translation>Gespeicherte Plandatei …</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PolicyDialog</name>
    <message>
        <source>New Policy</source>
        <translation>Neue Richtlinie</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Richtlinie %1</translation>
    </message>
    <message>
        <source>Permissive (any permissive policy admits a row)</source>
        <translation>Permissiv (jede permissive Richtlinie lässt eine Zeile zu)</translation>
    </message>
    <message>
        <source>Restrictive (every restrictive policy must admit it too)</source>
        <translation>Restriktiv (jede restriktive Richtlinie muss sie ebenfalls zulassen)</translation>
    </message>
    <message>
        <source>PUBLIC, or role names separated by commas</source>
        <translation>PUBLIC oder durch Kommas getrennte Rollennamen</translation>
    </message>
    <message>
        <source>tenant_id = current_setting(&apos;app.tenant&apos;)::int</source>
        <translation>tenant_id = current_setting(&apos;app.tenant&apos;)::int</translation>
    </message>
    <message>
        <source>the rows a write may leave (USING&apos;s when empty)</source>
        <translation>die Zeilen, die ein Schreiben hinterlassen darf (leer: die von USING)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>Als:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>To roles:</source>
        <translation>An Rollen:</translation>
    </message>
    <message>
        <source>Using (rows it sees):</source>
        <translation>Using (Zeilen, die sie sieht):</translation>
    </message>
    <message>
        <source>With check (rows it writes):</source>
        <translation>With check (Zeilen, die sie schreibt):</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PoolStatusWidget</name>
    <message>
        <source>Connection pool</source>
        <translation>Verbindungspool</translation>
    </message>
    <message>
        <source>Pool %1/%2 in use · %3 idle</source>
        <translation>Pool %1/%2 belegt · %3 frei</translation>
    </message>
    <message>
        <source> · %1 timeouts</source>
        <translation> · %1 Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>Pool size %1, overflow %2 (%3 in use)
Open %4, idle %5, checked out %6
Checkouts %7, waits %8, timeouts %9
Recycled %10, discarded as dead %11</source>
        <translation>Poolgröße %1, Überlauf %2 (%3 belegt)
Offen %4, frei %5, ausgeliehen %6
Ausleihen %7, Wartevorgänge %8, Zeitüberschreitungen %9
Erneuert %10, als tot verworfen %11</translation>
    </message>
    <message numerus="yes">
        <source> · %n more database(s)</source>
        <translation>
            <numerusform> · %n weitere Datenbank</numerusform>
            <numerusform> · %n weitere Datenbanken</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2/%3 in use, %4 idle, %5 timeouts</source>
        <translation>%1: %2/%3 belegt, %4 frei, %5 Zeitüberschreitungen</translation>
    </message>
    <message>
        <source> · SSH up</source>
        <translation> · SSH aktiv</translation>
    </message>
    <message>
        <source> · SSH starting</source>
        <translation> · SSH startet</translation>
    </message>
    <message>
        <source> · SSH down</source>
        <translation> · SSH unterbrochen</translation>
    </message>
    <message>
        <source> · SSH not started</source>
        <translation> · SSH nicht gestartet</translation>
    </message>
    <message>
        <source>SSH tunnel: %1</source>
        <translation>SSH-Tunnel: %1</translation>
    </message>
    <message numerus="yes">
        <source>SSH tunnel restarted %n time(s)</source>
        <translation>
            <numerusform>SSH-Tunnel %n-mal neu gestartet</numerusform>
            <numerusform>SSH-Tunnel %n-mal neu gestartet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Page size of new tables</source>
        <translation>Seitengröße neuer Tabellen</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Scroll (continuous)</source>
        <translation>Scrollen (fortlaufend)</translation>
    </message>
    <message>
        <source>NULL shown as</source>
        <translation>NULL angezeigt als</translation>
    </message>
    <message>
        <source>How the grids draw NULL (in italics, unlike an empty string)</source>
        <translation>Wie die Tabellenraster NULL zeigen (kursiv, anders als eine leere Zeichenkette)</translation>
    </message>
    <message>
        <source>Dates and times</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>As PostgreSQL sends them (ISO 8601)</source>
        <translation>Wie PostgreSQL sie sendet (ISO 8601)</translation>
    </message>
    <message>
        <source>In the format of the language (%1)</source>
        <translation>Im Format der Sprache (%1)</translation>
    </message>
    <message>
        <source>Only how the grids show them: editing, copying and exports keep the exact values</source>
        <translation>Nur die Anzeige im Raster: Bearbeiten, Kopieren und Exporte behalten die genauen Werte</translation>
    </message>
    <message>
        <source>&amp;Own font for the grids</source>
        <translation>&amp;Eigene Schrift für die Tabellenraster</translation>
    </message>
    <message>
        <source>Own grid font</source>
        <translation>Eigene Rasterschrift</translation>
    </message>
    <message>
        <source>Grid font</source>
        <translation>Rasterschrift</translation>
    </message>
    <message>
        <source>Grid font size</source>
        <translation>Schriftgröße des Rasters</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Show the SQL and &amp;ask before applying staged changes</source>
        <translation>Vor dem Anwenden vorgemerkter Änderungen SQL zeigen und &amp;nachfragen</translation>
    </message>
    <message>
        <source>Confirm before apply</source>
        <translation>Vor dem Anwenden bestätigen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when PgDesk is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von PgDesk.</translation>
    </message>
    <message>
        <source>&amp;Page size of new tables:</source>
        <translation>&amp;Seitengröße neuer Tabellen:</translation>
    </message>
    <message>
        <source>&amp;NULL shown as:</source>
        <translation>&amp;NULL angezeigt als:</translation>
    </message>
    <message>
        <source>&amp;Dates and times:</source>
        <translation>&amp;Datum und Uhrzeit:</translation>
    </message>
    <message>
        <source>Grid &amp;font:</source>
        <translation>Raster&amp;schrift:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>In the query tool, ask before UPDATE or DELETE without &amp;WHERE, TRUNCATE and DROP (always on production)</source>
        <translation>Im Abfragewerkzeug vor UPDATE oder DELETE ohne &amp;WHERE, TRUNCATE und DROP nachfragen (bei Produktion immer)</translation>
    </message>
    <message>
        <source>Confirm sweeping statements</source>
        <translation>Umfassende Anweisungen bestätigen</translation>
    </message>
    <message>
        <source>&amp;Vim keys in the SQL editors (normal, insert and visual modes)</source>
        <translation>&amp;Vim-Tasten in den SQL-Editoren (Normal-, Einfüge- und Visual-Modus)</translation>
    </message>
    <message>
        <source>Vim keys</source>
        <translation>Vim-Tasten</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PrivilegeMatrixModel</name>
    <message>
        <source>with grant option</source>
        <translation>mit Weitergaberecht</translation>
    </message>
    <message>
        <source>inherited</source>
        <translation>geerbt</translation>
    </message>
    <message>
        <source>%1 has %2 (granted to it, or through a role it is a member of, PUBLIC or ownership)</source>
        <translation>%1 hat %2 (ihm gewährt oder über eine Rolle, deren Mitglied es ist, PUBLIC oder Eigentum)</translation>
    </message>
    <message>
        <source>%1 does not have %2</source>
        <translation>%1 hat %2 nicht</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PrivilegesView</name>
    <message>
        <source>With grant option</source>
        <translation>Mit Weitergaberecht</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Privileges on schema %1</source>
        <translation>Rechte am Schema %1</translation>
    </message>
    <message>
        <source>Privileges on table %1.%2</source>
        <translation>Rechte an der Tabelle %1.%2</translation>
    </message>
    <message>
        <source>Reading the privileges…</source>
        <translation>Rechte werden gelesen…</translation>
    </message>
    <message>
        <source>Tick a box to grant, clear it to revoke; right-click for the grant option.</source>
        <translation>Ein Häkchen gewährt, ein leeres Kästchen entzieht; Rechtsklick für das Weitergaberecht.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProductionConfirmDialog</name>
    <message>
        <source>Write to production</source>
        <translation>In Produktion schreiben</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is a production database.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Dies ist eine Produktionsdatenbank.&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Type the database&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation>Geben Sie zur Bestätigung den Namen der Datenbank ein, &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message numerus="yes">
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n Aktualisierung</numerusform>
            <numerusform>%n Aktualisierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insert(s)</source>
        <translation>
            <numerusform>%n Einfügung</numerusform>
            <numerusform>%n Einfügungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delete(s)</source>
        <translation>
            <numerusform>%n Löschung</numerusform>
            <numerusform>%n Löschungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n soft delete(s)</source>
        <translation>
            <numerusform>%n logische Löschung</numerusform>
            <numerusform>%n logische Löschungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restore(s)</source>
        <translation>
            <numerusform>%n Wiederherstellung</numerusform>
            <numerusform>%n Wiederherstellungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProfileEditor</name>
    <message>
        <source>Profile settings</source>
        <translation>Profileinstellungen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Authentication &amp;&amp; SSL</source>
        <translation>Authentifizierung &amp;&amp; SSL</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>A name for this connection</source>
        <translation>Ein Name für diese Verbindung</translation>
    </message>
    <message>
        <source>localhost, db.example.com or a socket folder</source>
        <translation>localhost, db.example.com oder ein Socket-Ordner</translation>
    </message>
    <message>
        <source>Host name, IP address, or the folder of the server&apos;s unix socket. Empty: the default unix socket.</source>
        <translation>Hostname, IP-Adresse oder der Ordner des Unix-Sockets des Servers. Leer: der Standard-Unix-Socket.</translation>
    </message>
    <message>
        <source>5432</source>
        <translation>5432</translation>
    </message>
    <message>
        <source>TCP port of the server, 1–65535. Empty: 5432.</source>
        <translation>TCP-Port des Servers, 1–65535. Leer: 5432.</translation>
    </message>
    <message>
        <source>same as the user name</source>
        <translation>wie der Benutzername</translation>
    </message>
    <message>
        <source>your operating-system user name</source>
        <translation>Ihr Benutzername im Betriebssystem</translation>
    </message>
    <message>
        <source>optional pg_service.conf entry</source>
        <translation>optionaler Eintrag in pg_service.conf</translation>
    </message>
    <message>
        <source>A section of pg_service.conf whose settings libpq uses for the fields left empty here.</source>
        <translation>Ein Abschnitt der pg_service.conf, dessen Einstellungen libpq für die hier leeren Felder verwendet.</translation>
    </message>
    <message>
        <source>pgdesk</source>
        <translation>pgdesk</translation>
    </message>
    <message>
        <source>Shown by the server in pg_stat_activity and its logs.</source>
        <translation>Vom Server in pg_stat_activity und seinen Protokollen angezeigt.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>wait forever</source>
        <translation>unbegrenzt warten</translation>
    </message>
    <message>
        <source>How long to wait for the server to answer when connecting.</source>
        <translation>Wie lange beim Verbinden auf die Antwort des Servers gewartet wird.</translation>
    </message>
    <message>
        <source>Further libpq settings of this profile, passed on as they are.</source>
        <translation>Weitere libpq-Einstellungen dieses Profils, unverändert weitergegeben.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>D&amp;ienst:</translation>
    </message>
    <message>
        <source>&amp;Application name:</source>
        <translation>&amp;Anwendungsname:</translation>
    </message>
    <message>
        <source>Connect &amp;timeout:</source>
        <translation>Verbindungs&amp;timeout:</translation>
    </message>
    <message>
        <source>Other options:</source>
        <translation>Weitere Optionen:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Certificates and keys (*.crt *.pem *.key *.der *.crl);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.crt *.pem *.key *.der *.crl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Left empty, libpq may still find a password in ~/.pgpass or the service file, and PgDesk asks when the server wants one.</source>
        <translation>Bleibt es leer, findet libpq eventuell ein Passwort in ~/.pgpass oder der Dienstdatei, und PgDesk fragt nach, wenn der Server eines verlangt.</translation>
    </message>
    <message>
        <source>Save password in the system &amp;keychain</source>
        <translation>Passwort im System-&amp;Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Unticked, a typed password is used for this session only and any saved copy is removed from the keychain.</source>
        <translation>Nicht angehakt, gilt ein eingegebenes Passwort nur für diese Sitzung und eine gespeicherte Kopie wird aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>libpq&apos;s default (prefer): encrypt when the server offers it</source>
        <translation>Standard von libpq (prefer): verschlüsseln, wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>Never encrypt</source>
        <translation>Nie verschlüsseln</translation>
    </message>
    <message>
        <source>Encrypt only when the server insists</source>
        <translation>Nur verschlüsseln, wenn der Server darauf besteht</translation>
    </message>
    <message>
        <source>Encrypt when the server offers it</source>
        <translation>Verschlüsseln, wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>Always encrypt; do not check the server&apos;s certificate</source>
        <translation>Immer verschlüsseln; das Zertifikat des Servers nicht prüfen</translation>
    </message>
    <message>
        <source>Always encrypt; the certificate must be signed by the root certificate</source>
        <translation>Immer verschlüsseln; das Zertifikat muss vom Stammzertifikat signiert sein</translation>
    </message>
    <message>
        <source>Like verify-ca, and the certificate must name the host</source>
        <translation>Wie verify-ca, und das Zertifikat muss den Host nennen</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Whether and how the connection is encrypted (sslmode).</source>
        <translation>Ob und wie die Verbindung verschlüsselt wird (sslmode).</translation>
    </message>
    <message>
        <source>~/.postgresql/root.crt</source>
        <translation>~/.postgresql/root.crt</translation>
    </message>
    <message>
        <source>~/.postgresql/postgresql.crt</source>
        <translation>~/.postgresql/postgresql.crt</translation>
    </message>
    <message>
        <source>~/.postgresql/postgresql.key</source>
        <translation>~/.postgresql/postgresql.key</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Passwords go only into the system keychain, never into the profile file.</source>
        <translation>Passwörter kommen nur in den System-Schlüsselbund, nie in die Profildatei.</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <source>&amp;Root certificate:</source>
        <translation>&amp;Stammzertifikat:</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Revocation &amp;list:</source>
        <translation>Sperr&amp;liste:</translation>
    </message>
    <message>
        <source>Certificate revocation list</source>
        <translation>Zertifikatsperrliste</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>Serverstandard</translation>
    </message>
    <message>
        <source>The server cancels any statement that runs longer than this (statement_timeout).</source>
        <translation>Der Server bricht jede Anweisung ab, die länger läuft (statement_timeout).</translation>
    </message>
    <message>
        <source>Read committed</source>
        <translation>Read Committed</translation>
    </message>
    <message>
        <source>Repeatable read</source>
        <translation>Repeatable Read</translation>
    </message>
    <message>
        <source>Serializable</source>
        <translation>Serializable</translation>
    </message>
    <message>
        <source>Isolation level of the transactions PgDesk opens to read pages and apply changes.</source>
        <translation>Isolationsstufe der Transaktionen, die PgDesk zum Lesen von Seiten und Anwenden von Änderungen öffnet.</translation>
    </message>
    <message>
        <source>&amp;Read-only: the server refuses every change</source>
        <translation>&amp;Schreibgeschützt: Der Server lehnt jede Änderung ab</translation>
    </message>
    <message>
        <source>Sets default_transaction_read_only for the whole session.</source>
        <translation>Setzt default_transaction_read_only für die ganze Sitzung.</translation>
    </message>
    <message>
        <source>&amp;Echo SQL: log every statement PgDesk sends</source>
        <translation>SQL &amp;protokollieren: jede von PgDesk gesendete Anweisung</translation>
    </message>
    <message>
        <source>Statements go to the SQL log and to standard error (logging category pgdesk.sql).</source>
        <translation>Anweisungen gehen in das SQL-Protokoll und auf die Standardfehlerausgabe (Protokollkategorie pgdesk.sql).</translation>
    </message>
    <message>
        <source>&amp;Hide parameter values in logs and errors</source>
        <translation>Parameterwerte in Protokollen und Fehlern &amp;verbergen</translation>
    </message>
    <message>
        <source>Values are shown as &lt;hidden&gt;, for data that must not reach a log.</source>
        <translation>Werte erscheinen als &lt;hidden&gt;, für Daten, die in kein Protokoll dürfen.</translation>
    </message>
    <message>
        <source>Statement &amp;timeout:</source>
        <translation>Anweisungs-&amp;Timeout:</translation>
    </message>
    <message>
        <source>&amp;Isolation level:</source>
        <translation>&amp;Isolationsstufe:</translation>
    </message>
    <message>
        <source>looking in the keychain…</source>
        <translation>Suche im Schlüsselbund …</translation>
    </message>
    <message>
        <source>not saved — asked for when the server wants one</source>
        <translation>nicht gespeichert – wird erfragt, wenn der Server eines verlangt</translation>
    </message>
    <message>
        <source>kept for this session — type a new one to replace it</source>
        <translation>für diese Sitzung behalten – zum Ersetzen ein neues eingeben</translation>
    </message>
    <message>
        <source>saved in the keychain — type a new one to replace it</source>
        <translation>im Schlüsselbund gespeichert – zum Ersetzen ein neues eingeben</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Another connection is already called “%1”.</source>
        <translation>Eine andere Verbindung heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535, or empty for 5432.</source>
        <translation>Der Port muss eine ganze Zahl von 1 bis 65535 sein, oder leer für 5432.</translation>
    </message>
    <message>
        <source>Check this setting: %1</source>
        <translation>Prüfen Sie diese Einstellung: %1</translation>
    </message>
    <message>
        <source>Through a transaction &amp;pooler (pgbouncer)</source>
        <translation>Über einen Transaktions-&amp;Pooler (pgbouncer)</translation>
    </message>
    <message>
        <source>A statement that waits longer than this for a lock another session holds fails instead of waiting on (lock_timeout).</source>
        <translation>Eine Anweisung, die länger als diese Zeit auf eine Sperre einer anderen Sitzung wartet, schlägt fehl, statt weiter zu warten (lock_timeout).</translation>
    </message>
    <message>
        <source>The statement and lock timeouts and read-only are set in every transaction (SET LOCAL) instead of for the session, so they never reach another client&apos;s transaction.</source>
        <translation>Anweisungs- und Sperr-Timeout und Nur-Lesen werden in jeder Transaktion gesetzt (SET LOCAL) statt für die Sitzung, damit sie nie die Transaktion eines anderen Clients erreichen.</translation>
    </message>
    <message>
        <source>&amp;Lock timeout:</source>
        <translation>Sperr-Time&amp;out:</translation>
    </message>
    <message>
        <source>How many connections stay open while they are idle, shared by every tab of this connection (a number of connections).</source>
        <translation>Wie viele Verbindungen offen bleiben, während sie untätig sind; alle Tabs dieser Verbindung teilen sie sich (eine Anzahl Verbindungen).</translation>
    </message>
    <message>
        <source>How many more connections may be opened while all those kept open are busy; they are closed again when handed back (a number of connections). Kept open plus extra is the most connections PgDesk opens at once.</source>
        <translation>Wie viele Verbindungen zusätzlich geöffnet werden dürfen, solange alle offen gehaltenen belegt sind; sie werden bei der Rückgabe wieder geschlossen (eine Anzahl Verbindungen). Offen gehaltene plus zusätzliche ergeben die Höchstzahl an Verbindungen, die PgDesk gleichzeitig öffnet.</translation>
    </message>
    <message>
        <source>How long a request waits for a connection to become free when all of them are in use, before it fails (in seconds).</source>
        <translation>Wie lange eine Anfrage auf eine freie Verbindung wartet, wenn alle belegt sind, bevor sie fehlschlägt (in Sekunden).</translation>
    </message>
    <message>
        <source>A connection open longer than this is closed and replaced the next time it is needed, e.g. to stay under a firewall&apos;s idle limit (in seconds).</source>
        <translation>Eine Verbindung, die länger als diese Zeit offen ist, wird beim nächsten Bedarf geschlossen und ersetzt, z. B. um unter dem Leerlauflimit einer Firewall zu bleiben (in Sekunden).</translation>
    </message>
    <message>
        <source>Check a connection &amp;before use</source>
        <translation>Verbindung vor Verwendung &amp;prüfen</translation>
    </message>
    <message>
        <source>Ask the server with a quick round trip whether an idle connection still works before it is used, and replace it if the server has dropped it (one round trip each time a connection is taken).</source>
        <translation>Vor der Verwendung mit einem kurzen Roundtrip beim Server nachfragen, ob eine untätige Verbindung noch funktioniert, und sie ersetzen, wenn der Server sie getrennt hat (ein Roundtrip bei jeder Entnahme einer Verbindung).</translation>
    </message>
    <message>
        <source>Reuse the &amp;most recent connection first</source>
        <translation>Die &amp;jüngste Verbindung zuerst wiederverwenden</translation>
    </message>
    <message>
        <source>Hand out the idle connection that was handed back last, so spare ones stay idle long enough for the server&apos;s idle timeouts to close them. Unticked: the connection idle the longest goes first.</source>
        <translation>Die zuletzt zurückgegebene untätige Verbindung zuerst ausgeben, damit überzählige lange genug untätig bleiben, bis die Leerlauf-Timeouts des Servers sie schließen. Nicht angehakt: Die am längsten untätige Verbindung kommt zuerst.</translation>
    </message>
    <message>
        <source>Connections kept &amp;open:</source>
        <translation>Offen &amp;gehaltene Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;Extra connections when busy:</source>
        <translation>&amp;Zusätzliche Verbindungen bei Auslastung:</translation>
    </message>
    <message>
        <source>&amp;Wait for a free connection:</source>
        <translation>Auf freie Verbindung &amp;warten:</translation>
    </message>
    <message>
        <source>&amp;Replace connections older than:</source>
        <translation>Verbindungen &amp;ersetzen, die älter sind als:</translation>
    </message>
    <message>
        <source>Every tab of this connection shares these connections; hover over a field for what it does.</source>
        <translation>Alle Tabs dieser Verbindung teilen sich diese Verbindungen; zeigen Sie auf ein Feld, um zu sehen, was es bewirkt.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos (GSSAPI)</translation>
    </message>
    <message>
        <source>Kerberos logs in with your ticket (kinit): PgDesk never asks for a password.</source>
        <translation>Kerberos meldet Sie mit Ihrem Ticket (kinit) an: PgDesk fragt nie nach einem Passwort.</translation>
    </message>
    <message>
        <source>A shell command whose output is the password, run for every new connection: for short-lived tokens, e.g. aws rds generate-db-auth-token … It runs with /bin/sh as you; its output is never saved or logged, and it replaces any saved password.</source>
        <translation>Ein Shell-Befehl, dessen Ausgabe das Passwort ist, ausgeführt bei jeder neuen Verbindung: für kurzlebige Tokens, z. B. aws rds generate-db-auth-token … Er läuft mit /bin/sh unter Ihrem Benutzer; seine Ausgabe wird nie gespeichert oder protokolliert, und sie ersetzt ein gespeichertes Passwort.</translation>
    </message>
    <message>
        <source>The command is stopped and the connection fails after this long.</source>
        <translation>Nach dieser Zeit wird der Befehl gestoppt und die Verbindung schlägt fehl.</translation>
    </message>
    <message>
        <source>default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <source>Whether the connection is encrypted with GSSAPI (gssencmode).</source>
        <translation>Ob die Verbindung mit GSSAPI verschlüsselt wird (gssencmode).</translation>
    </message>
    <message>
        <source>postgres</source>
        <translation>postgres</translation>
    </message>
    <message>
        <source>The server&apos;s Kerberos service name (krbsrvname).</source>
        <translation>Kerberos-Dienstname des Servers (krbsrvname).</translation>
    </message>
    <message>
        <source>Authe&amp;ntication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>Password co&amp;mmand:</source>
        <translation>Passwort&amp;befehl:</translation>
    </message>
    <message>
        <source>Command t&amp;imeout:</source>
        <translation>Befehls-&amp;Timeout:</translation>
    </message>
    <message>
        <source>&amp;GSS encryption:</source>
        <translation>&amp;GSS-Verschlüsselung:</translation>
    </message>
    <message>
        <source>Ker&amp;beros service:</source>
        <translation>&amp;Kerberos-Dienst:</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Enter the SSH host, or untick the SSH tunnel.</source>
        <translation>Geben Sie den SSH-Host ein oder entfernen Sie das Häkchen beim SSH-Tunnel.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProfileFolderView</name>
    <message>
        <source>New folder inside…</source>
        <translation>Neuer Unterordner …</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>Neuer Ordner …</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>Ordnername:</translation>
    </message>
    <message>
        <source>Rename folder…</source>
        <translation>Ordner umbenennen …</translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>Ordner umbenennen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProfileListModel</name>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>(service %1)</source>
        <translation>(Dienst %1)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProposalBar</name>
    <message>
        <source>Stage</source>
        <translation>Vormerken</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>%1 proposed %2 at %3.</source>
        <translation>%1 hat um %3 vorgeschlagen: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n more proposal(s) wait after it.</source>
        <translation>
            <numerusform>Danach wartet %n weiterer Vorschlag.</numerusform>
            <numerusform>Danach warten %n weitere Vorschläge.</numerusform>
        </translation>
    </message>
    <message>
        <source>The proposed changes become this tab&apos;s staged edits: review them, then Apply or Discard</source>
        <translation>Die vorgeschlagenen Änderungen werden zu den vorgemerkten Änderungen dieses Tabs: prüfen, dann Anwenden oder Verwerfen</translation>
    </message>
    <message>
        <source>Apply or discard the staged changes first</source>
        <translation>Zuerst die vorgemerkten Änderungen anwenden oder verwerfen</translation>
    </message>
    <message>
        <source>The proposal cannot be staged: %1</source>
        <translation>Der Vorschlag kann nicht vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>The proposal cannot be discarded: %1</source>
        <translation>Der Vorschlag kann nicht verworfen werden: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PublicationDialog</name>
    <message>
        <source>Publication %1</source>
        <translation>Publikation %1</translation>
    </message>
    <message>
        <source>New Publication</source>
        <translation>Neue Publikation</translation>
    </message>
    <message>
        <source>All tables, also those created later (FOR ALL TABLES)</source>
        <translation>Alle Tabellen, auch später angelegte (FOR ALL TABLES)</translation>
    </message>
    <message>
        <source>Add Table</source>
        <translation>Tabelle hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Columns (all when empty)</source>
        <translation>Spalten (leer: alle)</translation>
    </message>
    <message>
        <source>Row filter (WHERE)</source>
        <translation>Zeilenfilter (WHERE)</translation>
    </message>
    <message>
        <source>schemas whose tables are all published, separated by commas</source>
        <translation>Schemas, deren Tabellen alle veröffentlicht werden, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>insert</source>
        <translation>insert</translation>
    </message>
    <message>
        <source>update</source>
        <translation>update</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>truncate</source>
        <translation>truncate</translation>
    </message>
    <message>
        <source>Partitions as their partitioned table (publish_via_partition_root)</source>
        <translation>Partitionen als ihre partitionierte Tabelle (publish_via_partition_root)</translation>
    </message>
    <message>
        <source>the current role</source>
        <translation>die aktuelle Rolle</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Tabellen:</translation>
    </message>
    <message>
        <source>Schemas:</source>
        <translation>Schemas:</translation>
    </message>
    <message>
        <source>Publishes:</source>
        <translation>Veröffentlicht:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>Apply runs the statements in one transaction; nothing runs before.</source>
        <translation>Anwenden führt die Anweisungen in einer Transaktion aus; vorher läuft nichts.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Nothing differs from the publication as it is.</source>
        <translation>Nichts unterscheidet sich von der Publikation, wie sie ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s), applied in one transaction.</source>
        <translation>
            <numerusform>%n Anweisung, in einer Transaktion angewendet.</numerusform>
            <numerusform>%n Anweisungen, in einer Transaktion angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Committed, but a later step failed: %1</source>
        <translation>Festgeschrieben, aber ein späterer Schritt schlug fehl: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryFeature</name>
    <message>
        <source>Run a query first: Export writes the current result</source>
        <translation>Zuerst eine Abfrage ausführen: Der Export schreibt das aktuelle Ergebnis</translation>
    </message>
    <message>
        <source>&amp;New query tool</source>
        <translation>&amp;Neues Abfragewerkzeug</translation>
    </message>
    <message>
        <source>New query</source>
        <translation>Neue Abfrage</translation>
    </message>
    <message>
        <source>&amp;Open SQL file…</source>
        <translation>SQL-Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open SQL file</source>
        <translation>SQL-Datei öffnen</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;recent SQL file</source>
        <translation>&amp;Zuletzt geöffnete SQL-Datei</translation>
    </message>
    <message>
        <source>Query in a new query tool</source>
        <translation>In einem neuen Abfragewerkzeug abfragen</translation>
    </message>
    <message>
        <source>New query tool</source>
        <translation>Neues Abfragewerkzeug</translation>
    </message>
    <message>
        <source>Connect first: a query tool runs on the current session</source>
        <translation>Verbinden Sie sich zuerst: Ein Abfragewerkzeug läuft in der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Query %1 (%2)</source>
        <translation>Abfrage %1 (%2)</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>Abfrage %1</translation>
    </message>
    <message>
        <source>Query tool on %1, database %2</source>
        <translation>Abfragewerkzeug auf %1, Datenbank %2</translation>
    </message>
    <message>
        <source>Unsaved query text of an earlier run cannot be read: %1</source>
        <translation>Ungespeicherter Abfragetext eines früheren Laufs kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Recovered unsaved query text (%1)</source>
        <translation>Ungespeicherter Abfragetext wiederhergestellt (%1)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryResultGrid</name>
    <message>
        <source>Result rows of statement %1</source>
        <translation>Ergebniszeilen von Anweisung %1</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>Keine Zeilen</translation>
    </message>
    <message>
        <source>first %1 of %2 rows shown</source>
        <translation>erste %1 von %2 Zeilen angezeigt</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 von %2%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 Zeile</numerusform>
            <numerusform>%1 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy with column names</source>
        <translation>Mit Spaltennamen kopieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export this result to a file (the statement runs again)</source>
        <translation>Dieses Ergebnis in eine Datei exportieren (die Anweisung wird erneut ausgeführt)</translation>
    </message>
    <message>
        <source>Export this result</source>
        <translation>Dieses Ergebnis exportieren</translation>
    </message>
    <message>
        <source>Read-only: only the rows of a plain query can be edited.</source>
        <translation>Schreibgeschützt: Nur die Zeilen einer einfachen Abfrage können bearbeitet werden.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Keep this result in a tab of its own (the query is read whole again, read only)</source>
        <translation>Dieses Ergebnis in einem eigenen Tab behalten (die Abfrage wird noch einmal ganz gelesen, nur lesend)</translation>
    </message>
    <message>
        <source>Keep this result&apos;s rows in a tab of its own</source>
        <translation>Die Zeilen dieses Ergebnisses in einem eigenen Tab behalten</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryTool</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 Zeile</numerusform>
            <numerusform>%1 Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 statement(s)</source>
        <translation>
            <numerusform>%1 Anweisung</numerusform>
            <numerusform>%1 Anweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL editor</source>
        <translation>SQL-Editor</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Query history</source>
        <translation>Abfrageverlauf</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Run statement</source>
        <translation>Anweisung ausführen</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analyze</translation>
    </message>
    <message>
        <source>Autocommit</source>
        <translation>Autocommit</translation>
    </message>
    <message>
        <source>Off: a transaction is opened before the first statement and stays open until Commit or Rollback</source>
        <translation>Aus: Vor der ersten Anweisung wird eine Transaktion geöffnet, die bis Commit oder Rollback offen bleibt</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Nothing to run.</source>
        <translation>Nichts auszuführen.</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 wird ausgeführt …</translation>
    </message>
    <message>
        <source>History not saved: %1</source>
        <translation>Verlauf nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>≈ %1 rows</source>
        <translation>≈ %1 Zeilen</translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation> (erste %1 angezeigt)</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <source> (line %1, column %2)</source>
        <translation> (Zeile %1, Spalte %2)</translation>
    </message>
    <message>
        <source>[%1] Cancelled%2</source>
        <translation>[%1] Abgebrochen%2</translation>
    </message>
    <message>
        <source>[%1] %2%3</source>
        <translation>[%1] %2%3</translation>
    </message>
    <message>
        <source>Stopped at statement %1 · %2</source>
        <translation>Bei Anweisung %1 angehalten · %2</translation>
    </message>
    <message>
        <source>Done: %1 in %2</source>
        <translation>Fertig: %1 in %2</translation>
    </message>
    <message>
        <source>The connection was lost: the next run opens a new session (any open transaction is gone).</source>
        <translation>Die Verbindung ist verloren: Der nächste Lauf öffnet eine neue Sitzung (eine offene Transaktion ist verloren).</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Error in statement %1</source>
        <translation>Fehler in Anweisung %1</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing to explain.</source>
        <translation>Nichts zu erklären.</translation>
    </message>
    <message>
        <source>Explain Analyze…</source>
        <translation>Explain Analyze …</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>Explain …</translation>
    </message>
    <message>
        <source>Plan (analyzed)</source>
        <translation>Plan (analysiert)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE</source>
        <translation>EXPLAIN ANALYZE</translation>
    </message>
    <message>
        <source>EXPLAIN</source>
        <translation>EXPLAIN</translation>
    </message>
    <message>
        <source> · the statement&apos;s changes were rolled back</source>
        <translation> · die Änderungen der Anweisung wurden zurückgerollt</translation>
    </message>
    <message>
        <source>Plan ready</source>
        <translation>Plan fertig</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>In transaction</source>
        <translation>In Transaktion</translation>
    </message>
    <message>
        <source>Transaction failed</source>
        <translation>Transaktion fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source> · error</source>
        <translation> · Fehler</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>SQL — Ctrl+Enter runs the statement at the cursor (or the selection), Ctrl+Shift+Enter or F5 the whole script</source>
        <translation>SQL – Strg+Eingabe führt die Anweisung am Cursor (oder die Auswahl) aus, Strg+Umschalt+Eingabe oder F5 das ganze Skript</translation>
    </message>
    <message>
        <source>Run the statement at the cursor, or the selection (%1)</source>
        <translation>Die Anweisung am Cursor oder die Auswahl ausführen (%1)</translation>
    </message>
    <message>
        <source>Run script</source>
        <translation>Skript ausführen</translation>
    </message>
    <message>
        <source>Run the whole script, or the selection (%1, %2)</source>
        <translation>Das ganze Skript oder die Auswahl ausführen (%1, %2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 changed on disk and was read again.</source>
        <translation>%1 wurde auf der Festplatte geändert und neu eingelesen.</translation>
    </message>
    <message>
        <source>Unsaved text is not autosaved (%1): it would not survive a crash.</source>
        <translation>Ungespeicherter Text wird nicht automatisch gesichert (%1): Er würde einen Absturz nicht überstehen.</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Open SQL file…</source>
        <translation>SQL-Datei öffnen …</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ersetzen …</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Go to line…</source>
        <translation>Gehe zu Zeile …</translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>Zeile (1–%1):</translation>
    </message>
    <message>
        <source>Comment / uncomment lines</source>
        <translation>Zeilen aus-/einkommentieren</translation>
    </message>
    <message>
        <source>Indent lines</source>
        <translation>Zeilen einrücken</translation>
    </message>
    <message>
        <source>Unindent lines</source>
        <translation>Einrückung der Zeilen verringern</translation>
    </message>
    <message>
        <source>Format SQL</source>
        <translation>SQL formatieren</translation>
    </message>
    <message>
        <source>Open SQL file</source>
        <translation>SQL-Datei öffnen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>Save SQL file</source>
        <translation>SQL-Datei speichern</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Unsaved SQL</source>
        <translation>Ungespeichertes SQL</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Die Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program. Read it again and lose your unsaved changes here?</source>
        <translation>%1 wurde von einem anderen Programm geändert. Neu einlesen und Ihre ungespeicherten Änderungen hier verwerfen?</translation>
    </message>
    <message>
        <source>Unsaved text recovered: autosaved at %1 by a PgDesk that did not close normally.</source>
        <translation>Ungespeicherter Text wiederhergestellt: um %1 automatisch gesichert von einem PgDesk, das nicht normal beendet wurde.</translation>
    </message>
    <message>
        <source>This query tab is inside an open transaction. The export runs the statement again on a connection of its own: it sees only committed data, not this transaction&apos;s uncommitted changes, and takes none of its locks.</source>
        <translation>Dieser Abfrage-Tab befindet sich in einer offenen Transaktion. Der Export führt die Anweisung auf einer eigenen Verbindung erneut aus: Er sieht nur festgeschriebene Daten, nicht die nicht festgeschriebenen Änderungen dieser Transaktion, und übernimmt keine ihrer Sperren.</translation>
    </message>
    <message>
        <source>Cancelled: nothing ran.</source>
        <translation>Abgebrochen: Nichts wurde ausgeführt.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <source>Explain Analyze (Shift+F7): runs the statement and measures each node; its changes are rolled back</source>
        <translation>Explain Analyze (Umschalt+F7): führt die Anweisung aus und misst jeden Knoten; ihre Änderungen werden zurückgerollt</translation>
    </message>
    <message>
        <source>Explain Analyze runs the statement, and this one may write: on a production profile it needs Unlock writing first. Explain (without Analyze) does not run it.</source>
        <translation>Explain Analyze führt die Anweisung aus, und diese kann schreiben: bei einem Produktionsprofil erst „Schreiben entsperren“. Explain (ohne Analyze) führt sie nicht aus.</translation>
    </message>
    <message>
        <source>Explain Analyze</source>
        <translation>Explain Analyze</translation>
    </message>
    <message>
        <source>Explain Analyze runs the statement to measure it. Its changes are rolled back afterwards (to a savepoint inside your open transaction), unless you keep them.</source>
        <translation>Explain Analyze führt die Anweisung aus, um sie zu messen. Ihre Änderungen werden danach zurückgerollt (bis zu einem Savepoint in Ihrer offenen Transaktion), außer Sie behalten sie.</translation>
    </message>
    <message>
        <source>Keep the statement&apos;s changes</source>
        <translation>Änderungen der Anweisung behalten</translation>
    </message>
    <message>
        <source>Run and Measure</source>
        <translation>Ausführen und messen</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Shared, local and temporary blocks hit, read, dirtied and written per node</source>
        <translation>Shared-, lokale und temporäre Blöcke je Knoten: getroffen, gelesen, verändert, geschrieben</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The planner settings that differ from their defaults</source>
        <translation>Planer-Einstellungen, die vom Standard abweichen</translation>
    </message>
    <message>
        <source>WAL</source>
        <translation>WAL</translation>
    </message>
    <message>
        <source>Write-ahead log records and bytes per node (Analyze only)</source>
        <translation>WAL-Einträge und -Bytes je Knoten (nur mit Analyze)</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitmessung</translation>
    </message>
    <message>
        <source>Time per node (Analyze only; off: counts only, cheaper on a busy server)</source>
        <translation>Zeit je Knoten (nur mit Analyze; aus: nur Zählungen, günstiger auf einem ausgelasteten Server)</translation>
    </message>
    <message>
        <source>Last plan</source>
        <translation>Letzter Plan</translation>
    </message>
    <message>
        <source>Compare With a Saved Plan</source>
        <translation>Mit einem gespeicherten Plan vergleichen</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.log);;All files (*)</source>
        <translation>Pläne (*.json *.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Plans compared</source>
        <translation>Pläne verglichen</translation>
    </message>
    <message>
        <source>No column to index in that node&apos;s conditions.</source>
        <translation>Keine Spalte zum Indizieren in den Bedingungen dieses Knotens.</translation>
    </message>
    <message>
        <source>Planning with a hypothetical index…</source>
        <translation>Planung mit einem hypothetischen Index…</translation>
    </message>
    <message>
        <source>Without the index</source>
        <translation>Ohne den Index</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Mit %1</translation>
    </message>
    <message>
        <source>With a hypothetical index on %1 the planner uses it (cost %2 → %3). Nothing was built; to build it: %4</source>
        <translation>Einen hypothetischen Index auf %1 verwendet der Planer (Kosten %2 → %3). Nichts wurde angelegt; zum Anlegen: %4</translation>
    </message>
    <message>
        <source>With a hypothetical index on %1 the planner does not use it: it would not help this statement. Nothing was built.</source>
        <translation>Einen hypothetischen Index auf %1 verwendet der Planer nicht: er hülfe dieser Anweisung nicht. Nichts wurde angelegt.</translation>
    </message>
    <message>
        <source>What-if plan ready</source>
        <translation>Was-wäre-wenn-Plan fertig</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock analysis (Ctrl+F7): the lock each statement takes on each table, the tables it rewrites or reads whole, and the safer pattern; nothing runs</source>
        <translation>Sperranalyse (Strg+F7): die Sperre jeder Anweisung auf jeder Tabelle, die Tabellen, die sie neu schreibt oder ganz liest, und das sicherere Vorgehen; nichts wird ausgeführt</translation>
    </message>
    <message>
        <source>Trace runs the statements (then rolls them back): not on a production or read-only connection.</source>
        <translation>Nachverfolgen führt die Anweisungen aus (und rollt sie zurück): nicht auf einer Produktions- oder schreibgeschützten Verbindung.</translation>
    </message>
    <message>
        <source>Tracing locks…</source>
        <translation>Sperren werden nachverfolgt…</translation>
    </message>
    <message>
        <source>Analysing locks…</source>
        <translation>Sperren werden analysiert…</translation>
    </message>
    <message>
        <source>Not on a production or read-only connection: Trace runs the statements.</source>
        <translation>Nicht auf einer Produktions- oder schreibgeschützten Verbindung: Nachverfolgen führt die Anweisungen aus.</translation>
    </message>
    <message>
        <source>Locks traced</source>
        <translation>Sperren nachverfolgt</translation>
    </message>
    <message>
        <source>Locks analysed</source>
        <translation>Sperren analysiert</translation>
    </message>
    <message>
        <source>Checking locks…</source>
        <translation>Sperren werden geprüft…</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)%4</source>
        <translation>%1 auf %2 (%3)%4</translation>
    </message>
    <message>
        <source>, rewritten</source>
        <translation>, neu geschrieben</translation>
    </message>
    <message>
        <source>, read whole</source>
        <translation>, ganz gelesen</translation>
    </message>
    <message>
        <source>Lock a large table?</source>
        <translation>Eine große Tabelle sperren?</translation>
    </message>
    <message>
        <source>This script locks large tables while it runs:
%1

Other sessions wait for them; a statement waiting for its lock makes every later query on the table wait too.</source>
        <translation>Dieses Skript sperrt große Tabellen, solange es läuft:
%1

Andere Sitzungen warten auf sie; eine Anweisung, die auf ihre Sperre wartet, lässt auch jede spätere Abfrage auf die Tabelle warten.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Show Locks</source>
        <translation>Sperren zeigen</translation>
    </message>
    <message>
        <source>The locks could not be checked: %1</source>
        <translation>Die Sperren konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Writing is locked on this production tab: the server runs it read-only. Unlock writing in the toolbar, then run it again (PgDesk asks for the database&apos;s name first).</source>
        <translation>Schreiben ist in diesem Produktions-Tab gesperrt: Der Server führt es schreibgeschützt aus. Entsperren Sie das Schreiben in der Werkzeugleiste und führen Sie es erneut aus (PgDesk fragt zuerst nach dem Namen der Datenbank).</translation>
    </message>
    <message>
        <source>the planner cannot say how many rows</source>
        <translation>der Planer kann nicht sagen, wie viele Zeilen</translation>
    </message>
    <message>
        <source>about %1 rows by the planner&apos;s estimate</source>
        <translation>etwa %1 Zeilen nach der Schätzung des Planers</translation>
    </message>
    <message>
        <source>UPDATE without WHERE changes every row of %1: %2</source>
        <translation>UPDATE ohne WHERE ändert jede Zeile von %1: %2</translation>
    </message>
    <message>
        <source>DELETE without WHERE deletes every row of %1: %2</source>
        <translation>DELETE ohne WHERE löscht jede Zeile von %1: %2</translation>
    </message>
    <message>
        <source>TRUNCATE empties %1: %2</source>
        <translation>TRUNCATE leert %1: %2</translation>
    </message>
    <message>
        <source>DROP %1</source>
        <translation>DROP %1</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) that may write</source>
        <translation>
            <numerusform>%n Anweisung, die schreiben kann</numerusform>
            <numerusform>%n Anweisungen, die schreiben können</numerusform>
        </translation>
    </message>
    <message>
        <source>Change every row?</source>
        <translation>Jede Zeile ändern?</translation>
    </message>
    <message>
        <source>Nothing has run yet.
%1

Run it?</source>
        <translation>Noch wurde nichts ausgeführt.
%1

Ausführen?</translation>
    </message>
    <message>
        <source>Estimating the rows…</source>
        <translation>Zeilen werden geschätzt…</translation>
    </message>
    <message>
        <source>The table already has an index on %1: %2. The planner chose not to use it for this scan (it expects to keep too many rows, or the statistics are old: try ANALYZE). Nothing was tried.</source>
        <translation>Die Tabelle hat bereits einen Index auf %1: %2. Der Planer hat ihn für diesen Scan nicht gewählt (er erwartet zu viele Zeilen, oder die Statistiken sind veraltet: ANALYZE versuchen). Nichts wurde ausprobiert.</translation>
    </message>
    <message>
        <source>An index on these columns exists</source>
        <translation>Ein Index auf diesen Spalten existiert</translation>
    </message>
    <message>
        <source> · sequences advanced, which no rollback undoes: %1</source>
        <translation> · Sequenzen weitergezählt, was kein Rollback rückgängig macht: %1</translation>
    </message>
    <message>
        <source>Insert snippet…</source>
        <translation>Baustein einfügen …</translation>
    </message>
    <message>
        <source>Save as snippet…</source>
        <translation>Als Baustein speichern …</translation>
    </message>
    <message>
        <source>Open snippets folder</source>
        <translation>Bausteinordner öffnen</translation>
    </message>
    <message>
        <source>Expand selection</source>
        <translation>Auswahl erweitern</translation>
    </message>
    <message>
        <source>Shrink selection</source>
        <translation>Auswahl verkleinern</translation>
    </message>
    <message>
        <source>Move lines up</source>
        <translation>Zeilen nach oben verschieben</translation>
    </message>
    <message>
        <source>Move lines down</source>
        <translation>Zeilen nach unten verschieben</translation>
    </message>
    <message>
        <source>Copy lines up</source>
        <translation>Zeilen nach oben kopieren</translation>
    </message>
    <message>
        <source>Copy lines down</source>
        <translation>Zeilen nach unten kopieren</translation>
    </message>
    <message>
        <source>Add caret above</source>
        <translation>Einfügemarke darüber hinzufügen</translation>
    </message>
    <message>
        <source>Add caret below</source>
        <translation>Einfügemarke darunter hinzufügen</translation>
    </message>
    <message>
        <source>Select next occurrence</source>
        <translation>Nächstes Vorkommen auswählen</translation>
    </message>
    <message>
        <source>Pin result</source>
        <translation>Ergebnis anheften</translation>
    </message>
    <message>
        <source>Compare results…</source>
        <translation>Ergebnisse vergleichen …</translation>
    </message>
    <message>
        <source>Compare with previous run</source>
        <translation>Mit dem vorigen Lauf vergleichen</translation>
    </message>
    <message>
        <source>Compare by key</source>
        <translation>Nach Schlüssel vergleichen</translation>
    </message>
    <message>
        <source>The columns that identify a row in both results:</source>
        <translation>Die Spalten, die eine Zeile in beiden Ergebnissen bestimmen:</translation>
    </message>
    <message>
        <source>Close this tab</source>
        <translation>Diesen Tab schließen</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <source>Pinned %1</source>
        <translation>Angeheftet %1</translation>
    </message>
    <message numerus="yes">
        <source>Pinned %n row(s) as &quot;Pinned %1&quot;.</source>
        <translation>
            <numerusform>%n Zeile als „Angeheftet %1“ angeheftet.</numerusform>
            <numerusform>%n Zeilen als „Angeheftet %1“ angeheftet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pinning: reading the whole result (read only)…</source>
        <translation>Anheften: das ganze Ergebnis wird gelesen (nur lesend) …</translation>
    </message>
    <message>
        <source>Not pinned: %1</source>
        <translation>Nicht angeheftet: %1</translation>
    </message>
    <message>
        <source>Compare results</source>
        <translation>Ergebnisse vergleichen</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>&amp;Links:</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>&amp;Rechts:</translation>
    </message>
    <message>
        <source>Compare with previous run needs two runs of a query: edit it, run it, then compare.</source>
        <translation>Der Vergleich mit dem vorigen Lauf braucht zwei Läufe einer Abfrage: sie ändern, ausführen, dann vergleichen.</translation>
    </message>
    <message>
        <source>the previous run</source>
        <translation>der vorige Lauf</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>dieser Lauf</translation>
    </message>
    <message>
        <source>Comparing %1 and %2 by %3…</source>
        <translation>%1 und %2 werden nach %3 verglichen …</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>Vergleich %1</translation>
    </message>
    <message>
        <source>Not compared: %1</source>
        <translation>Nicht verglichen: %1</translation>
    </message>
    <message>
        <source>Results side by side…</source>
        <translation>Ergebnisse nebeneinander …</translation>
    </message>
    <message>
        <source>%1 needs two results: pin one, run again, then choose them.</source>
        <translation>%1 braucht zwei Ergebnisse: eines anheften, erneut ausführen, dann beide wählen.</translation>
    </message>
    <message>
        <source>Results side by side</source>
        <translation>Ergebnisse nebeneinander</translation>
    </message>
    <message>
        <source>%1 | %2</source>
        <translation>%1 | %2</translation>
    </message>
    <message>
        <source>%1 and %2 side by side</source>
        <translation>%1 und %2 nebeneinander</translation>
    </message>
    <message>
        <source>Not shown: %1</source>
        <translation>Nicht angezeigt: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ReplicationView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Drop slot…</source>
        <translation>Slot entfernen …</translation>
    </message>
    <message>
        <source>Drop the selected inactive slot: what streamed from it must be set up again</source>
        <translation>Den ausgewählten inaktiven Slot entfernen: Was daraus gestreamt hat, muss neu eingerichtet werden</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Warn above </source>
        <translation>Warnen ab </translation>
    </message>
    <message>
        <source>An inactive slot retaining more WAL than this is flagged here and on the dashboard</source>
        <translation>Ein inaktiver Slot, der mehr WAL zurückhält, wird hier und im Dashboard hervorgehoben</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Slots</translation>
    </message>
    <message>
        <source>Standbys</source>
        <translation>Standbys</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>Publikationen</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Subskriptionen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Could not read the replication state: %1</source>
        <translation>Der Replikationszustand konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Standby of %1 (%2): received %3, replayed %4, %5 to replay.</source>
        <translation>Standby von %1 (%2): empfangen %3, eingespielt %4, %5 noch einzuspielen.</translation>
    </message>
    <message>
        <source>no WAL receiver</source>
        <translation>kein WAL-Empfänger</translation>
    </message>
    <message numerus="yes">
        <source>Primary at %1; %n standby(s) or walsender(s), </source>
        <translation>
            <numerusform>Primärserver bei %1; %n Standby oder walsender, </numerusform>
            <numerusform>Primärserver bei %1; %n Standbys oder walsender, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s).</source>
        <translation>
            <numerusform>%n Slot.</numerusform>
            <numerusform>%n Slots.</numerusform>
        </translation>
    </message>
    <message>
        <source> (temporary)</source>
        <translation> (temporär)</translation>
    </message>
    <message>
        <source>PID %1 %2</source>
        <translation>PID %1 %2</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>WAL retained</source>
        <translation>Zurückgehaltenes WAL</translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation>WAL-Status</translation>
    </message>
    <message>
        <source>xmin age</source>
        <translation>xmin-Alter</translation>
    </message>
    <message>
        <source>catalog xmin age</source>
        <translation>Katalog-xmin-Alter</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>logical</source>
        <translation>logisch</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>physisch</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Replay lag</source>
        <translation>Einspielverzögerung</translation>
    </message>
    <message>
        <source>Replay lag time</source>
        <translation>Einspielverzögerung (Zeit)</translation>
    </message>
    <message>
        <source>all tables</source>
        <translation>alle Tabellen</translation>
    </message>
    <message>
        <source>schemas %1</source>
        <translation>Schemas %1</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publikation</translation>
    </message>
    <message>
        <source>Publishes</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Row filter</source>
        <translation>Zeilenfilter</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>%1 apply, %2 sync</source>
        <translation>%1 Apply, %2 Sync</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Subskription</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Drop %1 slot &quot;%2&quot;%3? It retains %4 of WAL. Whatever streamed from it (a standby, a subscription, a CDC tool) cannot resume and must be set up again.</source>
        <translation>%1-Slot „%2“%3 entfernen? Er hält %4 WAL zurück. Was daraus gestreamt hat (ein Standby, eine Subskription, ein CDC-Werkzeug), kann nicht fortfahren und muss neu eingerichtet werden.</translation>
    </message>
    <message>
        <source> (%1 on database %2)</source>
        <translation> (%1 auf Datenbank %2)</translation>
    </message>
    <message>
        <source>dropping replication slot &quot;%1&quot;</source>
        <translation>Replikationsslot „%1“ entfernen</translation>
    </message>
    <message>
        <source>Drop replication slot</source>
        <translation>Replikationsslot entfernen</translation>
    </message>
    <message>
        <source>Drop slot</source>
        <translation>Slot entfernen</translation>
    </message>
    <message>
        <source>Dropped replication slot %1.</source>
        <translation>Replikationsslot %1 entfernt.</translation>
    </message>
    <message>
        <source>The slot was not dropped: %1</source>
        <translation>Der Slot wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <source>New Publication…</source>
        <translation>Neue Publikation…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Publication %1 applied.</source>
        <translation>Publikation %1 angewendet.</translation>
    </message>
    <message>
        <source>dropping publication &quot;%1&quot;</source>
        <translation>Publikation „%1“ löschen</translation>
    </message>
    <message>
        <source>Drop publication</source>
        <translation>Publikation löschen</translation>
    </message>
    <message>
        <source>Drop publication &quot;%1&quot;? Its subscribers stop receiving changes; a subscription naming it fails until it is changed.</source>
        <translation>Publikation „%1“ löschen? Ihre Abonnenten erhalten keine Änderungen mehr; ein Abonnement, das sie nennt, schlägt fehl, bis es geändert wird.</translation>
    </message>
    <message>
        <source>Dropped publication %1.</source>
        <translation>Publikation %1 gelöscht.</translation>
    </message>
    <message>
        <source>The publication was not dropped: %1</source>
        <translation>Die Publikation wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>New Subscription…</source>
        <translation>Neues Abonnement …</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Start its apply worker</source>
        <translation>Seinen Apply-Worker starten</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Stop its apply worker; the publisher&apos;s slot keeps the WAL meanwhile</source>
        <translation>Seinen Apply-Worker anhalten; der Slot des Publishers behält das WAL so lange</translation>
    </message>
    <message>
        <source>Refresh…</source>
        <translation>Auffrischen …</translation>
    </message>
    <message>
        <source>Subscribe to the tables its publications added since</source>
        <translation>Die Tabellen abonnieren, die seine Publikationen seither hinzugefügt haben</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Überspringen …</translation>
    </message>
    <message>
        <source>Skip the remote transaction that keeps failing (its changes are lost here)</source>
        <translation>Die entfernte Transaktion überspringen, die immer wieder scheitert (ihre Änderungen gehen hier verloren)</translation>
    </message>
    <message>
        <source>Drop the subscription and its slot on the publisher</source>
        <translation>Das Abonnement und seinen Slot auf dem Publisher löschen</translation>
    </message>
    <message>
        <source>Subscription %1 created.</source>
        <translation>Abonnement %1 angelegt.</translation>
    </message>
    <message>
        <source>changing subscription &quot;%1&quot;</source>
        <translation>das Abonnement „%1“ ändern</translation>
    </message>
    <message>
        <source>Skip a failing transaction</source>
        <translation>Eine scheiternde Transaktion überspringen</translation>
    </message>
    <message>
        <source>Subscription &quot;%1&quot; keeps failing on a remote transaction. Its changes are skipped and lost on this side.
The LSN it finished at, as the subscriber&apos;s log says (&quot;finished at 0/14C0378&quot;):</source>
        <translation>Das Abonnement „%1“ scheitert immer wieder an einer entfernten Transaktion. Ihre Änderungen werden übersprungen und gehen auf dieser Seite verloren.
Die LSN, an der sie endete, wie das Log des Abonnenten sie nennt („finished at 0/14C0378“):</translation>
    </message>
    <message>
        <source>Refresh subscription</source>
        <translation>Abonnement auffrischen</translation>
    </message>
    <message>
        <source>Subscribe &quot;%1&quot; to the tables its publications added since? This talks to the publisher.</source>
        <translation>„%1“ die Tabellen abonnieren lassen, die seine Publikationen seither hinzugefügt haben? Dazu wird der Publisher kontaktiert.</translation>
    </message>
    <message>
        <source>Copy their rows</source>
        <translation>Ihre Zeilen kopieren</translation>
    </message>
    <message>
        <source>Only new changes</source>
        <translation>Nur neue Änderungen</translation>
    </message>
    <message>
        <source>Drop subscription</source>
        <translation>Abonnement löschen</translation>
    </message>
    <message>
        <source>Drop subscription &quot;%1&quot;? Its slot on the publisher is dropped too: what it has not applied yet is not sent again, and subscribing anew copies the tables from the start.</source>
        <translation>Abonnement „%1“ löschen? Sein Slot auf dem Publisher wird mitgelöscht: Was es noch nicht angewendet hat, wird nicht erneut gesendet, und ein neues Abonnement kopiert die Tabellen von vorn.</translation>
    </message>
    <message>
        <source>Subscription %1: done (%2).</source>
        <translation>Abonnement %1: erledigt (%2).</translation>
    </message>
    <message>
        <source>Subscription %1: %2</source>
        <translation>Abonnement %1: %2</translation>
    </message>
    <message>
        <source>Subscription %1 was not changed: %2</source>
        <translation>Abonnement %1 wurde nicht geändert: %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RestoreDialog</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Sicherung:</translation>
    </message>
    <message>
        <source>an existing database</source>
        <translation>eine vorhandene Datenbank</translation>
    </message>
    <message>
        <source>Into &amp;database:</source>
        <translation>In &amp;Datenbank:</translation>
    </message>
    <message>
        <source>Drop the backup&apos;s objects first (--clean --if-exists)</source>
        <translation>Die Objekte der Sicherung zuerst löschen (--clean --if-exists)</translation>
    </message>
    <message>
        <source>Leave out owners (--no-owner)</source>
        <translation>Eigentümer weglassen (--no-owner)</translation>
    </message>
    <message>
        <source>In one transaction: a failure restores nothing</source>
        <translation>In einer Transaktion: Bei einem Fehler wird nichts wiederhergestellt</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>Wiederherstellen aus</translation>
    </message>
    <message>
        <source>Name the database to restore into.</source>
        <translation>Geben Sie die Datenbank an, in die wiederhergestellt werden soll.</translation>
    </message>
    <message>
        <source>There is no backup at %1.</source>
        <translation>Unter %1 gibt es keine Sicherung.</translation>
    </message>
    <message>
        <source>Restore %1 into the database &quot;%2&quot; on %3?

Its objects are created in &quot;%2&quot;%4.</source>
        <translation>%1 in die Datenbank „%2“ auf %3 wiederherstellen?

Ihre Objekte werden in „%2“ angelegt%4.</translation>
    </message>
    <message>
        <source>the default server</source>
        <translation>dem Standardserver</translation>
    </message>
    <message>
        <source>, replacing those of the same name</source>
        <translation>, wobei gleichnamige ersetzt werden</translation>
    </message>
    <message>
        <source>Not restored.</source>
        <translation>Nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Checking the database and the backup…</source>
        <translation>Datenbank und Sicherung werden geprüft …</translation>
    </message>
    <message>
        <source>Restored the data of %1 of %2 tables</source>
        <translation>Daten von %1 von %2 Tabellen wiederhergestellt</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Cancel restore</source>
        <translation>Wiederherstellung abbrechen</translation>
    </message>
    <message>
        <source>Restored into %1 (%2 tables).</source>
        <translation>In %1 wiederhergestellt (%2 Tabellen).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was restored.</source>
        <translation>Abgebrochen: Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The restore failed; nothing was restored.
%1</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen; es wurde nichts wiederhergestellt.
%1</translation>
    </message>
    <message>
        <source>The restore failed.
%1</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen.
%1</translation>
    </message>
    <message>
        <source>Restore of %1</source>
        <translation>Wiederherstellung von %1</translation>
    </message>
    <message>
        <source>The file is read first: psql commands in it are refused. A psql that has \restrict (15.14 and later) starts with it and a one-time key, so none can run.</source>
        <translation>Die Datei wird zuerst gelesen: psql-Befehle darin werden abgelehnt. Ein psql mit \restrict (ab 15.14) startet damit und einem Einmalschlüssel, sodass keiner ausgeführt werden kann.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ResultCompareModel</name>
    <message>
        <source>Only in the left result</source>
        <translation>Nur im linken Ergebnis</translation>
    </message>
    <message>
        <source>Only in the right result</source>
        <translation>Nur im rechten Ergebnis</translation>
    </message>
    <message>
        <source>In both, with cells that differ</source>
        <translation>In beiden, mit abweichenden Zellen</translation>
    </message>
    <message>
        <source>Left: %1
Right: %2</source>
        <translation>Links: %1
Rechts: %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ResultCompareView</name>
    <message>
        <source>%1 (left, %2 rows) and %3 (right, %4 rows) by %5: %6 same, %7 changed, %8 only left, %9 only right.</source>
        <translation>%1 (links, %2 Zeilen) und %3 (rechts, %4 Zeilen) nach %5: %6 gleich, %7 geändert, %8 nur links, %9 nur rechts.</translation>
    </message>
    <message>
        <source>Not compared (in one result only): %1.</source>
        <translation>Nicht verglichen (nur in einem Ergebnis): %1.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ResultScroller</name>
    <message>
        <source>Rows of the result</source>
        <translation>Zeilen des Ergebnisses</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RoleDialog</name>
    <message>
        <source>Role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>New Role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Darf sich anmelden</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>Superuser</translation>
    </message>
    <message>
        <source>Can create databases</source>
        <translation>Darf Datenbanken anlegen</translation>
    </message>
    <message>
        <source>Can create roles</source>
        <translation>Darf Rollen anlegen</translation>
    </message>
    <message>
        <source>Inherits the privileges of its groups</source>
        <translation>Erbt die Rechte seiner Gruppen</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Bypasses row-level security</source>
        <translation>Umgeht die Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>never (e.g. 2027-01-01)</source>
        <translation>nie (z. B. 2027-01-01)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Connection limit:</source>
        <translation>Verbindungsgrenze:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Die beiden Passwörter unterscheiden sich</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RoleRowsModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Admitted by</source>
        <translation>Zugelassen durch</translation>
    </message>
    <message>
        <source>May update</source>
        <translation>Darf ändern</translation>
    </message>
    <message>
        <source>May delete</source>
        <translation>Darf löschen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RolesModel</name>
    <message>
        <source>%1 (admin)</source>
        <translation>%1 (Admin)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>The password never expires</source>
        <translation>Das Passwort läuft nie ab</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>Superuser</translation>
    </message>
    <message>
        <source>Create role</source>
        <translation>Rollen erstellen</translation>
    </message>
    <message>
        <source>Create DB</source>
        <translation>DB erstellen</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Bypass RLS</source>
        <translation>RLS umgehen</translation>
    </message>
    <message>
        <source>Inherit</source>
        <translation>Erben</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Verbindungslimit</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>Mitglied von</translation>
    </message>
    <message>
        <source>Uses the privileges of the roles it is a member of</source>
        <translation>Nutzt die Rechte der Rollen, in denen sie Mitglied ist</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RolesView</name>
    <message>
        <source>Predefined roles</source>
        <translation>Vordefinierte Rollen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Mitgliedschaft</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Admin option</source>
        <translation>Admin-Option</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Gewährt von</translation>
    </message>
    <message>
        <source>Memberships of the selected role</source>
        <translation>Mitgliedschaften der ausgewählten Rolle</translation>
    </message>
    <message>
        <source>Also list PostgreSQL&apos;s predefined pg_* roles</source>
        <translation>Auch die vordefinierten pg_*-Rollen von PostgreSQL auflisten</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n Rolle</numerusform>
            <numerusform>%n Rollen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the roles: %1</source>
        <translation>Die Rollen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>member of</source>
        <translation>Mitglied von</translation>
    </message>
    <message>
        <source>has member</source>
        <translation>hat Mitglied</translation>
    </message>
    <message>
        <source>New Role…</source>
        <translation>Neue Rolle…</translation>
    </message>
    <message>
        <source>Edit Role…</source>
        <translation>Rolle bearbeiten…</translation>
    </message>
    <message>
        <source>Drop Role</source>
        <translation>Rolle entfernen</translation>
    </message>
    <message>
        <source>Drop role %1? Objects it owns and privileges granted to it must be handed over or dropped first.</source>
        <translation>Rolle %1 entfernen? Ihre Objekte und ihr gewährten Rechte müssen zuvor übergeben oder entfernt werden.</translation>
    </message>
    <message>
        <source>drop role %1</source>
        <translation>Rolle %1 entfernen</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>The role the selected role becomes a member of</source>
        <translation>Die Rolle, deren Mitglied die gewählte Rolle wird</translation>
    </message>
    <message>
        <source>with admin option</source>
        <translation>mit Admin-Option</translation>
    </message>
    <message>
        <source>Make Member</source>
        <translation>Zum Mitglied machen</translation>
    </message>
    <message>
        <source>End Membership</source>
        <translation>Mitgliedschaft beenden</translation>
    </message>
    <message>
        <source>Member of:</source>
        <translation>Mitglied von:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaCompareView</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Target (changed to match):</source>
        <translation>Ziel (wird angeglichen):</translation>
    </message>
    <message>
        <source>Filter by name or kind</source>
        <translation>Nach Name oder Art filtern</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>Alle Objekte</translation>
    </message>
    <message>
        <source>The lines of the selected object: - in the target only, + in the source only</source>
        <translation>Die Zeilen des gewählten Objekts: - nur im Ziel, + nur in der Quelle</translation>
    </message>
    <message>
        <source>The migration runs only with Apply</source>
        <translation>Die Migration läuft nur mit Anwenden</translation>
    </message>
    <message>
        <source>Migration script</source>
        <translation>Migrationsskript</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Save script…</source>
        <translation>Skript speichern…</translation>
    </message>
    <message>
        <source>Save migration script</source>
        <translation>Migrationsskript speichern</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Apply to target</source>
        <translation>Auf das Ziel anwenden</translation>
    </message>
    <message>
        <source>Choose the source and the target, then Compare. The target is what the migration changes.</source>
        <translation>Quelle und Ziel wählen, dann Vergleichen. Die Migration ändert das Ziel.</translation>
    </message>
    <message>
        <source>Reading both schemas…</source>
        <translation>Beide Schemas werden gelesen…</translation>
    </message>
    <message>
        <source>Migration of schema %1 to match schema %2</source>
        <translation>Migration von Schema %1 passend zu Schema %2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing differs: %n objects compared.</source>
        <translation>
            <numerusform>Nichts unterscheidet sich: %n Objekt verglichen.</numerusform>
            <numerusform>Nichts unterscheidet sich: %n Objekte verglichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects differ.</source>
        <translation>
            <numerusform>%n Objekt unterscheidet sich.</numerusform>
            <numerusform>%n Objekte unterscheiden sich.</numerusform>
        </translation>
    </message>
    <message>
        <source>The migration cannot run as it is: %1</source>
        <translation>Die Migration kann so nicht laufen: %1</translation>
    </message>
    <message>
        <source>Values for the new NOT NULL columns</source>
        <translation>Werte für die neuen NOT-NULL-Spalten</translation>
    </message>
    <message>
        <source>The table has rows: give the value (an SQL expression, e.g. 0 or &apos;none&apos;) each gets in the new column.</source>
        <translation>Die Tabelle hat Zeilen: den Wert angeben (ein SQL-Ausdruck, z. B. 0 oder &apos;none&apos;), den jede in der neuen Spalte erhält.</translation>
    </message>
    <message>
        <source>Applying the migration…</source>
        <translation>Migration wird angewendet…</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Angewendet.</translation>
    </message>
    <message>
        <source>Committed, but a later step failed: %1</source>
        <translation>Festgeschrieben, aber ein späterer Schritt schlug fehl: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Compare %1.%2 (source) with %3.%4 (target): the migration changes the target to match the source. Choose other sides above if these are not the ones.</source>
        <translation>%1.%2 (Quelle) mit %3.%4 (Ziel) vergleichen: Die Migration gleicht das Ziel der Quelle an. Wählen Sie oben andere Seiten, falls es nicht diese sind.</translation>
    </message>
    <message>
        <source>Type Changes…</source>
        <translation>Typänderungen…</translation>
    </message>
    <message>
        <source>The USING expression of each column&apos;s type change</source>
        <translation>Der USING-Ausdruck jeder Typänderung einer Spalte</translation>
    </message>
    <message>
        <source>Type changes</source>
        <translation>Typänderungen</translation>
    </message>
    <message>
        <source>How each column&apos;s values become the new type: an SQL expression over the column (empty: the cast PgDesk chose).</source>
        <translation>Wie die Werte jeder Spalte zum neuen Typ werden: ein SQL-Ausdruck über der Spalte (leer: die Umwandlung, die PgDesk gewählt hat).</translation>
    </message>
    <message>
        <source>%1.%2: %3 → %4</source>
        <translation>%1.%2: %3 → %4</translation>
    </message>
    <message>
        <source>Analysing the locks…</source>
        <translation>Die Sperren werden analysiert…</translation>
    </message>
    <message>
        <source>The locks could not be analysed: %1</source>
        <translation>Die Sperren konnten nicht analysiert werden: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaDiffModel</name>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>different</source>
        <translation>verschieden</translation>
    </message>
    <message>
        <source>only in source</source>
        <translation>nur in der Quelle</translation>
    </message>
    <message>
        <source>only in target</source>
        <translation>nur im Ziel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaFeature</name>
    <message>
        <source>&amp;Compare schemas…</source>
        <translation>Schemas &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Design…</source>
        <translation>Entwerfen…</translation>
    </message>
    <message>
        <source>Privileges…</source>
        <translation>Rechte…</translation>
    </message>
    <message>
        <source>Compare Data…</source>
        <translation>Daten vergleichen…</translation>
    </message>
    <message>
        <source>New Table…</source>
        <translation>Neue Tabelle…</translation>
    </message>
    <message>
        <source>Compare Schema…</source>
        <translation>Schema vergleichen…</translation>
    </message>
    <message>
        <source>Connect first: the designer changes the current session&apos;s tables</source>
        <translation>Zuerst verbinden: der Designer ändert die Tabellen der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>Neue Tabelle</translation>
    </message>
    <message>
        <source>Design: %1</source>
        <translation>Entwurf: %1</translation>
    </message>
    <message>
        <source>A new table in %1</source>
        <translation>Eine neue Tabelle in %1</translation>
    </message>
    <message>
        <source>Table designer: %1.%2</source>
        <translation>Tabellendesigner: %1.%2</translation>
    </message>
    <message>
        <source>Privileges: %1</source>
        <translation>Rechte: %1</translation>
    </message>
    <message>
        <source>Privileges on schema %1</source>
        <translation>Rechte am Schema %1</translation>
    </message>
    <message>
        <source>Privileges on %1.%2</source>
        <translation>Rechte an %1.%2</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>Vergleich: %1</translation>
    </message>
    <message>
        <source>Schema compare and migration</source>
        <translation>Schemavergleich und Migration</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SeeAsRoleView</name>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>A role this session may SET ROLE to</source>
        <translation>Eine Rolle, zu der diese Sitzung mit SET ROLE wechseln darf</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <source> rows</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>Choose a role: the rows it reads are shown as it reads them, in a transaction that is rolled back.</source>
        <translation>Eine Rolle wählen: die Zeilen, die sie liest, werden gezeigt, wie sie sie liest, in einer Transaktion, die zurückgerollt wird.</translation>
    </message>
    <message>
        <source>Rows the role reads</source>
        <translation>Zeilen, die die Rolle liest</translation>
    </message>
    <message>
        <source>The table&apos;s policies</source>
        <translation>Die Richtlinien der Tabelle</translation>
    </message>
    <message>
        <source>See %1.%2 as role:</source>
        <translation>%1.%2 sehen als Rolle:</translation>
    </message>
    <message>
        <source>Reading %1.%2 as %3…</source>
        <translation>%1.%2 wird als %3 gelesen…</translation>
    </message>
    <message>
        <source>Row security is off for this table: %1 reads every row its privileges allow.</source>
        <translation>Zeilensicherheit ist für diese Tabelle aus: %1 liest jede Zeile, die ihre Rechte erlauben.</translation>
    </message>
    <message>
        <source>%1 bypasses row security (superuser, BYPASSRLS, or the owner without FORCE).</source>
        <translation>%1 umgeht die Zeilensicherheit (Superuser, BYPASSRLS oder der Eigentümer ohne FORCE).</translation>
    </message>
    <message numerus="yes">
        <source>Row security applies to %1: %n of its policies apply.</source>
        <translation>
            <numerusform>Zeilensicherheit gilt für %1: %n ihrer Richtlinien gilt.</numerusform>
            <numerusform>Zeilensicherheit gilt für %1: %n ihrer Richtlinien gelten.</numerusform>
        </translation>
    </message>
    <message>
        <source>It reads %1 of the table&apos;s %2 rows.</source>
        <translation>Sie liest %1 der %2 Zeilen der Tabelle.</translation>
    </message>
    <message>
        <source>It reads %1 rows.</source>
        <translation>Sie liest %1 Zeilen.</translation>
    </message>
    <message>
        <source>permissive</source>
        <translation>permissiv</translation>
    </message>
    <message>
        <source>restrictive</source>
        <translation>restriktiv</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>Gilt</translation>
    </message>
    <message>
        <source>Using</source>
        <translation>Using</translation>
    </message>
    <message>
        <source>With check</source>
        <translation>With check</translation>
    </message>
    <message>
        <source>Could not read the table as that role: %1</source>
        <translation>Die Tabelle konnte als diese Rolle nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SelectionSummary</name>
    <message>
        <source>Whole view</source>
        <translation>Ganze Ansicht</translation>
    </message>
    <message>
        <source>Summarise the current column over every row of the view (its filter included), on the server</source>
        <translation>Die aktuelle Spalte über alle Zeilen der Ansicht (einschließlich ihres Filters) auf dem Server zusammenfassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Summary of the selected cells</source>
        <translation>Zusammenfassung der ausgewählten Zellen</translation>
    </message>
    <message>
        <source>%1 of the whole view: summarising…</source>
        <translation>%1 der ganzen Ansicht: wird zusammengefasst …</translation>
    </message>
    <message>
        <source>%1 of the whole view: %2</source>
        <translation>%1 der ganzen Ansicht: %2</translation>
    </message>
    <message>
        <source>Whole view summary cancelled</source>
        <translation>Zusammenfassung der ganzen Ansicht abgebrochen</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message>
        <source>Distinct: %1</source>
        <translation>Verschiedene: %1</translation>
    </message>
    <message>
        <source>NULL: %1</source>
        <translation>NULL: %1</translation>
    </message>
    <message>
        <source>Sum: %1</source>
        <translation>Summe: %1</translation>
    </message>
    <message>
        <source>Average: %1</source>
        <translation>Durchschnitt: %1</translation>
    </message>
    <message>
        <source>Min: %1</source>
        <translation>Min: %1</translation>
    </message>
    <message>
        <source>Max: %1</source>
        <translation>Max: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerFeature</name>
    <message>
        <source>Re&amp;plication</source>
        <translation>Re&amp;plikation</translation>
    </message>
    <message>
        <source>Standbys, replication slots and the WAL they retain, publications, subscriptions</source>
        <translation>Standbys, Replikationsslots und das von ihnen zurückgehaltene WAL, Publikationen, Subskriptionen</translation>
    </message>
    <message>
        <source>&amp;Change feed…</source>
        <translation>&amp;Änderungsstrom …</translation>
    </message>
    <message>
        <source>Every committed insert, update and delete of chosen tables, as it happens</source>
        <translation>Jedes committete Einfügen, Aktualisieren und Löschen in gewählten Tabellen, sobald es geschieht</translation>
    </message>
    <message>
        <source>Watch changes</source>
        <translation>Änderungen beobachten</translation>
    </message>
    <message>
        <source>Only a table&apos;s changes can be watched</source>
        <translation>Nur die Änderungen einer Tabelle lassen sich beobachten</translation>
    </message>
    <message>
        <source>Connect first: replication is the current session&apos;s server&apos;s</source>
        <translation>Zuerst verbinden: Die Replikation ist die des Servers der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Replication of %1</source>
        <translation>Replikation von %1</translation>
    </message>
    <message>
        <source>Connect first: the change feed reads the current session&apos;s server</source>
        <translation>Zuerst verbinden: Der Änderungsstrom liest vom Server der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Change feed</source>
        <translation>Änderungsstrom</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>Änderungen: %1</translation>
    </message>
    <message>
        <source>Committed changes on %1</source>
        <translation>Committete Änderungen auf %1</translation>
    </message>
    <message>
        <source>Server &amp;log</source>
        <translation>Server-&amp;Log</translation>
    </message>
    <message>
        <source>The server&apos;s log, followed: errors grouped, deadlocks drawn, auto_explain plans opened</source>
        <translation>Das Log des Servers, laufend verfolgt: Fehler gruppiert, Deadlocks gezeichnet, auto_explain-Pläne geöffnet</translation>
    </message>
    <message>
        <source>Open a server log</source>
        <translation>Server-Log öffnen</translation>
    </message>
    <message>
        <source>PostgreSQL logs (*.log *.csv *.json);;All files (*)</source>
        <translation>PostgreSQL-Logs (*.log *.csv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Server log</source>
        <translation>Server-Log</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Log: %1</translation>
    </message>
    <message>
        <source>The log of %1</source>
        <translation>Das Log von %1</translation>
    </message>
    <message>
        <source>Scheduled &amp;jobs</source>
        <translation>Geplante &amp;Jobs</translation>
    </message>
    <message>
        <source>pg_cron&apos;s jobs and their runs, pg_partman&apos;s partition sets</source>
        <translation>Die Jobs von pg_cron und ihre Läufe, die Partitionssätze von pg_partman</translation>
    </message>
    <message>
        <source>Connect first: the jobs are the current session&apos;s server&apos;s</source>
        <translation>Zuerst verbinden: die Jobs sind die des Servers der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Scheduled jobs</source>
        <translation>Geplante Jobs</translation>
    </message>
    <message>
        <source>Scheduled jobs of %1</source>
        <translation>Geplante Jobs von %1</translation>
    </message>
    <message>
        <source>E&amp;xtensions</source>
        <translation>E&amp;rweiterungen</translation>
    </message>
    <message>
        <source>The database&apos;s extensions and those the server offers: install, update, drop</source>
        <translation>Die Erweiterungen der Datenbank und die, die der Server anbietet: installieren, aktualisieren, löschen</translation>
    </message>
    <message>
        <source>Connect first: extensions are the current database&apos;s</source>
        <translation>Zuerst verbinden: Erweiterungen gehören zur aktuellen Datenbank</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Extensions of %1</source>
        <translation>Erweiterungen von %1</translation>
    </message>
    <message>
        <source>See as role…</source>
        <translation>Als Rolle sehen…</translation>
    </message>
    <message>
        <source>Row security is a table&apos;s</source>
        <translation>Zeilensicherheit hat nur eine Tabelle</translation>
    </message>
    <message>
        <source>Connect first: the table is read through the current session</source>
        <translation>Zuerst verbinden: die Tabelle wird über die aktuelle Sitzung gelesen</translation>
    </message>
    <message>
        <source>As role: %1</source>
        <translation>Als Rolle: %1</translation>
    </message>
    <message>
        <source>%1.%2 as another role sees it</source>
        <translation>%1.%2, wie eine andere Rolle sie sieht</translation>
    </message>
    <message>
        <source>Move to tablespace…</source>
        <translation>In Tablespace verschieben …</translation>
    </message>
    <message>
        <source>%1.%2 moved to %3</source>
        <translation>%1.%2 nach %3 verschoben</translation>
    </message>
    <message>
        <source>A view stores no rows to move</source>
        <translation>Eine Sicht speichert keine Zeilen, die zu verschieben wären</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>User@database</source>
        <translation>Benutzer@Datenbank</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerLogView</name>
    <message>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Plan öffnen</translation>
    </message>
    <message>
        <source>Lowest severity shown</source>
        <translation>Niedrigster angezeigter Schweregrad</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <source>Ranked as log_min_messages ranks them: LOG is above ERROR</source>
        <translation>Geordnet wie bei log_min_messages: LOG steht über ERROR</translation>
    </message>
    <message>
        <source>Text in message, detail or statement…</source>
        <translation>Text in Meldung, Detail oder Anweisung…</translation>
    </message>
    <message>
        <source>SQLSTATE or class</source>
        <translation>SQLSTATE oder Klasse</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Read what the server adds every second and show the newest</source>
        <translation>Jede Sekunde lesen, was der Server anfügt, und das Neueste zeigen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Log-Einträge</translation>
    </message>
    <message>
        <source>The selected entry</source>
        <translation>Der gewählte Eintrag</translation>
    </message>
    <message>
        <source>Show this auto_explain plan in the plan view, with its hotspots</source>
        <translation>Diesen auto_explain-Plan in der Planansicht zeigen, mit seinen Brennpunkten</translation>
    </message>
    <message>
        <source>Errors grouped</source>
        <translation>Fehler gruppiert</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>The server&apos;s log</source>
        <translation>Das Log des Servers</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Das Log wird gelesen…</translation>
    </message>
    <message>
        <source>The server&apos;s log: %1</source>
        <translation>Das Log des Servers: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) shown of %1 read.</source>
        <translation>
            <numerusform>%n Eintrag angezeigt von %1 gelesenen.</numerusform>
            <numerusform>%n Einträge angezeigt von %1 gelesenen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan at %1</source>
        <translation>Plan von %1</translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation>Der Plan konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Errors (ERROR, FATAL, PANIC)</source>
        <translation>Fehler (ERROR, FATAL, PANIC)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SnippetSaveDialog</name>
    <message>
        <source>Save as Snippet</source>
        <translation>Als Baustein speichern</translation>
    </message>
    <message>
        <source>Typing this word in the editor offers the snippet</source>
        <translation>Wer dieses Wort im Editor tippt, bekommt den Baustein angeboten</translation>
    </message>
    <message>
        <source>Saved as a plain file in %1; ${1:text} marks a place Tab goes to.</source>
        <translation>Wird als einfache Datei in %1 gespeichert; ${1:text} markiert eine Stelle, zu der Tab springt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Präfix:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>There is no SQL to save: select some first.</source>
        <translation>Es gibt kein SQL zu speichern: Zuerst etwas markieren.</translation>
    </message>
    <message>
        <source>The snippet needs a name.</source>
        <translation>Der Baustein braucht einen Namen.</translation>
    </message>
    <message>
        <source>The prefix is one word: letters, digits and _.</source>
        <translation>Das Präfix ist ein Wort: Buchstaben, Ziffern und _.</translation>
    </message>
    <message>
        <source>Replaces the shipped snippet &quot;%1&quot; for you.</source>
        <translation>Ersetzt für Sie den mitgelieferten Baustein „%1“.</translation>
    </message>
    <message>
        <source>Replaces your snippet &quot;%1&quot;.</source>
        <translation>Ersetzt Ihren Baustein „%1“.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SqlCompleter</name>
    <message>
        <source>Completions</source>
        <translation>Vervollständigungen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SqlLogDock</name>
    <message>
        <source>SQL log</source>
        <translation>SQL-Protokoll</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Statements sent to the server</source>
        <translation>An den Server gesendete Anweisungen</translation>
    </message>
    <message>
        <source>Statements the window sends to the server appear here.</source>
        <translation>Hier erscheinen die Anweisungen, die das Fenster an den Server sendet.</translation>
    </message>
    <message>
        <source>agent %1 · %2 on %3</source>
        <translation>Agent %1 · %2 in %3</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SshFields</name>
    <message>
        <source>Connect through an &amp;SSH tunnel</source>
        <translation>Über einen &amp;SSH-Tunnel verbinden</translation>
    </message>
    <message>
        <source>bastion.example.com or a ~/.ssh/config alias</source>
        <translation>bastion.example.com oder ein Alias aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>The SSH server in front of the database, used as written: an alias of your ssh_config brings its own user, port, key and jump hosts. The database&apos;s host and port on the Connection page are then as that server sees them.</source>
        <translation>Der SSH-Server vor der Datenbank, so verwendet wie eingegeben: Ein Alias aus Ihrer ssh_config bringt eigenen Benutzer, Port, Schlüssel und Jump-Hosts mit. Host und Port der Datenbank auf der Seite „Verbindung“ gelten dann so, wie dieser Server sie sieht.</translation>
    </message>
    <message>
        <source>default (ssh_config, then 22)</source>
        <translation>Standard (ssh_config, sonst 22)</translation>
    </message>
    <message>
        <source>from ssh_config, else your user name</source>
        <translation>aus ssh_config, sonst Ihr Benutzername</translation>
    </message>
    <message>
        <source>ssh&apos;s defaults and the agent</source>
        <translation>Standards von ssh und der Agent</translation>
    </message>
    <message>
        <source>A private key file (ssh -i). A passphrase is asked for when ssh needs it.</source>
        <translation>Eine private Schlüsseldatei (ssh -i). Eine Passphrase wird erfragt, wenn ssh sie braucht.</translation>
    </message>
    <message>
        <source>none; several in order: gate.example.com, admin@inner:2222</source>
        <translation>keine; mehrere der Reihe nach: gate.example.com, admin@inner:2222</translation>
    </message>
    <message>
        <source>Hosts to hop through first, in order (ProxyJump, ssh -J), separated by commas; each [user@]host[:port] or an alias.</source>
        <translation>Hosts, über die zuerst der Reihe nach verbunden wird (ProxyJump, ssh -J), durch Kommas getrennt; jeweils [user@]host[:port] oder ein Alias.</translation>
    </message>
    <message>
        <source>Use the SSH &amp;agent</source>
        <translation>SSH-&amp;Agent verwenden</translation>
    </message>
    <message>
        <source>Unticked, ssh ignores the agent (IdentityAgent none) and uses only the key file.</source>
        <translation>Nicht angehakt, ignoriert ssh den Agent (IdentityAgent none) und verwendet nur die Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Ask me: accept once, always, or refuse</source>
        <translation>Nachfragen: einmal annehmen, immer annehmen oder ablehnen</translation>
    </message>
    <message>
        <source>Only hosts already in known_hosts</source>
        <translation>Nur Hosts, die schon in known_hosts stehen</translation>
    </message>
    <message>
        <source>An unknown host key is never accepted silently, and a changed one is always refused.</source>
        <translation>Ein unbekannter Host-Schlüssel wird nie stillschweigend angenommen, ein geänderter immer abgelehnt.</translation>
    </message>
    <message>
        <source>~/.ssh/config</source>
        <translation>~/.ssh/config</translation>
    </message>
    <message>
        <source>An ssh_config file to use instead of yours (ssh -F).</source>
        <translation>Eine ssh_config-Datei, die statt Ihrer verwendet wird (ssh -F).</translation>
    </message>
    <message>
        <source>SSH &amp;host:</source>
        <translation>SSH-&amp;Host:</translation>
    </message>
    <message>
        <source>SSH p&amp;ort:</source>
        <translation>SSH-P&amp;ort:</translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation>SSH-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>Privater SSH-Schlüssel</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Jump hosts:</source>
        <translation>&amp;Jump-Hosts:</translation>
    </message>
    <message>
        <source>Unknown host &amp;keys:</source>
        <translation>Unbekannte Host-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>ssh_&amp;config:</source>
        <translation>ssh_&amp;config:</translation>
    </message>
    <message>
        <source>ssh_config file</source>
        <translation>ssh_config-Datei</translation>
    </message>
    <message>
        <source>PgDesk runs your system&apos;s ssh, so what works in a terminal works here. Passwords and passphrases are asked for when ssh needs them and kept only in the system keychain, never in the profile file.</source>
        <translation>PgDesk startet das ssh Ihres Systems: Was im Terminal funktioniert, funktioniert auch hier. Passwörter und Passphrasen werden erfragt, wenn ssh sie braucht, und nur im System-Schlüsselbund aufbewahrt, nie in der Profildatei.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SshPromptDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unknown SSH host key</source>
        <translation>Unbekannter SSH-Host-Schlüssel</translation>
    </message>
    <message>
        <source>SSH login</source>
        <translation>SSH-Anmeldung</translation>
    </message>
    <message>
        <source>The SSH server of %1 is not in your known hosts yet. Compare its fingerprint with the one your administrator gave you before you accept it.</source>
        <translation>Der SSH-Server von %1 steht noch nicht in Ihren bekannten Hosts. Vergleichen Sie seinen Fingerabdruck mit dem, den Ihnen Ihr Administrator gegeben hat, bevor Sie ihn annehmen.</translation>
    </message>
    <message>
        <source>ssh asks, to open the tunnel of %1:</source>
        <translation>ssh fragt, um den Tunnel von %1 zu öffnen:</translation>
    </message>
    <message>
        <source>Accept &amp;once</source>
        <translation>&amp;Einmal annehmen</translation>
    </message>
    <message>
        <source>Trust this key for this tunnel only; you are asked again next time.</source>
        <translation>Diesem Schlüssel nur für diesen Tunnel vertrauen; beim nächsten Mal wird erneut gefragt.</translation>
    </message>
    <message>
        <source>Accept and &amp;remember</source>
        <translation>Annehmen und &amp;merken</translation>
    </message>
    <message>
        <source>Add the key to ~/.ssh/known_hosts once the tunnel is up.</source>
        <translation>Den Schlüssel in ~/.ssh/known_hosts eintragen, sobald der Tunnel steht.</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Kept once the tunnel is up, so a wrong one is never saved.</source>
        <translation>Erst gespeichert, wenn der Tunnel steht, sodass eine falsche Eingabe nie gespeichert wird.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StartPage</name>
    <message>
        <source>Start page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>PgDesk</source>
        <translation>PgDesk</translation>
    </message>
    <message>
        <source>Browse and change PostgreSQL data safely: every edit is staged and applied in one transaction.</source>
        <translation>PostgreSQL-Daten sicher durchsuchen und ändern: Jede Bearbeitung wird vorgemerkt und in einer Transaktion angewendet.</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>Neue Verbindung …</translation>
    </message>
    <message>
        <source>New query tool</source>
        <translation>Neues Abfragewerkzeug</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Letzte Verbindungen</translation>
    </message>
    <message>
        <source>No connection yet: create one with New connection.</source>
        <translation>Noch keine Verbindung: Legen Sie eine mit „Neue Verbindung“ an.</translation>
    </message>
    <message>
        <source>Recent tables</source>
        <translation>Letzte Tabellen</translation>
    </message>
    <message>
        <source>Tables you open show up here.</source>
        <translation>Hier erscheinen die Tabellen, die Sie öffnen.</translation>
    </message>
    <message>
        <source>Manage connections</source>
        <translation>Verbindungen verwalten</translation>
    </message>
    <message>
        <source>Run the statement at the cursor</source>
        <translation>Die Anweisung am Cursor ausführen</translation>
    </message>
    <message>
        <source>Run the whole script</source>
        <translation>Das ganze Skript ausführen</translation>
    </message>
    <message>
        <source>Quick search in a table</source>
        <translation>Schnellsuche in einer Tabelle</translation>
    </message>
    <message>
        <source>Apply staged changes</source>
        <translation>Vorgemerkte Änderungen anwenden</translation>
    </message>
    <message>
        <source>Undo the last staged change</source>
        <translation>Die letzte vorgemerkte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export the current view</source>
        <translation>Die aktuelle Ansicht exportieren</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <source>Open %1 on %2</source>
        <translation>%1 auf %2 öffnen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StatementsModel</name>
    <message>
        <source>The slowest call did not fall in this window (pg_stat_statements keeps only the slowest since its reset)</source>
        <translation>Der langsamste Aufruf lag nicht in diesem Zeitfenster (pg_stat_statements behält nur den langsamsten seit dem Zurücksetzen)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation>Gesamt (ms)</translation>
    </message>
    <message>
        <source>Mean (ms)</source>
        <translation>Mittel (ms)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>Max. (ms)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Shared hit</source>
        <translation>Shared-Treffer</translation>
    </message>
    <message>
        <source>Shared read</source>
        <translation>Shared gelesen</translation>
    </message>
    <message>
        <source>Temp blocks</source>
        <translation>Temp-Blöcke</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StatementsView</name>
    <message>
        <source>&amp;Open in Query Tool</source>
        <translation>Im Abfragewerkzeug ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Explain</translation>
    </message>
    <message>
        <source>10 seconds</source>
        <translation>10 Sekunden</translation>
    </message>
    <message>
        <source>30 seconds</source>
        <translation>30 Sekunden</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>Since the statistics were reset</source>
        <translation>Seit dem Zurücksetzen der Statistik</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Everything since the statistics were reset, as of %1.</source>
        <translation>Alles seit dem Zurücksetzen der Statistik, Stand %1.</translation>
    </message>
    <message numerus="yes">
        <source>The statements of the %n second(s) up to %1.</source>
        <translation>
            <numerusform>Die Anweisungen der %n Sekunde bis %1.</numerusform>
            <numerusform>Die Anweisungen der %n Sekunden bis %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first snapshot is taken: the statements of the next %n second(s) will be shown.</source>
        <translation>
            <numerusform>Die erste Momentaufnahme ist gemacht: die Anweisungen der nächsten %n Sekunde werden gezeigt.</numerusform>
            <numerusform>Die erste Momentaufnahme ist gemacht: die Anweisungen der nächsten %n Sekunden werden gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggest &amp;Indexes</source>
        <translation>&amp;Indizes vorschlagen</translation>
    </message>
    <message>
        <source>Indexes the filters of the workload ask for (pg_qualstats), each checked with what-if plans of its queries (hypopg); nothing is built</source>
        <translation>Indizes, nach denen die Filter der Arbeitslast verlangen (pg_qualstats), jeder mit Was-wäre-wenn-Plänen seiner Abfragen geprüft (hypopg); nichts wird angelegt</translation>
    </message>
    <message>
        <source>Cost saved</source>
        <translation>Eingesparte Kosten</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>Index to build</source>
        <translation>Anzulegender Index</translation>
    </message>
    <message>
        <source>Planning the workload&apos;s queries with hypothetical indexes…</source>
        <translation>Die Abfragen der Arbeitslast werden mit hypothetischen Indizes geplant…</translation>
    </message>
    <message>
        <source>Plan cost %1 → %2</source>
        <translation>Plankosten %1 → %2</translation>
    </message>
    <message>
        <source>No index would help the workload&apos;s filters as they ran.</source>
        <translation>Kein Index würde den Filtern der Arbeitslast helfen, so wie sie liefen.</translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) would help: checked with what-if plans, nothing was built.</source>
        <translation>
            <numerusform>%n Index würde helfen: mit Was-wäre-wenn-Plänen geprüft, nichts wurde angelegt.</numerusform>
            <numerusform>%n Indizes würden helfen: mit Was-wäre-wenn-Plänen geprüft, nichts wurde angelegt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StepConfirm</name>
    <message>
        <source>Confirm the steps that change data</source>
        <translation>Die Schritte bestätigen, die Daten ändern</translation>
    </message>
    <message>
        <source>These steps drop or convert stored data. Tick each one to apply it.</source>
        <translation>Diese Schritte entfernen oder wandeln gespeicherte Daten. Jeden zum Anwenden abhaken.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StructureView</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the structure again (%1)</source>
        <translation>Die Struktur erneut lesen (%1)</translation>
    </message>
    <message>
        <source>Refresh structure</source>
        <translation>Struktur aktualisieren</translation>
    </message>
    <message>
        <source>Structure sections</source>
        <translation>Strukturabschnitte</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>Sortierfolge</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicherung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Deferrable</source>
        <translation>Aufschiebbar</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validiert</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>INCLUDE</translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation>Prädikat</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Eindeutig</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>Constraint</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Verweist auf</translation>
    </message>
    <message>
        <source>Referenced columns</source>
        <translation>Referenzierte Spalten</translation>
    </message>
    <message>
        <source>On update</source>
        <translation>Bei Aktualisierung</translation>
    </message>
    <message>
        <source>On delete</source>
        <translation>Bei Löschung</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>Referenziert von</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Using</source>
        <translation>USING</translation>
    </message>
    <message>
        <source>With check</source>
        <translation>WITH CHECK</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Options &amp; statistics</source>
        <translation>Optionen &amp; Statistiken</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Loading the structure…</source>
        <translation>Die Struktur wird geladen …</translation>
    </message>
    <message>
        <source>Could not read the structure: %1</source>
        <translation>Die Struktur konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Partitioned table</source>
        <translation>Partitionierte Tabelle</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation>Materialisierte Sicht</translation>
    </message>
    <message>
        <source>Foreign table</source>
        <translation>Fremdtabelle</translation>
    </message>
    <message>
        <source>%1 %2, owner %3, %4</source>
        <translation>%1 %2, Eigentümer %3, %4</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung (CHECK)</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>Ausschluss (EXCLUDE)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>initially deferred</source>
        <translation>anfangs aufgeschoben</translation>
    </message>
    <message>
        <source>initially immediate</source>
        <translation>anfangs sofort</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (NOT VALID)</source>
        <translation>nein (NOT VALID)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>replica only</source>
        <translation>nur auf Replikaten</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>Inherits</source>
        <translation>Vererbung</translation>
    </message>
    <message>
        <source>Partitioned partition</source>
        <translation>Partitionierte Partition</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Tablespace</source>
        <translation>Tablespace</translation>
    </message>
    <message>
        <source>Unlogged</source>
        <translation>Nicht protokolliert (UNLOGGED)</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Partition bound</source>
        <translation>Partitionsgrenze</translation>
    </message>
    <message>
        <source>Inherits from</source>
        <translation>Erbt von</translation>
    </message>
    <message>
        <source>Partition of</source>
        <translation>Partition von</translation>
    </message>
    <message>
        <source>Row-level security</source>
        <translation>Sicherheit auf Zeilenebene</translation>
    </message>
    <message>
        <source>Row-level security for the owner too (FORCE)</source>
        <translation>Sicherheit auf Zeilenebene auch für den Eigentümer (FORCE)</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Option %1</translation>
    </message>
    <message>
        <source>Foreign server</source>
        <translation>Fremdserver</translation>
    </message>
    <message>
        <source>Foreign option</source>
        <translation>Fremdoption</translation>
    </message>
    <message>
        <source>Privileges of %1 (the owner&apos;s defaults)</source>
        <translation>Rechte von %1 (Standardrechte des Eigentümers)</translation>
    </message>
    <message>
        <source>Privileges of %1</source>
        <translation>Rechte von %1</translation>
    </message>
    <message>
        <source>Access privileges (ACL)</source>
        <translation>Zugriffsrechte (ACL)</translation>
    </message>
    <message>
        <source>Size of the table</source>
        <translation>Größe der Tabelle</translation>
    </message>
    <message>
        <source>Size of the indexes</source>
        <translation>Größe der Indizes</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <source>Live rows</source>
        <translation>Lebende Zeilen</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>Tote Zeilen</translation>
    </message>
    <message>
        <source>Rows changed since the last analyze</source>
        <translation>Seit dem letzten ANALYZE geänderte Zeilen</translation>
    </message>
    <message>
        <source>Sequential scans</source>
        <translation>Sequenzielle Scans</translation>
    </message>
    <message>
        <source>Index scans</source>
        <translation>Index-Scans</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>%1 (%n-mal)</numerusform>
            <numerusform>%1 (%n-mal)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation>Letztes VACUUM</translation>
    </message>
    <message>
        <source>Last autovacuum</source>
        <translation>Letztes Autovacuum</translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation>Letztes ANALYZE</translation>
    </message>
    <message>
        <source>Last autoanalyze</source>
        <translation>Letztes Autoanalyze</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>CREATE script</source>
        <translation>CREATE-Skript</translation>
    </message>
    <message>
        <source>Privileges on column %1</source>
        <translation>Rechte auf Spalte %1</translation>
    </message>
    <message>
        <source>Size of the TOAST table</source>
        <translation>Größe der TOAST-Tabelle</translation>
    </message>
    <message>
        <source>Design…</source>
        <translation>Entwerfen…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SubscriptionDialog</name>
    <message>
        <source>New Subscription</source>
        <translation>Neues Abonnement</translation>
    </message>
    <message>
        <source>A connection string</source>
        <translation>Eine Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>The publisher as this server reaches it (not as this computer does)</source>
        <translation>Der Publisher, wie dieser Server ihn erreicht (nicht wie dieser Rechner)</translation>
    </message>
    <message>
        <source>Sent to the server inside the statement and kept there (pg_subscription, readable by superusers only); shown and logged as ********</source>
        <translation>Wird dem Server in der Anweisung gesendet und dort aufbewahrt (pg_subscription, nur für Superuser lesbar); angezeigt und protokolliert als ********</translation>
    </message>
    <message>
        <source>the publisher&apos;s publications, separated by commas</source>
        <translation>die Publikationen des Publishers, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Copy the tables&apos; existing rows first</source>
        <translation>Zuerst die vorhandenen Zeilen der Tabellen kopieren</translation>
    </message>
    <message>
        <source>Start applying changes now</source>
        <translation>Jetzt mit dem Anwenden der Änderungen beginnen</translation>
    </message>
    <message>
        <source>Create its slot on the publisher</source>
        <translation>Seinen Slot auf dem Publisher anlegen</translation>
    </message>
    <message>
        <source>the subscription&apos;s name</source>
        <translation>der Name des Abonnements</translation>
    </message>
    <message>
        <source>Binary transfer (binary)</source>
        <translation>Binäre Übertragung (binary)</translation>
    </message>
    <message>
        <source>Stream large transactions while in progress (streaming)</source>
        <translation>Große Transaktionen schon während des Laufs übertragen (streaming)</translation>
    </message>
    <message>
        <source>Two-phase commit (two_phase)</source>
        <translation>Zwei-Phasen-Commit (two_phase)</translation>
    </message>
    <message>
        <source>Disable on an apply error instead of retrying (disable_on_error)</source>
        <translation>Bei einem Anwendungsfehler deaktivieren statt es erneut zu versuchen (disable_on_error)</translation>
    </message>
    <message>
        <source>server default (off)</source>
        <translation>Vorgabe des Servers (off)</translation>
    </message>
    <message>
        <source>Slot name:</source>
        <translation>Slot-Name:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>Publisher:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Publications:</source>
        <translation>Publikationen:</translation>
    </message>
    <message>
        <source>Slot:</source>
        <translation>Slot:</translation>
    </message>
    <message>
        <source>Synchronous commit:</source>
        <translation>Synchroner Commit:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>the profile&apos;s saved password or password command</source>
        <translation>das gespeicherte Passwort oder der Passwortbefehl des Profils</translation>
    </message>
    <message>
        <source>none: the server&apos;s own ~/.pgpass, or trust</source>
        <translation>keines: die eigene ~/.pgpass des Servers oder trust</translation>
    </message>
    <message>
        <source>Runs outside a transaction: it creates the slot on the publisher.</source>
        <translation>Läuft außerhalb einer Transaktion: Es legt den Slot auf dem Publisher an.</translation>
    </message>
    <message>
        <source>Runs in one transaction through the existing slot.</source>
        <translation>Läuft in einer Transaktion über den vorhandenen Slot.</translation>
    </message>
    <message>
        <source>Creating the subscription…</source>
        <translation>Das Abonnement wird angelegt …</translation>
    </message>
    <message>
        <source>The subscription was not created: %1</source>
        <translation>Das Abonnement wurde nicht angelegt: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableBrowser</name>
    <message>
        <source>Rows of %1</source>
        <translation>Zeilen von %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <source>Active rows</source>
        <translation>Aktive Zeilen</translation>
    </message>
    <message>
        <source>Deleted rows</source>
        <translation>Gelöschte Zeilen</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>Soft-delete scope</source>
        <translation>Bereich des logischen Löschens</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Scrollen</translation>
    </message>
    <message>
        <source>Scroll through every row; rows load as they come into view</source>
        <translation>Durch alle Zeilen scrollen; Zeilen werden geladen, sobald sie sichtbar werden</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>page </source>
        <translation>Seite </translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Gehe zu Seite</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>Zeilen zählen</translation>
    </message>
    <message>
        <source>Count the matching rows exactly (count(*)); click again to cancel</source>
        <translation>Die passenden Zeilen genau zählen (count(*)); erneut klicken zum Abbrechen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Drop the broken connections and load this page again</source>
        <translation>Die unterbrochenen Verbindungen verwerfen und diese Seite neu laden</translation>
    </message>
    <message>
        <source>row </source>
        <translation>Zeile </translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>Zählen abbrechen</translation>
    </message>
    <message>
        <source>Counting the rows of %1…</source>
        <translation>Die Zeilen von %1 werden gezählt …</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>Filter: %1 is null</source>
        <translation>Filter: %1 ist NULL</translation>
    </message>
    <message>
        <source>Filter by this value</source>
        <translation>Nach diesem Wert filtern</translation>
    </message>
    <message>
        <source>Filter: %1 is not null</source>
        <translation>Filter: %1 ist nicht NULL</translation>
    </message>
    <message>
        <source>Exclude this value</source>
        <translation>Diesen Wert ausschließen</translation>
    </message>
    <message>
        <source>Copy with column names</source>
        <translation>Mit Spaltennamen kopieren</translation>
    </message>
    <message>
        <source>View value…</source>
        <translation>Wert anzeigen …</translation>
    </message>
    <message>
        <source>Batch operation…</source>
        <translation>Massenoperation …</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>Keine Zeilen</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>last %1 rows</source>
        <translation>letzte %1 Zeilen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Rows with %1 set are hidden</source>
        <translation>Zeilen mit gesetztem %1 sind ausgeblendet</translation>
    </message>
    <message>
        <source>Rows with %1 true are hidden</source>
        <translation>Zeilen mit %1 = true sind ausgeblendet</translation>
    </message>
    <message>
        <source>Rows with %1 false are hidden</source>
        <translation>Zeilen mit %1 = false sind ausgeblendet</translation>
    </message>
    <message>
        <source>Rows with %1 false or null are hidden</source>
        <translation>Zeilen mit %1 = false oder NULL sind ausgeblendet</translation>
    </message>
    <message>
        <source>Choose &quot;All rows&quot; to show them</source>
        <translation>„Alle Zeilen“ wählen, um sie zu zeigen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The rows of the table</source>
        <translation>Die Zeilen der Tabelle</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>Columns, constraints, indexes, triggers, policies, partitions and options</source>
        <translation>Spalten, Constraints, Indizes, Trigger, Richtlinien, Partitionen und Optionen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Show, hide, freeze and fit the columns</source>
        <translation>Spalten anzeigen, ausblenden, fixieren und anpassen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableDesigner</name>
    <message>
        <source>unchanged (a new table: the current role)</source>
        <translation>unverändert (eine neue Tabelle: die aktuelle Rolle)</translation>
    </message>
    <message>
        <source>range (created_at), list (region), hash (id)</source>
        <translation>range (created_at), list (region), hash (id)</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>Partition by:</source>
        <translation>Partitionieren nach:</translation>
    </message>
    <message>
        <source>Add Column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Drop Column</source>
        <translation>Spalte entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Add Index…</source>
        <translation>Index hinzufügen…</translation>
    </message>
    <message>
        <source>Add Primary Key…</source>
        <translation>Primärschlüssel hinzufügen…</translation>
    </message>
    <message>
        <source>Add Unique…</source>
        <translation>Eindeutigkeit hinzufügen…</translation>
    </message>
    <message>
        <source>Add Foreign Key…</source>
        <translation>Fremdschlüssel hinzufügen…</translation>
    </message>
    <message>
        <source>Add Check…</source>
        <translation>Prüfung hinzufügen…</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Not on a production or read-only connection: Trace runs the statements.</source>
        <translation>Nicht auf einer Produktions- oder schreibgeschützten Verbindung: Nachverfolgen führt die Anweisungen aus.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Keys and Indexes</source>
        <translation>Schlüssel und Indizes</translation>
    </message>
    <message>
        <source>SQL and Locks</source>
        <translation>SQL und Sperren</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>A statement that waits longer for its lock gives up: the table is busy, and nothing is changed</source>
        <translation>Eine Anweisung, die länger auf ihre Sperre wartet, gibt auf: die Tabelle ist belegt, und nichts wird geändert</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Lock timeout:</source>
        <translation>Sperr-Zeitlimit:</translation>
    </message>
    <message>
        <source>new_table</source>
        <translation>neue_tabelle</translation>
    </message>
    <message>
        <source>Reading %1.%2…</source>
        <translation>%1.%2 wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>The changes staged before were kept: %n step(s).</source>
        <translation>
            <numerusform>Die zuvor vorgemerkten Änderungen wurden behalten: %n Schritt.</numerusform>
            <numerusform>Die zuvor vorgemerkten Änderungen wurden behalten: %n Schritte.</numerusform>
        </translation>
    </message>
    <message>
        <source>No change staged.</source>
        <translation>Keine Änderung vorgemerkt.</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) staged: see SQL and Locks.</source>
        <translation>
            <numerusform>%n Anweisung vorgemerkt: siehe SQL und Sperren.</numerusform>
            <numerusform>%n Anweisungen vorgemerkt: siehe SQL und Sperren.</numerusform>
        </translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>unique index</source>
        <translation>eindeutiger Index</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>eindeutig</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>exclusion</source>
        <translation>Ausschluss</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>new, built concurrently</source>
        <translation>neu, nebenläufig angelegt</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Angewendet.</translation>
    </message>
    <message>
        <source>Committed, but a later step failed: %1</source>
        <translation>Übernommen, aber ein späterer Schritt schlug fehl: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Add Exclusion…</source>
        <translation>Ausschluss hinzufügen…</translation>
    </message>
    <message>
        <source>Row Security</source>
        <translation>Zeilensicherheit</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableEditor</name>
    <message>
        <source>Edit by row position (ctid)…</source>
        <translation>Nach Zeilenposition bearbeiten (ctid) …</translation>
    </message>
    <message>
        <source>Identify rows by their physical position, each checked against its version when applied: safe against concurrent changes, never edits two rows</source>
        <translation>Zeilen über ihre physische Position bestimmen, jede beim Anwenden gegen ihre Version geprüft: sicher gegen gleichzeitige Änderungen, bearbeitet nie zwei Zeilen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Ihre übernehmen</translation>
    </message>
    <message>
        <source>Stage my changes again against the rows as they are now</source>
        <translation>Meine Änderungen erneut gegen den jetzigen Stand der Zeilen vormerken</translation>
    </message>
    <message>
        <source>Drop my changes to the conflicting rows</source>
        <translation>Meine Änderungen an den Zeilen im Konflikt verwerfen</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Anwenden …</translation>
    </message>
    <message>
        <source>Preview and apply the staged changes in one transaction (Ctrl+S)</source>
        <translation>Vorgemerkte Änderungen prüfen und in einer Transaktion anwenden (Strg+S)</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <source>Undo staged change</source>
        <translation>Vorgemerkte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>Zeilen löschen</translation>
    </message>
    <message>
        <source>Nothing was written, your staged changes are kept: %1</source>
        <translation>Es wurde nichts geschrieben, Ihre vorgemerkten Änderungen bleiben erhalten: %1</translation>
    </message>
    <message>
        <source>Staged changes are not journaled (%1): they would not survive a crash.</source>
        <translation>Vorgemerkte Änderungen werden nicht protokolliert (%1): Sie würden einen Absturz nicht überstehen.</translation>
    </message>
    <message>
        <source>%1 from a previous session</source>
        <translation>%1 aus einer früheren Sitzung</translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>%1 wird angewendet …</translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation> (gelöscht)</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %n row(s) changed on the server since they were read: %1. Keep mine stages my changes again against the rows as they are now; take theirs drops my changes to them.</source>
        <translation>
            <numerusform>Es wurde nichts geschrieben: %n Zeile wurde seit dem Lesen auf dem Server geändert: %1. „Meine behalten“ merkt meine Änderungen erneut gegen den jetzigen Stand vor; „Ihre übernehmen“ verwirft meine Änderungen daran.</numerusform>
            <numerusform>Es wurde nichts geschrieben: %n Zeilen wurden seit dem Lesen auf dem Server geändert: %1. „Meine behalten“ merkt meine Änderungen erneut gegen den jetzigen Stand vor; „Ihre übernehmen“ verwirft meine Änderungen daran.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write the journal (%1): staged changes would not survive a crash.</source>
        <translation>Das Journal konnte nicht geschrieben werden (%1): Vorgemerkte Änderungen würden einen Absturz nicht überstehen.</translation>
    </message>
    <message>
        <source>-- cannot apply: %1</source>
        <translation>-- kann nicht angewendet werden: %1</translation>
    </message>
    <message>
        <source>Apply %1 to %2</source>
        <translation>%1 auf %2 anwenden</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>These statements run in one transaction; if any row changed since it was read, nothing is written.</source>
        <translation>Diese Anweisungen laufen in einer Transaktion; hat sich eine Zeile seit dem Lesen geändert, wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Discard %1 to %2?</source>
        <translation>%1 an %2 verwerfen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s) of %1 permanently when the changes are applied?</source>
        <translation>
            <numerusform>%n Zeile von %1 beim Anwenden der Änderungen endgültig löschen?</numerusform>
            <numerusform>%n Zeilen von %1 beim Anwenden der Änderungen endgültig löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Staged changes</source>
        <translation>Vorgemerkte Änderungen</translation>
    </message>
    <message>
        <source>Keep staged</source>
        <translation>Vorgemerkt lassen</translation>
    </message>
    <message>
        <source>Edit by row position</source>
        <translation>Nach Zeilenposition bearbeiten</translation>
    </message>
    <message>
        <source>This table has no primary key. PgDesk can identify each row by its physical position (ctid) instead. Every change is checked against the row&apos;s version when applied, so a row changed or moved by someone else is reported as a conflict and nothing is written; identical rows stay distinguishable.

Edit this table by row position?</source>
        <translation>Diese Tabelle hat keinen Primärschlüssel. PgDesk kann jede Zeile stattdessen über ihre physische Position (ctid) bestimmen. Jede Änderung wird beim Anwenden gegen die Version der Zeile geprüft; eine von jemand anderem geänderte oder verschobene Zeile wird als Konflikt gemeldet und nichts wird geschrieben; identische Zeilen bleiben unterscheidbar.

Diese Tabelle nach Zeilenposition bearbeiten?</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The cell holds no bytes to save</source>
        <translation>Die Zelle enthält keine Bytes zum Speichern</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation>Auf NULL setzen</translation>
    </message>
    <message>
        <source>Edit value…</source>
        <translation>Wert bearbeiten …</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>Aus Datei laden …</translation>
    </message>
    <message>
        <source>Load bytes into the cell</source>
        <translation>Bytes in die Zelle laden</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>In Datei speichern …</translation>
    </message>
    <message>
        <source>Save the cell&apos;s bytes</source>
        <translation>Die Bytes der Zelle speichern</translation>
    </message>
    <message>
        <source>Remove new row</source>
        <translation>Neue Zeile entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s) permanently…</source>
        <translation>
            <numerusform>%n Zeile endgültig löschen …</numerusform>
            <numerusform>%n Zeilen endgültig löschen …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n row(s)</source>
        <translation>
            <numerusform>%n Zeile wiederherstellen</numerusform>
            <numerusform>%n Zeilen wiederherstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 staged change(s)</source>
        <translation>
            <numerusform>%1 vorgemerkte Änderung</numerusform>
            <numerusform>%1 vorgemerkte Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Set DEFAULT</source>
        <translation>Auf DEFAULT setzen</translation>
    </message>
    <message>
        <source>The column has no default: it becomes NULL</source>
        <translation>Die Spalte hat keinen Standardwert: sie wird NULL</translation>
    </message>
    <message>
        <source>The column&apos;s default: %1</source>
        <translation>Standardwert der Spalte: %1</translation>
    </message>
    <message>
        <source>This value (%1 characters, lines up to %2) is too long to edit here: Set NULL, Load from file (bytea) or an UPDATE in the query tool replace it</source>
        <translation>Dieser Wert (%1 Zeichen, Zeilen bis %2) ist zu lang, um ihn hier zu bearbeiten: „Auf NULL setzen“, „Aus Datei laden“ (bytea) oder ein UPDATE im Abfragewerkzeug ersetzen ihn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the apply: the transaction rolls back and nothing is written</source>
        <translation>Anwenden abbrechen: die Transaktion wird zurückgerollt, nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Apply cancelled: the transaction rolled back, nothing was written. Your staged changes are kept.</source>
        <translation>Anwenden abgebrochen: die Transaktion wurde zurückgerollt, nichts wurde geschrieben. Ihre vorgemerkten Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Cancelling the apply of %1: waiting for the server to roll back…</source>
        <translation>Anwenden von %1 wird abgebrochen: warte, bis der Server zurückgerollt hat…</translation>
    </message>
    <message>
        <source>Apply in progress</source>
        <translation>Anwenden läuft</translation>
    </message>
    <message>
        <source>The changes to %1 are being applied; whether they will be written is not known yet.</source>
        <translation>Die Änderungen an %1 werden gerade angewendet; ob sie geschrieben werden, ist noch nicht bekannt.</translation>
    </message>
    <message>
        <source>Closing the tab cancels the apply: the transaction rolls back unless it has already committed.</source>
        <translation>Das Schließen des Tabs bricht das Anwenden ab: die Transaktion wird zurückgerollt, sofern sie nicht schon festgeschrieben ist.</translation>
    </message>
    <message>
        <source>Cancel the apply and close</source>
        <translation>Anwenden abbrechen und schließen</translation>
    </message>
    <message>
        <source>Keep the tab open</source>
        <translation>Tab offen lassen</translation>
    </message>
    <message>
        <source>Cancelling the apply: waiting for the server to roll back…</source>
        <translation>Anwenden wird abgebrochen: warte, bis der Server zurückgerollt hat…</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht länger warten</translation>
    </message>
    <message>
        <source>Changes applied</source>
        <translation>Änderungen angewendet</translation>
    </message>
    <message>
        <source>The changes were committed before the cancel reached the server: they are written.</source>
        <translation>Die Änderungen wurden festgeschrieben, bevor der Abbruch den Server erreichte: sie sind geschrieben.</translation>
    </message>
    <message>
        <source>Apply failed</source>
        <translation>Anwenden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delete rows permanently…</source>
        <translation>Zeilen endgültig löschen …</translation>
    </message>
    <message>
        <source>Soft-delete rows</source>
        <translation>Zeilen als gelöscht markieren</translation>
    </message>
    <message numerus="yes">
        <source>Soft-delete %n row(s)</source>
        <translation>
            <numerusform>%n Zeile als gelöscht markieren</numerusform>
            <numerusform>%n Zeilen als gelöscht markieren</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL to run</source>
        <translation>Auszuführendes SQL</translation>
    </message>
    <message>
        <source>No staged changes</source>
        <translation>Keine vorgemerkten Änderungen</translation>
    </message>
    <message>
        <source>%1 has %2 not applied yet.</source>
        <translation>%1 hat %2, die noch nicht angewendet sind.</translation>
    </message>
    <message>
        <source>Changes kept staged come back when you open the table again.</source>
        <translation>Vorgemerkt gelassene Änderungen sind wieder da, wenn Sie die Tabelle erneut öffnen.</translation>
    </message>
    <message>
        <source>Form view</source>
        <translation>Formularansicht</translation>
    </message>
    <message>
        <source>Form view…</source>
        <translation>Formularansicht …</translation>
    </message>
    <message>
        <source>Column %1 of the key cannot be edited here</source>
        <translation>Spalte %1 des Schlüssels kann hier nicht bearbeitet werden</translation>
    </message>
    <message numerus="yes">
        <source>No parent row for %n staged foreign-key value(s): %1</source>
        <translation>
            <numerusform>Keine übergeordnete Zeile für %n vorgemerkten Fremdschlüsselwert: %1</numerusform>
            <numerusform>Keine übergeordnete Zeile für %n vorgemerkte Fremdschlüsselwerte: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not check the foreign-key values: %1</source>
        <translation>Die Fremdschlüsselwerte konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Unlock writing</source>
        <translation>Schreiben entsperren</translation>
    </message>
    <message>
        <source>Writing is locked on this %1 tab: nothing was staged. Unlock writing first.</source>
        <translation>Schreiben ist in diesem Tab (%1) gesperrt: nichts wurde vorgemerkt. Zuerst das Schreiben entsperren.</translation>
    </message>
    <message>
        <source>%1: this tab is read-only. Editing, pasting, deleting and batch operations need writing unlocked; Apply then asks for the database&apos;s name.</source>
        <translation>%1: Dieser Tab ist schreibgeschützt. Bearbeiten, Einfügen, Löschen und Stapeloperationen brauchen entsperrtes Schreiben; Anwenden fragt dann nach dem Namen der Datenbank.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TemporalEdit</name>
    <message>
        <source>Pick the date (the time and time zone stay as they are)</source>
        <translation>Datum wählen (Uhrzeit und Zeitzone bleiben unverändert)</translation>
    </message>
    <message>
        <source>Pick date</source>
        <translation>Datum wählen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TransferFeature</name>
    <message>
        <source>&amp;Export view…</source>
        <translation>Ansicht &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Import into table…</source>
        <translation>In Tabelle &amp;importieren …</translation>
    </message>
    <message>
        <source>Import into &amp;new table…</source>
        <translation>In &amp;neue Tabelle importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Only tables take imported rows</source>
        <translation>Nur Tabellen nehmen importierte Zeilen auf</translation>
    </message>
    <message>
        <source>Import into new table…</source>
        <translation>In neue Tabelle importieren…</translation>
    </message>
    <message>
        <source>Open a table or a query result first: Export writes the current table view or query result</source>
        <translation>Zuerst eine Tabelle oder ein Abfrageergebnis öffnen: Der Export schreibt die aktuelle Tabellenansicht oder das Abfrageergebnis</translation>
    </message>
    <message>
        <source>Open a table first: Import loads a file into the current table</source>
        <translation>Zuerst eine Tabelle öffnen: Der Import lädt eine Datei in die aktuelle Tabelle</translation>
    </message>
    <message>
        <source>The table is still loading: try again in a moment</source>
        <translation>Die Tabelle wird noch geladen: Versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>%1 is not a table: import needs a table</source>
        <translation>%1 ist keine Tabelle: Der Import braucht eine Tabelle</translation>
    </message>
    <message>
        <source>Writing is locked on this production tab: unlock writing to import</source>
        <translation>Schreiben ist in diesem Produktions-Tab gesperrt: zum Importieren das Schreiben entsperren</translation>
    </message>
    <message>
        <source>Connect first: the new table is made in a database</source>
        <translation>Zuerst verbinden: Die neue Tabelle entsteht in einer Datenbank</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueEditorDialog</name>
    <message>
        <source>Edit %1 (%2)</source>
        <translation>%1 bearbeiten (%2)</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formatieren</translation>
    </message>
    <message>
        <source>Any JSON value; numbers stay exactly as written.</source>
        <translation>Beliebiger JSON-Wert; Zahlen bleiben genau wie geschrieben.</translation>
    </message>
    <message>
        <source>One element per line. A line NULL is a NULL element; write &quot;NULL&quot; for the text.</source>
        <translation>Ein Element pro Zeile. Eine Zeile NULL ist ein NULL-Element; für den Text &quot;NULL&quot; schreiben.</translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>Gültiges JSON</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>The text exactly as typed.</source>
        <translation>Der Text genau so, wie er eingegeben ist.</translation>
    </message>
    <message>
        <source>This value holds carriage returns or line/paragraph separators, which this editor would change: shown read-only</source>
        <translation>Dieser Wert enthält Wagenrückläufe oder Zeilen-/Absatztrenner, die dieser Editor verändern würde: schreibgeschützt angezeigt</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValuePanel</name>
    <message>
        <source>Find in the value</source>
        <translation>Im Wert suchen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the value.</source>
        <translation>„%1“ kommt im Wert nicht vor.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächstes</translation>
    </message>
    <message>
        <source>Value as a tree</source>
        <translation>Wert als Baum</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select a cell: its value shows here, as a tree for JSON, arrays, hstore and composites.</source>
        <translation>Wählen Sie eine Zelle: Ihr Wert erscheint hier, bei JSON, Arrays, hstore und zusammengesetzten Typen als Baum.</translation>
    </message>
    <message>
        <source>%1 (%2): NULL</source>
        <translation>%1 (%2): NULL</translation>
    </message>
    <message>
        <source>%1 (%2): the grid holds only the beginning of this value; open it whole with the cell&apos;s View value.</source>
        <translation>%1 (%2): Das Raster enthält nur den Anfang dieses Werts; öffnen Sie ihn vollständig mit „Wert anzeigen“ der Zelle.</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>%1 (%2), %3: double-click a value to change it; the change is staged like any cell edit.</source>
        <translation>%1 (%2), %3: Doppelklicken Sie auf einen Wert, um ihn zu ändern; die Änderung wird wie jede Zellbearbeitung vorgemerkt.</translation>
    </message>
    <message>
        <source>The grid did not take the change.</source>
        <translation>Das Raster hat die Änderung nicht übernommen.</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>-&gt; (the whole value)</source>
        <translation>-&gt; (der ganze Wert)</translation>
    </message>
    <message>
        <source>Filter rows where this path = this value</source>
        <translation>Zeilen filtern, bei denen dieser Pfad = dieser Wert ist</translation>
    </message>
    <message>
        <source>Change type to</source>
        <translation>Typ ändern in</translation>
    </message>
    <message>
        <source>Add key…</source>
        <translation>Schlüssel hinzufügen …</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Add element</source>
        <translation>Element hinzufügen</translation>
    </message>
    <message>
        <source>Rename key…</source>
        <translation>Schlüssel umbenennen …</translation>
    </message>
    <message>
        <source>Rename key</source>
        <translation>Schlüssel umbenennen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueTreeModel</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Boolean</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>A boolean is true or false; change its type to make it something else.</source>
        <translation>Ein Boolean ist true oder false; ändern Sie seinen Typ, um etwas anderes daraus zu machen.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueViewer</name>
    <message>
        <source>%1 — value</source>
        <translation>%1 – Wert</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>%1 · NULL</source>
        <translation>%1 · NULL</translation>
    </message>
    <message>
        <source>%1 · %2 characters</source>
        <translation>%1 · %2 Zeichen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>%1 · %2 characters, the first %3 shown; Copy copies all of them</source>
        <translation>%1 · %2 Zeichen, die ersten %3 angezeigt; „Kopieren“ kopiert alle</translation>
    </message>
    <message>
        <source> · lines over %1 characters shown broken</source>
        <translation> · Zeilen über %1 Zeichen umbrochen angezeigt</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::VisualFeature</name>
    <message>
        <source>&amp;Geometry…</source>
        <translation>&amp;Geometrie …</translation>
    </message>
    <message>
        <source>The table&apos;s geometry on a canvas: PostGIS and the built-in geometric types</source>
        <translation>Die Geometrie der Tabelle auf einer Zeichenfläche: PostGIS und die eingebauten geometrischen Typen</translation>
    </message>
    <message>
        <source>&amp;Chart…</source>
        <translation>&amp;Diagramm …</translation>
    </message>
    <message>
        <source>A chart of the table in front (aggregated on the server) or of the query result</source>
        <translation>Ein Diagramm der angezeigten Tabelle (auf dem Server aggregiert) oder des Abfrageergebnisses</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <source>LISTEN on channels and send NOTIFY, on a connection of its own</source>
        <translation>LISTEN auf Kanälen und NOTIFY senden, über eine eigene Verbindung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Value panel</source>
        <translation>&amp;Wertanzeige</translation>
    </message>
    <message>
        <source>The current cell&apos;s value: JSON, arrays, hstore and composites as a tree</source>
        <translation>Der Wert der aktuellen Zelle: JSON, Arrays, hstore und zusammengesetzte Typen als Baum</translation>
    </message>
    <message>
        <source>Filters apply to a table&apos;s tab</source>
        <translation>Filter gelten nur im Tab einer Tabelle</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Diagramm: %1</translation>
    </message>
    <message numerus="yes">
        <source>the first %n row(s) of the result</source>
        <translation>
            <numerusform>die erste %n Zeile des Ergebnisses</numerusform>
            <numerusform>die ersten %n Zeilen des Ergebnisses</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a table or run a query first: a chart draws what is in front</source>
        <translation>Zuerst eine Tabelle öffnen oder eine Abfrage ausführen: Ein Diagramm zeichnet, was gerade angezeigt wird</translation>
    </message>
    <message>
        <source>Open a table with a geometry, geography or geometric column first</source>
        <translation>Zuerst eine Tabelle mit einer geometry-, geography- oder geometrischen Spalte öffnen</translation>
    </message>
    <message>
        <source>Geometry: %1</source>
        <translation>Geometrie: %1</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::WholeValueLoader</name>
    <message>
        <source>The whole value cannot be loaded: the row has no key</source>
        <translation>Der ganze Wert kann nicht geladen werden: Die Zeile hat keinen Schlüssel</translation>
    </message>
    <message>
        <source>The row was deleted since it was read; refresh to see the table as it is now</source>
        <translation>Die Zeile wurde gelöscht, seit sie gelesen wurde; aktualisieren Sie, um die Tabelle im jetzigen Stand zu sehen</translation>
    </message>
    <message>
        <source>The rows changed while their values were loading; try again</source>
        <translation>Die Zeilen haben sich geändert, während ihre Werte geladen wurden; versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::WriteUnlockButton</name>
    <message>
        <source>Writing unlocked</source>
        <translation>Schreiben entsperrt</translation>
    </message>
    <message>
        <source>Unlock writing</source>
        <translation>Schreiben entsperren</translation>
    </message>
    <message>
        <source>This tab may write to the production database. Click to lock it again.</source>
        <translation>Dieser Tab darf in die Produktionsdatenbank schreiben. Klicken Sie, um ihn wieder zu sperren.</translation>
    </message>
    <message>
        <source>Production: the server refuses this tab&apos;s writes until you unlock writing (for this tab only, until it closes).</source>
        <translation>Produktion: Der Server lehnt Schreibzugriffe dieses Tabs ab, bis Sie das Schreiben entsperren (nur für diesen Tab, bis er geschlossen wird).</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CellText</name>
    <message numerus="yes">
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPainter</name>
    <message numerus="yes">
        <source>other (%n groups)</source>
        <translation>
            <numerusform>other (%n group)</numerusform>
            <numerusform>other (%n groups)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message numerus="yes">
        <source>%n loop(s)</source>
        <translation>
            <numerusform>%n loop</numerusform>
            <numerusform>%n loops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%1: %2 row(s)</source>
        <translation>
            <numerusform>%1: %2 row</numerusform>
            <numerusform>%1: %2 rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BackupDialog</name>
    <message numerus="yes">
        <source>Dumped %1 of %n table(s): %2</source>
        <translation>
            <numerusform>Dumped %1 of %n table: %2</numerusform>
            <numerusform>Dumped %1 of %n tables: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dumped %n table(s): %1</source>
        <translation>
            <numerusform>Dumped %n table: %1</numerusform>
            <numerusform>Dumped %n tables: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1 (%n table(s)).</source>
        <translation>
            <numerusform>Backup written to %1 (%n table).</numerusform>
            <numerusform>Backup written to %1 (%n tables).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BatchDialog</name>
    <message numerus="yes">
        <source>The %n selected row(s)</source>
        <translation>
            <numerusform>The %n selected row</numerusform>
            <numerusform>The %n selected rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will change, in one transaction.</source>
        <translation>
            <numerusform>%n row will change, in one transaction.</numerusform>
            <numerusform>%n rows will change, in one transaction.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n row(s) changed in %1 ms.</source>
        <translation>
            <numerusform>Done: %n row changed in %1 ms.</numerusform>
            <numerusform>Done: %n rows changed in %1 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Update %1 row(s)</source>
        <translation>
            <numerusform>Update %1 row</numerusform>
            <numerusform>Update %1 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Soft delete %1 row(s)</source>
        <translation>
            <numerusform>Soft delete %1 row</numerusform>
            <numerusform>Soft delete %1 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %1 row(s)</source>
        <translation>
            <numerusform>Restore %1 row</numerusform>
            <numerusform>Restore %1 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 row(s) permanently</source>
        <translation>
            <numerusform>Delete %1 row permanently</numerusform>
            <numerusform>Delete %1 rows permanently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) of %2.%3</source>
        <translation>
            <numerusform>%1: %n row of %2.%3</numerusform>
            <numerusform>%1: %n rows of %2.%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CatalogTreeModel</name>
    <message numerus="yes">
        <source>%n relation(s) of this database</source>
        <translation>
            <numerusform>%n relation of this database</numerusform>
            <numerusform>%n relations of this database</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChangeFeedView</name>
    <message numerus="yes">
        <source>Stopped after %n change(s).</source>
        <translation>
            <numerusform>Stopped after %n change.</numerusform>
            <numerusform>Stopped after %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %1: %n change(s) so far.</source>
        <translation>
            <numerusform>Watching %1: %n change so far.</numerusform>
            <numerusform>Watching %1: %n changes so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChartView</name>
    <message numerus="yes">
        <source>%n row(s) of the result, as the grid fetched them.</source>
        <translation>
            <numerusform>%n row of the result, as the grid fetched it.</numerusform>
            <numerusform>%n rows of the result, as the grid fetched them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) read from the server.</source>
        <translation>
            <numerusform>%n group read from the server.</numerusform>
            <numerusform>%n groups read from the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ConnectionDialog</name>
    <message numerus="yes">
        <source>Imported %n connection(s) from %1.</source>
        <translation>
            <numerusform>Imported %n connection from %1.</numerusform>
            <numerusform>Imported %n connections from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) to %1, without passwords.</source>
        <translation>
            <numerusform>Exported %n profile to %1, without passwords.</numerusform>
            <numerusform>Exported %n profiles to %1, without passwords.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) from %1.</source>
        <translation>
            <numerusform>Imported %n profile from %1.</numerusform>
            <numerusform>Imported %n profiles from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DashboardView</name>
    <message numerus="yes">
        <source>%n sample(s) this session; once a second while visible.</source>
        <translation>
            <numerusform>%n sample this session; once a second while visible.</numerusform>
            <numerusform>%n samples this session; once a second while visible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sessions busy at %1 (%n of them):</source>
        <translation>
            <numerusform>Sessions busy at %1 (%n of them):</numerusform>
            <numerusform>Sessions busy at %1 (%n of them):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DataCompareDialog</name>
    <message numerus="yes">
        <source>%n changes make the target equal.</source>
        <translation>
            <numerusform>%n change makes the target equal.</numerusform>
            <numerusform>%n changes make the target equal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EditSession</name>
    <message numerus="yes">
        <source>%n column(s) hidden: %1 (this role has no SELECT privilege on them).</source>
        <translation>
            <numerusform>%n column hidden: %1 (this role has no SELECT privilege on it).</numerusform>
            <numerusform>%n columns hidden: %1 (this role has no SELECT privilege on them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserted</source>
        <translation>
            <numerusform>%Ln inserted</numerusform>
            <numerusform>%Ln inserted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln soft-deleted</source>
        <translation>
            <numerusform>%Ln soft-deleted</numerusform>
            <numerusform>%Ln soft-deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted permanently</source>
        <translation>
            <numerusform>%Ln deleted permanently</numerusform>
            <numerusform>%Ln deleted permanently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored</source>
        <translation>
            <numerusform>%Ln restored</numerusform>
            <numerusform>%Ln restored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ErdView</name>
    <message numerus="yes">
        <source>%n table(s), %1 foreign key(s); read in %2 ms, laid out in %3 ms.</source>
        <translation>
            <numerusform>%n table, %1 foreign key(s); read in %2 ms, laid out in %3 ms.</numerusform>
            <numerusform>%n tables, %1 foreign key(s); read in %2 ms, laid out in %3 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExportDialog</name>
    <message numerus="yes">
        <source>%1 row(s), %2 bytes written</source>
        <translation>
            <numerusform>%1 row, %2 bytes written</numerusform>
            <numerusform>%1 rows, %2 bytes written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 row(s) to %2 (%3 bytes, %4 ms).</source>
        <translation>
            <numerusform>Exported %1 row to %2 (%3 bytes, %4 ms).</numerusform>
            <numerusform>Exported %1 rows to %2 (%3 bytes, %4 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s) read; compressing the workbook…</source>
        <translation>
            <numerusform>%1 row read; compressing the workbook…</numerusform>
            <numerusform>%1 rows read; compressing the workbook…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 cell(s) were cut at Excel&apos;s 32,767 characters.</source>
        <translation>
            <numerusform>%1 cell was cut at Excel&apos;s 32,767 characters.</numerusform>
            <numerusform>%1 cells were cut at Excel&apos;s 32,767 characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExtensionDialog</name>
    <message numerus="yes">
        <source>Drop these %n object(s) too (CASCADE)</source>
        <translation>
            <numerusform>Drop this %n object too (CASCADE)</numerusform>
            <numerusform>Drop these %n objects too (CASCADE)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FindBar</name>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n replacement</numerusform>
            <numerusform>%n replacements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ForeignKeyPickerDialog</name>
    <message numerus="yes">
        <source>%n row(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%n row shown, more as you scroll</numerusform>
            <numerusform>%n rows shown, more as you scroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::GeometryView</name>
    <message numerus="yes">
        <source>%n feature(s) in view</source>
        <translation>
            <numerusform>%n feature in view</numerusform>
            <numerusform>%n features in view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not drawn (types without a drawing)</source>
        <translation>
            <numerusform>%n value not drawn (a type without a drawing)</numerusform>
            <numerusform>%n values not drawn (types without a drawing)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::GridPaste</name>
    <message numerus="yes">
        <source>Duplicate %n row(s)</source>
        <translation>
            <numerusform>Duplicate %n row</numerusform>
            <numerusform>Duplicate %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: the text has %n column(s), more than the grid shows from the current one.</source>
        <translation>
            <numerusform>Nothing was pasted: the text has %n column, more than the grid shows from the current one.</numerusform>
            <numerusform>Nothing was pasted: the text has %n columns, more than the grid shows from the current one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: the text has %n row(s), more than the grid has from the current one (Paste as new rows adds rows).</source>
        <translation>
            <numerusform>Nothing was pasted: the text has %n row, more than the grid has from the current one (Paste as new rows adds rows).</numerusform>
            <numerusform>Nothing was pasted: the text has %n rows, more than the grid has from the current one (Paste as new rows adds rows).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ImportDialog</name>
    <message numerus="yes">
        <source>%n file column(s) into %1.</source>
        <translation>
            <numerusform>%n file column into %1.</numerusform>
            <numerusform>%n file columns into %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 row(s) into %2 (%3 bytes, %4 ms).</source>
        <translation>
            <numerusform>Imported %1 row into %2 (%3 bytes, %4 ms).</numerusform>
            <numerusform>Imported %1 rows into %2 (%3 bytes, %4 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) without a column are left out.</source>
        <translation>
            <numerusform>%n field without a column is left out.</numerusform>
            <numerusform>%n fields without a column are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Creates %1 with %n column(s) and imports the file into it in one transaction: if a row fails, the table is not created either.</source>
        <translation>
            <numerusform>Creates %1 with %n column and imports the file into it in one transaction: if a row fails, the table is not created either.</numerusform>
            <numerusform>Creates %1 with %n columns and imports the file into it in one transaction: if a row fails, the table is not created either.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) without a name are left out.</source>
        <translation>
            <numerusform>%n field without a name is left out.</numerusform>
            <numerusform>%n fields without a name are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::JobsView</name>
    <message numerus="yes">
        <source>pg_cron %1 in database %2: %n job(s)</source>
        <translation>
            <numerusform>pg_cron %1 in database %2: %n job</numerusform>
            <numerusform>pg_cron %1 in database %2: %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failing</source>
        <translation>
            <numerusform>, %n failing</numerusform>
            <numerusform>, %n failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pg_partman %1 in schema %2: %n partition set(s).</source>
        <translation>
            <numerusform>pg_partman %1 in schema %2: %n partition set.</numerusform>
            <numerusform>pg_partman %1 in schema %2: %n partition sets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LargestRelationsView</name>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ListenView</name>
    <message numerus="yes">
        <source>Listening on %1 (%n notification(s) so far).</source>
        <translation>
            <numerusform>Listening on %1 (%n notification so far).</numerusform>
            <numerusform>Listening on %1 (%n notifications so far).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockAnalysisModel</name>
    <message numerus="yes">
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n statement</numerusform>
            <numerusform>%n statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) block reads and writes of a table</source>
        <translation>
            <numerusform>%n statement blocks reads and writes of a table</numerusform>
            <numerusform>%n statements block reads and writes of a table</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) rewrite a table</source>
        <translation>
            <numerusform>%n statement rewrites a table</numerusform>
            <numerusform>%n statements rewrite a table</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot run in a transaction block</source>
        <translation>
            <numerusform>%n cannot run in a transaction block</numerusform>
            <numerusform>%n cannot run in a transaction block</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not known to the rules (Trace shows them)</source>
        <translation>
            <numerusform>%n not known to the rules (Trace shows it)</numerusform>
            <numerusform>%n not known to the rules (Trace shows them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the trace disagrees on %n</source>
        <translation>
            <numerusform>the trace disagrees on %n</numerusform>
            <numerusform>the trace disagrees on %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockWaitWatcher</name>
    <message numerus="yes">
        <source>and %n more session(s)</source>
        <translation>
            <numerusform>and %n more session</numerusform>
            <numerusform>and %n more sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookCellWidget</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ObjectBrowser</name>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n relation(s)</source>
        <translation>
            <numerusform>%1: %n relation</numerusform>
            <numerusform>%1: %n relations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PinnedResultView</name>
    <message numerus="yes">
        <source>Pinned %1 · %n row(s) · %2</source>
        <translation>
            <numerusform>Pinned %1 · %n row · %2</numerusform>
            <numerusform>Pinned %1 · %n rows · %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanCompareView</name>
    <message numerus="yes">
        <source>%n node(s) matched</source>
        <translation>
            <numerusform>%n node matched</numerusform>
            <numerusform>%n nodes matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PoolStatusWidget</name>
    <message numerus="yes">
        <source> · %n more database(s)</source>
        <translation>
            <numerusform> · %n more database</numerusform>
            <numerusform> · %n more databases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>SSH tunnel restarted %n time(s)</source>
        <translation>
            <numerusform>SSH tunnel restarted %n time</numerusform>
            <numerusform>SSH tunnel restarted %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PreferencesDialog</name>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProductionConfirmDialog</name>
    <message numerus="yes">
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n update</numerusform>
            <numerusform>%n updates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insert(s)</source>
        <translation>
            <numerusform>%n insert</numerusform>
            <numerusform>%n inserts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delete(s)</source>
        <translation>
            <numerusform>%n delete</numerusform>
            <numerusform>%n deletes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n soft delete(s)</source>
        <translation>
            <numerusform>%n soft delete</numerusform>
            <numerusform>%n soft deletes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restore(s)</source>
        <translation>
            <numerusform>%n restore</numerusform>
            <numerusform>%n restores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProposalBar</name>
    <message numerus="yes">
        <source>%n more proposal(s) wait after it.</source>
        <translation>
            <numerusform>%n more proposal waits after it.</numerusform>
            <numerusform>%n more proposals wait after it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PublicationDialog</name>
    <message numerus="yes">
        <source>%n statement(s), applied in one transaction.</source>
        <translation>
            <numerusform>%n statement, applied in one transaction.</numerusform>
            <numerusform>%n statements, applied in one transaction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryResultGrid</name>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 row</numerusform>
            <numerusform>%1 rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryTool</name>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 row</numerusform>
            <numerusform>%1 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 statement(s)</source>
        <translation>
            <numerusform>%1 statement</numerusform>
            <numerusform>%1 statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) that may write</source>
        <translation>
            <numerusform>%n statement that may write</numerusform>
            <numerusform>%n statements that may write</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pinned %n row(s) as &quot;Pinned %1&quot;.</source>
        <translation>
            <numerusform>Pinned %n row as &quot;Pinned %1&quot;.</numerusform>
            <numerusform>Pinned %n rows as &quot;Pinned %1&quot;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ReplicationView</name>
    <message numerus="yes">
        <source>Primary at %1; %n standby(s) or walsender(s), </source>
        <translation>
            <numerusform>Primary at %1; %n standby or walsender, </numerusform>
            <numerusform>Primary at %1; %n standbys or walsenders, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s).</source>
        <translation>
            <numerusform>%n slot.</numerusform>
            <numerusform>%n slots.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RolesView</name>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n role</numerusform>
            <numerusform>%n roles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaCompareView</name>
    <message numerus="yes">
        <source>Nothing differs: %n objects compared.</source>
        <translation>
            <numerusform>Nothing differs: %n object compared.</numerusform>
            <numerusform>Nothing differs: %n objects compared.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects differ.</source>
        <translation>
            <numerusform>%n object differs.</numerusform>
            <numerusform>%n objects differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SeeAsRoleView</name>
    <message numerus="yes">
        <source>Row security applies to %1: %n of its policies apply.</source>
        <translation>
            <numerusform>Row security applies to %1: %n of its policies applies.</numerusform>
            <numerusform>Row security applies to %1: %n of its policies apply.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerLogView</name>
    <message numerus="yes">
        <source>%n entry(s) shown of %1 read.</source>
        <translation>
            <numerusform>%n entry shown of %1 read.</numerusform>
            <numerusform>%n entries shown of %1 read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SqlLogDock</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StatementsView</name>
    <message numerus="yes">
        <source>The statements of the %n second(s) up to %1.</source>
        <translation>
            <numerusform>The statements of the %n second up to %1.</numerusform>
            <numerusform>The statements of the %n seconds up to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first snapshot is taken: the statements of the next %n second(s) will be shown.</source>
        <translation>
            <numerusform>The first snapshot is taken: the statements of the next second will be shown.</numerusform>
            <numerusform>The first snapshot is taken: the statements of the next %n seconds will be shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) would help: checked with what-if plans, nothing was built.</source>
        <translation>
            <numerusform>%n index would help: checked with what-if plans, nothing was built.</numerusform>
            <numerusform>%n indexes would help: checked with what-if plans, nothing was built.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StructureView</name>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>%1 (%n time)</numerusform>
            <numerusform>%1 (%n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableBrowser</name>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableDesigner</name>
    <message numerus="yes">
        <source>The changes staged before were kept: %n step(s).</source>
        <translation>
            <numerusform>The changes staged before were kept: %n step.</numerusform>
            <numerusform>The changes staged before were kept: %n steps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) staged: see SQL and Locks.</source>
        <translation>
            <numerusform>%n statement staged: see SQL and Locks.</numerusform>
            <numerusform>%n statements staged: see SQL and Locks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableEditor</name>
    <message numerus="yes">
        <source>Nothing was written: %n row(s) changed on the server since they were read: %1. Keep mine stages my changes again against the rows as they are now; take theirs drops my changes to them.</source>
        <translation>
            <numerusform>Nothing was written: %n row changed on the server since they were read: %1. Keep mine stages my changes again against the rows as they are now; take theirs drops my changes to them.</numerusform>
            <numerusform>Nothing was written: %n rows changed on the server since they were read: %1. Keep mine stages my changes again against the rows as they are now; take theirs drops my changes to them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s) of %1 permanently when the changes are applied?</source>
        <translation>
            <numerusform>Delete %n row of %1 permanently when the changes are applied?</numerusform>
            <numerusform>Delete %n rows of %1 permanently when the changes are applied?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s) permanently…</source>
        <translation>
            <numerusform>Delete %n row permanently…</numerusform>
            <numerusform>Delete %n rows permanently…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n row(s)</source>
        <translation>
            <numerusform>Restore %n row</numerusform>
            <numerusform>Restore %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 staged change(s)</source>
        <translation>
            <numerusform>%1 staged change</numerusform>
            <numerusform>%1 staged changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Soft-delete %n row(s)</source>
        <translation>
            <numerusform>Soft-delete %n row</numerusform>
            <numerusform>Soft-delete %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No parent row for %n staged foreign-key value(s): %1</source>
        <translation>
            <numerusform>No parent row for %n staged foreign-key value: %1</numerusform>
            <numerusform>No parent row for %n staged foreign-key values: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueEditorDialog</name>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueTreeModel</name>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n key}</numerusform>
            <numerusform>{%n keys}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::VisualFeature</name>
    <message numerus="yes">
        <source>the first %n row(s) of the result</source>
        <translation>
            <numerusform>the first %n row of the result</numerusform>
            <numerusform>the first %n rows of the result</numerusform>
        </translation>
    </message>
</context>
</TS>

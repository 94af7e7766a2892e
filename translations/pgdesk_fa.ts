<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>CellText</name>
    <message numerus="yes">
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 بایت</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPainter</name>
    <message numerus="yes">
        <source>other (%n groups)</source>
        <translation>
            <numerusform>سایر (%n گروه)</numerusform>
        </translation>
    </message>
    <message>
        <source>No data to chart</source>
        <translation>داده‌ای برای نمودار نیست</translation>
    </message>
    <message>
        <source>The chart could not be written</source>
        <translation>نوشتن نمودار ممکن نشد</translation>
    </message>
    <message>
        <source>No positive values to show</source>
        <translation>مقدار مثبتی برای نمایش نیست</translation>
    </message>
    <message>
        <source>other</source>
        <translation>سایر</translation>
    </message>
</context>
<context>
    <name>ErdPainter</name>
    <message>
        <source>The diagram could not be written</source>
        <translation>نمودار نوشته نشد</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>cost %1..%2</source>
        <translation>هزینه %1..%2</translation>
    </message>
    <message>
        <source>rows %1 (estimated)</source>
        <translation>ردیف‌ها %1 (تخمینی)</translation>
    </message>
    <message>
        <source>never executed</source>
        <translation>هرگز اجرا نشد</translation>
    </message>
    <message>
        <source>exclusive %1 (%2 %) · total %3</source>
        <translation>انحصاری %1 (%2 %) · کل %3</translation>
    </message>
    <message>
        <source>rows %1 → %2</source>
        <translation>ردیف‌ها %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n loop(s)</source>
        <translation>
            <numerusform>%n دور</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 more rows than estimated</source>
        <translation>%1 ردیف بیشتر از تخمین</translation>
    </message>
    <message>
        <source>%1 fewer rows than estimated</source>
        <translation>%1 ردیف کمتر از تخمین</translation>
    </message>
    <message>
        <source>the sort spilled to disk (%1 kB); more work_mem or an index in the sort&apos;s order avoids it</source>
        <translation>مرتب‌سازی به دیسک سرریز شد (%1 kB)؛ work_mem بیشتر یا نمایه‌ای به ترتیب مرتب‌سازی از آن جلوگیری می‌کند</translation>
    </message>
    <message>
        <source>the hash spilled to disk in batches; more work_mem keeps it in memory</source>
        <translation>هش در چند دسته به دیسک سرریز شد؛ work_mem بیشتر آن را در حافظه نگه می‌دارد</translation>
    </message>
    <message>
        <source>its filter removed %1 % of the rows it read; an index on the filtered columns may help</source>
        <translation>فیلتر آن %1 % از ردیف‌های خوانده‌شده را کنار گذاشت؛ نمایه‌ای روی ستون‌های فیلترشده ممکن است کمک کند</translation>
    </message>
    <message>
        <source>it (or its inner side) ran many times under a nested loop; a hash or merge join, or a better estimate of the outer rows, avoids the loops</source>
        <translation>این گره (یا سمت درونی آن) زیر یک Nested Loop بارها اجرا شد؛ یک Hash Join یا Merge Join، یا تخمین بهتر ردیف‌های بیرونی، از این دورها جلوگیری می‌کند</translation>
    </message>
    <message>
        <source>%1 rows estimated, %2 actual: the join method was chosen for the estimate; ANALYZE the tables or add extended statistics</source>
        <translation>%1 ردیف تخمینی، %2 واقعی: روش اتصال برای آن تخمین انتخاب شد؛ ANALYZE را روی جدول‌ها اجرا کنید یا آمار گسترده بیفزایید</translation>
    </message>
    <message>
        <source>%1 rows estimated, %2 actual; ANALYZE the table</source>
        <translation>%1 ردیف تخمینی، %2 واقعی؛ ANALYZE را روی جدول اجرا کنید</translation>
    </message>
    <message>
        <source>the most time of any node</source>
        <translation>بیشترین زمان در میان گره‌ها</translation>
    </message>
    <message>
        <source>#%1 %2 — %3 % of the time (%4): %5</source>
        <translation>#%1 %2 — %3 % از زمان (%4): %5</translation>
    </message>
    <message>
        <source>the second most time of any node</source>
        <translation>دومین زمان بیشتر در میان گره‌ها</translation>
    </message>
    <message>
        <source>the third most time of any node</source>
        <translation>سومین زمان بیشتر در میان گره‌ها</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>expected exactly one JSON value</source>
        <translation>دقیقاً یک مقدار JSON انتظار می‌رفت</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>گره</translation>
    </message>
    <message>
        <source>Rows (est.)</source>
        <translation>ردیف‌ها (تخمینی)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>ردیف‌ها</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>حلقه‌ها</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>هزینه</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>زمان (میلی‌ثانیه)</translation>
    </message>
    <message>
        <source>Planning %1 ms</source>
        <translation>برنامه‌ریزی %1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>Execution %1 ms</source>
        <translation>اجرا %1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>Open referenced %1.%2 (%3)</source>
        <translation>باز کردن ردیف ارجاع‌شده در %1.%2 (%3)</translation>
    </message>
    <message>
        <source>Referencing rows</source>
        <translation>ردیف‌های ارجاع‌دهنده</translation>
    </message>
    <message>
        <source>%1.%2 (%3) …</source>
        <translation>%1.%2 (%3) …</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 row(s)</source>
        <translation>
            <numerusform>%1: %2 ردیف</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement that will run</source>
        <translation>دستوری که اجرا خواهد شد</translation>
    </message>
</context>
<context>
    <name>ResultEditability</name>
    <message>
        <source>Read-only: the result has no columns.</source>
        <translation>فقط‌خواندنی: نتیجه هیچ ستونی ندارد.</translation>
    </message>
    <message>
        <source>Read-only: the table the columns come from is gone.</source>
        <translation>فقط‌خواندنی: جدولی که ستون‌ها از آن آمده‌اند دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>Read-only: column %1 is not an editable column of %2.</source>
        <translation>فقط‌خواندنی: ستون %1 ستون ویرایش‌پذیری از %2 نیست.</translation>
    </message>
    <message>
        <source>Read-only: column %1 of %2 appears twice (%3 and %4).</source>
        <translation>فقط‌خواندنی: ستون %1 از %2 دو بار آمده است (%3 و %4).</translation>
    </message>
    <message>
        <source>Read-only: the key of %1 (%2) is not among the columns.</source>
        <translation>فقط‌خواندنی: کلید %1 (%2) در میان ستون‌ها نیست.</translation>
    </message>
    <message>
        <source>Read-only: its columns come from several tables.</source>
        <translation>فقط‌خواندنی: ستون‌هایش از چند جدول می‌آیند.</translation>
    </message>
    <message>
        <source>Read-only: it has a computed column (%1), worked out by the query rather than read from a table.</source>
        <translation>فقط‌خواندنی: یک ستون محاسبه‌شده دارد (%1) که پرس‌وجو آن را می‌سازد، نه اینکه از جدولی خوانده شود.</translation>
    </message>
</context>
<context>
    <name>pgdesk</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 به یک مقدار نیاز دارد</translation>
    </message>
    <message>
        <source>--deleted wants active, deleted or all</source>
        <translation>--deleted یکی از active، deleted یا all را می‌خواهد</translation>
    </message>
    <message>
        <source>unknown argument %1</source>
        <translation>آرگومان ناشناخته %1</translation>
    </message>
    <message>
        <source>--filter, --search, --sort and --deleted need --open TABLE</source>
        <translation>--filter، --search، --sort و --deleted به --open TABLE نیاز دارند</translation>
    </message>
    <message>
        <source>give either --profile or --dsn, not both</source>
        <translation>یا --profile بدهید یا --dsn، نه هر دو</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::AboutDialog</name>
    <message>
        <source>About PgDesk</source>
        <translation>دربارهٔ PgDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PgDesk %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;PgDesk %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>A native PostgreSQL desktop client: browse, filter and edit data safely, with pgdesk-cli on the command line.</source>
        <translation>کلاینت بومی دسکتاپ برای PostgreSQL: مرور، فیلتر و ویرایش امن داده‌ها، همراه با pgdesk-cli در خط فرمان.</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;کپی اطلاعات عیب‌یابی</translation>
    </message>
    <message>
        <source>Versions, system, the connection&apos;s settings (never a password) and the latest errors, as text for a bug report</source>
        <translation>نسخه‌ها، سیستم، تنظیمات اتصال (هرگز گذرواژه) و آخرین خطاها، به صورت متن برای گزارش اشکال</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>اطلاعات عیب‌یابی در حافظهٔ موقت کپی شد.</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (ساخته‌شده با %2)</translation>
    </message>
    <message>
        <source>libpq %1</source>
        <translation>libpq %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source>PostgreSQL server %1</source>
        <translation>سرور PostgreSQL %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>PgDesk diagnostics</source>
        <translation>اطلاعات عیب‌یابی PgDesk</translation>
    </message>
    <message>
        <source>PgDesk: %1</source>
        <translation>PgDesk: %1</translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2), platform %3</source>
        <translation>Qt: %1 (ساخته‌شده با %2)، سکو %3</translation>
    </message>
    <message>
        <source>libpq: %1</source>
        <translation>libpq: %1</translation>
    </message>
    <message>
        <source>OS: %1; kernel %2 %3; %4</source>
        <translation>سیستم‌عامل: %1؛ هسته %2 %3؛ %4</translation>
    </message>
    <message>
        <source>Locale: %1</source>
        <translation>زبان و منطقه: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>سرور: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Connection settings (secrets masked):</source>
        <translation>تنظیمات اتصال (اطلاعات محرمانه پوشانده شده):</translation>
    </message>
    <message>
        <source>Connection settings: %1</source>
        <translation>تنظیمات اتصال: %1</translation>
    </message>
    <message>
        <source>Recent errors, oldest first (%1):</source>
        <translation>خطاهای اخیر، قدیمی‌ترین در ابتدا (%1):</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ActivityModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 ثانیه</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 دقیقه %2 ثانیه</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ساعت %2 دقیقه</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 روز %2 ساعت</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>سوکت محلی</translation>
    </message>
    <message>
        <source>Waits for %1 (%2) held by PID %3</source>
        <translation>در انتظار %1 (%2) که PID %3 نگه داشته است</translation>
    </message>
    <message>
        <source>Transaction started %1</source>
        <translation>شروع تراکنش: %1</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>کارخواه</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Wait event</source>
        <translation>رویداد انتظار</translation>
    </message>
    <message>
        <source>Transaction age</source>
        <translation>عمر تراکنش</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>مسدودشده توسط</translation>
    </message>
    <message>
        <source>Lock mode</source>
        <translation>حالت قفل</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>پرس‌وجو</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ActivityView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;بازخوانی</translation>
    </message>
    <message>
        <source>&amp;Cancel Query…</source>
        <translation>&amp;لغو پرس‌وجو…</translation>
    </message>
    <message>
        <source>&amp;Terminate Session…</source>
        <translation>&amp;پایان دادن به نشست…</translation>
    </message>
    <message>
        <source>Connected through a transaction pooler: these are the server&apos;s backends (the pooler&apos;s server connections), not the pooler&apos;s client sessions.</source>
        <translation>اتصال از طریق تجمیع‌کنندهٔ تراکنشی: این‌ها پردازه‌های پشتیبان (backend) کارساز هستند (اتصال‌های تجمیع‌کننده به کارساز)، نه نشست‌های کارخواهِ تجمیع‌کننده.</translation>
    </message>
    <message>
        <source>Terminate Session</source>
        <translation>پایان دادن به نشست</translation>
    </message>
    <message>
        <source>Cancel Query</source>
        <translation>لغو پرس‌وجو</translation>
    </message>
    <message>
        <source>Terminate the session of PID %1 (%2)? Its open transaction is rolled back.</source>
        <translation>نشست PID %1 (%2) پایان یابد؟ تراکنش باز آن برگردانده می‌شود.</translation>
    </message>
    <message>
        <source>Cancel the statement PID %1 (%2) runs?</source>
        <translation>دستوری که PID %1 (%2) اجرا می‌کند لغو شود؟</translation>
    </message>
    <message>
        <source>PID %1 is no longer a server process.</source>
        <translation>PID %1 دیگر پردازهٔ کارساز نیست.</translation>
    </message>
    <message>
        <source>Who blocks whom</source>
        <translation>چه کسی چه کسی را مسدود کرده</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 برای %2</translation>
    </message>
    <message>
        <source>%1 waits for %2</source>
        <translation>%1 منتظر %2 است</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::AdminFeature</name>
    <message>
        <source>Server &amp;activity</source>
        <translation>&amp;فعالیت سرور</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>Sessions, locks and who blocks whom, on a connection of its own</source>
        <translation>نشست‌ها، قفل‌ها و اینکه چه کسی چه کسی را مسدود کرده، روی یک اتصال جداگانه</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>R&amp;estore…</source>
        <translation>&amp;بازیابی…</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;نقش‌ها</translation>
    </message>
    <message>
        <source>Roles, their attributes and memberships (read-only)</source>
        <translation>نقش‌ها، ویژگی‌ها و عضویت‌هایشان (فقط‌خواندنی)</translation>
    </message>
    <message>
        <source>&amp;Top statements</source>
        <translation>&amp;پرکارترین دستورها</translation>
    </message>
    <message>
        <source>What loaded the server in the last seconds or minutes (pg_stat_statements)</source>
        <translation>آنچه در چند ثانیه یا دقیقهٔ اخیر بار کارساز بود (pg_stat_statements)</translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation>دا&amp;شبورد</translation>
    </message>
    <message>
        <source>The server&apos;s activity over the last minutes, sampled while shown</source>
        <translation>فعالیت سرور در چند دقیقهٔ گذشته، نمونه‌برداری تا وقتی دیده می‌شود</translation>
    </message>
    <message>
        <source>Maintenance…</source>
        <translation>نگهداری…</translation>
    </message>
    <message>
        <source>A view holds no data to maintain</source>
        <translation>یک نما داده‌ای برای نگهداری ندارد</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>Back up schema…</source>
        <translation>پشتیبان‌گیری از طرح‌واره…</translation>
    </message>
    <message>
        <source>Largest relations</source>
        <translation>بزرگ‌ترین رابطه‌ها</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>پشتیبان‌گیری از پایگاه داده…</translation>
    </message>
    <message>
        <source>Connect first: the activity tab shows the current session&apos;s server</source>
        <translation>ابتدا وصل شوید: زبانهٔ فعالیت، سرورِ نشست کنونی را نشان می‌دهد</translation>
    </message>
    <message>
        <source>Server activity of %1</source>
        <translation>فعالیت سرور %1</translation>
    </message>
    <message>
        <source>Connect first: the roles tab shows the current session&apos;s server</source>
        <translation>نخست وصل شوید: زبانهٔ نقش‌ها کارساز نشست کنونی را نشان می‌دهد</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>نقش‌ها</translation>
    </message>
    <message>
        <source>Roles of %1</source>
        <translation>نقش‌های %1</translation>
    </message>
    <message>
        <source>Connect first: top statements are the current session&apos;s server&apos;s</source>
        <translation>ابتدا وصل شوید: پرکارترین دستورها مربوط به کارساز نشست کنونی‌اند</translation>
    </message>
    <message>
        <source>Top statements</source>
        <translation>پرکارترین دستورها</translation>
    </message>
    <message>
        <source>Top statements of %1 (pg_stat_statements)</source>
        <translation>پرکارترین دستورهای %1 (pg_stat_statements)</translation>
    </message>
    <message>
        <source>Connect first: the dashboard shows the current session&apos;s server</source>
        <translation>نخست وصل شوید: داشبورد سرور نشست کنونی را نشان می‌دهد</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>داشبورد</translation>
    </message>
    <message>
        <source>Dashboard of %1</source>
        <translation>داشبورد %1</translation>
    </message>
    <message>
        <source>Sizes: %1</source>
        <translation>اندازه‌ها: %1</translation>
    </message>
    <message>
        <source>Largest relations of schema %1</source>
        <translation>بزرگ‌ترین رابطه‌های طرح‌وارهٔ %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::AgentAccessDialog</name>
    <message>
        <source>Agent access</source>
        <translation>دسترسی عامل</translation>
    </message>
    <message>
        <source>An agent reaches a saved profile: save this connection as a profile first (Connection ▸ Manage connections…).</source>
        <translation>عامل به یک نمایهٔ ذخیره‌شده دسترسی دارد: نخست این اتصال را به‌عنوان نمایه ذخیره کنید (اتصال ▸ مدیریت اتصال‌ها…).</translation>
    </message>
    <message>
        <source>An AI agent with an MCP client reaches the profile %1 through pgdesk-cli mcp: it may list tables, describe them, query (read-only, at most 1,000 rows a query), explain and analyse locks; it never sees the password, and what it proposes to change waits below for you.</source>
        <translation>یک عامل هوش مصنوعی با کلاینت MCP از راه pgdesk-cli mcp به نمایهٔ %1 دسترسی دارد: می‌تواند جدول‌ها را فهرست و توصیف کند، پرس‌وجو کند (فقط خواندنی، حداکثر ۱٬۰۰۰ ردیف در هر پرس‌وجو)، طرح و قفل‌ها را تحلیل کند؛ هرگز گذرواژه را نمی‌بیند و آنچه برای تغییر پیشنهاد می‌کند در پایین منتظر شماست.</translation>
    </message>
    <message>
        <source>Claude Code:</source>
        <translation>Claude Code:</translation>
    </message>
    <message>
        <source>Cursor (~/.cursor/mcp.json) and other clients&apos; mcpServers:</source>
        <translation>Cursor (‎~/.cursor/mcp.json) و mcpServers کلاینت‌های دیگر:</translation>
    </message>
    <message>
        <source>VS Code (.vscode/mcp.json):</source>
        <translation>VS Code (‎.vscode/mcp.json):</translation>
    </message>
    <message>
        <source>Writing queries: add --allow-write (never on a production profile); every call logged: --log FILE.</source>
        <translation>پرس‌وجوهای نوشتنی: ‎--allow-write را بیفزایید (هرگز روی نمایهٔ تولید)؛ ثبت هر فراخوانی: ‎--log FILE.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>پیشنهاد</translation>
    </message>
    <message>
        <source>By</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>What</source>
        <translation>چه</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Changes: the table&apos;s tab, where they are staged and applied; a migration: a query tool</source>
        <translation>تغییرها: زبانهٔ جدول، جایی که آماده و اعمال می‌شوند؛ مهاجرت: یک ابزار پرس‌وجو</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور انداختن</translation>
    </message>
    <message>
        <source>Proposals waiting for you:</source>
        <translation>پیشنهادهای منتظر شما:</translation>
    </message>
    <message>
        <source>migration</source>
        <translation>مهاجرت</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>تغییرها</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ApplyPreviewDialog</name>
    <message>
        <source>Database %1</source>
        <translation>پایگاه دادهٔ %1</translation>
    </message>
    <message>
        <source>Database %1 (%2)</source>
        <translation>پایگاه دادهٔ %1 (%2)</translation>
    </message>
    <message>
        <source>Profile %1, database %2</source>
        <translation>نمایهٔ %1، پایگاه دادهٔ %2</translation>
    </message>
    <message>
        <source>Profile %1, database %2 (%3)</source>
        <translation>نمایهٔ %1، پایگاه دادهٔ %2 (%3)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BackupDialog</name>
    <message>
        <source>Backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>چه چیزی:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;پرونده:</translation>
    </message>
    <message>
        <source>Custom (pg_restore, compressed)</source>
        <translation>سفارشی (pg_restore، فشرده)</translation>
    </message>
    <message>
        <source>Plain SQL (psql)</source>
        <translation>SQL ساده (psql)</translation>
    </message>
    <message>
        <source>Directory (parallel)</source>
        <translation>پوشه (موازی)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;قالب:</translation>
    </message>
    <message>
        <source>Structure and data</source>
        <translation>ساختار و داده‌ها</translation>
    </message>
    <message>
        <source>Structure only</source>
        <translation>فقط ساختار</translation>
    </message>
    <message>
        <source>Data only</source>
        <translation>فقط داده‌ها</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>&amp;محتوا:</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>&amp;کارهای موازی:</translation>
    </message>
    <message>
        <source>pg_dump&apos;s default</source>
        <translation>پیش‌فرض pg_dump</translation>
    </message>
    <message>
        <source>Co&amp;mpression:</source>
        <translation>&amp;فشرده‌سازی:</translation>
    </message>
    <message>
        <source>Leave out owners (--no-owner)</source>
        <translation>بدون مالک‌ها (--no-owner)</translation>
    </message>
    <message>
        <source>Leave out privileges (--no-privileges)</source>
        <translation>بدون مجوزها (--no-privileges)</translation>
    </message>
    <message>
        <source>Looking for pg_dump…</source>
        <translation>در حال یافتن pg_dump…</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>the whole database %1</source>
        <translation>کل پایگاه دادهٔ %1</translation>
    </message>
    <message>
        <source>pg_dump %1 (%2)</source>
        <translation>pg_dump %1 (%2)</translation>
    </message>
    <message>
        <source>the schema %1</source>
        <translation>طرح‌وارهٔ %1</translation>
    </message>
    <message>
        <source>the table %1.%2</source>
        <translation>جدول %1.%2</translation>
    </message>
    <message>
        <source>Back up into the new folder</source>
        <translation>پشتیبان‌گیری در پوشهٔ جدید</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>پشتیبان‌گیری در</translation>
    </message>
    <message>
        <source>Counting tables…</source>
        <translation>در حال شمارش جدول‌ها…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>در حال پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>Cancel backup</source>
        <translation>لغو پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>لغو شد: هیچ پرونده‌ای نوشته نشد.</translation>
    </message>
    <message>
        <source>The backup failed; no file was written.
%1</source>
        <translation>پشتیبان‌گیری شکست خورد؛ هیچ پرونده‌ای نوشته نشد.
%1</translation>
    </message>
    <message numerus="yes">
        <source>Dumped %1 of %n table(s): %2</source>
        <translation>
            <numerusform>%1 از %n جدول پشتیبان‌گیری شد: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dumped %n table(s): %1</source>
        <translation>
            <numerusform>%n جدول پشتیبان‌گیری شد: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1 (%n table(s)).</source>
        <translation>
            <numerusform>پشتیبان در %1 نوشته شد (%n جدول).</numerusform>
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
        <translation>عملیات گروهی روی %1.%2</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected row(s)</source>
        <translation>
            <numerusform>%n ردیف انتخاب‌شده</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row matching the current filter</source>
        <translation>همهٔ ردیف‌های مطابق فیلتر فعلی</translation>
    </message>
    <message>
        <source>Every row of the table</source>
        <translation>همهٔ ردیف‌های جدول</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>all</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Set a column to a value</source>
        <translation>تنظیم یک ستون روی یک مقدار</translation>
    </message>
    <message>
        <source>Soft delete (%1)</source>
        <translation>حذف نرم (%1)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>حذف دائمی</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>عملیات</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ستون</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>مقدار جدید</translation>
    </message>
    <message>
        <source>value as PostgreSQL text (empty = empty string)</source>
        <translation>مقدار به صورت متن PostgreSQL (خالی = رشتهٔ خالی)</translation>
    </message>
    <message>
        <source>Set the column to NULL (not the empty string)</source>
        <translation>ستون را NULL کن (نه رشتهٔ خالی)</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>شمارش ردیف‌ها</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>اجرا</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>ردیف‌ها:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>عملیات:</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>ستون:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>مقدار:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>در حال شمارش…</translation>
    </message>
    <message>
        <source>No row would change.</source>
        <translation>هیچ ردیفی تغییر نمی‌کند.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will change, in one transaction.</source>
        <translation>
            <numerusform>%n ردیف در یک تراکنش تغییر می‌کند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>در حال اجرا…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n row(s) changed in %1 ms.</source>
        <translation>
            <numerusform>انجام شد: %n ردیف در %1 میلی‌ثانیه تغییر کرد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>لغو شد: چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>Running… %1 of %2 rows</source>
        <translation>در حال اجرا… %1 از %2 ردیف</translation>
    </message>
    <message numerus="yes">
        <source>Update %1 row(s)</source>
        <translation>
            <numerusform>به‌روزرسانی %1 ردیف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Soft delete %1 row(s)</source>
        <translation>
            <numerusform>حذف نرم %1 ردیف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %1 row(s)</source>
        <translation>
            <numerusform>بازیابی %1 ردیف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 row(s) permanently</source>
        <translation>
            <numerusform>حذف دائمی %1 ردیف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) of %2.%3</source>
        <translation>
            <numerusform>%1: %n ردیف از %2.%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::BrowseFeature</name>
    <message>
        <source>Objects</source>
        <translation>اشیا</translation>
    </message>
    <message>
        <source>&amp;Refresh objects</source>
        <translation>&amp;بازخوانی اشیا</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Reload schemas and tables</source>
        <translation>بارگذاری دوبارهٔ شِماها و جدول‌ها</translation>
    </message>
    <message>
        <source>&amp;Batch operation…</source>
        <translation>&amp;عملیات گروهی…</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>عملیات گروهی</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>ساختار</translation>
    </message>
    <message>
        <source>CREATE script</source>
        <translation>اسکریپت CREATE</translation>
    </message>
    <message>
        <source>CREATE script of the schema</source>
        <translation>اسکریپت CREATE طرح‌واره</translation>
    </message>
    <message>
        <source>CREATE script of schema %1</source>
        <translation>اسکریپت CREATE طرح‌وارهٔ %1</translation>
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
        <translation>تغییرهای مقایسه‌شده آماده نشدند: این جدول اینجا ویرایش‌پذیر نیست</translation>
    </message>
    <message>
        <source>The compared changes were not staged: %1</source>
        <translation>تغییرهای مقایسه‌شده آماده نشدند: %1</translation>
    </message>
    <message>
        <source>tablespace %1</source>
        <translation>فضای جدول %1</translation>
    </message>
    <message>
        <source>event trigger %1</source>
        <translation>تریگر رویداد %1</translation>
    </message>
    <message>
        <source>CREATE script of %1</source>
        <translation>اسکریپت CREATE برای %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CatalogTreeModel</name>
    <message>
        <source>view</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>نمای مادی‌شده</translation>
    </message>
    <message>
        <source>partitioned</source>
        <translation>پارتیشن‌بندی‌شده</translation>
    </message>
    <message>
        <source>foreign</source>
        <translation>خارجی</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>کلید %1</translation>
    </message>
    <message>
        <source>no key: read-only</source>
        <translation>بدون کلید: فقط‌خواندنی</translation>
    </message>
    <message>
        <source>soft delete: %1</source>
        <translation>حذف نرم: %1</translation>
    </message>
    <message>
        <source>Schema %1</source>
        <translation>شِمای %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>ردیف‌ها</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>%1 bytes in the table, its indexes and TOAST (from the statistics)</source>
        <translation>%1 بایت در جدول، ایندکس‌ها و TOAST آن (از آمار)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>this session&apos;s database</source>
        <translation>پایگاه دادهٔ همین نشست</translation>
    </message>
    <message>
        <source>template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>پایگاه دادهٔ %1</translation>
    </message>
    <message>
        <source>Owner %1, encoding %2</source>
        <translation>مالک %1، کدگذاری %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 بایت</translation>
    </message>
    <message>
        <source>Expand to open it (a connection pool of its own)</source>
        <translation>برای باز کردن، آن را بگشایید (با استخر اتصال جداگانهٔ خودش)</translation>
    </message>
    <message>
        <source>Event triggers</source>
        <translation>تریگرهای رویداد</translation>
    </message>
    <message>
        <source>Tablespaces</source>
        <translation>فضاهای جدول</translation>
    </message>
    <message>
        <source>in the data directory</source>
        <translation>در پوشهٔ داده</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>مالک %1</translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s) of this database</source>
        <translation>
            <numerusform>%n رابطه از این پایگاه داده</numerusform>
        </translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>replica only</source>
        <translation>فقط روی رونوشت‌ها</translation>
    </message>
    <message>
        <source>always</source>
        <translation>همیشه</translation>
    </message>
    <message>
        <source>Tablespace %1</source>
        <translation>فضای جدول %1</translation>
    </message>
    <message>
        <source>Event trigger %1</source>
        <translation>تریگر رویداد %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CellEditDelegate</name>
    <message>
        <source>Pick from %1</source>
        <translation>انتخاب از %1</translation>
    </message>
    <message>
        <source>Pick from %1 (F4)</source>
        <translation>انتخاب از %1 (F4)</translation>
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
        <translation>%1 (بدون تغییر)</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>زمان Commit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>عملیات</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>مقدارها</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پیش از تغییر</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChangeFeedView</name>
    <message>
        <source>Start</source>
        <translation>شروع</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <source>Tables to watch: schema.table, …</source>
        <translation>جدول‌های زیر نظر: schema.table، …</translation>
    </message>
    <message>
        <source>Tables to watch</source>
        <translation>جدول‌های زیر نظر</translation>
    </message>
    <message>
        <source>Keep reading (the server keeps no WAL for the feed) but stop following the newest change</source>
        <translation>ادامهٔ خواندن (کارساز برای جریان، WAL نگه نمی‌دارد) بدون دنبال کردن تازه‌ترین تغییر</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>همهٔ جدول‌ها</translation>
    </message>
    <message>
        <source>Show the changes of</source>
        <translation>نمایش تغییرات</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>عملیات</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>همهٔ عملیات</translation>
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
        <translation>مقدار شامل…</translation>
    </message>
    <message>
        <source>Show changes whose values contain</source>
        <translation>نمایش تغییراتی که مقدارهایشان شامل این است</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>تغییرات</translation>
    </message>
    <message>
        <source>Name the tables and press Start: their changes show as they commit.</source>
        <translation>جدول‌ها را نام ببرید و «شروع» را بزنید: تغییراتشان هم‌زمان با commit نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>Name at least one table to watch.</source>
        <translation>دست‌کم یک جدول را برای زیر نظر گرفتن نام ببرید.</translation>
    </message>
    <message>
        <source>a change feed: a temporary publication of %1, dropped when the feed stops</source>
        <translation>یک جریان تغییرات: انتشاری موقت از %1 که با توقف جریان حذف می‌شود</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Starting the feed…</source>
        <translation>در حال شروع جریان…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n change(s).</source>
        <translation>
            <numerusform>پس از %n تغییر متوقف شد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %1: %n change(s) so far.</source>
        <translation>
            <numerusform>در حال زیر نظر گرفتن %1: تاکنون %n تغییر.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no primary key or replica identity: its inserts show, its updates and deletes cannot.</source>
        <translation>%1 کلید اصلی یا replica identity ندارد: درج‌هایش نمایش داده می‌شوند، اما به‌روزرسانی‌ها و حذف‌هایش نه.</translation>
    </message>
    <message>
        <source>Paused: still reading, not following the newest.</source>
        <translation>مکث: خواندن ادامه دارد، بدون دنبال کردن تازه‌ترین تغییر.</translation>
    </message>
    <message>
        <source>The feed stopped: %1</source>
        <translation>جریان متوقف شد: %1</translation>
    </message>
    <message>
        <source>Read through test_decoding: this role may not create a publication.</source>
        <translation>از راه test_decoding خوانده می‌شود: این نقش اجازهٔ ساختن انتشار ندارد.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ChartView</name>
    <message>
        <source>Chart</source>
        <translation>نمودار</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>میله‌ای</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>خطی</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>ناحیه‌ای</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>پراکندگی</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>دایره‌ای</translation>
    </message>
    <message>
        <source>each value</source>
        <translation>هر مقدار</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>دقیقه</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <source>day</source>
        <translation>روز</translation>
    </message>
    <message>
        <source>week</source>
        <translation>هفته</translation>
    </message>
    <message>
        <source>month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>فصل</translation>
    </message>
    <message>
        <source>year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>مجموع</translation>
    </message>
    <message>
        <source>average</source>
        <translation>میانگین</translation>
    </message>
    <message>
        <source>count</source>
        <translation>شمارش</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>کمینه</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>بیشینه</translation>
    </message>
    <message>
        <source>the values themselves</source>
        <translation>خود مقدارها</translation>
    </message>
    <message>
        <source>Y columns</source>
        <translation>ستون‌های Y</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>X in steps of</source>
        <translation>گام X</translation>
    </message>
    <message>
        <source>Y is the</source>
        <translation>Y برابر با</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>One series per</source>
        <translation>یک سری برای هر</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>number of rows</source>
        <translation>تعداد ردیف‌ها</translation>
    </message>
    <message>
        <source>Choose at least one Y column.</source>
        <translation>دست‌کم یک ستون Y انتخاب کنید.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the result, as the grid fetched them.</source>
        <translation>
            <numerusform>%n ردیف از نتیجه، همان‌گونه که جدول واکشی کرده است.</numerusform>
        </translation>
    </message>
    <message>
        <source>The number of rows needs an aggregate: choose sum, count or another.</source>
        <translation>تعداد ردیف‌ها به یک تابع تجمیعی نیاز دارد: مجموع، شمارش یا گزینهٔ دیگری را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>در حال خواندن…</translation>
    </message>
    <message>
        <source>the first %1 groups of more</source>
        <translation>%1 گروه نخست از شمار بیشتری</translation>
    </message>
    <message>
        <source>the first %1 rows of more</source>
        <translation>%1 ردیف نخست از شمار بیشتری</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) read from the server.</source>
        <translation>
            <numerusform>%n گروه از کارساز خوانده شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>ذخیرهٔ نمودار</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>تصویر PNG (*.png);;تصویر برداری SVG (*.svg)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <source>estimated from %1 % of the table; the exact chart follows…</source>
        <translation>برآوردشده از %1 ٪ جدول؛ نمودار دقیق در راه است…</translation>
    </message>
    <message>
        <source>An estimate from a sample; reading every row…</source>
        <translation>برآوردی از یک نمونه؛ همهٔ سطرها خوانده می‌شوند…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ColumnLayout</name>
    <message>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
    <message>
        <source>Freeze up to this column</source>
        <translation>ثابت کردن تا این ستون</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <translation>برداشتن ثابت‌سازی</translation>
    </message>
    <message>
        <source>Auto-fit widths</source>
        <translation>تنظیم خودکار پهناها</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>بازنشانی چیدمان</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CommandTrustDialog</name>
    <message>
        <source>Trust the commands of this profile?</source>
        <translation>به فرمان‌های این نمایه اعتماد شود؟</translation>
    </message>
    <message>
        <source>The profile &lt;b&gt;%1&lt;/b&gt; was imported from a file. When it connects it runs the following, with all the rights of your user account. Trust it only if you know what it does.</source>
        <translation>نمایهٔ &lt;b&gt;%1&lt;/b&gt; از یک پرونده درون‌ریزی شده است. هنگام اتصال، موارد زیر را با همهٔ دسترسی‌های حساب کاربری شما اجرا می‌کند. تنها اگر می‌دانید چه می‌کند به آن اعتماد کنید.</translation>
    </message>
    <message>
        <source>&amp;Trust and connect</source>
        <translation>&amp;اعتماد و اتصال</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CompletionListModel</name>
    <message>
        <source>keyword</source>
        <translation>کلیدواژه</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>طرح‌واره</translation>
    </message>
    <message>
        <source>table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>view</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>column</source>
        <translation>ستون</translation>
    </message>
    <message>
        <source>function</source>
        <translation>تابع</translation>
    </message>
    <message>
        <source>type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>نام مستعار</translation>
    </message>
    <message>
        <source>query name</source>
        <translation>نام پرس‌وجو</translation>
    </message>
    <message>
        <source>join condition</source>
        <translation>شرط اتصال</translation>
    </message>
    <message>
        <source>snippet</source>
        <translation>قطعه‌کد</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ConnectFeature</name>
    <message>
        <source>&amp;Manage connections…</source>
        <translation>&amp;مدیریت اتصال‌ها…</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>اتصال‌ها</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>در حال اتصال به %1…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>در حال اتصال…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source>The server asks for a password</source>
        <translation>کارساز گذرواژه می‌خواهد</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>اتصال ناموفق بود: %1</translation>
    </message>
    <message>
        <source>A&amp;gent access…</source>
        <translation>دسترسی &amp;عامل…</translation>
    </message>
    <message>
        <source>Give an AI agent this profile (MCP), and review what agents proposed</source>
        <translation>این نمایه را به یک عامل هوش مصنوعی بدهید (MCP) و پیشنهادهای عامل‌ها را بررسی کنید</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>اتصال‌ها</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <source>Write the changes to the profile file (and the password to the keychain when ticked)</source>
        <translation>نوشتن تغییرات در پروندهٔ نمایه (و گذرواژه در جاکلیدی، اگر تیک خورده باشد)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;اتصال</translation>
    </message>
    <message>
        <source>Save any changes and open this connection</source>
        <translation>ذخیرهٔ تغییرات و باز کردن این اتصال</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>اتصال‌های ذخیره‌شده</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;جدید</translation>
    </message>
    <message>
        <source>Create a connection profile</source>
        <translation>ساخت یک نمایهٔ اتصال</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;رونوشت</translation>
    </message>
    <message>
        <source>Copy the selected profile (and its saved password) under a new name</source>
        <translation>رونوشت نمایهٔ انتخاب‌شده (و گذرواژهٔ ذخیره‌شده‌اش) با نامی جدید</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Delete the selected profile and its saved password</source>
        <translation>حذف نمایهٔ انتخاب‌شده و گذرواژهٔ ذخیره‌شده‌اش</translation>
    </message>
    <message>
        <source>&amp;Import from pg_service.conf…</source>
        <translation>&amp;درون‌ریزی از pg_service.conf…</translation>
    </message>
    <message>
        <source>Add a profile for each service of a pg_service.conf file</source>
        <translation>افزودن یک نمایه برای هر سرویس یک پروندهٔ pg_service.conf</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/db  or  host=… dbname=…</source>
        <translation>postgresql://user@host:5432/db  یا  host=… dbname=…</translation>
    </message>
    <message>
        <source>&amp;Fill fields</source>
        <translation>&amp;پر کردن فیلدها</translation>
    </message>
    <message>
        <source>&amp;Paste a DSN:</source>
        <translation>&amp;چسباندن DSN:</translation>
    </message>
    <message>
        <source>No saved connections yet.

Create one with New, paste a DSN above, or import the services of a pg_service.conf file.</source>
        <translation>هنوز اتصالی ذخیره نشده است.

با «جدید» یکی بسازید، یک DSN در بالا بچسبانید یا سرویس‌های یک پروندهٔ pg_service.conf را درون‌ریزی کنید.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;آزمایش اتصال</translation>
    </message>
    <message>
        <source>Connect once with these settings (saved or not) and show the server version</source>
        <translation>یک بار با این تنظیمات (ذخیره‌شده یا نه) وصل شو و نسخهٔ کارساز را نشان بده</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>در حال آزمایش اتصال</translation>
    </message>
    <message>
        <source>The keychain did not answer: %1</source>
        <translation>جاکلیدی پاسخ نداد: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>تغییرات «%1» ذخیره شود؟</translation>
    </message>
    <message>
        <source>The settings changed during the test; test again.</source>
        <translation>تنظیمات در حین آزمایش تغییر کرد؛ دوباره آزمایش کنید.</translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation>لغو &amp;آزمایش</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>اتصال جدید</translation>
    </message>
    <message>
        <source>Could not create the profile: %1</source>
        <translation>ساخت نمایه ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Created “%1”. Fill in the fields, or paste a DSN.</source>
        <translation>«%1» ساخته شد. فیلدها را پر کنید یا یک DSN بچسبانید.</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (رونوشت)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (رونوشت %2)</translation>
    </message>
    <message>
        <source>Could not duplicate the profile: %1</source>
        <translation>رونوشت‌گیری از نمایه ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Duplicated, but the password stays in this session only: %1</source>
        <translation>رونوشت ساخته شد، اما گذرواژه فقط در همین نشست می‌ماند: %1</translation>
    </message>
    <message>
        <source>Duplicated “%1” as “%2”.</source>
        <translation>از «%1» با نام «%2» رونوشت ساخته شد.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>حذف اتصال</translation>
    </message>
    <message>
        <source>Delete the connection “%1”?
Its saved password is removed from the keychain too.</source>
        <translation>اتصال «%1» حذف شود؟
گذرواژهٔ ذخیره‌شدهٔ آن هم از جاکلیدی پاک می‌شود.</translation>
    </message>
    <message>
        <source>Could not delete the profile: %1</source>
        <translation>حذف نمایه ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>«%1» حذف شد.</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>ذخیره ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Saving “%1”…</source>
        <translation>در حال ذخیرهٔ «%1»…</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>«%1» ذخیره شد.</translation>
    </message>
    <message>
        <source>Saved “%1”, but the keychain was not used (%2): the password is kept for this session only.</source>
        <translation>«%1» ذخیره شد، اما جاکلیدی به کار نرفت (%2): گذرواژه فقط برای همین نشست نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>The profile was saved, but not its password: %1</source>
        <translation>نمایه ذخیره شد، اما گذرواژه‌اش نه: %1</translation>
    </message>
    <message>
        <source>Filled from %1 — check the fields, then Save.</source>
        <translation>از %1 پر شد — فیلدها را بررسی و سپس ذخیره کنید.</translation>
    </message>
    <message>
        <source>This DSN could not be read: %1</source>
        <translation>این DSN خوانده نشد: %1</translation>
    </message>
    <message>
        <source>Import from pg_service.conf</source>
        <translation>درون‌ریزی از pg_service.conf</translation>
    </message>
    <message>
        <source>Service files (*.conf);;All files (*)</source>
        <translation>پرونده‌های سرویس (*.conf);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>درون‌ریزی %1 ممکن نشد: %2</translation>
    </message>
    <message>
        <source>Could not save the imported profiles: %1</source>
        <translation>ذخیرهٔ نمایه‌های درون‌ریزی‌شده ممکن نشد: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n connection(s) from %1.</source>
        <translation>
            <numerusform>%n اتصال از %1 درون‌ریزی شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept the existing profiles of the same name: %1.</source>
        <translation>نمایه‌های موجود هم‌نام نگه داشته شدند: %1.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>آزمایش لغو شد.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>در حال اتصال به %1…</translation>
    </message>
    <message>
        <source>Could not reach the server. Check the host and port, and that the server is running and accepts connections.</source>
        <translation>دسترسی به کارساز ممکن نشد. میزبان و درگاه را بررسی کنید و مطمئن شوید کارساز در حال اجرا است و اتصال می‌پذیرد.</translation>
    </message>
    <message>
        <source>The server refused the login. Check the user name and the password.</source>
        <translation>کارساز ورود را نپذیرفت. نام کاربری و گذرواژه را بررسی کنید.</translation>
    </message>
    <message>
        <source>A connection setting is not valid.</source>
        <translation>یکی از تنظیمات اتصال نامعتبر است.</translation>
    </message>
    <message>
        <source>This user may not connect to this database.</source>
        <translation>این کاربر اجازهٔ اتصال به این پایگاه داده را ندارد.</translation>
    </message>
    <message>
        <source>The database or the user does not exist.</source>
        <translation>پایگاه داده یا کاربر وجود ندارد.</translation>
    </message>
    <message>
        <source>The server cancelled the test query (statement timeout).</source>
        <translation>کارساز پرس‌وجوی آزمایشی را لغو کرد (statement timeout).</translation>
    </message>
    <message>
        <source>No connection became free in time.</source>
        <translation>هیچ اتصالی به موقع آزاد نشد.</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>کارساز خطایی گزارش کرد.</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 as %2, database %3 (%4 ms).</source>
        <translation>به PostgreSQL %1 با کاربر %2 و پایگاه دادهٔ %3 وصل شد (%4 میلی‌ثانیه).</translation>
    </message>
    <message>
        <source>(SQLSTATE %1)</source>
        <translation>(SQLSTATE %1)</translation>
    </message>
    <message>
        <source>Paste a connection URI or key=value string, then Enter or Fill fields: it replaces the connection fields (nothing is saved); a password in it goes to the (masked) password field.</source>
        <translation>یک URI اتصال یا رشتهٔ key=value بچسبانید، سپس Enter یا «پر کردن فیلدها»: فیلدهای اتصال را جایگزین می‌کند (چیزی ذخیره نمی‌شود)؛ گذرواژهٔ درون آن به فیلد گذرواژه (پوشیده) می‌رود.</translation>
    </message>
    <message>
        <source>“%1” is not saved yet.</source>
        <translation>«%1» هنوز ذخیره نشده است.</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;برون‌بری…</translation>
    </message>
    <message>
        <source>Save the profiles to a JSON file, without passwords</source>
        <translation>ذخیرهٔ نمایه‌ها در یک پروندهٔ JSON، بدون گذرواژه‌ها</translation>
    </message>
    <message>
        <source>Im&amp;port…</source>
        <translation>&amp;درون‌ریزی…</translation>
    </message>
    <message>
        <source>Add the profiles of a JSON file exported by PgDesk</source>
        <translation>افزودن نمایه‌های یک پروندهٔ JSON که PgDesk برون‌بری کرده است</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>برون‌بری نمایه‌ها</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>پرونده‌های JSON (*.json)</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>درون‌ریزی نمایه‌ها</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>ذخیرهٔ %1 ممکن نشد: %2</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>نمایه</translation>
    </message>
    <message>
        <source>Moved %1 to the top level.</source>
        <translation>%1 به بالاترین سطح منتقل شد.</translation>
    </message>
    <message>
        <source>Moved %1 to %2.</source>
        <translation>%1 به %2 منتقل شد.</translation>
    </message>
    <message>
        <source>the renamed folder</source>
        <translation>پوشهٔ تغییرنام‌یافته</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>نوشتن %1 ممکن نشد: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) to %1, without passwords.</source>
        <translation>
            <numerusform>%n نمایه بدون گذرواژه به %1 برون‌بری شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>These profiles exist already: %1.
Replace them with the file&apos;s?</source>
        <translation>این نمایه‌ها از پیش وجود دارند: %1.
با نمایه‌های پرونده جایگزین شوند؟</translation>
    </message>
    <message>
        <source>Nothing imported.</source>
        <translation>چیزی درون‌ریزی نشد.</translation>
    </message>
    <message>
        <source>the imported profiles</source>
        <translation>نمایه‌های درون‌ریزی‌شده</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s) from %1.</source>
        <translation>
            <numerusform>%n نمایه از %1 درون‌ریزی شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The SSH tunnel could not be opened; PgDesk did not reach the database.</source>
        <translation>تونل SSH باز نشد؛ PgDesk به پایگاه داده نرسید.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CopyAs</name>
    <message>
        <source>Copy as</source>
        <translation>کپی به صورت</translation>
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
        <translation>SQL INSERT</translation>
    </message>
    <message>
        <source>Whole result</source>
        <translation>کل نتیجه</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CreateScriptView</name>
    <message>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Copy the whole script</source>
        <translation>رونوشت از کل اسکریپت</translation>
    </message>
    <message>
        <source>Save the script as a .sql file</source>
        <translation>ذخیرهٔ اسکریپت در یک پروندهٔ ‎.sql</translation>
    </message>
    <message>
        <source>Read the script again from the catalog</source>
        <translation>خواندن دوبارهٔ اسکریپت از کاتالوگ</translation>
    </message>
    <message>
        <source>CREATE script</source>
        <translation>اسکریپت CREATE</translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation>در حال خواندن کاتالوگ…</translation>
    </message>
    <message>
        <source>CREATE script of schema %1</source>
        <translation>اسکریپت CREATE طرح‌وارهٔ %1</translation>
    </message>
    <message>
        <source>CREATE script of %1.%2</source>
        <translation>اسکریپت CREATE برای %1.%2</translation>
    </message>
    <message>
        <source>Could not read the script: %1</source>
        <translation>اسکریپت خوانده نشد: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 ذخیره نشد: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>در %1 ذخیره شد</translation>
    </message>
    <message>
        <source>Save CREATE script</source>
        <translation>ذخیرهٔ اسکریپت CREATE</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>پرونده‌های SQL (*.sql);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>CREATE script of %1</source>
        <translation>اسکریپت CREATE برای %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::CronJobDialog</name>
    <message>
        <source>Active: runs on its schedule</source>
        <translation>فعال: طبق زمان‌بندی‌اش اجرا می‌شود</translation>
    </message>
    <message>
        <source>Edit job %1</source>
        <translation>ویرایش کار %1</translation>
    </message>
    <message>
        <source>New scheduled job</source>
        <translation>کار زمان‌بندی‌شدهٔ تازه</translation>
    </message>
    <message>
        <source>*/5 * * * *  or  @daily</source>
        <translation>*/5 * * * *  یا  @daily</translation>
    </message>
    <message>
        <source>Minute, hour, day of month, month, day of week (0 = Sunday), as cron reads them; or @hourly, @daily, @weekly, @monthly, @yearly. Times are the server&apos;s (cron.timezone, GMT unless set).</source>
        <translation>دقیقه، ساعت، روز ماه، ماه، روز هفته (0 = یکشنبه)، همان‌طور که cron می‌خواند؛ یا @hourly، @daily، @weekly، @monthly، @yearly. زمان‌ها زمان سرور است (cron.timezone، اگر تنظیم نشده GMT).</translation>
    </message>
    <message>
        <source>the current user</source>
        <translation>کاربر کنونی</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <source>&amp;Schedule:</source>
        <translation>&amp;زمان‌بندی:</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;فرمان:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;پایگاه داده:</translation>
    </message>
    <message>
        <source>Run as &amp;user:</source>
        <translation>اجرا با &amp;کاربر:</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>دستور:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DashboardView</name>
    <message>
        <source>Sessions</source>
        <translation>نشست‌ها</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>بیکار</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>بیکار در تراکنش</translation>
    </message>
    <message>
        <source>Transactions per second</source>
        <translation>تراکنش در ثانیه</translation>
    </message>
    <message>
        <source>commits</source>
        <translation>ثبت‌ها</translation>
    </message>
    <message>
        <source>rollbacks</source>
        <translation>برگشت‌ها</translation>
    </message>
    <message>
        <source>Tuples per second</source>
        <translation>تاپل در ثانیه</translation>
    </message>
    <message>
        <source>in (written)</source>
        <translation>ورودی (نوشته‌شده)</translation>
    </message>
    <message>
        <source>out (read)</source>
        <translation>خروجی (خوانده‌شده)</translation>
    </message>
    <message>
        <source>Blocks per second</source>
        <translation>بلوک در ثانیه</translation>
    </message>
    <message>
        <source>read</source>
        <translation>خوانده‌شده</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>برخورد</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>نسبت برخورد حافظهٔ نهان</translation>
    </message>
    <message>
        <source>Temporary files</source>
        <translation>پرونده‌های موقت</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>بایت</translation>
    </message>
    <message>
        <source>Locks and deadlocks</source>
        <translation>قفل‌ها و بن‌بست‌ها</translation>
    </message>
    <message>
        <source>waiting locks</source>
        <translation>قفل‌های در انتظار</translation>
    </message>
    <message>
        <source>deadlocks /s</source>
        <translation>بن‌بست در ثانیه</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>تأخیر تکثیر</translation>
    </message>
    <message>
        <source>WAL and checkpoints</source>
        <translation>WAL و نقطه‌های وارسی</translation>
    </message>
    <message>
        <source>WAL bytes /s</source>
        <translation>بایت WAL در ثانیه</translation>
    </message>
    <message>
        <source>checkpoints /min</source>
        <translation>نقطهٔ وارسی در دقیقه</translation>
    </message>
    <message>
        <source>Longest transaction</source>
        <translation>طولانی‌ترین تراکنش</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>ثانیه</translation>
    </message>
    <message>
        <source>Click a point of a chart to see the sessions busy at that moment.</source>
        <translation>روی نقطه‌ای از نمودار کلیک کنید تا نشست‌های سرگرم کار در آن لحظه را ببینید.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>ثانیه</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>پرس‌وجو</translation>
    </message>
    <message>
        <source>Sampling once a second while this tab is visible.</source>
        <translation>هر ثانیه یک نمونه، تا وقتی این زبانه دیده می‌شود.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) this session; once a second while visible.</source>
        <translation>
            <numerusform>%n نمونه در این نشست؛ هر ثانیه یک بار تا وقتی دیده می‌شود.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sessions busy at %1 (%n of them):</source>
        <translation>
            <numerusform>نشست‌های سرگرم کار در %1 (%n نشست):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, waiting for %2</source>
        <translation>%1، در انتظار %2</translation>
    </message>
    <message>
        <source>Click a point: the sessions busy at that moment</source>
        <translation>روی نقطه‌ای کلیک کنید: نشست‌هایی که در آن لحظه سرگرم کار بودند</translation>
    </message>
    <message>
        <source>no standby connected</source>
        <translation>هیچ آماده‌به‌کاری وصل نیست</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DataCompareDialog</name>
    <message>
        <source>Compare data of %1.%2</source>
        <translation>مقایسهٔ دادهٔ %1.%2</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Stage in the table</source>
        <translation>آماده‌سازی در جدول</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>در حال مقایسه…</translation>
    </message>
    <message>
        <source>Source %1 rows, target %2 rows: %3 the same, %4 different, %5 only in the source, %6 only in the target.</source>
        <translation>مبدأ %1 ردیف، مقصد %2 ردیف: %3 یکسان، %4 متفاوت، %5 فقط در مبدأ، %6 فقط در مقصد.</translation>
    </message>
    <message>
        <source>Not compared (in one table only, or generated): %1.</source>
        <translation>مقایسه‌نشده (فقط در یک جدول، یا تولیدشده): %1.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>چیزی برای تغییر نیست.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes make the target equal.</source>
        <translation>
            <numerusform>%n تغییر مقصد را یکسان می‌کند.</numerusform>
        </translation>
    </message>
    <message>
        <source>the source: the other table&apos;s rows change to match it</source>
        <translation>مبدأ: سطرهای جدول دیگر مطابق آن تغییر می‌کنند</translation>
    </message>
    <message>
        <source>the target: its rows change to match the other table</source>
        <translation>مقصد: سطرهای آن مطابق جدول دیگر تغییر می‌کنند</translation>
    </message>
    <message>
        <source>The rows of %1 are compared with the other table&apos;s by its key; what differs becomes staged changes of the other table, previewed and applied in its tab.</source>
        <translation>سطرهای %1 با کلیدش با سطرهای جدول دیگر مقایسه می‌شوند؛ آنچه فرق دارد به تغییرات آمادهٔ جدول دیگر تبدیل می‌شود که در زبانهٔ آن پیش‌نمایش و اعمال می‌شود.</translation>
    </message>
    <message>
        <source>The rows of the other table are compared with those of %1 by its key; what differs becomes staged changes of %1, previewed and applied in its tab.</source>
        <translation>سطرهای جدول دیگر با کلید با سطرهای %1 مقایسه می‌شوند؛ آنچه فرق دارد به تغییرات آمادهٔ %1 تبدیل می‌شود که در زبانهٔ آن پیش‌نمایش و اعمال می‌شود.</translation>
    </message>
    <message>
        <source>%1 · %2.%3 is</source>
        <translation>%1 · %2.%3 هست</translation>
    </message>
    <message>
        <source>Other database:</source>
        <translation>پایگاه دادهٔ دیگر:</translation>
    </message>
    <message>
        <source>Other table:</source>
        <translation>جدول دیگر:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DeadlockPicture</name>
    <message>
        <source>process %1 waits for %2 on %3, held by process %4</source>
        <translation>فرایند %1 منتظر %2 روی %3 است که فرایند %4 آن را نگه داشته</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>منتظر %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>روی %1</translation>
    </message>
    <message>
        <source>process %1 (cancelled)</source>
        <translation>فرایند %1 (لغو شد)</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>فرایند %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DesignColumnsModel</name>
    <message>
        <source>new</source>
        <translation>جدید</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تغییریافته</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Not null</source>
        <translation>غیر تهی</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>آماده‌شده</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>هویت</translation>
    </message>
    <message>
        <source>Generated as</source>
        <translation>تولیدشده از</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>ترتیب‌بندی</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DesignPoliciesPage</name>
    <message>
        <source>Row security enabled (without a policy, only the owner sees rows)</source>
        <translation>امنیت سطری فعال (بدون سیاست، فقط مالک سطرها را می‌بیند)</translation>
    </message>
    <message>
        <source>Applies to the table&apos;s owner too (FORCE)</source>
        <translation>برای مالک جدول نیز اعمال می‌شود (FORCE)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>As</source>
        <translation>به‌عنوان</translation>
    </message>
    <message>
        <source>For</source>
        <translation>برای</translation>
    </message>
    <message>
        <source>To</source>
        <translation>به</translation>
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
        <translation>آماده‌شده</translation>
    </message>
    <message>
        <source>Add Policy…</source>
        <translation>افزودن سیاست…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>new</source>
        <translation>جدید</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تغییریافته</translation>
    </message>
    <message>
        <source>permissive</source>
        <translation>مجازدهنده</translation>
    </message>
    <message>
        <source>restrictive</source>
        <translation>محدودکننده</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DiagramFeature</name>
    <message>
        <source>ER &amp;diagram…</source>
        <translation>&amp;نمودار ER…</translation>
    </message>
    <message>
        <source>Tables and their foreign keys: of the table in front, else of the schema</source>
        <translation>جدول‌ها و کلیدهای خارجی‌شان: از جدول پیش رو، وگرنه از شِما</translation>
    </message>
    <message>
        <source>ER diagram</source>
        <translation>نمودار ER</translation>
    </message>
    <message>
        <source>ER diagram of the schema</source>
        <translation>نمودار ER شِما</translation>
    </message>
    <message>
        <source>ER diagram of schema %1</source>
        <translation>نمودار ER شِمای %1</translation>
    </message>
    <message>
        <source>ER diagram around %1.%2</source>
        <translation>نمودار ER پیرامون %1.%2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::DumpRunPanel</name>
    <message>
        <source>Copy command</source>
        <translation>رونوشت فرمان</translation>
    </message>
    <message>
        <source>Command (the password goes in a temporary pgpass file, never here):</source>
        <translation>فرمان (گذرواژه در یک پروندهٔ pgpass موقت نوشته می‌شود، هرگز این‌جا):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EditSession</name>
    <message>
        <source>Read-only: %1 is a %2, not a table.</source>
        <translation>فقط‌خواندنی: %1 یک %2 است، نه جدول.</translation>
    </message>
    <message>
        <source>Read-only: %1 has no primary key or NOT NULL unique constraint, so a row cannot be identified safely for editing.</source>
        <translation>فقط‌خواندنی: %1 کلید اصلی یا قید یکتای NOT NULL ندارد، پس نمی‌توان ردیفی را برای ویرایش با اطمینان شناسایی کرد.</translation>
    </message>
    <message>
        <source>This server is a read-only standby; connect to the primary to edit.</source>
        <translation>این سرور یک standby فقط‌خواندنی است؛ برای ویرایش به سرور اصلی (primary) وصل شوید.</translation>
    </message>
    <message>
        <source>Read-only: this role may not read %1&apos;s primary key column %2, so a row cannot be identified for editing.</source>
        <translation>فقط خواندنی: این نقش اجازهٔ خواندن ستون کلید اصلی %2 از %1 را ندارد، پس ردیف‌ها برای ویرایش قابل شناسایی نیستند.</translation>
    </message>
    <message>
        <source>Read-only: this role has no INSERT, UPDATE or DELETE privilege on %1.</source>
        <translation>فقط خواندنی: این نقش هیچ‌یک از مجوزهای INSERT، UPDATE یا DELETE را روی %1 ندارد.</translation>
    </message>
    <message>
        <source>Rows of %1 cannot be deleted: this role has no DELETE privilege on it.</source>
        <translation>ردیف‌های %1 حذف‌شدنی نیستند: این نقش مجوز DELETE روی آن ندارد.</translation>
    </message>
    <message>
        <source>Rows of %1 cannot be deleted here: this role may not read their row version (xmin), so a row changed by someone else since it was read could be deleted unseen. SELECT on the whole table, or on xmin, allows it.</source>
        <translation>ردیف‌های %1 را اینجا نمی‌توان حذف کرد: این نقش اجازهٔ خواندن نسخهٔ ردیف (xmin) را ندارد، پس ردیفی که دیگری پس از خواندن تغییر داده ممکن است نادیده حذف شود. مجوز SELECT روی کل جدول یا روی xmin این کار را ممکن می‌کند.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) hidden: %1 (this role has no SELECT privilege on them).</source>
        <translation>
            <numerusform>%n ستون پنهان است: %1 (این نقش مجوز SELECT روی آن‌ها ندارد).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln به‌روزرسانی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserted</source>
        <translation>
            <numerusform>%Ln درج</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln soft-deleted</source>
        <translation>
            <numerusform>%Ln حذف نرم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted permanently</source>
        <translation>
            <numerusform>%Ln حذف دائمی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored</source>
        <translation>
            <numerusform>%Ln بازیابی</numerusform>
        </translation>
    </message>
    <message>
        <source>Applied to %1: nothing to write.</source>
        <translation>اعمال روی %1: چیزی برای نوشتن نبود.</translation>
    </message>
    <message>
        <source>Applied to %1: %2.</source>
        <translation>اعمال روی %1: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the counts of an apply</comment>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::Environment</name>
    <message>
        <source>Development</source>
        <translation>توسعه</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>آزمایشی</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>پیش‌عملیاتی</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>عملیاتی</translation>
    </message>
    <message>
        <source>%1 — writing unlocked</source>
        <translation>%1 — قفل نوشتن باز است</translation>
    </message>
    <message>
        <source>%1 — read-only</source>
        <translation>%1 — فقط‌خواندنی</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EnvironmentFields</name>
    <message>
        <source>None</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Environment&apos;s colour</source>
        <translation>رنگ محیط</translation>
    </message>
    <message>
        <source>Top level; nest with /, as in Clients/Acme</source>
        <translation>بالاترین سطح؛ با / تودرتو کنید، مانند Clients/Acme</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;محیط:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;رنگ:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;پوشه:</translation>
    </message>
    <message>
        <source>Production sessions are read-only on the server: each tab unlocks writing on its own, and Apply and batch operations ask for the database&apos;s name.</source>
        <translation>نشست‌های عملیاتی روی کارساز فقط‌خواندنی‌اند: هر زبانه قفل نوشتن را جداگانه باز می‌کند، و «اعمال» و عملیات گروهی نام پایگاه داده را می‌پرسند.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Colour of this connection</source>
        <translation>رنگ این اتصال</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::EnvironmentIndicator</name>
    <message>
        <source>A production session: the server refuses writes unless a tab unlocks writing</source>
        <translation>یک نشست عملیاتی: کارساز نوشتن را رد می‌کند مگر آنکه زبانه‌ای قفل نوشتن را باز کند</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>نمایهٔ %1</translation>
    </message>
    <message>
        <source>Profile %1, database %2</source>
        <translation>نمایهٔ %1، پایگاه دادهٔ %2</translation>
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
        <translation>یافتن جدول…</translation>
    </message>
    <message>
        <source>Find a table</source>
        <translation>یافتن جدول</translation>
    </message>
    <message>
        <source>Depth </source>
        <translation>ژرفا </translation>
    </message>
    <message>
        <source>Tables within this many foreign-key steps of %1, either way</source>
        <translation>جدول‌هایی که در این شمار گام کلید خارجی از %1 هستند، در هر دو سو</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>گسترش</translation>
    </message>
    <message>
        <source>Add the tables next to the selected one</source>
        <translation>جدول‌های کنار جدول برگزیده را بیفزا</translation>
    </message>
    <message>
        <source>Names only</source>
        <translation>فقط نام‌ها</translation>
    </message>
    <message>
        <source>Show each table as its name only</source>
        <translation>هر جدول را فقط با نامش نشان بده</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>جا دادن</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>نمایش کل نمودار</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>برون‌بری…</translation>
    </message>
    <message>
        <source>Save the diagram as SVG, PNG, Mermaid or DOT</source>
        <translation>ذخیرهٔ نمودار به صورت SVG، PNG، Mermaid یا DOT</translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation>در حال خواندن کاتالوگ…</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s), %1 foreign key(s); read in %2 ms, laid out in %3 ms.</source>
        <translation>
            <numerusform>%n جدول، %1 کلید خارجی؛ خوانده در %2 میلی‌ثانیه، چیده در %3 میلی‌ثانیه.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a table first: Grow adds the tables next to it.</source>
        <translation>نخست جدولی برگزینید: گسترش جدول‌های کنارش را می‌افزاید.</translation>
    </message>
    <message>
        <source>Choose .svg, .png, .mmd (Mermaid) or .dot (Graphviz).</source>
        <translation>‏.svg، ‏.png، ‏.mmd (Mermaid) یا ‏.dot (Graphviz) را برگزینید.</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>برون‌بری نمودار</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png);;Mermaid (*.mmd);;Graphviz DOT (*.dot)</source>
        <translation>نگارهٔ SVG (*.svg);;تصویر PNG (*.png);;Mermaid (*.mmd);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>ساختار</translation>
    </message>
    <message>
        <source>Design…</source>
        <translation>طراحی…</translation>
    </message>
    <message>
        <source>Grow: add the tables next to it</source>
        <translation>گسترش: جدول‌های کنارش را بیفزا</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>رونوشت نام</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>ذخیرهٔ %1…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExportDialog</name>
    <message>
        <source>Column names in the first line</source>
        <translation>نام ستون‌ها در خط اول</translation>
    </message>
    <message>
        <source>Numbers as JSON numbers (values a double cannot hold stay strings)</source>
        <translation>اعداد به صورت عدد JSON (مقدارهایی که در double جا نمی‌شوند رشته می‌مانند)</translation>
    </message>
    <message>
        <source>query</source>
        <translation>پرس‌وجو</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>برون‌بری %1</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>خالی</translation>
    </message>
    <message>
        <source>NULL text</source>
        <translation>متن NULL</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>انتخاب پرونده</translation>
    </message>
    <message>
        <source>Every row of %1, in the view&apos;s order.</source>
        <translation>همهٔ ردیف‌های %1، به ترتیب نما.</translation>
    </message>
    <message>
        <source>The rows of %1 that match the current filter, in the view&apos;s order.</source>
        <translation>ردیف‌های %1 که با فیلتر فعلی جورند، به ترتیب نما.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <source>NULL as</source>
        <translation>NULL به صورت</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>برون‌بری به</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>در حال برون‌بری…</translation>
    </message>
    <message>
        <source>%1 numbers stayed strings to keep their exact value.</source>
        <translation>%1 عدد برای حفظ مقدار دقیقشان رشته ماندند.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>چیزی نوشته نشد: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s), %2 bytes written</source>
        <translation>
            <numerusform>%1 ردیف، %2 بایت نوشته شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 row(s) to %2 (%3 bytes, %4 ms).</source>
        <translation>
            <numerusform>%1 ردیف به %2 برون‌بری شد (%3 بایت، %4 میلی‌ثانیه).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s) read; compressing the workbook…</source>
        <translation>
            <numerusform>%1 ردیف خوانده شد؛ کتاب کار فشرده می‌شود…</numerusform>
        </translation>
    </message>
    <message>
        <source>This statement is not a plain read (%1): an export runs the statement again, so only a SELECT, VALUES, TABLE or WITH … SELECT that writes nothing is exported. Copy as (the grid&apos;s context menu) copies the rows shown.</source>
        <translation>این دستور فقط خواندنی نیست (%1): برون‌بری دستور را دوباره اجرا می‌کند، پس فقط SELECT، VALUES، TABLE یا WITH … SELECT که چیزی نمی‌نویسد برون‌بری می‌شود. «کپی به صورت» (منوی زمینهٔ جدول) سطرهای نمایش‌داده‌شده را کپی می‌کند.</translation>
    </message>
    <message>
        <source>Every row of the query, run again as COPY (…) TO STDOUT.</source>
        <translation>همهٔ سطرهای پرس‌وجو، دوباره اجراشده به صورت COPY (…) TO STDOUT.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>اتصال‌ها</translation>
    </message>
    <message>
        <source>A whole table&apos;s CSV or TSV can be read by several connections sharing one snapshot, each copying a range of the table&apos;s pages: the same rows, in the table&apos;s stored order (as psql&apos;s \copy writes them) when no sort is chosen. Automatic uses them for tables of 64 MiB or more.</source>
        <translation>CSV یا TSV یک جدول کامل را می‌توان با چند اتصال که یک snapshot مشترک دارند خواند، هر کدام بازه‌ای از صفحه‌های جدول را کپی می‌کند: همان سطرها، به ترتیب ذخیره‌شدهٔ جدول (همان‌طور که ‎\copy‎ در psql می‌نویسد) وقتی مرتب‌سازی انتخاب نشده است. حالت خودکار برای جدول‌های ۶۴ مگابایت و بزرگ‌تر از آن‌ها استفاده می‌کند.</translation>
    </message>
    <message>
        <source>Read by %1 connections, in the table&apos;s stored order.</source>
        <translation>با %1 اتصال خوانده شد، به ترتیب ذخیره‌شدهٔ جدول.</translation>
    </message>
    <message>
        <source>Read by one connection: %1.</source>
        <translation>با یک اتصال خوانده شد: %1.</translation>
    </message>
    <message>
        <source>Every row of %1, in the view&apos;s order; a table of 64 MiB or more is read by several connections and comes in its stored order.</source>
        <translation>همهٔ سطرهای %1، به ترتیب نما؛ جدولی به اندازهٔ ۶۴ مگابایت یا بیشتر با چند اتصال خوانده می‌شود و به ترتیب ذخیره‌شده‌اش می‌آید.</translation>
    </message>
    <message>
        <source>Every row of %1, read by %2 connections in the table&apos;s stored order.</source>
        <translation>همهٔ سطرهای %1، خوانده‌شده با %2 اتصال به ترتیب ذخیره‌شدهٔ جدول.</translation>
    </message>
    <message numerus="yes">
        <source>%1 cell(s) were cut at Excel&apos;s 32,767 characters.</source>
        <translation>
            <numerusform>%1 سلول در ۳۲٬۷۶۷ نویسهٔ اکسل بریده شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported: %1 (no SELECT privilege).</source>
        <translation>صادر نشد: %1 (بدون مجوز SELECT).</translation>
    </message>
    <message>
        <source>Soft-deleted rows are left out, as the view shows them.</source>
        <translation>ردیف‌های حذف‌شدهٔ نرم، همان‌طور که نما نشان می‌دهد، کنار گذاشته شدند.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExtensionDialog</name>
    <message>
        <source>Install extension %1</source>
        <translation>نصب افزونهٔ %1</translation>
    </message>
    <message>
        <source>the first schema of the search path</source>
        <translation>نخستین طرح‌وارهٔ مسیر جست‌وجو</translation>
    </message>
    <message>
        <source>Also install the extensions it requires (%1)</source>
        <translation>افزونه‌هایی که نیاز دارد نیز نصب شوند (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>&amp;Schema:</source>
        <translation>&amp;طرح‌واره:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;نسخه:</translation>
    </message>
    <message>
        <source>This version is not trusted: only a superuser may install it.</source>
        <translation>این نسخه مورد اعتماد (trusted) نیست: فقط ابرکاربر می‌تواند نصبش کند.</translation>
    </message>
    <message>
        <source>Update extension %1</source>
        <translation>به‌روزرسانی افزونهٔ %1</translation>
    </message>
    <message>
        <source>From %1 to:</source>
        <translation>از %1 به:</translation>
    </message>
    <message>
        <source>Drop extension %1</source>
        <translation>حذف افزونهٔ %1</translation>
    </message>
    <message>
        <source>extension %1 (requires it)</source>
        <translation>افزونهٔ %1 (به آن نیاز دارد)</translation>
    </message>
    <message numerus="yes">
        <source>Drop these %n object(s) too (CASCADE)</source>
        <translation>
            <numerusform>این %n شیء نیز حذف شوند (CASCADE)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropping %1 drops its own objects and, only with CASCADE, these that depend on them, with their data:</source>
        <translation>حذف %1 اشیای خودش را حذف می‌کند و، فقط با CASCADE، این‌هایی را که به آن‌ها وابسته‌اند همراه با داده‌هایشان:</translation>
    </message>
    <message>
        <source>Dropping %1 drops its own objects (types, functions, operators …); nothing else in the database depends on them.</source>
        <translation>حذف %1 اشیای خودش را حذف می‌کند (نوع‌ها، تابع‌ها، عملگرها …)؛ چیز دیگری در پایگاه داده به آن‌ها وابسته نیست.</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>دستور:</translation>
    </message>
    <message>
        <source>-- %1 %2 is the newest version this server has</source>
        <translation>-- %1 %2 تازه‌ترین نسخه‌ای است که این سرور دارد</translation>
    </message>
    <message>
        <source>-- what depends on %1 is listed above: dropping needs CASCADE</source>
        <translation>-- آنچه به %1 وابسته است در بالا آمده: حذف به CASCADE نیاز دارد</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ExtensionsView</name>
    <message>
        <source>Install…</source>
        <translation>نصب…</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>به‌روزرسانی…</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>افزونه‌ها</translation>
    </message>
    <message>
        <source>Filter by name or description</source>
        <translation>پالایش بر پایهٔ نام یا توضیح</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Could not read the extensions: %1</source>
        <translation>خواندن افزونه‌ها ممکن نشد: %1</translation>
    </message>
    <message>
        <source>superuser</source>
        <translation>ابرکاربر</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>نصب‌شده</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>طرح‌واره</translation>
    </message>
    <message>
        <source>Updates to</source>
        <translation>به‌روزرسانی به</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>نیاز</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>%1 installed in %2, %3 more offered by the server.</source>
        <translation>%1 نصب‌شده در %2، %3 افزونهٔ دیگر را سرور عرضه می‌کند.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>انجام شد: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FilterBar</name>
    <message>
        <source>Add filter</source>
        <translation>افزودن فیلتر</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Search text columns…</source>
        <translation>جستجو در ستون‌های متنی…</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>جستجوی سریع</translation>
    </message>
    <message>
        <source>Case-insensitive search in every text column; %, _ and \ match literally</source>
        <translation>جستجوی بی‌توجه به بزرگی و کوچکی حروف در همهٔ ستون‌های متنی؛ %، _ و \ عیناً تطبیق می‌شوند</translation>
    </message>
    <message>
        <source>Match all</source>
        <translation>همهٔ شرط‌ها</translation>
    </message>
    <message>
        <source>Match any</source>
        <translation>یکی از شرط‌ها</translation>
    </message>
    <message>
        <source>Combine conditions</source>
        <translation>ترکیب شرط‌ها</translation>
    </message>
    <message>
        <source>Add a condition (Ctrl+F)</source>
        <translation>افزودن یک شرط (Ctrl+F)</translation>
    </message>
    <message>
        <source>Run the filter on the server (Enter)</source>
        <translation>اجرای فیلتر روی کارساز (Enter)</translation>
    </message>
    <message>
        <source>Run filter</source>
        <translation>اجرای فیلتر</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FilterConditionRow</name>
    <message>
        <source>Filter column</source>
        <translation>ستون فیلتر</translation>
    </message>
    <message>
        <source>Filter operation</source>
        <translation>عملگر فیلتر</translation>
    </message>
    <message>
        <source>path, e.g. device.type</source>
        <translation>مسیر، مثلاً device.type</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>مسیر JSON</translation>
    </message>
    <message>
        <source>Filter value</source>
        <translation>مقدار فیلتر</translation>
    </message>
    <message>
        <source>Second filter value</source>
        <translation>مقدار دوم فیلتر</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>حذف این شرط</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>حذف شرط</translation>
    </message>
    <message>
        <source>in list</source>
        <translation>در فهرست</translation>
    </message>
    <message>
        <source>not in list</source>
        <translation>نه در فهرست</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>شروع با</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>پایان با</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>شامل</translation>
    </message>
    <message>
        <source>is null</source>
        <translation>NULL است</translation>
    </message>
    <message>
        <source>is not null</source>
        <translation>NULL نیست</translation>
    </message>
    <message>
        <source>between</source>
        <translation>بین</translation>
    </message>
    <message>
        <source>has all of</source>
        <translation>همهٔ این‌ها را دارد</translation>
    </message>
    <message>
        <source>has any of</source>
        <translation>یکی از این‌ها را دارد</translation>
    </message>
    <message>
        <source>at path equals</source>
        <translation>در مسیر برابر با</translation>
    </message>
    <message>
        <source>contains JSON</source>
        <translation>شامل JSON</translation>
    </message>
    <message>
        <source>matches words</source>
        <translation>با واژه‌ها جور است</translation>
    </message>
    <message>
        <source>values, comma-separated</source>
        <translation>مقدارها، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>matches pattern anywhere (% and _)</source>
        <translation>مطابق الگو در هر جای متن (% و _)</translation>
    </message>
    <message>
        <source>matches pattern anywhere, ignore case (% and _)</source>
        <translation>مطابق الگو در هر جای متن، بدون توجه به بزرگی و کوچکی حروف (% و _)</translation>
    </message>
    <message>
        <source>A pattern, found anywhere in the text: % matches any text, _ any one character; put \ before %, _ or \ to match it as it is</source>
        <translation>یک الگو که در هر جای متن جست‌وجو می‌شود: % با هر متنی و _ با یک نویسه مطابق است؛ برای یافتن خود %، _ یا \ پیش از آن \ بگذارید</translation>
    </message>
    <message>
        <source>pattern found anywhere (% and _), e.g. A_E</source>
        <translation>الگو در هر جای متن (% و _)، مثلاً A_E</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FindBar</name>
    <message>
        <source>Find</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>جایگزینی با</translation>
    </message>
    <message>
        <source>Replace with (\1 for a group of the regular expression)</source>
        <translation>جایگزینی با (\1 برای یک گروه از عبارت باقاعده)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>تطبیق بزرگی و کوچکی حروف</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>فقط واژهٔ کامل</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>عبارت باقاعده</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>جایگزینی</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>جایگزینی همه</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>بستن (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>بستن نوار جستجو</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>عبارت باقاعدهٔ نامعتبر: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>یافت نشد</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n جایگزینی</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ForeignKeyPickerDialog</name>
    <message>
        <source>Choose %1 from %2.%3</source>
        <translation>انتخاب %1 از %2.%3</translation>
    </message>
    <message>
        <source>Search key and label</source>
        <translation>جستجو در کلید و برچسب</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <source>Rows of %1</source>
        <translation>ردیف‌های %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>No row matches</source>
        <translation>هیچ ردیفی مطابقت ندارد</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%n ردیف نمایش داده شده، با پیمایش ردیف‌های بیشتری می‌آید</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ردیف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ForeignKeyPickerModel</name>
    <message>
        <source>Label</source>
        <translation>برچسب</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::FormView</name>
    <message>
        <source>Previous row</source>
        <translation>ردیف قبل</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>ردیف بعد</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>اعمال…</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>ردیفی نیست</translation>
    </message>
    <message>
        <source>Row %1 of %2</source>
        <translation>ردیف %1 از %2</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Set %1 to NULL</source>
        <translation>NULL کردن %1</translation>
    </message>
    <message>
        <source>The column&apos;s default: %1</source>
        <translation>پیش‌فرض ستون: %1</translation>
    </message>
    <message>
        <source>The column has no default: it becomes NULL</source>
        <translation>ستون مقدار پیش‌فرض ندارد: NULL می‌شود</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::GeometryView</name>
    <message>
        <source>Geometry</source>
        <translation>هندسه</translation>
    </message>
    <message>
        <source>Geometry column</source>
        <translation>ستون هندسه</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>جا دادن</translation>
    </message>
    <message>
        <source>Show the whole extent</source>
        <translation>نمایش کل گستره</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ستون</translation>
    </message>
    <message>
        <source>%1 has no geometry column to draw.</source>
        <translation>%1 ستون هندسه‌ای برای ترسیم ندارد.</translation>
    </message>
    <message>
        <source>Reading the extent…</source>
        <translation>در حال خواندن گستره…</translation>
    </message>
    <message>
        <source>Nothing to draw: every value is NULL or empty.</source>
        <translation>چیزی برای ترسیم نیست: همهٔ مقدارها NULL یا خالی‌اند.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>در حال خواندن…</translation>
    </message>
    <message>
        <source>%1 of more than %1 features in view (zoom in for the rest)</source>
        <translation>%1 از بیش از %1 عارضه در نما (برای دیدن بقیه بزرگ‌نمایی کنید)</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) in view</source>
        <translation>
            <numerusform>%n عارضه در نما</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not drawn (types without a drawing)</source>
        <translation>
            <numerusform>%n مقدار ترسیم نشد (نوع‌هایی که ترسیمی ندارند)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::GridPaste</name>
    <message>
        <source>Nothing was pasted: row %1 of the pasted text, column %2: %3</source>
        <translation>چیزی چسبانده نشد: ردیف %1 از متن چسبانده‌شده، ستون %2: %3</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>چسباندن</translation>
    </message>
    <message>
        <source>Paste as new rows</source>
        <translation>چسباندن به صورت ردیف‌های جدید</translation>
    </message>
    <message>
        <source>Duplicate rows</source>
        <translation>رونوشت‌گیری از ردیف‌ها</translation>
    </message>
    <message>
        <source>Pasted empty fields are NULL</source>
        <translation>فیلدهای خالیِ چسبانده‌شده NULL هستند</translation>
    </message>
    <message>
        <source>Off: an empty field is the empty string &apos;&apos;. On: it is NULL.</source>
        <translation>خاموش: فیلد خالی رشتهٔ خالی &apos;&apos; است. روشن: NULL است.</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n row(s)</source>
        <translation>
            <numerusform>رونوشت‌گیری از %n ردیف</numerusform>
        </translation>
    </message>
    <message>
        <source>This table cannot be edited here.</source>
        <translation>این جدول را اینجا نمی‌توان ویرایش کرد.</translation>
    </message>
    <message>
        <source>Nothing was pasted: wait for the apply or the paste in progress.</source>
        <translation>چیزی چسبانده نشد: منتظر بمانید تا اعمال یا چسباندنِ در جریان تمام شود.</translation>
    </message>
    <message>
        <source>Nothing was pasted: no cell is selected.</source>
        <translation>چیزی چسبانده نشد: هیچ خانه‌ای انتخاب نشده است.</translation>
    </message>
    <message>
        <source>Nothing was pasted: the clipboard holds no text.</source>
        <translation>چیزی چسبانده نشد: حافظهٔ موقت متنی ندارد.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: the text has %n column(s), more than the grid shows from the current one.</source>
        <translation>
            <numerusform>چیزی چسبانده نشد: متن %n ستون دارد، بیش از ستون‌هایی که جدول از ستون جاری به بعد نشان می‌دهد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: the text has %n row(s), more than the grid has from the current one (Paste as new rows adds rows).</source>
        <translation>
            <numerusform>چیزی چسبانده نشد: متن %n ردیف دارد، بیش از ردیف‌هایی که جدول از ردیف جاری به بعد دارد («چسباندن به صورت ردیف‌های جدید» ردیف می‌افزاید).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted: row %1 of the pasted text falls on column %2 of a row that cannot be changed here (a generated or read-only column, a row not loaded yet or pending deletion).</source>
        <translation>چیزی چسبانده نشد: ردیف %1 از متن چسبانده‌شده روی ستون %2 از ردیفی می‌افتد که اینجا تغییرپذیر نیست (ستونی تولیدشده یا فقط‌خواندنی، ردیفی که هنوز بارگذاری نشده یا در انتظار حذف است).</translation>
    </message>
    <message>
        <source>Nothing was pasted: the table&apos;s changes are being applied.</source>
        <translation>چیزی چسبانده نشد: تغییرات جدول در حال اعمال است.</translation>
    </message>
    <message>
        <source>Nothing was pasted: %1</source>
        <translation>چیزی چسبانده نشد: %1</translation>
    </message>
    <message>
        <source>Nothing was pasted: column %1 cannot be given in a new row (generated, identity ALWAYS or no INSERT privilege).</source>
        <translation>چیزی چسبانده نشد: ستون %1 را نمی‌توان در ردیف جدید مقداردهی کرد (تولیدشده، identity ALWAYS یا بدون مجوز INSERT).</translation>
    </message>
    <message>
        <source>No row to duplicate is selected.</source>
        <translation>هیچ ردیفی برای رونوشت‌گیری انتخاب نشده است.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ImportDialog</name>
    <message>
        <source>First line holds column names</source>
        <translation>سطر اول شامل نام ستون‌هاست</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>انتخاب پرونده</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>ویرگول (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>نقطه‌ویرگول (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>جهش (Tab)</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>خط عمودی (|)</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>دیگر:</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>جداکننده</translation>
    </message>
    <message>
        <source>Other delimiter</source>
        <translation>جداکنندهٔ دیگر</translation>
    </message>
    <message>
        <source>One ASCII character other than a double quote</source>
        <translation>یک نویسهٔ ASCII به جز گیومهٔ دوتایی</translation>
    </message>
    <message>
        <source>empty (COPY&apos;s default)</source>
        <translation>خالی (پیش‌فرض COPY)</translation>
    </message>
    <message>
        <source>NULL text</source>
        <translation>متن NULL</translation>
    </message>
    <message>
        <source>An unquoted field equal to this text is NULL; a quoted one is text. With the default, an unquoted empty field is NULL and &quot;&quot; is the empty string.</source>
        <translation>فیلد بدون گیومه که برابر این متن باشد NULL است و فیلد گیومه‌دار متن. با پیش‌فرض، فیلد خالیِ بدون گیومه NULL است و &quot;&quot; رشتهٔ خالی.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <source>Every row of the file goes in, in one transaction, or none does.</source>
        <translation>همهٔ سطرهای پرونده در یک تراکنش وارد می‌شوند، یا هیچ‌کدام.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>درون‌ریزی</translation>
    </message>
    <message>
        <source>Preview of the first records; above each file column, the table column it fills:</source>
        <translation>پیش‌نمایش نخستین رکوردها؛ بالای هر ستون پرونده، ستونی از جدول که پر می‌کند:</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>درون‌ریزی از</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>ستون %1</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>به</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>(یک ستون انتخاب کنید)</translation>
    </message>
    <message>
        <source>Table column for file column %1</source>
        <translation>ستون جدول برای ستون %1 پرونده</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;)</source>
        <translation>%1 («%2»)</translation>
    </message>
    <message>
        <source>%1 is not a table: only tables can be imported into.</source>
        <translation>%1 جدول نیست: فقط به جدول‌ها می‌توان درون‌ریزی کرد.</translation>
    </message>
    <message>
        <source>%1 has no column that can be written.</source>
        <translation>%1 هیچ ستون قابل نوشتنی ندارد.</translation>
    </message>
    <message>
        <source>The delimiter must be one ASCII character other than a double quote.</source>
        <translation>جداکننده باید یک نویسهٔ ASCII به جز گیومهٔ دوتایی باشد.</translation>
    </message>
    <message>
        <source>The NULL text must not contain the delimiter or a line break.</source>
        <translation>متن NULL نباید شامل جداکننده یا شکست سطر باشد.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>در حال خواندن پرونده…</translation>
    </message>
    <message>
        <source>The file holds no complete record in its first 256 KiB.</source>
        <translation>پرونده در ۲۵۶ کیلوبایت نخست خود هیچ رکورد کاملی ندارد.</translation>
    </message>
    <message>
        <source>The file has %1 columns but %2 has only %3 that can be written. COPY cannot skip file columns: remove the extra columns from the file first.</source>
        <translation>پرونده %1 ستون دارد اما %2 فقط %3 ستون قابل نوشتن دارد. COPY نمی‌تواند از ستون‌های پرونده بگذرد: ابتدا ستون‌های اضافه را از پرونده حذف کنید.</translation>
    </message>
    <message>
        <source>File column %1 has no table column. COPY cannot skip file columns: choose a table column for each.</source>
        <translation>ستون %1 پرونده ستونی در جدول ندارد. COPY نمی‌تواند از ستون‌های پرونده بگذرد: برای هر کدام یک ستون جدول انتخاب کنید.</translation>
    </message>
    <message>
        <source>Table column %1 is chosen for file columns %2 and %3: choose each table column once.</source>
        <translation>ستون %1 جدول برای ستون‌های %2 و %3 پرونده انتخاب شده است: هر ستون جدول را فقط یک بار انتخاب کنید.</translation>
    </message>
    <message>
        <source>The other columns get their defaults: %1.</source>
        <translation>ستون‌های دیگر مقدار پیش‌فرض خود را می‌گیرند: %1.</translation>
    </message>
    <message>
        <source>%1 is NOT NULL without a default: the server will refuse the rows.</source>
        <translation>%1 از نوع NOT NULL و بدون مقدار پیش‌فرض است: سرور ردیف‌ها را نمی‌پذیرد.</translation>
    </message>
    <message>
        <source>Record %1 has %2 fields, the first has %3: COPY will refuse it.</source>
        <translation>رکورد %1 دارای %2 فیلد است و رکورد اول %3: COPY آن را نمی‌پذیرد.</translation>
    </message>
    <message>
        <source>The file starts with a byte order mark, which becomes part of the first value.</source>
        <translation>پرونده با نشانهٔ ترتیب بایت (BOM) شروع می‌شود که بخشی از مقدار اول خواهد شد.</translation>
    </message>
    <message>
        <source>You may lack the INSERT privilege on %1.</source>
        <translation>شاید مجوز INSERT روی %1 را نداشته باشید.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>در حال درون‌ریزی…</translation>
    </message>
    <message>
        <source>%1 of %2 bytes sent…</source>
        <translation>%1 از %2 بایت فرستاده شد…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>لغو شد: چیزی نوشته نشد.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>چیزی نوشته نشد: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message numerus="yes">
        <source>%n file column(s) into %1.</source>
        <translation>
            <numerusform>%n ستون پرونده به %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 row(s) into %2 (%3 bytes, %4 ms).</source>
        <translation>
            <numerusform>%1 ردیف به %2 درون‌ریزی شد (%3 بایت، %4 میلی‌ثانیه).</numerusform>
        </translation>
    </message>
    <message>
        <source>Import of %1 into %2.%3</source>
        <translation>درون‌ریزی %1 به %2.%3</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>برگه</translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation>درون‌ریزی به %1</translation>
    </message>
    <message>
        <source>File to import: CSV, XLSX, JSON or NDJSON</source>
        <translation>پرونده برای درون‌ریزی: CSV، XLSX، JSON یا NDJSON</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.xlsx *.json *.ndjson *.jsonl);;CSV files (*.csv *.tsv *.txt);;Excel workbooks (*.xlsx);;JSON files (*.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>پرونده‌های داده (*.csv *.tsv *.txt *.xlsx *.json *.ndjson *.jsonl);;پرونده‌های CSV (*.csv *.tsv *.txt);;کتاب‌های کار Excel (*.xlsx);;پرونده‌های JSON (*.json *.ndjson *.jsonl);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>First row holds column names</source>
        <translation>ردیف اول شامل نام ستون‌هاست</translation>
    </message>
    <message>
        <source>The keys name the columns</source>
        <translation>کلیدها نام ستون‌ها هستند</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>یک پرونده انتخاب کنید.</translation>
    </message>
    <message>
        <source>The file holds no record.</source>
        <translation>پرونده هیچ رکوردی ندارد.</translation>
    </message>
    <message>
        <source>Choose a table column for at least one field; fields without one are left out.</source>
        <translation>دست‌کم برای یک فیلد یک ستون جدول انتخاب کنید؛ فیلدهای بدون ستون کنار گذاشته می‌شوند.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) without a column are left out.</source>
        <translation>
            <numerusform>%n فیلد بدون ستون کنار گذاشته می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ستون</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Import of %1 into a new table %2</source>
        <translation>درون‌ریزی %1 به جدول تازهٔ %2</translation>
    </message>
    <message>
        <source>Import into a new table</source>
        <translation>درون‌ریزی به جدولی تازه</translation>
    </message>
    <message>
        <source>Import into a new table in %1</source>
        <translation>درون‌ریزی به جدولی تازه در %1</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>شِما</translation>
    </message>
    <message>
        <source>the first schema of the search path</source>
        <translation>نخستین شِمای مسیر جست‌وجو</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>جدول جدید</translation>
    </message>
    <message>
        <source>Name of the table to create</source>
        <translation>نام جدولی که ساخته می‌شود</translation>
    </message>
    <message>
        <source>Preview of the first records; above each file column, the new column&apos;s name and type (guessed from the first 1,000 records):</source>
        <translation>پیش‌نمایش نخستین رکوردها؛ بالای هر ستون پرونده، نام و نوع ستون تازه (برآوردشده از ۱٬۰۰۰ رکورد نخست):</translation>
    </message>
    <message>
        <source>Name of the new column for file column %1</source>
        <translation>نام ستون تازه برای ستون %1 پرونده</translation>
    </message>
    <message>
        <source>The new column&apos;s name</source>
        <translation>نام ستون تازه</translation>
    </message>
    <message>
        <source>The new column&apos;s name; empty leaves this field out</source>
        <translation>نام ستون تازه؛ خالی این فیلد را کنار می‌گذارد</translation>
    </message>
    <message>
        <source>Type of the new column for file column %1</source>
        <translation>نوع ستون تازه برای ستون %1 پرونده</translation>
    </message>
    <message>
        <source>Guessed from the first records; any type the server knows, e.g. numeric(12,2)</source>
        <translation>برآوردشده از نخستین رکوردها؛ هر نوعی که سرور می‌شناسد، مثلاً numeric(12,2)</translation>
    </message>
    <message>
        <source>Name the new table.</source>
        <translation>برای جدول تازه نامی بنویسید.</translation>
    </message>
    <message>
        <source>Name every column: COPY cannot skip file columns (column %1 has no name).</source>
        <translation>همهٔ ستون‌ها را نام بگذارید: COPY نمی‌تواند از ستون‌های پرونده بگذرد (ستون %1 نام ندارد).</translation>
    </message>
    <message>
        <source>Name at least one column; fields without a name are left out.</source>
        <translation>دست‌کم یک ستون را نام بگذارید؛ فیلدهای بی‌نام کنار گذاشته می‌شوند.</translation>
    </message>
    <message>
        <source>The column name %1 is given twice.</source>
        <translation>نام ستون %1 دو بار آمده است.</translation>
    </message>
    <message>
        <source>Choose a type for column %1.</source>
        <translation>برای ستون %1 نوعی برگزینید.</translation>
    </message>
    <message numerus="yes">
        <source>Creates %1 with %n column(s) and imports the file into it in one transaction: if a row fails, the table is not created either.</source>
        <translation>
            <numerusform>%1 را با %n ستون می‌سازد و پرونده را در یک تراکنش در آن درون‌ریزی می‌کند: اگر سطری شکست بخورد، جدول هم ساخته نمی‌شود.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) without a name are left out.</source>
        <translation>
            <numerusform>%n فیلد بی‌نام کنار گذاشته می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <source>The types are guessed from the first records; a later value that does not fit stops the import at its row.</source>
        <translation>نوع‌ها از نخستین رکوردها برآورد شده‌اند؛ مقدار ناسازگارِ بعدی درون‌ریزی را در سطر خودش متوقف می‌کند.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::JobsView</name>
    <message>
        <source>Failures only</source>
        <translation>فقط شکست‌ها</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>اجراها</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>کار تازه…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>غیرفعال‌کردن</translation>
    </message>
    <message>
        <source>Unschedule…</source>
        <translation>حذف از زمان‌بندی…</translation>
    </message>
    <message>
        <source>Runs of the selected job, newest first:</source>
        <translation>اجراهای کار برگزیده، تازه‌ترین نخست:</translation>
    </message>
    <message>
        <source>Partition sets</source>
        <translation>مجموعه‌های پارتیشن</translation>
    </message>
    <message>
        <source>New partition set…</source>
        <translation>مجموعهٔ پارتیشن تازه…</translation>
    </message>
    <message>
        <source>Run maintenance</source>
        <translation>اجرای نگهداری</translation>
    </message>
    <message>
        <source>Make the partitions premake asks for and apply retention now</source>
        <translation>پارتیشن‌هایی که premake می‌خواهد ساخته و نگهداشت اکنون اعمال شود</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Could not read the jobs: %1</source>
        <translation>خواندن کارها ممکن نشد: %1</translation>
    </message>
    <message numerus="yes">
        <source>pg_cron %1 in database %2: %n job(s)</source>
        <translation>
            <numerusform>pg_cron %1 در پایگاه داده %2: %n کار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failing</source>
        <translation>
            <numerusform>، %n ناموفق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pg_partman %1 in schema %2: %n partition set(s).</source>
        <translation>
            <numerusform>pg_partman %1 در طرح‌وارهٔ %2: %n مجموعهٔ پارتیشن.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>زمان‌بندی</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>آخرین اجرا</translation>
    </message>
    <message>
        <source>At</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>فرمان</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>نگه‌داشتن همه</translation>
    </message>
    <message>
        <source>%1, detached</source>
        <translation>%1، جداشده</translation>
    </message>
    <message>
        <source>%1, dropped</source>
        <translation>%1، حذف‌شده</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>جدول والد</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>ستون کنترل</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>بازه</translation>
    </message>
    <message>
        <source>Premake</source>
        <translation>پیش‌ساخت</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>نگهداشت</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>پارتیشن‌ها</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>قدیمی‌ترین</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>تازه‌ترین</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>فعال‌کردن</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>اجرا</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>انجام شد: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>scheduling a job</source>
        <translation>زمان‌بندی یک کار</translation>
    </message>
    <message>
        <source>changing job %1</source>
        <translation>تغییر کار %1</translation>
    </message>
    <message>
        <source>disabling job %1</source>
        <translation>غیرفعال‌کردن کار %1</translation>
    </message>
    <message>
        <source>enabling job %1</source>
        <translation>فعال‌کردن کار %1</translation>
    </message>
    <message>
        <source>unscheduling job %1</source>
        <translation>حذف کار %1 از زمان‌بندی</translation>
    </message>
    <message>
        <source>Unschedule job</source>
        <translation>حذف کار از زمان‌بندی</translation>
    </message>
    <message>
        <source>Unschedule job %1%2 (%3: %4)? It will not run again; its run history stays.</source>
        <translation>کار %1%2 (%3: %4) از زمان‌بندی حذف شود؟ دیگر اجرا نمی‌شود؛ تاریخچهٔ اجراهایش می‌ماند.</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>حذف از زمان‌بندی</translation>
    </message>
    <message>
        <source>creating a partition set</source>
        <translation>ساختن یک مجموعهٔ پارتیشن</translation>
    </message>
    <message>
        <source>dropping partitions of %1 past retention</source>
        <translation>حذف پارتیشن‌های %1 فراتر از نگهداشت</translation>
    </message>
    <message>
        <source>changing partition set %1</source>
        <translation>تغییر مجموعهٔ پارتیشن %1</translation>
    </message>
    <message>
        <source>maintaining partition set %1</source>
        <translation>نگهداری مجموعهٔ پارتیشن %1</translation>
    </message>
    <message>
        <source>Maintenance drops the partitions of %1 whose range ended more than %2 ago, with their rows.</source>
        <translation>نگهداری پارتیشن‌هایی از %1 را که بازه‌شان بیش از %2 پیش پایان یافته، همراه با سطرهایشان حذف می‌کند.</translation>
    </message>
    <message>
        <source>Drop and maintain</source>
        <translation>حذف و نگهداری</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::KeyDialog</name>
    <message>
        <source>Add Index</source>
        <translation>افزودن نمایه</translation>
    </message>
    <message>
        <source>Add Primary Key</source>
        <translation>افزودن کلید اصلی</translation>
    </message>
    <message>
        <source>Add Unique Key</source>
        <translation>افزودن کلید یکتا</translation>
    </message>
    <message>
        <source>Add Foreign Key</source>
        <translation>افزودن کلید خارجی</translation>
    </message>
    <message>
        <source>Add Check</source>
        <translation>افزودن بررسی</translation>
    </message>
    <message>
        <source>chosen by the server</source>
        <translation>انتخاب کارساز</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>ستون‌ها:</translation>
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
        <translation>عبارت:</translation>
    </message>
    <message>
        <source>Only rows where:</source>
        <translation>فقط ردیف‌هایی که:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>روش:</translation>
    </message>
    <message>
        <source>columns carried in the index, comma-separated</source>
        <translation>ستون‌های همراه در نمایه، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>شامل:</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>یکتا</translation>
    </message>
    <message>
        <source>Build concurrently (after the commit; writes go on)</source>
        <translation>ساخت هم‌زمان (پس از commit؛ نوشتن ادامه می‌یابد)</translation>
    </message>
    <message>
        <source>schema.table</source>
        <translation>schema.table</translation>
    </message>
    <message>
        <source>References:</source>
        <translation>ارجاع به:</translation>
    </message>
    <message>
        <source>its primary key</source>
        <translation>کلید اصلی آن</translation>
    </message>
    <message>
        <source>Referenced columns:</source>
        <translation>ستون‌های ارجاع‌شده:</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>بدون اقدام</translation>
    </message>
    <message>
        <source>Cascade</source>
        <translation>آبشاری</translation>
    </message>
    <message>
        <source>Set null</source>
        <translation>تهی کردن</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>منع</translation>
    </message>
    <message>
        <source>On delete:</source>
        <translation>هنگام حذف:</translation>
    </message>
    <message>
        <source>Check existing rows after the commit (NOT VALID, then VALIDATE: reads and writes go on)</source>
        <translation>بررسی ردیف‌های موجود پس از commit (NOT VALID، سپس VALIDATE: خواندن و نوشتن ادامه می‌یابد)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>آماده کردن</translation>
    </message>
    <message>
        <source>Add Exclusion Constraint</source>
        <translation>افزودن قید انحصار</translation>
    </message>
    <message>
        <source>room WITH =, during WITH &amp;&amp;</source>
        <translation>room WITH =, during WITH &amp;&amp;</translation>
    </message>
    <message>
        <source>Elements:</source>
        <translation>اجزا:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LargestRelationsModel</name>
    <message>
        <source>partitioned table</source>
        <translation>جدول پارتیشن‌بندی‌شده</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>نمای مادی‌شده</translation>
    </message>
    <message>
        <source>table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 بایت</translation>
    </message>
    <message>
        <source>Never analyzed: no estimate</source>
        <translation>هرگز تحلیل نشده: بدون تخمین</translation>
    </message>
    <message>
        <source>Estimated from the statistics</source>
        <translation>تخمین از روی آمار</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>رابطه</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>TOAST</source>
        <translation>TOAST</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>ایندکس‌ها</translation>
    </message>
    <message>
        <source>Rows (estimate)</source>
        <translation>ردیف‌ها (تخمینی)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LargestRelationsView</name>
    <message>
        <source>Largest relations of schema %1</source>
        <translation>بزرگ‌ترین رابطه‌های طرح‌وارهٔ %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>نمایش </translation>
    </message>
    <message>
        <source>How many relations to list, largest first (0: all)</source>
        <translation>چند رابطه فهرست شود، بزرگ‌ترین‌ها نخست (0: همه)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Largest relations of schema %1 (exact sizes)</source>
        <translation>بزرگ‌ترین رابطه‌های طرح‌وارهٔ %1 (اندازه‌های دقیق)</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>در حال اندازه‌گیری…</translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n رابطه</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not measure the relations: %1</source>
        <translation>اندازه‌گیری رابطه‌ها ممکن نشد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LineNumberGutter</name>
    <message>
        <source>Line numbers</source>
        <translation>شماره‌های خط</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ListenView</name>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>Channel to listen on</source>
        <translation>کانال برای گوش دادن</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>گوش دادن</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>توقف گوش دادن</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Channels listened on</source>
        <translation>کانال‌های در حال گوش دادن</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>اعلان‌ها</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>Channel to notify</source>
        <translation>کانال مقصد اعلان</translation>
    </message>
    <message>
        <source>Payload (optional)</source>
        <translation>محتوا (اختیاری)</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>محتوا</translation>
    </message>
    <message>
        <source>NOTIFY</source>
        <translation>NOTIFY</translation>
    </message>
    <message>
        <source>This profile goes through a transaction-mode pooler: LISTEN cannot work there.</source>
        <translation>این نمایه از طریق یک تجمیع‌کننده در حالت تراکنشی وصل می‌شود: LISTEN آن‌جا کار نمی‌کند.</translation>
    </message>
    <message>
        <source>Not listening. Name a channel and press Listen.</source>
        <translation>گوش داده نمی‌شود. نام یک کانال را وارد کنید و «گوش دادن» را بزنید.</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>گوش داده نمی‌شود.</translation>
    </message>
    <message numerus="yes">
        <source>Listening on %1 (%n notification(s) so far).</source>
        <translation>
            <numerusform>در حال گوش دادن به %1 (تاکنون %n اعلان).</numerusform>
        </translation>
    </message>
    <message>
        <source>Listening stopped: %1 Trying again in 5 seconds.</source>
        <translation>گوش دادن متوقف شد: %1 تلاش دوباره تا ۵ ثانیهٔ دیگر.</translation>
    </message>
    <message>
        <source>Name the channel to notify.</source>
        <translation>نام کانال مقصد اعلان را وارد کنید.</translation>
    </message>
    <message>
        <source>NOTIFY on channel %1</source>
        <translation>NOTIFY روی کانال %1</translation>
    </message>
    <message>
        <source>Sent a notification on %1.</source>
        <translation>اعلانی روی %1 فرستاده شد.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>فرستاده نشد: %1</translation>
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
        <translation>فقط ACCESS EXCLUSIVE منتظر می‌ماند</translation>
    </message>
    <message>
        <source>reads and writes go on</source>
        <translation>خواندن و نوشتن ادامه می‌یابد</translation>
    </message>
    <message>
        <source>reads and writes go on; other schema changes wait</source>
        <translation>خواندن و نوشتن ادامه می‌یابد؛ دیگر تغییرات طرح‌واره منتظر می‌مانند</translation>
    </message>
    <message>
        <source>reads go on; writes wait</source>
        <translation>خواندن ادامه می‌یابد؛ نوشتن منتظر می‌ماند</translation>
    </message>
    <message>
        <source>only plain reads go on</source>
        <translation>فقط خواندن ساده ادامه می‌یابد</translation>
    </message>
    <message>
        <source>reads and writes wait</source>
        <translation>خواندن و نوشتن منتظر می‌مانند</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>کمتر از یک ثانیه</translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation>حدود %1 ثانیه</translation>
    </message>
    <message>
        <source>%1. %2%3</source>
        <translation>%1. %2%3</translation>
    </message>
    <message>
        <source> (outside a transaction)</source>
        <translation> (بیرون از تراکنش)</translation>
    </message>
    <message>
        <source>no table lock</source>
        <translation>بدون قفل جدول</translation>
    </message>
    <message>
        <source>not known to the rules</source>
        <translation>برای قواعد ناشناخته</translation>
    </message>
    <message>
        <source>rewrites, %1</source>
        <translation>بازنویسی، %1</translation>
    </message>
    <message>
        <source>reads all, %1</source>
        <translation>خواندن همه، %1</translation>
    </message>
    <message>
        <source>instant</source>
        <translation>آنی</translation>
    </message>
    <message>
        <source>as said</source>
        <translation>همان‌طور که گفته شد</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>گرفت: %1</translation>
    </message>
    <message>
        <source>held already</source>
        <translation>از پیش نگه داشته</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>دستور</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>While it is held</source>
        <translation>تا زمانی که نگه داشته شود</translation>
    </message>
    <message>
        <source>Rewrite / scan</source>
        <translation>بازنویسی / پویش</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>ردگیری</translation>
    </message>
    <message>
        <source>Safer</source>
        <translation>امن‌تر</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n دستور</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) block reads and writes of a table</source>
        <translation>
            <numerusform>%n دستور خواندن و نوشتن یک جدول را مسدود می‌کند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) rewrite a table</source>
        <translation>
            <numerusform>%n دستور یک جدول را بازنویسی می‌کند</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 s of rewriting and scanning</source>
        <translation>حدود %1 ثانیه بازنویسی و پویش</translation>
    </message>
    <message numerus="yes">
        <source>%n cannot run in a transaction block</source>
        <translation>
            <numerusform>%n مورد نمی‌تواند در بلوک تراکنش اجرا شود</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not known to the rules (Trace shows them)</source>
        <translation>
            <numerusform>%n مورد برای قواعد ناشناخته (ردگیری نشانشان می‌دهد)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the trace disagrees on %n</source>
        <translation>
            <numerusform>ردگیری در %n مورد مخالف است</numerusform>
        </translation>
    </message>
    <message>
        <source>the trace agrees</source>
        <translation>ردگیری موافق است</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockAnalysisView</name>
    <message>
        <source>Trace</source>
        <translation>ردگیری</translation>
    </message>
    <message>
        <source>Run the statements in a transaction that is rolled back and read the locks the server takes (pg_locks) and the tables it rewrites. The locks are real while it runs.</source>
        <translation>دستورها را در تراکنشی که برگردانده می‌شود اجرا کن و قفل‌هایی که کارساز می‌گیرد (pg_locks) و جدول‌هایی که بازنویسی می‌کند را بخوان. قفل‌ها در طول اجرا واقعی‌اند.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::LockWaitWatcher</name>
    <message>
        <source>%1, idle in transaction for %2 s</source>
        <translation>%1، %2 ثانیه بیکار در تراکنش</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>waiting for a lock held by PID %1 (%2)</source>
        <translation>در انتظار قفلی که PID %1 (%2) نگه داشته است</translation>
    </message>
    <message numerus="yes">
        <source>and %n more session(s)</source>
        <translation>
            <numerusform>و %n نشست دیگر</numerusform>
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
        <translation>جدول‌ها و ابزارهای پرس‌وجو</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>آماده</translation>
    </message>
    <message>
        <source>%1 — PgDesk</source>
        <translation>%1 — PgDesk</translation>
    </message>
    <message>
        <source>%1 · %2@%3 · PostgreSQL %4</source>
        <translation>%1 · %2@%3 · PostgreSQL %4</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل شد</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;اتصال</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;ترجیحات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;پرس‌وجو</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;About PgDesk</source>
        <translation>&amp;دربارهٔ PgDesk</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;کپی اطلاعات عیب‌یابی</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard</source>
        <translation>اطلاعات عیب‌یابی در حافظهٔ موقت کپی شد</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>بستن زبانه</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>نوار ابزار اصلی</translation>
    </message>
    <message>
        <source>Close other tabs</source>
        <translation>بستن زبانه‌های دیگر</translation>
    </message>
    <message>
        <source>Close all tabs</source>
        <translation>بستن همهٔ زبانه‌ها</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::MaintenanceDialog</name>
    <message>
        <source>&amp;VACUUM: reclaim dead rows</source>
        <translation>&amp;VACUUM: بازپس‌گیری سطرهای مرده</translation>
    </message>
    <message>
        <source>&amp;ANALYZE: update the planner&apos;s statistics</source>
        <translation>&amp;ANALYZE: به‌روزرسانی آمار برنامه‌ریز</translation>
    </message>
    <message>
        <source>&amp;REINDEX: rebuild the indexes</source>
        <translation>&amp;REINDEX: بازسازی نمایه‌ها</translation>
    </message>
    <message>
        <source>R&amp;EFRESH the materialized view</source>
        <translation>تازه‌سازی نمای مادی‌شده (R&amp;EFRESH)</translation>
    </message>
    <message>
        <source>&amp;FULL: rewrite the table (locks it exclusively while it runs)</source>
        <translation>&amp;FULL: بازنویسی جدول (در این مدت آن را انحصاری قفل می‌کند)</translation>
    </message>
    <message>
        <source>F&amp;REEZE: freeze every row</source>
        <translation>F&amp;REEZE: منجمد کردن همهٔ سطرها</translation>
    </message>
    <message>
        <source>A&amp;NALYZE too</source>
        <translation>A&amp;NALYZE هم</translation>
    </message>
    <message>
        <source>&amp;CONCURRENTLY: without blocking writes (slower)</source>
        <translation>&amp;CONCURRENTLY: بدون مسدود کردن نوشتن (کندتر)</translation>
    </message>
    <message>
        <source>Co&amp;py statement</source>
        <translation>رونوشت از &amp;دستور</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>&amp;اجرا</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Maintenance of %1.%2</source>
        <translation>نگهداری %1.%2</translation>
    </message>
    <message>
        <source>Reading %1.%2…</source>
        <translation>در حال خواندن %1.%2…</translation>
    </message>
    <message>
        <source>Statement to run</source>
        <translation>دستوری که اجرا می‌شود</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>عملیات</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>گزینه‌ها</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>دستور:</translation>
    </message>
    <message>
        <source>%1.%2 (%3)</source>
        <translation>%1.%2 (%3)</translation>
    </message>
    <message>
        <source>No maintenance applies to a %1.</source>
        <translation>برای %1 نگهداری‌ای وجود ندارد.</translation>
    </message>
    <message>
        <source>%1.%2</source>
        <translation>%1.%2</translation>
    </message>
    <message>
        <source>Not concurrently: %1.</source>
        <translation>بدون CONCURRENTLY: %1.</translation>
    </message>
    <message>
        <source>VACUUM FULL rewrites the table and locks it against reads and writes until it ends.</source>
        <translation>VACUUM FULL جدول را بازنویسی می‌کند و تا پایان، خواندن و نوشتن آن را قفل می‌کند.</translation>
    </message>
    <message>
        <source>Without CONCURRENTLY, writes to the table wait until the reindex ends.</source>
        <translation>بدون CONCURRENTLY، نوشتن در جدول تا پایان بازسازی منتظر می‌ماند.</translation>
    </message>
    <message>
        <source>Without CONCURRENTLY, reads of the materialized view wait until the refresh ends.</source>
        <translation>بدون CONCURRENTLY، خواندن نمای مادی‌شده تا پایان تازه‌سازی منتظر می‌ماند.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>در حال اجرا…</translation>
    </message>
    <message>
        <source>Done: %1 finished in %2 ms.</source>
        <translation>انجام شد: %1 در %2 میلی‌ثانیه پایان یافت.</translation>
    </message>
    <message>
        <source>Cancelled: the server stopped the statement and left %1.%2 as it was.</source>
        <translation>لغو شد: سرور دستور را متوقف کرد و %1.%2 را همان‌طور که بود باقی گذاشت.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>ناموفق: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::MoveTablespaceDialog</name>
    <message>
        <source>Move %1.%2 to another tablespace</source>
        <translation>جابه‌جایی %1.%2 به فضای جدول دیگر</translation>
    </message>
    <message>
        <source>Move runs the statement alone, under a lock timeout.</source>
        <translation>جابه‌جایی دستور را به‌تنهایی و با مهلت قفل اجرا می‌کند.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>جابه‌جایی</translation>
    </message>
    <message>
        <source>To tablespace:</source>
        <translation>به فضای جدول:</translation>
    </message>
    <message>
        <source>Reading the tablespaces…</source>
        <translation>در حال خواندن فضاهای جدول…</translation>
    </message>
    <message>
        <source>Choose where the table goes.</source>
        <translation>برگزینید جدول به کجا برود.</translation>
    </message>
    <message>
        <source>Nothing is copied.</source>
        <translation>چیزی کپی نمی‌شود.</translation>
    </message>
    <message>
        <source>Copies %1 under ACCESS EXCLUSIVE: about %2 s in which nothing reads or writes it.</source>
        <translation>%1 را زیر ACCESS EXCLUSIVE کپی می‌کند: نزدیک %2 ثانیه که در آن هیچ چیز آن را نمی‌خواند یا نمی‌نویسد.</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>در حال جابه‌جایی…</translation>
    </message>
    <message>
        <source>The table was not moved: %1</source>
        <translation>جدول جابه‌جا نشد: %1</translation>
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
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>نمودار</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Run this cell (Ctrl+Enter)</source>
        <translation>اجرای این خانه (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Remove this cell</source>
        <translation>حذف این خانه</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>در حال اجرا…</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 از %2 سطر</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n سطر</numerusform>
        </translation>
    </message>
    <message>
        <source>Parameters set for the cells below.</source>
        <translation>پارامترها برای خانه‌های پایین تنظیم شدند.</translation>
    </message>
    <message>
        <source>Options…</source>
        <translation>گزینه‌ها…</translation>
    </message>
    <message>
        <source>The chart&apos;s type, columns and title as a form</source>
        <translation>نوع، ستون‌ها و عنوان نمودار به‌صورت فرم</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookChartDialog</name>
    <message>
        <source>Chart options</source>
        <translation>گزینه‌های نمودار</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>میله‌ای</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>خطی</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>سطحی</translation>
    </message>
    <message>
        <source>Points (scatter)</source>
        <translation>نقطه‌ای (پراکنده)</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>دایره‌ای</translation>
    </message>
    <message>
        <source>other columns, comma-separated</source>
        <translation>ستون‌های دیگر، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;نوع:</translation>
    </message>
    <message>
        <source>&amp;X (categories or time):</source>
        <translation>&amp;X (دسته‌ها یا زمان):</translation>
    </message>
    <message>
        <source>&amp;Y (values):</source>
        <translation>&amp;Y (مقدارها):</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;گروه‌بندی بر پایهٔ:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;عنوان:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookFeature</name>
    <message>
        <source>New note&amp;book</source>
        <translation>&amp;دفترچهٔ تازه</translation>
    </message>
    <message>
        <source>Open notebook…</source>
        <translation>باز کردن دفترچه…</translation>
    </message>
    <message>
        <source>Open Notebook</source>
        <translation>باز کردن دفترچه</translation>
    </message>
    <message>
        <source>Notebooks (*.pgnb.md *.md);;All files (*)</source>
        <translation>دفترچه‌ها (*.pgnb.md *.md);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Unsaved notebook</source>
        <translation>دفترچهٔ ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to the notebook before closing it?</source>
        <translation>تغییرات دفترچه پیش از بستن ذخیره شود؟</translation>
    </message>
    <message>
        <source>Connect first: a notebook runs on the current session</source>
        <translation>نخست وصل شوید: دفترچه روی نشست کنونی اجرا می‌شود</translation>
    </message>
    <message>
        <source>Notebook %1</source>
        <translation>دفترچهٔ %1</translation>
    </message>
    <message>
        <source>Notebook on database %1</source>
        <translation>دفترچه روی پایگاه دادهٔ %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotebookView</name>
    <message>
        <source>Run All</source>
        <translation>اجرای همه</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>نمودار</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <source>Save Notebook</source>
        <translation>ذخیرهٔ دفترچه</translation>
    </message>
    <message>
        <source>Notebooks (*.pgnb.md)</source>
        <translation>دفترچه‌ها (*.pgnb.md)</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>برون‌بری گزارش…</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>برون‌بری گزارش</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML page (*.html)</source>
        <translation>مارک‌داون (*.md);;صفحهٔ HTML (*.html)</translation>
    </message>
    <message>
        <source>Keep results in the file</source>
        <translation>نگه داشتن نتیجه‌ها در پرونده</translation>
    </message>
    <message>
        <source>Off: what the runs showed stays on this computer; the file holds the cells only</source>
        <translation>خاموش: آنچه اجراها نشان دادند روی این رایانه می‌ماند؛ پرونده فقط خانه‌ها را دارد</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>‏%1 خوانده نمی‌شود: %2</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>دفترچه</translation>
    </message>
    <message>
        <source>Choose where to save the notebook (Save As…).</source>
        <translation>جای ذخیرهٔ دفترچه را برگزینید (ذخیره با نام…).</translation>
    </message>
    <message>
        <source>The notebook was not saved: %1</source>
        <translation>دفترچه ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>‏%1 ذخیره شد.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>گزارش نوشته نشد: %1</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>گزارش در %1 نوشته شد.</translation>
    </message>
    <message>
        <source>Running the cell at line %1…</source>
        <translation>خانهٔ سطر %1 در حال اجرا…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>انجام شد.</translation>
    </message>
    <message>
        <source>Running all cells…</source>
        <translation>همهٔ خانه‌ها در حال اجرا…</translation>
    </message>
    <message>
        <source>Stopped at the cell at line %1: %2</source>
        <translation>در خانهٔ سطر %1 متوقف شد: %2</translation>
    </message>
    <message>
        <source>All cells ran.</source>
        <translation>همهٔ خانه‌ها اجرا شدند.</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>جابه‌جایی به بالا</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>جابه‌جایی به پایین</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::NotificationModel</name>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>محتوا</translation>
    </message>
    <message>
        <source>Sender PID</source>
        <translation>PID فرستنده</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ObjectBrowser</name>
    <message>
        <source>Database objects</source>
        <translation>اشیای پایگاه داده</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n رابطه</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the catalog: %1</source>
        <translation>بارگذاری کاتالوگ ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>لغو بارگذاری</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Load schemas and tables again</source>
        <translation>بارگذاری دوبارهٔ شِماها و جدول‌ها</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>بارگذاری لغو شد</translation>
    </message>
    <message>
        <source>Reload schemas and tables (%1)</source>
        <translation>بارگذاری دوبارهٔ شِماها و جدول‌ها (%1)</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>رونوشت نام</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Copy qualified name</source>
        <translation>رونوشت نام کامل (با شِما)</translation>
    </message>
    <message>
        <source>Show template databases</source>
        <translation>نمایش پایگاه‌های دادهٔ الگو</translation>
    </message>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation>باز کردن پایگاه دادهٔ %1 ممکن نشد: %2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>در حال باز کردن %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n relation(s)</source>
        <translation>
            <numerusform>%1: %n رابطه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::OperationIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Cancel the running statement on the server</source>
        <translation>لغو دستور در حال اجرا روی کارساز</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PageModel</name>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>New row; default: %1</source>
        <translation>ردیف جدید؛ پیش‌فرض: %1</translation>
    </message>
    <message>
        <source>New row</source>
        <translation>ردیف جدید</translation>
    </message>
    <message>
        <source>Conflict: this row was deleted by someone else since it was read</source>
        <translation>تداخل: این ردیف پس از خوانده شدن توسط کس دیگری حذف شده است</translation>
    </message>
    <message>
        <source>Conflict: this row was changed by someone else since it was read; it now holds %1</source>
        <translation>تداخل: این ردیف پس از خوانده شدن توسط کس دیگری تغییر کرده است؛ اکنون مقدارش %1 است</translation>
    </message>
    <message>
        <source>Staged; was: %1</source>
        <translation>در انتظار اعمال؛ مقدار قبلی: %1</translation>
    </message>
    <message>
        <source>New row, inserted when the changes are applied</source>
        <translation>ردیف جدید، هنگام اعمال تغییرات درج می‌شود</translation>
    </message>
    <message>
        <source>Deleted (soft delete: %1)</source>
        <translation>حذف‌شده (حذف نرم: %1)</translation>
    </message>
    <message>
        <source>Staged: DEFAULT (%1); was: %2</source>
        <translation>در انتظار اعمال: DEFAULT (%1)؛ مقدار قبلی: %2</translation>
    </message>
    <message>
        <source>no default: NULL</source>
        <translation>بدون مقدار پیش‌فرض: NULL</translation>
    </message>
    <message>
        <source>Only the first %1 bytes were loaded: double-click or View value… loads all of it</source>
        <translation>فقط %1 بایت نخست بارگذاری شد: دوبار کلیک یا «دیدن مقدار…» همه‌اش را بارگذاری می‌کند</translation>
    </message>
    <message>
        <source>Only the first %1 characters were loaded: double-click or View value… loads all of it</source>
        <translation>فقط %1 نویسهٔ نخست بارگذاری شد: دوبار کلیک یا «دیدن مقدار…» همه‌اش را بارگذاری می‌کند</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ParametersDialog</name>
    <message>
        <source>Query parameters</source>
        <translation>پارامترهای پرس‌وجو</translation>
    </message>
    <message>
        <source>Values are sent as bound parameters, as text PostgreSQL reads for each parameter&apos;s type; they are never written into the SQL.</source>
        <translation>مقدارها به صورت پارامترهای مقیدشده فرستاده می‌شوند، به صورت متنی که PostgreSQL برای نوع هر پارامتر می‌خواند؛ هرگز در SQL نوشته نمی‌شوند.</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>مقدار %1</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>%1 is NULL</source>
        <translation>%1 برابر NULL است</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>اجرا</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PartitionSetDialog</name>
    <message>
        <source>Drop partitions past retention (otherwise detached and kept as tables)</source>
        <translation>حذف پارتیشن‌های فراتر از نگهداشت (وگرنه جدا و به‌صورت جدول نگه داشته می‌شوند)</translation>
    </message>
    <message>
        <source>Edit partition set %1</source>
        <translation>ویرایش مجموعهٔ پارتیشن %1</translation>
    </message>
    <message>
        <source>New partition set</source>
        <translation>مجموعهٔ پارتیشن تازه</translation>
    </message>
    <message>
        <source>schema.table, declared PARTITION BY RANGE (column)</source>
        <translation>schema.table، تعریف‌شده با PARTITION BY RANGE (ستون)</translation>
    </message>
    <message>
        <source>daily, weekly, monthly, yearly, hourly …, any interval, or a number for an integer column</source>
        <translation>daily، weekly، monthly، yearly، hourly …، هر بازه‌ای، یا عددی برای ستون عدد صحیح</translation>
    </message>
    <message>
        <source>How many partitions are kept made ahead of the newest data</source>
        <translation>چند پارتیشن جلوتر از تازه‌ترین داده ساخته نگه داشته شود</translation>
    </message>
    <message>
        <source>keep every partition</source>
        <translation>نگه‌داشتن همهٔ پارتیشن‌ها</translation>
    </message>
    <message>
        <source>&amp;Parent table:</source>
        <translation>&amp;جدول والد:</translation>
    </message>
    <message>
        <source>&amp;Control column:</source>
        <translation>&amp;ستون کنترل:</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;بازه:</translation>
    </message>
    <message>
        <source>&amp;Premake:</source>
        <translation>&amp;پیش‌ساخت:</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>&amp;نگهداشت:</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>دستور:</translation>
    </message>
    <message>
        <source>Partitions whose range ends before now − %1 will be dropped with their rows at the next maintenance.</source>
        <translation>پارتیشن‌هایی که بازه‌شان پیش از اکنون − %1 پایان می‌یابد، در نگهداری بعدی همراه با سطرهایشان حذف می‌شوند.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>گذرواژهٔ %1</translation>
    </message>
    <message>
        <source>The server asks for a password to connect to “%1”.</source>
        <translation>کارساز برای اتصال به «%1» گذرواژه می‌خواهد.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Save password in the system &amp;keychain</source>
        <translation>ذخیرهٔ گذرواژه در &amp;جاکلیدی سیستم</translation>
    </message>
    <message>
        <source>Unticked, the password is kept only until PgDesk quits.</source>
        <translation>بدون تیک، گذرواژه فقط تا بسته شدن PgDesk نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;اتصال</translation>
    </message>
    <message>
        <source>Storing the password…</source>
        <translation>در حال ذخیرهٔ گذرواژه…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PinnedResultView</name>
    <message numerus="yes">
        <source>Pinned %1 · %n row(s) · %2</source>
        <translation>
            <numerusform>سنجاق‌شده %1 · %n سطر · %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanAnalysisModel</name>
    <message>
        <source>Node</source>
        <translation>گره</translation>
    </message>
    <message>
        <source>Exclusive (ms)</source>
        <translation>انحصاری (ms)</translation>
    </message>
    <message>
        <source>Exclusive %</source>
        <translation>انحصاری %</translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation>کل (ms)</translation>
    </message>
    <message>
        <source>Rows (est.)</source>
        <translation>ردیف‌ها (تخمینی)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>ردیف‌ها</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>دورها</translation>
    </message>
    <message>
        <source>Misestimate</source>
        <translation>خطای تخمین</translation>
    </message>
    <message>
        <source>Shared hit</source>
        <translation>Shared یافته</translation>
    </message>
    <message>
        <source>Shared read</source>
        <translation>Shared خوانده</translation>
    </message>
    <message>
        <source>Dirtied</source>
        <translation>تغییریافته</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>نوشته‌شده</translation>
    </message>
    <message>
        <source>Temp read</source>
        <translation>Temp خوانده</translation>
    </message>
    <message>
        <source>Temp written</source>
        <translation>Temp نوشته</translation>
    </message>
    <message>
        <source>I/O (ms)</source>
        <translation>ورودی/خروجی (ms)</translation>
    </message>
    <message>
        <source>Rows removed</source>
        <translation>ردیف‌های کنارگذاشته</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>شرط‌ها</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanCompareView</name>
    <message>
        <source>First plan</source>
        <translation>طرح اول</translation>
    </message>
    <message>
        <source>Second plan</source>
        <translation>طرح دوم</translation>
    </message>
    <message>
        <source>Exclusive (ms), first</source>
        <translation>انحصاری (ms)، اول</translation>
    </message>
    <message>
        <source>Exclusive (ms), second</source>
        <translation>انحصاری (ms)، دوم</translation>
    </message>
    <message>
        <source>Change (ms)</source>
        <translation>تغییر (ms)</translation>
    </message>
    <message>
        <source>Total (ms), first</source>
        <translation>کل (ms)، اول</translation>
    </message>
    <message>
        <source>Total (ms), second</source>
        <translation>کل (ms)، دوم</translation>
    </message>
    <message>
        <source>Shared blocks, first</source>
        <translation>بلوک‌های Shared، اول</translation>
    </message>
    <message>
        <source>Shared blocks, second</source>
        <translation>بلوک‌های Shared، دوم</translation>
    </message>
    <message>
        <source>(not in this plan)</source>
        <translation>(در این طرح نیست)</translation>
    </message>
    <message>
        <source>Execution %1 → %2</source>
        <translation>اجرا %1 → %2</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>%1× سریع‌تر</translation>
    </message>
    <message>
        <source>%1× slower</source>
        <translation>%1× کندتر</translation>
    </message>
    <message>
        <source>Cost %1 → %2</source>
        <translation>هزینه %1 → %2</translation>
    </message>
    <message>
        <source>shared blocks %1 → %2</source>
        <translation>بلوک‌های Shared %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) matched</source>
        <translation>
            <numerusform>%n گره جفت شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n تغییر کرد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanFeature</name>
    <message>
        <source>Open Plan…</source>
        <translation>باز کردن طرح اجرا…</translation>
    </message>
    <message>
        <source>Open a saved EXPLAIN (FORMAT JSON): the JSON, psql&apos;s output of it or an auto_explain log</source>
        <translation>باز کردن EXPLAIN (FORMAT JSON) ذخیره‌شده: خود JSON، خروجی psql از آن یا گزارش auto_explain</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>باز کردن طرح اجرا</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.log);;All files (*)</source>
        <translation>طرح‌های اجرا (*.json *.txt *.log);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Could not open the plan: %1</source>
        <translation>طرح اجرا باز نشد: %1</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>طرح اجرا: %1</translation>
    </message>
    <message>
        <source>Plans compared</source>
        <translation>مقایسهٔ طرح‌ها</translation>
    </message>
    <message>
        <source>Compare With a Saved Plan</source>
        <translation>مقایسه با طرح ذخیره‌شده</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PlanView</name>
    <message>
        <source>Zoom In</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Save Plan…</source>
        <translation>ذخیرهٔ طرح اجرا…</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>مقایسه با…</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>نمودار</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>تحلیل</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>نقاط داغ</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>جزئیات گره</translation>
    </message>
    <message>
        <source>No node took measurable time.</source>
        <translation>هیچ گرهی زمان قابل اندازه‌گیری نگرفت.</translation>
    </message>
    <message>
        <source>Hotspots need times: run Explain Analyze.</source>
        <translation>نقاط داغ به زمان نیاز دارند: Explain Analyze را اجرا کنید.</translation>
    </message>
    <message>
        <source>There is no plan to save.</source>
        <translation>طرح اجرایی برای ذخیره نیست.</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>ذخیرهٔ طرح اجرا</translation>
    </message>
    <message>
        <source>Plans (*.json);;All files (*)</source>
        <translation>طرح‌های اجرا (*.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Could not save the plan: %1</source>
        <translation>طرح اجرا ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Try an Index…</source>
        <translation>آزمودن یک نمایه…</translation>
    </message>
    <message>
        <source>The plan with a hypothetical index (hypopg) on the selected scan&apos;s filtered columns, beside this one; nothing is built</source>
        <translation>طرح اجرا با یک نمایهٔ فرضی (hypopg) روی ستون‌های فیلترشدهٔ پویش انتخاب‌شده، کنار همین طرح؛ چیزی ساخته نمی‌شود</translation>
    </message>
    <message>
        <source>Previous plan</source>
        <translation>طرح قبلی</translation>
    </message>
    <message>
        <source>Show this plan beside another: the previous plan of this tab, another open plan or a saved plan</source>
        <translation>نمایش این طرح در کنار طرحی دیگر: طرح قبلی این زبانه، طرح باز دیگری یا طرحی ذخیره‌شده</translation>
    </message>
    <message>
        <source>Previous Plan of This Tab</source>
        <translation>طرح قبلی این زبانه</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>طرح اجرا</translation>
    </message>
    <message>
        <source>Saved Plan File…</source>
        <translation>پرونده‌ی طرح ذخیره‌شده…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PolicyDialog</name>
    <message>
        <source>New Policy</source>
        <translation>سیاست جدید</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>سیاست %1</translation>
    </message>
    <message>
        <source>Permissive (any permissive policy admits a row)</source>
        <translation>مجازدهنده (هر سیاست مجازدهنده سطری را می‌پذیرد)</translation>
    </message>
    <message>
        <source>Restrictive (every restrictive policy must admit it too)</source>
        <translation>محدودکننده (هر سیاست محدودکننده نیز باید آن را بپذیرد)</translation>
    </message>
    <message>
        <source>PUBLIC, or role names separated by commas</source>
        <translation>PUBLIC، یا نام نقش‌ها جداشده با ویرگول</translation>
    </message>
    <message>
        <source>tenant_id = current_setting(&apos;app.tenant&apos;)::int</source>
        <translation>tenant_id = current_setting(&apos;app.tenant&apos;)::int</translation>
    </message>
    <message>
        <source>the rows a write may leave (USING&apos;s when empty)</source>
        <translation>سطرهایی که یک نوشتن می‌تواند بر جا بگذارد (خالی: همان USING)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>به‌عنوان:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>برای:</translation>
    </message>
    <message>
        <source>To roles:</source>
        <translation>به نقش‌ها:</translation>
    </message>
    <message>
        <source>Using (rows it sees):</source>
        <translation>Using (سطرهایی که می‌بیند):</translation>
    </message>
    <message>
        <source>With check (rows it writes):</source>
        <translation>With check (سطرهایی که می‌نویسد):</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PoolStatusWidget</name>
    <message>
        <source>Connection pool</source>
        <translation>استخر اتصال</translation>
    </message>
    <message>
        <source>Pool %1/%2 in use · %3 idle</source>
        <translation>استخر %1/%2 در حال استفاده · %3 بیکار</translation>
    </message>
    <message>
        <source> · %1 timeouts</source>
        <translation> · %1 پایان مهلت</translation>
    </message>
    <message>
        <source>Pool size %1, overflow %2 (%3 in use)
Open %4, idle %5, checked out %6
Checkouts %7, waits %8, timeouts %9
Recycled %10, discarded as dead %11</source>
        <translation>اندازهٔ استخر %1، سرریز %2 (%3 در حال استفاده)
باز %4، بیکار %5، امانت‌داده‌شده %6
امانت‌ها %7، انتظارها %8، پایان مهلت‌ها %9
نوسازی‌شده %10، کنارگذاشته به علت قطعی %11</translation>
    </message>
    <message numerus="yes">
        <source> · %n more database(s)</source>
        <translation>
            <numerusform> · %n پایگاه دادهٔ دیگر</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2/%3 in use, %4 idle, %5 timeouts</source>
        <translation>%1: %2/%3 در حال استفاده، %4 بیکار، %5 پایان مهلت</translation>
    </message>
    <message>
        <source> · SSH up</source>
        <translation> · SSH برقرار</translation>
    </message>
    <message>
        <source> · SSH starting</source>
        <translation> · SSH در حال راه‌اندازی</translation>
    </message>
    <message>
        <source> · SSH down</source>
        <translation> · SSH قطع</translation>
    </message>
    <message>
        <source> · SSH not started</source>
        <translation> · SSH راه‌اندازی نشده</translation>
    </message>
    <message>
        <source>SSH tunnel: %1</source>
        <translation>تونل SSH: %1</translation>
    </message>
    <message numerus="yes">
        <source>SSH tunnel restarted %n time(s)</source>
        <translation>
            <numerusform>تونل SSH %n بار از نو راه‌اندازی شد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>ترجیحات</translation>
    </message>
    <message>
        <source>Page size of new tables</source>
        <translation>اندازهٔ صفحهٔ جدول‌های تازه</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n ردیف</numerusform>
        </translation>
    </message>
    <message>
        <source>Scroll (continuous)</source>
        <translation>پیمایش (پیوسته)</translation>
    </message>
    <message>
        <source>NULL shown as</source>
        <translation>نمایش NULL به صورت</translation>
    </message>
    <message>
        <source>How the grids draw NULL (in italics, unlike an empty string)</source>
        <translation>شیوهٔ نمایش NULL در جدول‌ها (مورب، متفاوت با رشتهٔ خالی)</translation>
    </message>
    <message>
        <source>Dates and times</source>
        <translation>تاریخ و زمان</translation>
    </message>
    <message>
        <source>As PostgreSQL sends them (ISO 8601)</source>
        <translation>همان‌طور که PostgreSQL می‌فرستد (ISO 8601)</translation>
    </message>
    <message>
        <source>In the format of the language (%1)</source>
        <translation>در قالب زبان (%1)</translation>
    </message>
    <message>
        <source>Only how the grids show them: editing, copying and exports keep the exact values</source>
        <translation>فقط نمایش در جدول‌ها: ویرایش، رونوشت و برون‌بری مقدار دقیق را نگه می‌دارند</translation>
    </message>
    <message>
        <source>&amp;Own font for the grids</source>
        <translation>&amp;قلم دلخواه برای جدول‌ها</translation>
    </message>
    <message>
        <source>Own grid font</source>
        <translation>قلم دلخواه جدول</translation>
    </message>
    <message>
        <source>Grid font</source>
        <translation>قلم جدول</translation>
    </message>
    <message>
        <source>Grid font size</source>
        <translation>اندازهٔ قلم جدول</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> پوینت</translation>
    </message>
    <message>
        <source>Show the SQL and &amp;ask before applying staged changes</source>
        <translation>نمایش SQL و &amp;پرسش پیش از اعمال تغییرات در انتظار</translation>
    </message>
    <message>
        <source>Confirm before apply</source>
        <translation>تأیید پیش از اعمال</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>پیروی از سیستم</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>The language changes when PgDesk is started again.</source>
        <translation>زبان پس از اجرای دوبارهٔ PgDesk تغییر می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Page size of new tables:</source>
        <translation>&amp;اندازهٔ صفحهٔ جدول‌های تازه:</translation>
    </message>
    <message>
        <source>&amp;NULL shown as:</source>
        <translation>&amp;نمایش NULL به صورت:</translation>
    </message>
    <message>
        <source>&amp;Dates and times:</source>
        <translation>&amp;تاریخ و زمان:</translation>
    </message>
    <message>
        <source>Grid &amp;font:</source>
        <translation>&amp;قلم جدول:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;پوسته:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;زبان:</translation>
    </message>
    <message>
        <source>In the query tool, ask before UPDATE or DELETE without &amp;WHERE, TRUNCATE and DROP (always on production)</source>
        <translation>در ابزار پرس‌وجو، پیش از UPDATE یا DELETE بدون &amp;WHERE، TRUNCATE و DROP بپرس (در تولید همیشه)</translation>
    </message>
    <message>
        <source>Confirm sweeping statements</source>
        <translation>تأیید دستورهای فراگیر</translation>
    </message>
    <message>
        <source>&amp;Vim keys in the SQL editors (normal, insert and visual modes)</source>
        <translation>کلیدهای &amp;Vim در ویرایشگرهای SQL (حالت‌های عادی، درج و انتخاب دیداری)</translation>
    </message>
    <message>
        <source>Vim keys</source>
        <translation>کلیدهای Vim</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PrivilegeMatrixModel</name>
    <message>
        <source>with grant option</source>
        <translation>با اختیار اعطا</translation>
    </message>
    <message>
        <source>inherited</source>
        <translation>به‌ارث‌رسیده</translation>
    </message>
    <message>
        <source>%1 has %2 (granted to it, or through a role it is a member of, PUBLIC or ownership)</source>
        <translation>%1 مجوز %2 را دارد (اعطاشده به آن، یا از راه نقشی که عضو آن است، PUBLIC یا مالکیت)</translation>
    </message>
    <message>
        <source>%1 does not have %2</source>
        <translation>%1 مجوز %2 را ندارد</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PrivilegesView</name>
    <message>
        <source>With grant option</source>
        <translation>با اختیار اعطا</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Privileges on schema %1</source>
        <translation>مجوزهای طرح‌وارهٔ %1</translation>
    </message>
    <message>
        <source>Privileges on table %1.%2</source>
        <translation>مجوزهای جدول %1.%2</translation>
    </message>
    <message>
        <source>Reading the privileges…</source>
        <translation>خواندن مجوزها…</translation>
    </message>
    <message>
        <source>Tick a box to grant, clear it to revoke; right-click for the grant option.</source>
        <translation>تیک بزنید تا اعطا شود، بردارید تا پس گرفته شود؛ برای اختیار اعطا کلیک راست کنید.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>در حال اعمال…</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProductionConfirmDialog</name>
    <message>
        <source>Write to production</source>
        <translation>نوشتن در محیط عملیاتی</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is a production database.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;این یک پایگاه دادهٔ عملیاتی است.&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Type the database&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation>برای تأیید، نام پایگاه داده، &lt;b&gt;%1&lt;/b&gt;، را بنویسید:</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>نوشتن</translation>
    </message>
    <message numerus="yes">
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n به‌روزرسانی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insert(s)</source>
        <translation>
            <numerusform>%n درج</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delete(s)</source>
        <translation>
            <numerusform>%n حذف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n soft delete(s)</source>
        <translation>
            <numerusform>%n حذف نرم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restore(s)</source>
        <translation>
            <numerusform>%n بازیابی</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 در %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProfileEditor</name>
    <message>
        <source>Profile settings</source>
        <translation>تنظیمات نمایه</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Authentication &amp;&amp; SSL</source>
        <translation>احراز هویت و SSL</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>استخر</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>نشست</translation>
    </message>
    <message>
        <source>A name for this connection</source>
        <translation>نامی برای این اتصال</translation>
    </message>
    <message>
        <source>localhost, db.example.com or a socket folder</source>
        <translation>localhost، db.example.com یا پوشهٔ سوکت</translation>
    </message>
    <message>
        <source>Host name, IP address, or the folder of the server&apos;s unix socket. Empty: the default unix socket.</source>
        <translation>نام میزبان، نشانی IP یا پوشهٔ سوکت یونیکس کارساز. خالی: سوکت یونیکس پیش‌فرض.</translation>
    </message>
    <message>
        <source>5432</source>
        <translation>5432</translation>
    </message>
    <message>
        <source>TCP port of the server, 1–65535. Empty: 5432.</source>
        <translation>درگاه TCP کارساز، 1 تا 65535. خالی: 5432.</translation>
    </message>
    <message>
        <source>same as the user name</source>
        <translation>همان نام کاربری</translation>
    </message>
    <message>
        <source>your operating-system user name</source>
        <translation>نام کاربری شما در سیستم‌عامل</translation>
    </message>
    <message>
        <source>optional pg_service.conf entry</source>
        <translation>مدخل اختیاری pg_service.conf</translation>
    </message>
    <message>
        <source>A section of pg_service.conf whose settings libpq uses for the fields left empty here.</source>
        <translation>بخشی از pg_service.conf که libpq تنظیماتش را برای فیلدهای خالی این‌جا به کار می‌برد.</translation>
    </message>
    <message>
        <source>pgdesk</source>
        <translation>pgdesk</translation>
    </message>
    <message>
        <source>Shown by the server in pg_stat_activity and its logs.</source>
        <translation>کارساز آن را در pg_stat_activity و گزارش‌هایش نشان می‌دهد.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ثانیه</translation>
    </message>
    <message>
        <source>wait forever</source>
        <translation>انتظار بی‌پایان</translation>
    </message>
    <message>
        <source>How long to wait for the server to answer when connecting.</source>
        <translation>مدت انتظار برای پاسخ کارساز هنگام اتصال.</translation>
    </message>
    <message>
        <source>Further libpq settings of this profile, passed on as they are.</source>
        <translation>سایر تنظیمات libpq این نمایه، که بی‌تغییر فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;میزبان:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;درگاه:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;پایگاه داده:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;کاربر:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;سرویس:</translation>
    </message>
    <message>
        <source>&amp;Application name:</source>
        <translation>نام &amp;برنامه:</translation>
    </message>
    <message>
        <source>Connect &amp;timeout:</source>
        <translation>&amp;مهلت اتصال:</translation>
    </message>
    <message>
        <source>Other options:</source>
        <translation>گزینه‌های دیگر:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>انتخاب پرونده</translation>
    </message>
    <message>
        <source>Certificates and keys (*.crt *.pem *.key *.der *.crl);;All files (*)</source>
        <translation>گواهی‌ها و کلیدها (*.crt *.pem *.key *.der *.crl);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Left empty, libpq may still find a password in ~/.pgpass or the service file, and PgDesk asks when the server wants one.</source>
        <translation>اگر خالی بماند، libpq شاید گذرواژه را در ~/.pgpass یا پروندهٔ سرویس بیابد، و PgDesk هر وقت کارساز بخواهد می‌پرسد.</translation>
    </message>
    <message>
        <source>Save password in the system &amp;keychain</source>
        <translation>ذخیرهٔ گذرواژه در &amp;جاکلیدی سیستم</translation>
    </message>
    <message>
        <source>Unticked, a typed password is used for this session only and any saved copy is removed from the keychain.</source>
        <translation>بدون تیک، گذرواژهٔ واردشده فقط در همین نشست به کار می‌رود و نسخهٔ ذخیره‌شده از جاکلیدی پاک می‌شود.</translation>
    </message>
    <message>
        <source>libpq&apos;s default (prefer): encrypt when the server offers it</source>
        <translation>پیش‌فرض libpq (prefer): رمزنگاری اگر کارساز پیشنهاد کند</translation>
    </message>
    <message>
        <source>Never encrypt</source>
        <translation>هرگز رمزنگاری نکن</translation>
    </message>
    <message>
        <source>Encrypt only when the server insists</source>
        <translation>رمزنگاری فقط اگر کارساز اصرار کند</translation>
    </message>
    <message>
        <source>Encrypt when the server offers it</source>
        <translation>رمزنگاری اگر کارساز پیشنهاد کند</translation>
    </message>
    <message>
        <source>Always encrypt; do not check the server&apos;s certificate</source>
        <translation>همیشه رمزنگاری؛ گواهی کارساز بررسی نشود</translation>
    </message>
    <message>
        <source>Always encrypt; the certificate must be signed by the root certificate</source>
        <translation>همیشه رمزنگاری؛ گواهی باید با گواهی ریشه امضا شده باشد</translation>
    </message>
    <message>
        <source>Like verify-ca, and the certificate must name the host</source>
        <translation>مانند verify-ca، و گواهی باید نام میزبان را داشته باشد</translation>
    </message>
    <message>
        <source>default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <source>Whether and how the connection is encrypted (sslmode).</source>
        <translation>اینکه اتصال رمزنگاری شود یا نه و چگونه (sslmode).</translation>
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
        <translation>هیچ</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <source>Passwords go only into the system keychain, never into the profile file.</source>
        <translation>گذرواژه‌ها فقط در جاکلیدی سیستم ذخیره می‌شوند، هرگز در پروندهٔ نمایه.</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>&amp;حالت SSL:</translation>
    </message>
    <message>
        <source>&amp;Root certificate:</source>
        <translation>گواهی &amp;ریشه:</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>گواهی ریشه</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>&amp;گواهی کارخواه:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>گواهی کارخواه</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>&amp;کلید کارخواه:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>کلید کارخواه</translation>
    </message>
    <message>
        <source>Revocation &amp;list:</source>
        <translation>&amp;فهرست ابطال:</translation>
    </message>
    <message>
        <source>Certificate revocation list</source>
        <translation>فهرست ابطال گواهی</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>نامحدود</translation>
    </message>
    <message>
        <source>never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> میلی‌ثانیه</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>پیش‌فرض کارساز</translation>
    </message>
    <message>
        <source>The server cancels any statement that runs longer than this (statement_timeout).</source>
        <translation>کارساز هر دستوری را که بیش از این طول بکشد لغو می‌کند (statement_timeout).</translation>
    </message>
    <message>
        <source>Read committed</source>
        <translation>Read committed</translation>
    </message>
    <message>
        <source>Repeatable read</source>
        <translation>Repeatable read</translation>
    </message>
    <message>
        <source>Serializable</source>
        <translation>Serializable</translation>
    </message>
    <message>
        <source>Isolation level of the transactions PgDesk opens to read pages and apply changes.</source>
        <translation>سطح جداسازی تراکنش‌هایی که PgDesk برای خواندن صفحه‌ها و اعمال تغییرات باز می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Read-only: the server refuses every change</source>
        <translation>&amp;فقط‌خواندنی: کارساز هر تغییری را رد می‌کند</translation>
    </message>
    <message>
        <source>Sets default_transaction_read_only for the whole session.</source>
        <translation>default_transaction_read_only را برای کل نشست تنظیم می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Echo SQL: log every statement PgDesk sends</source>
        <translation>&amp;بازتاب SQL: ثبت هر دستوری که PgDesk می‌فرستد</translation>
    </message>
    <message>
        <source>Statements go to the SQL log and to standard error (logging category pgdesk.sql).</source>
        <translation>دستورها به گزارش SQL و خروجی خطای استاندارد می‌روند (دستهٔ گزارش pgdesk.sql).</translation>
    </message>
    <message>
        <source>&amp;Hide parameter values in logs and errors</source>
        <translation>&amp;پنهان کردن مقدار پارامترها در گزارش‌ها و خطاها</translation>
    </message>
    <message>
        <source>Values are shown as &lt;hidden&gt;, for data that must not reach a log.</source>
        <translation>مقدارها به صورت &lt;hidden&gt; نمایش داده می‌شوند، برای داده‌هایی که نباید به گزارش برسند.</translation>
    </message>
    <message>
        <source>Statement &amp;timeout:</source>
        <translation>&amp;مهلت دستور:</translation>
    </message>
    <message>
        <source>&amp;Isolation level:</source>
        <translation>&amp;سطح جداسازی:</translation>
    </message>
    <message>
        <source>looking in the keychain…</source>
        <translation>در حال جستجو در جاکلیدی…</translation>
    </message>
    <message>
        <source>not saved — asked for when the server wants one</source>
        <translation>ذخیره نشده — هر وقت کارساز بخواهد پرسیده می‌شود</translation>
    </message>
    <message>
        <source>kept for this session — type a new one to replace it</source>
        <translation>برای همین نشست نگه داشته شده — برای جایگزینی، گذرواژهٔ تازه وارد کنید</translation>
    </message>
    <message>
        <source>saved in the keychain — type a new one to replace it</source>
        <translation>در جاکلیدی ذخیره شده — برای جایگزینی، گذرواژهٔ تازه وارد کنید</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>برای اتصال نامی بگذارید.</translation>
    </message>
    <message>
        <source>Another connection is already called “%1”.</source>
        <translation>اتصال دیگری از پیش «%1» نام دارد.</translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535, or empty for 5432.</source>
        <translation>درگاه باید عددی صحیح از 1 تا 65535 باشد، یا خالی برای 5432.</translation>
    </message>
    <message>
        <source>Check this setting: %1</source>
        <translation>این تنظیم را بررسی کنید: %1</translation>
    </message>
    <message>
        <source>Through a transaction &amp;pooler (pgbouncer)</source>
        <translation>از طریق &amp;تجمیع‌کنندهٔ تراکنشی (pgbouncer)</translation>
    </message>
    <message>
        <source>A statement that waits longer than this for a lock another session holds fails instead of waiting on (lock_timeout).</source>
        <translation>دستوری که بیش از این برای قفلی که نشست دیگری نگه داشته منتظر بماند، به جای ادامهٔ انتظار با خطا پایان می‌یابد (lock_timeout).</translation>
    </message>
    <message>
        <source>The statement and lock timeouts and read-only are set in every transaction (SET LOCAL) instead of for the session, so they never reach another client&apos;s transaction.</source>
        <translation>مهلت اجرای دستور، مهلت قفل و حالت فقط‌خواندنی به جای کل نشست، در هر تراکنش (SET LOCAL) تنظیم می‌شوند تا هرگز به تراکنش کلاینت دیگری نرسند.</translation>
    </message>
    <message>
        <source>&amp;Lock timeout:</source>
        <translation>مهلت &amp;قفل:</translation>
    </message>
    <message>
        <source>How many connections stay open while they are idle, shared by every tab of this connection (a number of connections).</source>
        <translation>چند اتصال در زمان بیکاری باز بمانند؛ همهٔ زبانه‌های این اتصال به‌طور مشترک از آن‌ها استفاده می‌کنند (تعداد اتصال).</translation>
    </message>
    <message>
        <source>How many more connections may be opened while all those kept open are busy; they are closed again when handed back (a number of connections). Kept open plus extra is the most connections PgDesk opens at once.</source>
        <translation>وقتی همهٔ اتصال‌های بازنگه‌داشته مشغول‌اند، چند اتصال دیگر می‌توان باز کرد؛ این اتصال‌ها هنگام بازگرداندن دوباره بسته می‌شوند (تعداد اتصال). مجموع اتصال‌های بازنگه‌داشته و اضافی بیشترین تعداد اتصالی است که PgDesk هم‌زمان باز می‌کند.</translation>
    </message>
    <message>
        <source>How long a request waits for a connection to become free when all of them are in use, before it fails (in seconds).</source>
        <translation>مدتی که یک درخواست، وقتی همهٔ اتصال‌ها در حال استفاده‌اند، پیش از شکست منتظر آزاد شدن یک اتصال می‌ماند (به ثانیه).</translation>
    </message>
    <message>
        <source>A connection open longer than this is closed and replaced the next time it is needed, e.g. to stay under a firewall&apos;s idle limit (in seconds).</source>
        <translation>اتصالی که بیش از این مدت باز بوده، دفعهٔ بعد که لازم شود بسته و جایگزین می‌شود، مثلاً برای ماندن زیر حد بیکاری یک دیوارهٔ آتش (به ثانیه).</translation>
    </message>
    <message>
        <source>Check a connection &amp;before use</source>
        <translation>بررسی اتصال &amp;پیش از استفاده</translation>
    </message>
    <message>
        <source>Ask the server with a quick round trip whether an idle connection still works before it is used, and replace it if the server has dropped it (one round trip each time a connection is taken).</source>
        <translation>پیش از استفاده از یک اتصال بیکار، با یک رفت‌وبرگشت کوتاه از کارساز پرسیده می‌شود که آیا هنوز کار می‌کند، و اگر کارساز آن را قطع کرده باشد جایگزین می‌شود (هر بار که اتصالی برداشته می‌شود، یک رفت‌وبرگشت).</translation>
    </message>
    <message>
        <source>Reuse the &amp;most recent connection first</source>
        <translation>نخست استفاده از &amp;تازه‌ترین اتصال</translation>
    </message>
    <message>
        <source>Hand out the idle connection that was handed back last, so spare ones stay idle long enough for the server&apos;s idle timeouts to close them. Unticked: the connection idle the longest goes first.</source>
        <translation>اتصال بیکاری که آخر از همه بازگردانده شده نخست داده می‌شود، تا اتصال‌های اضافی آن‌قدر بیکار بمانند که مهلت بیکاری کارساز آن‌ها را ببندد. بدون تیک: اتصالی که بیش از همه بیکار مانده نخست داده می‌شود.</translation>
    </message>
    <message>
        <source>Connections kept &amp;open:</source>
        <translation>اتصال‌های &amp;بازنگه‌داشته:</translation>
    </message>
    <message>
        <source>&amp;Extra connections when busy:</source>
        <translation>اتصال‌های &amp;اضافی هنگام شلوغی:</translation>
    </message>
    <message>
        <source>&amp;Wait for a free connection:</source>
        <translation>&amp;مهلت انتظار برای اتصال آزاد:</translation>
    </message>
    <message>
        <source>&amp;Replace connections older than:</source>
        <translation>&amp;جایگزینی اتصال‌های قدیمی‌تر از:</translation>
    </message>
    <message>
        <source>Every tab of this connection shares these connections; hover over a field for what it does.</source>
        <translation>همهٔ زبانه‌های این اتصال به‌طور مشترک از این اتصال‌ها استفاده می‌کنند؛ برای دیدن کار هر فیلد، نشانگر را روی آن نگه دارید.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>محیط</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos (GSSAPI)</translation>
    </message>
    <message>
        <source>Kerberos logs in with your ticket (kinit): PgDesk never asks for a password.</source>
        <translation>Kerberos با بلیت شما (kinit) وارد می‌شود: PgDesk هرگز گذرواژه نمی‌پرسد.</translation>
    </message>
    <message>
        <source>A shell command whose output is the password, run for every new connection: for short-lived tokens, e.g. aws rds generate-db-auth-token … It runs with /bin/sh as you; its output is never saved or logged, and it replaces any saved password.</source>
        <translation>فرمان پوسته‌ای که خروجی‌اش گذرواژه است و برای هر اتصال تازه اجرا می‌شود: برای توکن‌های کوتاه‌عمر، مانند aws rds generate-db-auth-token … با /bin/sh و با کاربر شما اجرا می‌شود؛ خروجی‌اش هرگز ذخیره یا ثبت نمی‌شود و جای هر گذرواژهٔ ذخیره‌شده را می‌گیرد.</translation>
    </message>
    <message>
        <source>The command is stopped and the connection fails after this long.</source>
        <translation>پس از این مدت، فرمان متوقف می‌شود و اتصال ناموفق می‌ماند.</translation>
    </message>
    <message>
        <source>default (prefer)</source>
        <translation>پیش‌فرض (prefer)</translation>
    </message>
    <message>
        <source>Whether the connection is encrypted with GSSAPI (gssencmode).</source>
        <translation>اینکه اتصال با GSSAPI رمزنگاری شود یا نه (gssencmode).</translation>
    </message>
    <message>
        <source>postgres</source>
        <translation>postgres</translation>
    </message>
    <message>
        <source>The server&apos;s Kerberos service name (krbsrvname).</source>
        <translation>نام سرویس Kerberos کارساز (krbsrvname).</translation>
    </message>
    <message>
        <source>Authe&amp;ntication:</source>
        <translation>&amp;احراز هویت:</translation>
    </message>
    <message>
        <source>Password co&amp;mmand:</source>
        <translation>&amp;فرمان گذرواژه:</translation>
    </message>
    <message>
        <source>Command t&amp;imeout:</source>
        <translation>مهلت &amp;فرمان:</translation>
    </message>
    <message>
        <source>&amp;GSS encryption:</source>
        <translation>&amp;رمزنگاری GSS:</translation>
    </message>
    <message>
        <source>Ker&amp;beros service:</source>
        <translation>سرویس &amp;Kerberos:</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Enter the SSH host, or untick the SSH tunnel.</source>
        <translation>میزبان SSH را وارد کنید، یا تیک تونل SSH را بردارید.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProfileFolderView</name>
    <message>
        <source>New folder inside…</source>
        <translation>پوشهٔ جدید در داخل…</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>پوشهٔ جدید…</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>پوشهٔ جدید</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>نام پوشه:</translation>
    </message>
    <message>
        <source>Rename folder…</source>
        <translation>تغییر نام پوشه…</translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>تغییر نام پوشه</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProfileListModel</name>
    <message>
        <source>service %1</source>
        <translation>سرویس %1</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>سوکت محلی</translation>
    </message>
    <message>
        <source>(service %1)</source>
        <translation>(سرویس %1)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ProposalBar</name>
    <message>
        <source>Stage</source>
        <translation>آماده کردن</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور انداختن</translation>
    </message>
    <message>
        <source>%1 proposed %2 at %3.</source>
        <translation>%1 در %3 پیشنهاد داد: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n more proposal(s) wait after it.</source>
        <translation>
            <numerusform>پس از آن %n پیشنهاد دیگر منتظر است.</numerusform>
        </translation>
    </message>
    <message>
        <source>The proposed changes become this tab&apos;s staged edits: review them, then Apply or Discard</source>
        <translation>تغییرهای پیشنهادی ویرایش‌های آمادهٔ این زبانه می‌شوند: بررسی کنید، سپس اعمال یا دور انداختن</translation>
    </message>
    <message>
        <source>Apply or discard the staged changes first</source>
        <translation>نخست تغییرهای آماده را اعمال کنید یا دور بیندازید</translation>
    </message>
    <message>
        <source>The proposal cannot be staged: %1</source>
        <translation>پیشنهاد آماده نمی‌شود: %1</translation>
    </message>
    <message>
        <source>The proposal cannot be discarded: %1</source>
        <translation>پیشنهاد دور انداخته نمی‌شود: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::PublicationDialog</name>
    <message>
        <source>Publication %1</source>
        <translation>انتشار %1</translation>
    </message>
    <message>
        <source>New Publication</source>
        <translation>انتشار جدید</translation>
    </message>
    <message>
        <source>All tables, also those created later (FOR ALL TABLES)</source>
        <translation>همهٔ جدول‌ها، حتی آن‌هایی که بعداً ساخته می‌شوند (FOR ALL TABLES)</translation>
    </message>
    <message>
        <source>Add Table</source>
        <translation>افزودن جدول</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>برداشتن</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Columns (all when empty)</source>
        <translation>ستون‌ها (خالی: همه)</translation>
    </message>
    <message>
        <source>Row filter (WHERE)</source>
        <translation>پالایهٔ سطر (WHERE)</translation>
    </message>
    <message>
        <source>schemas whose tables are all published, separated by commas</source>
        <translation>شِماهایی که همهٔ جدول‌هایشان منتشر می‌شود، جداشده با ویرگول</translation>
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
        <translation>پارتیشن‌ها به‌صورت جدول پارتیشن‌بندی‌شده‌شان (publish_via_partition_root)</translation>
    </message>
    <message>
        <source>the current role</source>
        <translation>نقش کنونی</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>جدول‌ها:</translation>
    </message>
    <message>
        <source>Schemas:</source>
        <translation>شِماها:</translation>
    </message>
    <message>
        <source>Publishes:</source>
        <translation>منتشر می‌کند:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>مالک:</translation>
    </message>
    <message>
        <source>Apply runs the statements in one transaction; nothing runs before.</source>
        <translation>اعمال، دستورها را در یک تراکنش اجرا می‌کند؛ پیش از آن چیزی اجرا نمی‌شود.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Nothing differs from the publication as it is.</source>
        <translation>هیچ تفاوتی با انتشار کنونی نیست.</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s), applied in one transaction.</source>
        <translation>
            <numerusform>%n دستور، در یک تراکنش اعمال می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>در حال اعمال…</translation>
    </message>
    <message>
        <source>Committed, but a later step failed: %1</source>
        <translation>ثبت شد، اما گامی بعدی شکست خورد: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryFeature</name>
    <message>
        <source>Run a query first: Export writes the current result</source>
        <translation>ابتدا یک پرس‌وجو اجرا کنید: برون‌بری نتیجهٔ فعلی را می‌نویسد</translation>
    </message>
    <message>
        <source>&amp;New query tool</source>
        <translation>&amp;ابزار پرس‌وجوی جدید</translation>
    </message>
    <message>
        <source>New query</source>
        <translation>پرس‌وجوی جدید</translation>
    </message>
    <message>
        <source>&amp;Open SQL file…</source>
        <translation>&amp;باز کردن پروندهٔ SQL…</translation>
    </message>
    <message>
        <source>Open SQL file</source>
        <translation>باز کردن پروندهٔ SQL</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>پرونده‌های SQL (*.sql);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Open &amp;recent SQL file</source>
        <translation>باز کردن پروندهٔ SQL &amp;اخیر</translation>
    </message>
    <message>
        <source>Query in a new query tool</source>
        <translation>پرس‌وجو در ابزار پرس‌وجوی جدید</translation>
    </message>
    <message>
        <source>New query tool</source>
        <translation>ابزار پرس‌وجوی جدید</translation>
    </message>
    <message>
        <source>Connect first: a query tool runs on the current session</source>
        <translation>ابتدا وصل شوید: ابزار پرس‌وجو روی نشست فعلی اجرا می‌شود</translation>
    </message>
    <message>
        <source>Query %1 (%2)</source>
        <translation>پرس‌وجوی %1 (%2)</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>پرس‌وجوی %1</translation>
    </message>
    <message>
        <source>Query tool on %1, database %2</source>
        <translation>ابزار پرس‌وجو روی %1، پایگاه دادهٔ %2</translation>
    </message>
    <message>
        <source>Unsaved query text of an earlier run cannot be read: %1</source>
        <translation>متن ذخیره‌نشدهٔ پرس‌وجو از اجرای پیشین خوانده نمی‌شود: %1</translation>
    </message>
    <message>
        <source>Recovered unsaved query text (%1)</source>
        <translation>متن ذخیره‌نشدهٔ پرس‌وجو بازیابی شد (%1)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryResultGrid</name>
    <message>
        <source>Result rows of statement %1</source>
        <translation>ردیف‌های نتیجهٔ دستور %1</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>صفحهٔ اول</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>صفحهٔ قبل</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>صفحهٔ بعد</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>بدون ردیف</translation>
    </message>
    <message>
        <source>first %1 of %2 rows shown</source>
        <translation>%1 ردیف نخست از %2 ردیف نمایش داده شده</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>ردیف‌های %1–%2</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 از %2%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 ردیف</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copy with column names</source>
        <translation>رونوشت همراه نام ستون‌ها</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>برون‌بری…</translation>
    </message>
    <message>
        <source>Export this result to a file (the statement runs again)</source>
        <translation>برون‌بری این نتیجه به یک پرونده (دستور دوباره اجرا می‌شود)</translation>
    </message>
    <message>
        <source>Export this result</source>
        <translation>برون‌بری این نتیجه</translation>
    </message>
    <message>
        <source>Read-only: only the rows of a plain query can be edited.</source>
        <translation>فقط‌خواندنی: فقط ردیف‌های یک پرس‌وجوی ساده ویرایش‌پذیرند.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>فقط‌خواندنی: %1</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>سنجاق</translation>
    </message>
    <message>
        <source>Keep this result in a tab of its own (the query is read whole again, read only)</source>
        <translation>نگه‌داشتن این نتیجه در زبانه‌ای جدا (پرس‌وجو دوباره به‌طور کامل و فقط‌خواندنی خوانده می‌شود)</translation>
    </message>
    <message>
        <source>Keep this result&apos;s rows in a tab of its own</source>
        <translation>نگه‌داشتن سطرهای این نتیجه در زبانه‌ای جدا</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::QueryTool</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ثانیه</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 ردیف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 statement(s)</source>
        <translation>
            <numerusform>%1 دستور</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL editor</source>
        <translation>ویرایشگر SQL</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>نتایج</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>جستجو در تاریخچه</translation>
    </message>
    <message>
        <source>Query history</source>
        <translation>تاریخچهٔ پرس‌وجو</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچه</translation>
    </message>
    <message>
        <source>Run statement</source>
        <translation>اجرای دستور</translation>
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
        <translation>ثبت خودکار</translation>
    </message>
    <message>
        <source>Off: a transaction is opened before the first statement and stays open until Commit or Rollback</source>
        <translation>خاموش: پیش از نخستین دستور تراکنشی باز می‌شود و تا Commit یا Rollback باز می‌ماند</translation>
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
        <translation>چیزی برای اجرا نیست.</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>در حال اجرای %1…</translation>
    </message>
    <message>
        <source>History not saved: %1</source>
        <translation>تاریخچه ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>≈ %1 rows</source>
        <translation>≈ %1 ردیف</translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation> (%1 ردیف نخست نمایش داده شده)</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>نتیجهٔ %1</translation>
    </message>
    <message>
        <source> (line %1, column %2)</source>
        <translation> (خط %1، ستون %2)</translation>
    </message>
    <message>
        <source>[%1] Cancelled%2</source>
        <translation>[%1] لغو شد%2</translation>
    </message>
    <message>
        <source>[%1] %2%3</source>
        <translation>[%1] %2%3</translation>
    </message>
    <message>
        <source>Stopped at statement %1 · %2</source>
        <translation>در دستور %1 متوقف شد · %2</translation>
    </message>
    <message>
        <source>Done: %1 in %2</source>
        <translation>انجام شد: %1 در %2</translation>
    </message>
    <message>
        <source>The connection was lost: the next run opens a new session (any open transaction is gone).</source>
        <translation>اتصال قطع شد: اجرای بعدی نشست تازه‌ای باز می‌کند (هر تراکنش باز از دست رفته است).</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>Error in statement %1</source>
        <translation>خطا در دستور %1</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>در %1 انجام شد</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Nothing to explain.</source>
        <translation>چیزی برای Explain نیست.</translation>
    </message>
    <message>
        <source>Explain Analyze…</source>
        <translation>Explain Analyze…</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>Explain…</translation>
    </message>
    <message>
        <source>Plan (analyzed)</source>
        <translation>طرح اجرا (تحلیل‌شده)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>طرح اجرا</translation>
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
        <translation> · تغییرات دستور برگردانده شد</translation>
    </message>
    <message>
        <source>Plan ready</source>
        <translation>طرح اجرا آماده است</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>در حال اجرا…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>بیکار</translation>
    </message>
    <message>
        <source>In transaction</source>
        <translation>درون تراکنش</translation>
    </message>
    <message>
        <source>Transaction failed</source>
        <translation>تراکنش شکست خورد</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>متصل نیست</translation>
    </message>
    <message>
        <source> · error</source>
        <translation> · خطا</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>تاریخچه در دسترس نیست: %1</translation>
    </message>
    <message>
        <source>SQL — Ctrl+Enter runs the statement at the cursor (or the selection), Ctrl+Shift+Enter or F5 the whole script</source>
        <translation>SQL — Ctrl+Enter دستور زیر مکان‌نما (یا بخش انتخاب‌شده) را اجرا می‌کند، Ctrl+Shift+Enter یا F5 کل اسکریپت را</translation>
    </message>
    <message>
        <source>Run the statement at the cursor, or the selection (%1)</source>
        <translation>اجرای دستور زیر مکان‌نما، یا بخش انتخاب‌شده (%1)</translation>
    </message>
    <message>
        <source>Run script</source>
        <translation>اجرای اسکریپت</translation>
    </message>
    <message>
        <source>Run the whole script, or the selection (%1, %2)</source>
        <translation>اجرای کل اسکریپت، یا بخش انتخاب‌شده (%1، %2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>%1 changed on disk and was read again.</source>
        <translation>%1 روی دیسک تغییر کرد و دوباره خوانده شد.</translation>
    </message>
    <message>
        <source>Unsaved text is not autosaved (%1): it would not survive a crash.</source>
        <translation>متن ذخیره‌نشده خودکار ذخیره نمی‌شود (%1): پس از فروپاشی برنامه باقی نمی‌ماند.</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>پرونده‌های SQL (*.sql);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Open SQL file…</source>
        <translation>باز کردن پروندهٔ SQL…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>پرونده‌های اخیر</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>جستجو…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>جایگزینی…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>یافتن بعدی</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>یافتن قبلی</translation>
    </message>
    <message>
        <source>Go to line…</source>
        <translation>رفتن به خط…</translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation>رفتن به خط</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>خط (1–%1):</translation>
    </message>
    <message>
        <source>Comment / uncomment lines</source>
        <translation>توضیح‌گذاری / برداشتن توضیح خط‌ها</translation>
    </message>
    <message>
        <source>Indent lines</source>
        <translation>افزایش تورفتگی خط‌ها</translation>
    </message>
    <message>
        <source>Unindent lines</source>
        <translation>کاهش تورفتگی خط‌ها</translation>
    </message>
    <message>
        <source>Format SQL</source>
        <translation>قالب‌بندی SQL</translation>
    </message>
    <message>
        <source>Open SQL file</source>
        <translation>باز کردن پروندهٔ SQL</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>پروندهٔ اخیری نیست</translation>
    </message>
    <message>
        <source>Save SQL file</source>
        <translation>ذخیرهٔ پروندهٔ SQL</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Unsaved SQL</source>
        <translation>SQL ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>تغییرات %1 ذخیره شود؟</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>پرونده روی دیسک تغییر کرد</translation>
    </message>
    <message>
        <source>%1 was changed by another program. Read it again and lose your unsaved changes here?</source>
        <translation>%1 را برنامهٔ دیگری تغییر داده است. دوباره خوانده شود و تغییرات ذخیره‌نشدهٔ شما در اینجا از دست برود؟</translation>
    </message>
    <message>
        <source>Unsaved text recovered: autosaved at %1 by a PgDesk that did not close normally.</source>
        <translation>متن ذخیره‌نشده بازیابی شد: در %1 به‌طور خودکار ذخیره شده بود، به دست PgDesk ای که به‌طور عادی بسته نشد.</translation>
    </message>
    <message>
        <source>This query tab is inside an open transaction. The export runs the statement again on a connection of its own: it sees only committed data, not this transaction&apos;s uncommitted changes, and takes none of its locks.</source>
        <translation>این زبانهٔ پرس‌وجو درون یک تراکنش باز است. برون‌بری دستور را روی اتصال جداگانه‌ای دوباره اجرا می‌کند: فقط دادهٔ ثبت‌شده را می‌بیند، نه تغییرات ثبت‌نشدهٔ این تراکنش را، و هیچ‌یک از قفل‌هایش را نمی‌گیرد.</translation>
    </message>
    <message>
        <source>Cancelled: nothing ran.</source>
        <translation>لغو شد: چیزی اجرا نشد.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>تکمیل</translation>
    </message>
    <message>
        <source>Explain Analyze (Shift+F7): runs the statement and measures each node; its changes are rolled back</source>
        <translation>Explain Analyze (Shift+F7): دستور را اجرا و هر گره را اندازه‌گیری می‌کند؛ تغییراتش Rollback می‌شوند</translation>
    </message>
    <message>
        <source>Explain Analyze runs the statement, and this one may write: on a production profile it needs Unlock writing first. Explain (without Analyze) does not run it.</source>
        <translation>Explain Analyze دستور را اجرا می‌کند و این دستور ممکن است بنویسد: در نمایهٔ تولید ابتدا «باز کردن قفل نوشتن» لازم است. Explain (بدون Analyze) آن را اجرا نمی‌کند.</translation>
    </message>
    <message>
        <source>Explain Analyze</source>
        <translation>Explain Analyze</translation>
    </message>
    <message>
        <source>Explain Analyze runs the statement to measure it. Its changes are rolled back afterwards (to a savepoint inside your open transaction), unless you keep them.</source>
        <translation>Explain Analyze دستور را برای اندازه‌گیری اجرا می‌کند. تغییرات آن پس از آن Rollback می‌شوند (تا یک savepoint درون تراکنش باز شما)، مگر آن‌که نگهشان دارید.</translation>
    </message>
    <message>
        <source>Keep the statement&apos;s changes</source>
        <translation>تغییرات دستور نگه داشته شوند</translation>
    </message>
    <message>
        <source>Run and Measure</source>
        <translation>اجرا و اندازه‌گیری</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>بافرها</translation>
    </message>
    <message>
        <source>Shared, local and temporary blocks hit, read, dirtied and written per node</source>
        <translation>بلوک‌های Shared، محلی و موقت برای هر گره: یافته، خوانده، تغییریافته و نوشته‌شده</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>The planner settings that differ from their defaults</source>
        <translation>تنظیمات برنامه‌ریز که با پیش‌فرض فرق دارند</translation>
    </message>
    <message>
        <source>WAL</source>
        <translation>WAL</translation>
    </message>
    <message>
        <source>Write-ahead log records and bytes per node (Analyze only)</source>
        <translation>رکوردها و بایت‌های WAL برای هر گره (فقط با Analyze)</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>زمان‌سنجی</translation>
    </message>
    <message>
        <source>Time per node (Analyze only; off: counts only, cheaper on a busy server)</source>
        <translation>زمان هر گره (فقط با Analyze؛ خاموش: فقط شمارش‌ها، کم‌هزینه‌تر روی کارساز پرکار)</translation>
    </message>
    <message>
        <source>Last plan</source>
        <translation>آخرین طرح</translation>
    </message>
    <message>
        <source>Compare With a Saved Plan</source>
        <translation>مقایسه با طرح ذخیره‌شده</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.log);;All files (*)</source>
        <translation>طرح‌های اجرا (*.json *.txt *.log);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Plans compared</source>
        <translation>مقایسهٔ طرح‌ها</translation>
    </message>
    <message>
        <source>No column to index in that node&apos;s conditions.</source>
        <translation>در شرط‌های این گره ستونی برای نمایه نیست.</translation>
    </message>
    <message>
        <source>Planning with a hypothetical index…</source>
        <translation>برنامه‌ریزی با نمایهٔ فرضی…</translation>
    </message>
    <message>
        <source>Without the index</source>
        <translation>بدون نمایه</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>با %1</translation>
    </message>
    <message>
        <source>With a hypothetical index on %1 the planner uses it (cost %2 → %3). Nothing was built; to build it: %4</source>
        <translation>برنامه‌ریز از نمایهٔ فرضی روی %1 استفاده می‌کند (هزینه %2 → %3). چیزی ساخته نشد؛ برای ساختنش: %4</translation>
    </message>
    <message>
        <source>With a hypothetical index on %1 the planner does not use it: it would not help this statement. Nothing was built.</source>
        <translation>برنامه‌ریز از نمایهٔ فرضی روی %1 استفاده نمی‌کند: به این دستور کمکی نمی‌کند. چیزی ساخته نشد.</translation>
    </message>
    <message>
        <source>What-if plan ready</source>
        <translation>طرح فرضی آماده است</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>قفل‌ها</translation>
    </message>
    <message>
        <source>Lock analysis (Ctrl+F7): the lock each statement takes on each table, the tables it rewrites or reads whole, and the safer pattern; nothing runs</source>
        <translation>تحلیل قفل (Ctrl+F7): قفل هر دستور روی هر جدول، جدول‌هایی که بازنویسی یا کامل خوانده می‌شوند، و الگوی امن‌تر؛ چیزی اجرا نمی‌شود</translation>
    </message>
    <message>
        <source>Trace runs the statements (then rolls them back): not on a production or read-only connection.</source>
        <translation>ردگیری دستورها را اجرا می‌کند (و سپس برمی‌گرداند): نه روی اتصال عملیاتی یا فقط‌خواندنی.</translation>
    </message>
    <message>
        <source>Tracing locks…</source>
        <translation>ردگیری قفل‌ها…</translation>
    </message>
    <message>
        <source>Analysing locks…</source>
        <translation>تحلیل قفل‌ها…</translation>
    </message>
    <message>
        <source>Not on a production or read-only connection: Trace runs the statements.</source>
        <translation>نه روی اتصال عملیاتی یا فقط‌خواندنی: ردگیری دستورها را اجرا می‌کند.</translation>
    </message>
    <message>
        <source>Locks traced</source>
        <translation>قفل‌ها ردگیری شد</translation>
    </message>
    <message>
        <source>Locks analysed</source>
        <translation>قفل‌ها تحلیل شد</translation>
    </message>
    <message>
        <source>Checking locks…</source>
        <translation>بررسی قفل‌ها…</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)%4</source>
        <translation>%1 روی %2 (%3)%4</translation>
    </message>
    <message>
        <source>, rewritten</source>
        <translation>، بازنویسی</translation>
    </message>
    <message>
        <source>, read whole</source>
        <translation>، خواندن کامل</translation>
    </message>
    <message>
        <source>Lock a large table?</source>
        <translation>یک جدول بزرگ قفل شود؟</translation>
    </message>
    <message>
        <source>This script locks large tables while it runs:
%1

Other sessions wait for them; a statement waiting for its lock makes every later query on the table wait too.</source>
        <translation>این اسکریپت در طول اجرا جدول‌های بزرگی را قفل می‌کند:
%1

نشست‌های دیگر منتظر آن‌ها می‌مانند؛ دستوری که منتظر قفلش است هر پرس‌وجوی بعدی روی آن جدول را هم منتظر نگه می‌دارد.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>اجرا</translation>
    </message>
    <message>
        <source>Show Locks</source>
        <translation>نمایش قفل‌ها</translation>
    </message>
    <message>
        <source>The locks could not be checked: %1</source>
        <translation>قفل‌ها بررسی نشدند: %1</translation>
    </message>
    <message>
        <source>Writing is locked on this production tab: the server runs it read-only. Unlock writing in the toolbar, then run it again (PgDesk asks for the database&apos;s name first).</source>
        <translation>نوشتن در این زبانهٔ تولید قفل است: سرور آن را فقط‌خواندنی اجرا می‌کند. نوشتن را از نوار ابزار باز کنید و دوباره اجرا کنید (PgDesk ابتدا نام پایگاه داده را می‌پرسد).</translation>
    </message>
    <message>
        <source>the planner cannot say how many rows</source>
        <translation>برنامه‌ریز نمی‌تواند بگوید چند سطر</translation>
    </message>
    <message>
        <source>about %1 rows by the planner&apos;s estimate</source>
        <translation>حدود %1 سطر به برآورد برنامه‌ریز</translation>
    </message>
    <message>
        <source>UPDATE without WHERE changes every row of %1: %2</source>
        <translation>UPDATE بدون WHERE همهٔ سطرهای %1 را تغییر می‌دهد: %2</translation>
    </message>
    <message>
        <source>DELETE without WHERE deletes every row of %1: %2</source>
        <translation>DELETE بدون WHERE همهٔ سطرهای %1 را حذف می‌کند: %2</translation>
    </message>
    <message>
        <source>TRUNCATE empties %1: %2</source>
        <translation>TRUNCATE جدول %1 را خالی می‌کند: %2</translation>
    </message>
    <message>
        <source>DROP %1</source>
        <translation>DROP %1</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) that may write</source>
        <translation>
            <numerusform>%n دستوری که ممکن است بنویسد</numerusform>
        </translation>
    </message>
    <message>
        <source>Change every row?</source>
        <translation>همهٔ سطرها تغییر کند؟</translation>
    </message>
    <message>
        <source>Nothing has run yet.
%1

Run it?</source>
        <translation>هنوز چیزی اجرا نشده است.
%1

اجرا شود؟</translation>
    </message>
    <message>
        <source>Estimating the rows…</source>
        <translation>برآورد سطرها…</translation>
    </message>
    <message>
        <source>The table already has an index on %1: %2. The planner chose not to use it for this scan (it expects to keep too many rows, or the statistics are old: try ANALYZE). Nothing was tried.</source>
        <translation>جدول از قبل نمایه‌ای روی %1 دارد: %2. برنامه‌ریز تصمیم گرفت برای این پویش از آن استفاده نکند (انتظار دارد ردیف‌های زیادی بمانند، یا آمارها قدیمی‌اند: ANALYZE را امتحان کنید). چیزی امتحان نشد.</translation>
    </message>
    <message>
        <source>An index on these columns exists</source>
        <translation>نمایه‌ای روی این ستون‌ها وجود دارد</translation>
    </message>
    <message>
        <source> · sequences advanced, which no rollback undoes: %1</source>
        <translation> · دنباله‌هایی که جلو رفتند و هیچ بازگردانی آن‌ها را برنمی‌گرداند: %1</translation>
    </message>
    <message>
        <source>Insert snippet…</source>
        <translation>درج قطعه‌کد…</translation>
    </message>
    <message>
        <source>Save as snippet…</source>
        <translation>ذخیره به‌عنوان قطعه‌کد…</translation>
    </message>
    <message>
        <source>Open snippets folder</source>
        <translation>باز کردن پوشهٔ قطعه‌کدها</translation>
    </message>
    <message>
        <source>Expand selection</source>
        <translation>گسترش گزینش</translation>
    </message>
    <message>
        <source>Shrink selection</source>
        <translation>کوچک کردن گزینش</translation>
    </message>
    <message>
        <source>Move lines up</source>
        <translation>جابه‌جایی سطرها به بالا</translation>
    </message>
    <message>
        <source>Move lines down</source>
        <translation>جابه‌جایی سطرها به پایین</translation>
    </message>
    <message>
        <source>Copy lines up</source>
        <translation>رونوشت سطرها به بالا</translation>
    </message>
    <message>
        <source>Copy lines down</source>
        <translation>رونوشت سطرها به پایین</translation>
    </message>
    <message>
        <source>Add caret above</source>
        <translation>افزودن نشانگر در بالا</translation>
    </message>
    <message>
        <source>Add caret below</source>
        <translation>افزودن نشانگر در پایین</translation>
    </message>
    <message>
        <source>Select next occurrence</source>
        <translation>انتخاب مورد بعدی</translation>
    </message>
    <message>
        <source>Pin result</source>
        <translation>سنجاق کردن نتیجه</translation>
    </message>
    <message>
        <source>Compare results…</source>
        <translation>مقایسهٔ نتیجه‌ها…</translation>
    </message>
    <message>
        <source>Compare with previous run</source>
        <translation>مقایسه با اجرای قبلی</translation>
    </message>
    <message>
        <source>Compare by key</source>
        <translation>مقایسه بر پایهٔ کلید</translation>
    </message>
    <message>
        <source>The columns that identify a row in both results:</source>
        <translation>ستون‌هایی که یک سطر را در هر دو نتیجه مشخص می‌کنند:</translation>
    </message>
    <message>
        <source>Close this tab</source>
        <translation>بستن این زبانه</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>بستن %1</translation>
    </message>
    <message>
        <source>Pinned %1</source>
        <translation>سنجاق‌شده %1</translation>
    </message>
    <message numerus="yes">
        <source>Pinned %n row(s) as &quot;Pinned %1&quot;.</source>
        <translation>
            <numerusform>%n سطر با نام «سنجاق‌شده %1» سنجاق شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pinning: reading the whole result (read only)…</source>
        <translation>سنجاق کردن: خواندن کل نتیجه (فقط‌خواندنی)…</translation>
    </message>
    <message>
        <source>Not pinned: %1</source>
        <translation>سنجاق نشد: %1</translation>
    </message>
    <message>
        <source>Compare results</source>
        <translation>مقایسهٔ نتیجه‌ها</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>&amp;چپ:</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>&amp;راست:</translation>
    </message>
    <message>
        <source>Compare with previous run needs two runs of a query: edit it, run it, then compare.</source>
        <translation>مقایسه با اجرای قبلی به دو اجرای یک پرس‌وجو نیاز دارد: آن را ویرایش و اجرا کنید، سپس مقایسه کنید.</translation>
    </message>
    <message>
        <source>the previous run</source>
        <translation>اجرای قبلی</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>این اجرا</translation>
    </message>
    <message>
        <source>Comparing %1 and %2 by %3…</source>
        <translation>مقایسهٔ %1 و %2 بر پایهٔ %3…</translation>
    </message>
    <message>
        <source>Compare %1</source>
        <translation>مقایسه %1</translation>
    </message>
    <message>
        <source>Not compared: %1</source>
        <translation>مقایسه نشد: %1</translation>
    </message>
    <message>
        <source>Results side by side…</source>
        <translation>نتیجه‌ها کنار هم…</translation>
    </message>
    <message>
        <source>%1 needs two results: pin one, run again, then choose them.</source>
        <translation>%1 به دو نتیجه نیاز دارد: یکی را سنجاق کنید، دوباره اجرا کنید، سپس هر دو را برگزینید.</translation>
    </message>
    <message>
        <source>Results side by side</source>
        <translation>نتیجه‌ها کنار هم</translation>
    </message>
    <message>
        <source>%1 | %2</source>
        <translation>%1 | %2</translation>
    </message>
    <message>
        <source>%1 and %2 side by side</source>
        <translation>%1 و %2 کنار هم</translation>
    </message>
    <message>
        <source>Not shown: %1</source>
        <translation>نمایش داده نشد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ReplicationView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 ثانیه</translation>
    </message>
    <message>
        <source>Drop slot…</source>
        <translation>حذف اسلات…</translation>
    </message>
    <message>
        <source>Drop the selected inactive slot: what streamed from it must be set up again</source>
        <translation>حذف اسلات غیرفعالِ انتخاب‌شده: هر آنچه از آن جریان می‌گرفت باید دوباره راه‌اندازی شود</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> مگابایت</translation>
    </message>
    <message>
        <source>Warn above </source>
        <translation>هشدار بالاتر از </translation>
    </message>
    <message>
        <source>An inactive slot retaining more WAL than this is flagged here and on the dashboard</source>
        <translation>اسلات غیرفعالی که بیش از این مقدار WAL نگه دارد، این‌جا و در داشبورد نشانه‌گذاری می‌شود</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>اسلات‌ها</translation>
    </message>
    <message>
        <source>Standbys</source>
        <translation>آماده‌به‌کارها</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>انتشارها</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>اشتراک‌ها</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Could not read the replication state: %1</source>
        <translation>وضعیت تکثیر خوانده نشد: %1</translation>
    </message>
    <message>
        <source>Standby of %1 (%2): received %3, replayed %4, %5 to replay.</source>
        <translation>آماده‌به‌کارِ %1 (%2): دریافت‌شده %3، بازپخش‌شده %4، %5 در انتظار بازپخش.</translation>
    </message>
    <message>
        <source>no WAL receiver</source>
        <translation>بدون گیرندهٔ WAL</translation>
    </message>
    <message numerus="yes">
        <source>Primary at %1; %n standby(s) or walsender(s), </source>
        <translation>
            <numerusform>کارساز اصلی در %1؛ %n آماده‌به‌کار یا walsender، </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s).</source>
        <translation>
            <numerusform>%n اسلات.</numerusform>
        </translation>
    </message>
    <message>
        <source> (temporary)</source>
        <translation> (موقت)</translation>
    </message>
    <message>
        <source>PID %1 %2</source>
        <translation>PID %1 %2</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>اسلات</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>افزونه</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>استفاده‌کننده</translation>
    </message>
    <message>
        <source>WAL retained</source>
        <translation>WAL نگه‌داشته‌شده</translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation>وضعیت WAL</translation>
    </message>
    <message>
        <source>xmin age</source>
        <translation>عمر xmin</translation>
    </message>
    <message>
        <source>catalog xmin age</source>
        <translation>عمر xmin کاتالوگ</translation>
    </message>
    <message>
        <source>local</source>
        <translation>محلی</translation>
    </message>
    <message>
        <source>logical</source>
        <translation>منطقی</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>فیزیکی</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>کارخواه</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>همگامی</translation>
    </message>
    <message>
        <source>Replay lag</source>
        <translation>تأخیر بازپخش</translation>
    </message>
    <message>
        <source>Replay lag time</source>
        <translation>زمان تأخیر بازپخش</translation>
    </message>
    <message>
        <source>all tables</source>
        <translation>همهٔ جدول‌ها</translation>
    </message>
    <message>
        <source>schemas %1</source>
        <translation>شِماهای %1</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>انتشار</translation>
    </message>
    <message>
        <source>Publishes</source>
        <translation>عملیات منتشرشده</translation>
    </message>
    <message>
        <source>For</source>
        <translation>برای</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
    <message>
        <source>Row filter</source>
        <translation>فیلتر ردیف</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>در حال اجرا نیست</translation>
    </message>
    <message>
        <source>%1 apply, %2 sync</source>
        <translation>%1 اعمال، %2 همگام‌سازی</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>اشتراک</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>کارگر</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>خطاها</translation>
    </message>
    <message>
        <source>Drop %1 slot &quot;%2&quot;%3? It retains %4 of WAL. Whatever streamed from it (a standby, a subscription, a CDC tool) cannot resume and must be set up again.</source>
        <translation>اسلات %1 «%2»%3 حذف شود؟ %4 از WAL را نگه داشته است. هر آنچه از آن جریان می‌گرفت (یک آماده‌به‌کار، یک اشتراک، یک ابزار CDC) نمی‌تواند ادامه دهد و باید دوباره راه‌اندازی شود.</translation>
    </message>
    <message>
        <source> (%1 on database %2)</source>
        <translation> (%1 روی پایگاه دادهٔ %2)</translation>
    </message>
    <message>
        <source>dropping replication slot &quot;%1&quot;</source>
        <translation>حذف اسلات تکثیر «%1»</translation>
    </message>
    <message>
        <source>Drop replication slot</source>
        <translation>حذف اسلات تکثیر</translation>
    </message>
    <message>
        <source>Drop slot</source>
        <translation>حذف اسلات</translation>
    </message>
    <message>
        <source>Dropped replication slot %1.</source>
        <translation>اسلات تکثیر %1 حذف شد.</translation>
    </message>
    <message>
        <source>The slot was not dropped: %1</source>
        <translation>اسلات حذف نشد: %1</translation>
    </message>
    <message>
        <source>New Publication…</source>
        <translation>انتشار جدید…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <source>Publication %1 applied.</source>
        <translation>انتشار %1 اعمال شد.</translation>
    </message>
    <message>
        <source>dropping publication &quot;%1&quot;</source>
        <translation>حذف انتشار «%1»</translation>
    </message>
    <message>
        <source>Drop publication</source>
        <translation>حذف انتشار</translation>
    </message>
    <message>
        <source>Drop publication &quot;%1&quot;? Its subscribers stop receiving changes; a subscription naming it fails until it is changed.</source>
        <translation>انتشار «%1» حذف شود؟ مشترکانش دیگر تغییری دریافت نمی‌کنند؛ اشتراکی که آن را نام می‌برد تا تغییر نکند شکست می‌خورد.</translation>
    </message>
    <message>
        <source>Dropped publication %1.</source>
        <translation>انتشار %1 حذف شد.</translation>
    </message>
    <message>
        <source>The publication was not dropped: %1</source>
        <translation>انتشار حذف نشد: %1</translation>
    </message>
    <message>
        <source>New Subscription…</source>
        <translation>اشتراک تازه…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <source>Start its apply worker</source>
        <translation>کارگر اعمال آن را راه بینداز</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <source>Stop its apply worker; the publisher&apos;s slot keeps the WAL meanwhile</source>
        <translation>کارگر اعمال آن را متوقف کن؛ در این مدت اسلات ناشر WAL را نگه می‌دارد</translation>
    </message>
    <message>
        <source>Refresh…</source>
        <translation>تازه‌سازی…</translation>
    </message>
    <message>
        <source>Subscribe to the tables its publications added since</source>
        <translation>مشترک جدول‌هایی شو که انتشارهایش از آن زمان افزوده‌اند</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>رد کردن…</translation>
    </message>
    <message>
        <source>Skip the remote transaction that keeps failing (its changes are lost here)</source>
        <translation>تراکنش دوردستی را که پیوسته شکست می‌خورد رد کن (تغییراتش اینجا از دست می‌رود)</translation>
    </message>
    <message>
        <source>Drop the subscription and its slot on the publisher</source>
        <translation>اشتراک و اسلات آن روی ناشر را حذف کن</translation>
    </message>
    <message>
        <source>Subscription %1 created.</source>
        <translation>اشتراک %1 ساخته شد.</translation>
    </message>
    <message>
        <source>changing subscription &quot;%1&quot;</source>
        <translation>تغییر اشتراک «%1»</translation>
    </message>
    <message>
        <source>Skip a failing transaction</source>
        <translation>رد کردن یک تراکنش شکست‌خورده</translation>
    </message>
    <message>
        <source>Subscription &quot;%1&quot; keeps failing on a remote transaction. Its changes are skipped and lost on this side.
The LSN it finished at, as the subscriber&apos;s log says (&quot;finished at 0/14C0378&quot;):</source>
        <translation>اشتراک «%1» پیوسته روی یک تراکنش دوردست شکست می‌خورد. تغییرات آن رد می‌شوند و در این سو از دست می‌روند.
LSN پایان آن، همان‌طور که گزارش مشترک می‌گوید («finished at 0/14C0378»):</translation>
    </message>
    <message>
        <source>Refresh subscription</source>
        <translation>تازه‌سازی اشتراک</translation>
    </message>
    <message>
        <source>Subscribe &quot;%1&quot; to the tables its publications added since? This talks to the publisher.</source>
        <translation>«%1» مشترک جدول‌هایی شود که انتشارهایش از آن زمان افزوده‌اند؟ این کار با ناشر ارتباط می‌گیرد.</translation>
    </message>
    <message>
        <source>Copy their rows</source>
        <translation>سطرهایشان را کپی کن</translation>
    </message>
    <message>
        <source>Only new changes</source>
        <translation>فقط تغییرات تازه</translation>
    </message>
    <message>
        <source>Drop subscription</source>
        <translation>حذف اشتراک</translation>
    </message>
    <message>
        <source>Drop subscription &quot;%1&quot;? Its slot on the publisher is dropped too: what it has not applied yet is not sent again, and subscribing anew copies the tables from the start.</source>
        <translation>اشتراک «%1» حذف شود؟ اسلات آن روی ناشر هم حذف می‌شود: آنچه هنوز اعمال نکرده دوباره فرستاده نمی‌شود و اشتراک دوباره جدول‌ها را از آغاز کپی می‌کند.</translation>
    </message>
    <message>
        <source>Subscription %1: done (%2).</source>
        <translation>اشتراک %1: انجام شد (%2).</translation>
    </message>
    <message>
        <source>Subscription %1: %2</source>
        <translation>اشتراک %1: %2</translation>
    </message>
    <message>
        <source>Subscription %1 was not changed: %2</source>
        <translation>اشتراک %1 تغییر نکرد: %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RestoreDialog</name>
    <message>
        <source>Restore</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;پشتیبان:</translation>
    </message>
    <message>
        <source>an existing database</source>
        <translation>یک پایگاه دادهٔ موجود</translation>
    </message>
    <message>
        <source>Into &amp;database:</source>
        <translation>در &amp;پایگاه داده:</translation>
    </message>
    <message>
        <source>Drop the backup&apos;s objects first (--clean --if-exists)</source>
        <translation>نخست اشیای پشتیبان حذف شوند (--clean --if-exists)</translation>
    </message>
    <message>
        <source>Leave out owners (--no-owner)</source>
        <translation>بدون مالک‌ها (--no-owner)</translation>
    </message>
    <message>
        <source>In one transaction: a failure restores nothing</source>
        <translation>در یک تراکنش: با هر خطا چیزی بازیابی نمی‌شود</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;بازیابی</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>بازیابی از</translation>
    </message>
    <message>
        <source>Name the database to restore into.</source>
        <translation>نام پایگاه داده‌ای را که باید در آن بازیابی شود وارد کنید.</translation>
    </message>
    <message>
        <source>There is no backup at %1.</source>
        <translation>در %1 پشتیبانی وجود ندارد.</translation>
    </message>
    <message>
        <source>Restore %1 into the database &quot;%2&quot; on %3?

Its objects are created in &quot;%2&quot;%4.</source>
        <translation>%1 در پایگاه دادهٔ «%2» روی %3 بازیابی شود؟

اشیای آن در «%2» ساخته می‌شوند%4.</translation>
    </message>
    <message>
        <source>the default server</source>
        <translation>کارساز پیش‌فرض</translation>
    </message>
    <message>
        <source>, replacing those of the same name</source>
        <translation>، به جای اشیای هم‌نام</translation>
    </message>
    <message>
        <source>Not restored.</source>
        <translation>بازیابی نشد.</translation>
    </message>
    <message>
        <source>Checking the database and the backup…</source>
        <translation>در حال بررسی پایگاه داده و پشتیبان…</translation>
    </message>
    <message>
        <source>Restored the data of %1 of %2 tables</source>
        <translation>داده‌های %1 جدول از %2 جدول بازیابی شد</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>در حال بازیابی…</translation>
    </message>
    <message>
        <source>Cancel restore</source>
        <translation>لغو بازیابی</translation>
    </message>
    <message>
        <source>Restored into %1 (%2 tables).</source>
        <translation>در %1 بازیابی شد (%2 جدول).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was restored.</source>
        <translation>لغو شد: چیزی بازیابی نشد.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>لغو شد.</translation>
    </message>
    <message>
        <source>The restore failed; nothing was restored.
%1</source>
        <translation>بازیابی شکست خورد؛ چیزی بازیابی نشد.
%1</translation>
    </message>
    <message>
        <source>The restore failed.
%1</source>
        <translation>بازیابی شکست خورد.
%1</translation>
    </message>
    <message>
        <source>Restore of %1</source>
        <translation>بازیابی %1</translation>
    </message>
    <message>
        <source>The file is read first: psql commands in it are refused. A psql that has \restrict (15.14 and later) starts with it and a one-time key, so none can run.</source>
        <translation>پرونده نخست خوانده می‌شود: فرمان‌های psql در آن پذیرفته نمی‌شوند. psql‌ای که \restrict دارد (۱۵٫۱۴ و پس از آن) با آن و یک کلید یک‌بارمصرف آغاز می‌شود تا هیچ‌کدام اجرا نشود.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ResultCompareModel</name>
    <message>
        <source>Only in the left result</source>
        <translation>فقط در نتیجهٔ چپ</translation>
    </message>
    <message>
        <source>Only in the right result</source>
        <translation>فقط در نتیجهٔ راست</translation>
    </message>
    <message>
        <source>In both, with cells that differ</source>
        <translation>در هر دو، با خانه‌های متفاوت</translation>
    </message>
    <message>
        <source>Left: %1
Right: %2</source>
        <translation>چپ: %1
راست: %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ResultCompareView</name>
    <message>
        <source>%1 (left, %2 rows) and %3 (right, %4 rows) by %5: %6 same, %7 changed, %8 only left, %9 only right.</source>
        <translation>%1 (چپ، %2 سطر) و %3 (راست، %4 سطر) بر پایهٔ %5: %6 یکسان، %7 تغییرکرده، %8 فقط چپ، %9 فقط راست.</translation>
    </message>
    <message>
        <source>Not compared (in one result only): %1.</source>
        <translation>مقایسه نشد (فقط در یک نتیجه): %1.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ResultScroller</name>
    <message>
        <source>Rows of the result</source>
        <translation>ردیف‌های نتیجه</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RoleDialog</name>
    <message>
        <source>Role %1</source>
        <translation>نقش %1</translation>
    </message>
    <message>
        <source>New Role</source>
        <translation>نقش جدید</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>می‌تواند وارد شود</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>ابرکاربر</translation>
    </message>
    <message>
        <source>Can create databases</source>
        <translation>می‌تواند پایگاه داده بسازد</translation>
    </message>
    <message>
        <source>Can create roles</source>
        <translation>می‌تواند نقش بسازد</translation>
    </message>
    <message>
        <source>Inherits the privileges of its groups</source>
        <translation>مجوزهای گروه‌هایش را به ارث می‌برد</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>تکثیر</translation>
    </message>
    <message>
        <source>Bypasses row-level security</source>
        <translation>امنیت سطح ردیف را دور می‌زند</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>بدون محدودیت</translation>
    </message>
    <message>
        <source>never (e.g. 2027-01-01)</source>
        <translation>هرگز (مثلاً 2027-01-01)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Connection limit:</source>
        <translation>حد اتصال:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>معتبر تا:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>توضیح:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>تکرار:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>دو گذرواژه یکسان نیستند</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RoleRowsModel</name>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Admitted by</source>
        <translation>پذیرفته با</translation>
    </message>
    <message>
        <source>May update</source>
        <translation>تغییر مجاز</translation>
    </message>
    <message>
        <source>May delete</source>
        <translation>حذف مجاز</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RolesModel</name>
    <message>
        <source>%1 (admin)</source>
        <translation>%1 (مدیر)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>بدون محدودیت</translation>
    </message>
    <message>
        <source>The password never expires</source>
        <translation>گذرواژه هرگز منقضی نمی‌شود</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>ابرکاربر</translation>
    </message>
    <message>
        <source>Create role</source>
        <translation>ساخت نقش</translation>
    </message>
    <message>
        <source>Create DB</source>
        <translation>ساخت پایگاه داده</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>تکثیر</translation>
    </message>
    <message>
        <source>Bypass RLS</source>
        <translation>دور زدن RLS</translation>
    </message>
    <message>
        <source>Inherit</source>
        <translation>ارث‌بری</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>سقف اتصال</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>عضوِ</translation>
    </message>
    <message>
        <source>Uses the privileges of the roles it is a member of</source>
        <translation>از مجوزهای نقش‌هایی که عضو آن‌هاست استفاده می‌کند</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::RolesView</name>
    <message>
        <source>Predefined roles</source>
        <translation>نقش‌های از پیش تعریف‌شده</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>نقش‌ها</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>عضویت</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Admin option</source>
        <translation>گزینهٔ مدیریت (ADMIN OPTION)</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>اعطا‌شده توسط</translation>
    </message>
    <message>
        <source>Memberships of the selected role</source>
        <translation>عضویت‌های نقش انتخاب‌شده</translation>
    </message>
    <message>
        <source>Also list PostgreSQL&apos;s predefined pg_* roles</source>
        <translation>نقش‌های از پیش تعریف‌شدهٔ pg_* در PostgreSQL هم فهرست شوند</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n نقش</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the roles: %1</source>
        <translation>خواندن نقش‌ها ممکن نشد: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>member of</source>
        <translation>عضوِ</translation>
    </message>
    <message>
        <source>has member</source>
        <translation>دارای عضو</translation>
    </message>
    <message>
        <source>New Role…</source>
        <translation>نقش جدید…</translation>
    </message>
    <message>
        <source>Edit Role…</source>
        <translation>ویرایش نقش…</translation>
    </message>
    <message>
        <source>Drop Role</source>
        <translation>حذف نقش</translation>
    </message>
    <message>
        <source>Drop role %1? Objects it owns and privileges granted to it must be handed over or dropped first.</source>
        <translation>نقش %1 حذف شود؟ اشیای متعلق به آن و مجوزهای اعطاشده به آن باید پیش‌تر واگذار یا حذف شوند.</translation>
    </message>
    <message>
        <source>drop role %1</source>
        <translation>حذف نقش %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>در حال اعمال…</translation>
    </message>
    <message>
        <source>The role the selected role becomes a member of</source>
        <translation>نقشی که نقش انتخاب‌شده عضو آن می‌شود</translation>
    </message>
    <message>
        <source>with admin option</source>
        <translation>با اختیار مدیریت</translation>
    </message>
    <message>
        <source>Make Member</source>
        <translation>عضو کردن</translation>
    </message>
    <message>
        <source>End Membership</source>
        <translation>پایان عضویت</translation>
    </message>
    <message>
        <source>Member of:</source>
        <translation>عضو:</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaCompareView</name>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>مبدأ:</translation>
    </message>
    <message>
        <source>Target (changed to match):</source>
        <translation>مقصد (برای همسان شدن تغییر می‌کند):</translation>
    </message>
    <message>
        <source>Filter by name or kind</source>
        <translation>پالایش بر پایهٔ نام یا نوع</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>تفاوت‌ها</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>همهٔ اشیا</translation>
    </message>
    <message>
        <source>The lines of the selected object: - in the target only, + in the source only</source>
        <translation>سطرهای شیء انتخاب‌شده: - فقط در مقصد، + فقط در مبدأ</translation>
    </message>
    <message>
        <source>The migration runs only with Apply</source>
        <translation>مهاجرت فقط با «اعمال» اجرا می‌شود</translation>
    </message>
    <message>
        <source>Migration script</source>
        <translation>اسکریپت مهاجرت</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>قفل‌ها</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>تصمیم‌ها</translation>
    </message>
    <message>
        <source>Save script…</source>
        <translation>ذخیرهٔ اسکریپت…</translation>
    </message>
    <message>
        <source>Save migration script</source>
        <translation>ذخیرهٔ اسکریپت مهاجرت</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>پرونده‌های SQL (*.sql);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 ذخیره نشد: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>در %1 ذخیره شد</translation>
    </message>
    <message>
        <source>Apply to target</source>
        <translation>اعمال روی مقصد</translation>
    </message>
    <message>
        <source>Choose the source and the target, then Compare. The target is what the migration changes.</source>
        <translation>مبدأ و مقصد را برگزینید، سپس «مقایسه». مهاجرت مقصد را تغییر می‌دهد.</translation>
    </message>
    <message>
        <source>Reading both schemas…</source>
        <translation>در حال خواندن هر دو شِما…</translation>
    </message>
    <message>
        <source>Migration of schema %1 to match schema %2</source>
        <translation>مهاجرت شِمای %1 برای همسانی با شِمای %2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing differs: %n objects compared.</source>
        <translation>
            <numerusform>هیچ تفاوتی نیست: %n شیء مقایسه شد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objects differ.</source>
        <translation>
            <numerusform>%n شیء متفاوت است.</numerusform>
        </translation>
    </message>
    <message>
        <source>The migration cannot run as it is: %1</source>
        <translation>مهاجرت به این شکل اجرا نمی‌شود: %1</translation>
    </message>
    <message>
        <source>Values for the new NOT NULL columns</source>
        <translation>مقدار برای ستون‌های NOT NULL جدید</translation>
    </message>
    <message>
        <source>The table has rows: give the value (an SQL expression, e.g. 0 or &apos;none&apos;) each gets in the new column.</source>
        <translation>جدول ردیف دارد: مقداری را که هر ردیف در ستون جدید می‌گیرد بدهید (یک عبارت SQL، مثلاً 0 یا &apos;none&apos;).</translation>
    </message>
    <message>
        <source>Applying the migration…</source>
        <translation>در حال اعمال مهاجرت…</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>اعمال شد.</translation>
    </message>
    <message>
        <source>Committed, but a later step failed: %1</source>
        <translation>commit شد، اما گامی بعدی شکست خورد: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>Compare %1.%2 (source) with %3.%4 (target): the migration changes the target to match the source. Choose other sides above if these are not the ones.</source>
        <translation>مقایسهٔ %1.%2 (مبدأ) با %3.%4 (مقصد): مهاجرت مقصد را مطابق مبدأ تغییر می‌دهد. اگر این‌ها نیستند، طرف‌های دیگری را در بالا انتخاب کنید.</translation>
    </message>
    <message>
        <source>Type Changes…</source>
        <translation>تغییرهای نوع…</translation>
    </message>
    <message>
        <source>The USING expression of each column&apos;s type change</source>
        <translation>عبارت USING برای تغییر نوع هر ستون</translation>
    </message>
    <message>
        <source>Type changes</source>
        <translation>تغییرهای نوع</translation>
    </message>
    <message>
        <source>How each column&apos;s values become the new type: an SQL expression over the column (empty: the cast PgDesk chose).</source>
        <translation>مقدارهای هر ستون چگونه به نوع تازه درمی‌آیند: یک عبارت SQL روی ستون (خالی: تبدیلی که PgDesk برگزیده است).</translation>
    </message>
    <message>
        <source>%1.%2: %3 → %4</source>
        <translation>%1.%2: %3 → %4</translation>
    </message>
    <message>
        <source>Analysing the locks…</source>
        <translation>در حال تحلیل قفل‌ها…</translation>
    </message>
    <message>
        <source>The locks could not be analysed: %1</source>
        <translation>تحلیل قفل‌ها ممکن نشد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaDiffModel</name>
    <message>
        <source>same</source>
        <translation>یکسان</translation>
    </message>
    <message>
        <source>different</source>
        <translation>متفاوت</translation>
    </message>
    <message>
        <source>only in source</source>
        <translation>فقط در مبدأ</translation>
    </message>
    <message>
        <source>only in target</source>
        <translation>فقط در مقصد</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SchemaFeature</name>
    <message>
        <source>&amp;Compare schemas…</source>
        <translation>&amp;مقایسهٔ شِماها…</translation>
    </message>
    <message>
        <source>Design…</source>
        <translation>طراحی…</translation>
    </message>
    <message>
        <source>Privileges…</source>
        <translation>مجوزها…</translation>
    </message>
    <message>
        <source>Compare Data…</source>
        <translation>مقایسهٔ داده…</translation>
    </message>
    <message>
        <source>New Table…</source>
        <translation>جدول جدید…</translation>
    </message>
    <message>
        <source>Compare Schema…</source>
        <translation>مقایسهٔ شِما…</translation>
    </message>
    <message>
        <source>Connect first: the designer changes the current session&apos;s tables</source>
        <translation>ابتدا وصل شوید: طراح جدول‌های نشست کنونی را تغییر می‌دهد</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>جدول جدید</translation>
    </message>
    <message>
        <source>Design: %1</source>
        <translation>طراحی: %1</translation>
    </message>
    <message>
        <source>A new table in %1</source>
        <translation>جدولی جدید در %1</translation>
    </message>
    <message>
        <source>Table designer: %1.%2</source>
        <translation>طراح جدول: %1.%2</translation>
    </message>
    <message>
        <source>Privileges: %1</source>
        <translation>مجوزها: %1</translation>
    </message>
    <message>
        <source>Privileges on schema %1</source>
        <translation>مجوزهای طرح‌وارهٔ %1</translation>
    </message>
    <message>
        <source>Privileges on %1.%2</source>
        <translation>مجوزهای %1.%2</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>مقایسه: %1</translation>
    </message>
    <message>
        <source>Schema compare and migration</source>
        <translation>مقایسه و مهاجرت شِما</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SeeAsRoleView</name>
    <message>
        <source>Show</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <source>A role this session may SET ROLE to</source>
        <translation>نقشی که این نشست می‌تواند با SET ROLE به آن برود</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>حداکثر </translation>
    </message>
    <message>
        <source> rows</source>
        <translation> سطر</translation>
    </message>
    <message>
        <source>Choose a role: the rows it reads are shown as it reads them, in a transaction that is rolled back.</source>
        <translation>نقشی برگزینید: سطرهایی که می‌خواند، همان‌گونه که می‌خواند، در تراکنشی که برگردانده می‌شود نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <source>Rows the role reads</source>
        <translation>سطرهایی که نقش می‌خواند</translation>
    </message>
    <message>
        <source>The table&apos;s policies</source>
        <translation>سیاست‌های جدول</translation>
    </message>
    <message>
        <source>See %1.%2 as role:</source>
        <translation>دیدن %1.%2 با نقش:</translation>
    </message>
    <message>
        <source>Reading %1.%2 as %3…</source>
        <translation>خواندن %1.%2 با نقش %3…</translation>
    </message>
    <message>
        <source>Row security is off for this table: %1 reads every row its privileges allow.</source>
        <translation>امنیت سطری برای این جدول خاموش است: %1 هر سطری را که امتیازهایش اجازه دهد می‌خواند.</translation>
    </message>
    <message>
        <source>%1 bypasses row security (superuser, BYPASSRLS, or the owner without FORCE).</source>
        <translation>%1 از امنیت سطری می‌گذرد (ابرکاربر، BYPASSRLS، یا مالک بدون FORCE).</translation>
    </message>
    <message numerus="yes">
        <source>Row security applies to %1: %n of its policies apply.</source>
        <translation>
            <numerusform>امنیت سطری بر %1 اعمال می‌شود: %n سیاست آن اعمال می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <source>It reads %1 of the table&apos;s %2 rows.</source>
        <translation>%1 سطر از %2 سطر جدول را می‌خواند.</translation>
    </message>
    <message>
        <source>It reads %1 rows.</source>
        <translation>%1 سطر را می‌خواند.</translation>
    </message>
    <message>
        <source>permissive</source>
        <translation>مجازکننده</translation>
    </message>
    <message>
        <source>restrictive</source>
        <translation>محدودکننده</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>سیاست</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>فرمان</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>نقش‌ها</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>اعمال</translation>
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
        <translation>خواندن جدول با آن نقش ممکن نشد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SelectionSummary</name>
    <message>
        <source>Whole view</source>
        <translation>کل نما</translation>
    </message>
    <message>
        <source>Summarise the current column over every row of the view (its filter included), on the server</source>
        <translation>خلاصهٔ ستون جاری روی همهٔ ردیف‌های نما (با فیلتر آن)، روی کارساز</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Summary of the selected cells</source>
        <translation>خلاصهٔ خانه‌های انتخاب‌شده</translation>
    </message>
    <message>
        <source>%1 of the whole view: summarising…</source>
        <translation>%1 در کل نما: در حال خلاصه‌سازی…</translation>
    </message>
    <message>
        <source>%1 of the whole view: %2</source>
        <translation>%1 در کل نما: %2</translation>
    </message>
    <message>
        <source>Whole view summary cancelled</source>
        <translation>خلاصه‌سازی کل نما لغو شد</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>تعداد: %1</translation>
    </message>
    <message>
        <source>Distinct: %1</source>
        <translation>متمایز: %1</translation>
    </message>
    <message>
        <source>NULL: %1</source>
        <translation>NULL: %1</translation>
    </message>
    <message>
        <source>Sum: %1</source>
        <translation>مجموع: %1</translation>
    </message>
    <message>
        <source>Average: %1</source>
        <translation>میانگین: %1</translation>
    </message>
    <message>
        <source>Min: %1</source>
        <translation>کمینه: %1</translation>
    </message>
    <message>
        <source>Max: %1</source>
        <translation>بیشینه: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerFeature</name>
    <message>
        <source>Re&amp;plication</source>
        <translation>&amp;تکثیر</translation>
    </message>
    <message>
        <source>Standbys, replication slots and the WAL they retain, publications, subscriptions</source>
        <translation>آماده‌به‌کارها، اسلات‌های تکثیر و WAL نگه‌داشته‌شده توسط آن‌ها، انتشارها، اشتراک‌ها</translation>
    </message>
    <message>
        <source>&amp;Change feed…</source>
        <translation>&amp;جریان تغییرات…</translation>
    </message>
    <message>
        <source>Every committed insert, update and delete of chosen tables, as it happens</source>
        <translation>هر درج، به‌روزرسانی و حذفِ commit‌شده در جدول‌های انتخابی، همان لحظه که رخ می‌دهد</translation>
    </message>
    <message>
        <source>Watch changes</source>
        <translation>زیر نظر گرفتن تغییرات</translation>
    </message>
    <message>
        <source>Only a table&apos;s changes can be watched</source>
        <translation>فقط تغییرات یک جدول را می‌توان زیر نظر گرفت</translation>
    </message>
    <message>
        <source>Connect first: replication is the current session&apos;s server&apos;s</source>
        <translation>نخست وصل شوید: تکثیر مربوط به کارساز نشست کنونی است</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>تکثیر</translation>
    </message>
    <message>
        <source>Replication of %1</source>
        <translation>تکثیر %1</translation>
    </message>
    <message>
        <source>Connect first: the change feed reads the current session&apos;s server</source>
        <translation>نخست وصل شوید: جریان تغییرات از کارساز نشست کنونی می‌خواند</translation>
    </message>
    <message>
        <source>Change feed</source>
        <translation>جریان تغییرات</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>تغییرات: %1</translation>
    </message>
    <message>
        <source>Committed changes on %1</source>
        <translation>تغییرات commit‌شده روی %1</translation>
    </message>
    <message>
        <source>Server &amp;log</source>
        <translation>&amp;گزارش سرور</translation>
    </message>
    <message>
        <source>The server&apos;s log, followed: errors grouped, deadlocks drawn, auto_explain plans opened</source>
        <translation>گزارش سرور، به‌صورت زنده: خطاها گروه‌بندی‌شده، بن‌بست‌ها رسم‌شده، طرح‌های auto_explain بازشده</translation>
    </message>
    <message>
        <source>Open a server log</source>
        <translation>باز کردن گزارش سرور</translation>
    </message>
    <message>
        <source>PostgreSQL logs (*.log *.csv *.json);;All files (*)</source>
        <translation>گزارش‌های PostgreSQL (*.log *.csv *.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Server log</source>
        <translation>گزارش سرور</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>گزارش: %1</translation>
    </message>
    <message>
        <source>The log of %1</source>
        <translation>گزارش %1</translation>
    </message>
    <message>
        <source>Scheduled &amp;jobs</source>
        <translation>&amp;کارهای زمان‌بندی‌شده</translation>
    </message>
    <message>
        <source>pg_cron&apos;s jobs and their runs, pg_partman&apos;s partition sets</source>
        <translation>کارهای pg_cron و اجراهایشان، مجموعه‌های پارتیشن pg_partman</translation>
    </message>
    <message>
        <source>Connect first: the jobs are the current session&apos;s server&apos;s</source>
        <translation>نخست وصل شوید: کارها از آنِ سرور نشست کنونی است</translation>
    </message>
    <message>
        <source>Scheduled jobs</source>
        <translation>کارهای زمان‌بندی‌شده</translation>
    </message>
    <message>
        <source>Scheduled jobs of %1</source>
        <translation>کارهای زمان‌بندی‌شدهٔ %1</translation>
    </message>
    <message>
        <source>E&amp;xtensions</source>
        <translation>&amp;افزونه‌ها</translation>
    </message>
    <message>
        <source>The database&apos;s extensions and those the server offers: install, update, drop</source>
        <translation>افزونه‌های پایگاه داده و آن‌هایی که سرور عرضه می‌کند: نصب، به‌روزرسانی، حذف</translation>
    </message>
    <message>
        <source>Connect first: extensions are the current database&apos;s</source>
        <translation>نخست وصل شوید: افزونه‌ها از آنِ پایگاه دادهٔ کنونی است</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>افزونه‌ها</translation>
    </message>
    <message>
        <source>Extensions of %1</source>
        <translation>افزونه‌های %1</translation>
    </message>
    <message>
        <source>See as role…</source>
        <translation>دیدن با نقش…</translation>
    </message>
    <message>
        <source>Row security is a table&apos;s</source>
        <translation>امنیت سطری ویژهٔ جدول است</translation>
    </message>
    <message>
        <source>Connect first: the table is read through the current session</source>
        <translation>نخست وصل شوید: جدول از راه نشست کنونی خوانده می‌شود</translation>
    </message>
    <message>
        <source>As role: %1</source>
        <translation>با نقش: %1</translation>
    </message>
    <message>
        <source>%1.%2 as another role sees it</source>
        <translation>%1.%2 همان‌گونه که نقشی دیگر می‌بیند</translation>
    </message>
    <message>
        <source>Move to tablespace…</source>
        <translation>جابه‌جایی به فضای جدول…</translation>
    </message>
    <message>
        <source>%1.%2 moved to %3</source>
        <translation>%1.%2 به %3 جابه‌جا شد</translation>
    </message>
    <message>
        <source>A view stores no rows to move</source>
        <translation>نما سطری برای جابه‌جایی ندارد</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerLogModel</name>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>شدت</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>فرایند</translation>
    </message>
    <message>
        <source>User@database</source>
        <translation>کاربر@پایگاه داده</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ServerLogView</name>
    <message>
        <source>Follow</source>
        <translation>دنبال کردن</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>باز کردن طرح</translation>
    </message>
    <message>
        <source>Lowest severity shown</source>
        <translation>کمترین شدت نمایش‌داده‌شده</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>همهٔ شدت‌ها</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 و بالاتر</translation>
    </message>
    <message>
        <source>Ranked as log_min_messages ranks them: LOG is above ERROR</source>
        <translation>به ترتیب log_min_messages: ‏LOG بالاتر از ERROR است</translation>
    </message>
    <message>
        <source>Text in message, detail or statement…</source>
        <translation>متن در پیام، جزئیات یا دستور…</translation>
    </message>
    <message>
        <source>SQLSTATE or class</source>
        <translation>SQLSTATE یا رده</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Read what the server adds every second and show the newest</source>
        <translation>هر ثانیه آنچه سرور می‌افزاید را بخوان و تازه‌ترین را نشان بده</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>ورودی‌های گزارش</translation>
    </message>
    <message>
        <source>The selected entry</source>
        <translation>ورودی انتخاب‌شده</translation>
    </message>
    <message>
        <source>Show this auto_explain plan in the plan view, with its hotspots</source>
        <translation>این طرح auto_explain را با نقاط داغش در نمای طرح نشان بده</translation>
    </message>
    <message>
        <source>Errors grouped</source>
        <translation>خطاهای گروه‌بندی‌شده</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>ورودی‌ها</translation>
    </message>
    <message>
        <source>The server&apos;s log</source>
        <translation>گزارش سرور</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>در حال خواندن گزارش…</translation>
    </message>
    <message>
        <source>The server&apos;s log: %1</source>
        <translation>گزارش سرور: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) shown of %1 read.</source>
        <translation>
            <numerusform>%n ورودی از %1 ورودی خوانده‌شده نمایش داده شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan at %1</source>
        <translation>طرح در %1</translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation>طرح خوانده نشد: %1</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>شدت</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>آخرین</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Errors (ERROR, FATAL, PANIC)</source>
        <translation>خطاها (ERROR، FATAL، PANIC)</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SnippetSaveDialog</name>
    <message>
        <source>Save as Snippet</source>
        <translation>ذخیره به‌عنوان قطعه‌کد</translation>
    </message>
    <message>
        <source>Typing this word in the editor offers the snippet</source>
        <translation>نوشتن این واژه در ویرایشگر این قطعه‌کد را پیشنهاد می‌کند</translation>
    </message>
    <message>
        <source>Saved as a plain file in %1; ${1:text} marks a place Tab goes to.</source>
        <translation>به صورت پرونده‌ای ساده در %1 ذخیره می‌شود؛ ${1:text} جایی را نشان می‌دهد که Tab به آن می‌رود.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>پیشوند:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>توضیح:</translation>
    </message>
    <message>
        <source>There is no SQL to save: select some first.</source>
        <translation>SQLی برای ذخیره نیست: نخست چیزی را برگزینید.</translation>
    </message>
    <message>
        <source>The snippet needs a name.</source>
        <translation>قطعه‌کد نام لازم دارد.</translation>
    </message>
    <message>
        <source>The prefix is one word: letters, digits and _.</source>
        <translation>پیشوند یک واژه است: حرف، رقم و _.</translation>
    </message>
    <message>
        <source>Replaces the shipped snippet &quot;%1&quot; for you.</source>
        <translation>برای شما جای قطعه‌کد همراه «%1» را می‌گیرد.</translation>
    </message>
    <message>
        <source>Replaces your snippet &quot;%1&quot;.</source>
        <translation>جای قطعه‌کد شما «%1» را می‌گیرد.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SqlCompleter</name>
    <message>
        <source>Completions</source>
        <translation>پیشنهادهای تکمیل</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SqlLogDock</name>
    <message>
        <source>SQL log</source>
        <translation>گزارش SQL</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Statements sent to the server</source>
        <translation>دستورهای فرستاده‌شده به کارساز</translation>
    </message>
    <message>
        <source>Statements the window sends to the server appear here.</source>
        <translation>دستورهایی که این پنجره به کارساز می‌فرستد این‌جا نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <source>agent %1 · %2 on %3</source>
        <translation>عامل %1 · %2 روی %3</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>رد شد: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ردیف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SshFields</name>
    <message>
        <source>Connect through an &amp;SSH tunnel</source>
        <translation>اتصال از طریق تونل &amp;SSH</translation>
    </message>
    <message>
        <source>bastion.example.com or a ~/.ssh/config alias</source>
        <translation>bastion.example.com یا یک نام مستعار از ~/.ssh/config</translation>
    </message>
    <message>
        <source>The SSH server in front of the database, used as written: an alias of your ssh_config brings its own user, port, key and jump hosts. The database&apos;s host and port on the Connection page are then as that server sees them.</source>
        <translation>کارساز SSH جلوی پایگاه داده، همان‌طور که نوشته شده به کار می‌رود: یک نام مستعار از ssh_config شما کاربر، درگاه، کلید و میزبان‌های میانی خودش را همراه دارد. میزبان و درگاه پایگاه داده در صفحهٔ «اتصال» در این حالت همان‌اند که آن کارساز می‌بیند.</translation>
    </message>
    <message>
        <source>default (ssh_config, then 22)</source>
        <translation>پیش‌فرض (ssh_config، سپس 22)</translation>
    </message>
    <message>
        <source>from ssh_config, else your user name</source>
        <translation>از ssh_config، وگرنه نام کاربری شما</translation>
    </message>
    <message>
        <source>ssh&apos;s defaults and the agent</source>
        <translation>پیش‌فرض‌های ssh و عامل (agent)</translation>
    </message>
    <message>
        <source>A private key file (ssh -i). A passphrase is asked for when ssh needs it.</source>
        <translation>یک پروندهٔ کلید خصوصی (ssh -i). عبارت عبور هر وقت ssh بخواهد پرسیده می‌شود.</translation>
    </message>
    <message>
        <source>none; several in order: gate.example.com, admin@inner:2222</source>
        <translation>هیچ؛ چند میزبان به ترتیب: gate.example.com, admin@inner:2222</translation>
    </message>
    <message>
        <source>Hosts to hop through first, in order (ProxyJump, ssh -J), separated by commas; each [user@]host[:port] or an alias.</source>
        <translation>میزبان‌هایی که پیش از همه، به ترتیب، از آن‌ها گذر می‌شود (ProxyJump، ssh -J)، جداشده با ویرگول؛ هر کدام [user@]host[:port] یا یک نام مستعار.</translation>
    </message>
    <message>
        <source>Use the SSH &amp;agent</source>
        <translation>استفاده از &amp;عامل SSH</translation>
    </message>
    <message>
        <source>Unticked, ssh ignores the agent (IdentityAgent none) and uses only the key file.</source>
        <translation>بدون تیک، ssh عامل را نادیده می‌گیرد (IdentityAgent none) و فقط پروندهٔ کلید را به کار می‌برد.</translation>
    </message>
    <message>
        <source>Ask me: accept once, always, or refuse</source>
        <translation>از من بپرس: یک بار پذیرفتن، همیشه، یا رد کردن</translation>
    </message>
    <message>
        <source>Only hosts already in known_hosts</source>
        <translation>فقط میزبان‌هایی که از پیش در known_hosts هستند</translation>
    </message>
    <message>
        <source>An unknown host key is never accepted silently, and a changed one is always refused.</source>
        <translation>کلید میزبانِ ناشناخته هرگز بی‌صدا پذیرفته نمی‌شود، و کلید تغییریافته همیشه رد می‌شود.</translation>
    </message>
    <message>
        <source>~/.ssh/config</source>
        <translation>~/.ssh/config</translation>
    </message>
    <message>
        <source>An ssh_config file to use instead of yours (ssh -F).</source>
        <translation>یک پروندهٔ ssh_config برای استفاده به جای پروندهٔ شما (ssh -F).</translation>
    </message>
    <message>
        <source>SSH &amp;host:</source>
        <translation>&amp;میزبان SSH:</translation>
    </message>
    <message>
        <source>SSH p&amp;ort:</source>
        <translation>&amp;درگاه SSH:</translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation>&amp;کاربر SSH:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;پروندهٔ کلید:</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>کلید خصوصی SSH</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>&amp;Jump hosts:</source>
        <translation>&amp;میزبان‌های میانی:</translation>
    </message>
    <message>
        <source>Unknown host &amp;keys:</source>
        <translation>&amp;کلیدهای میزبانِ ناشناخته:</translation>
    </message>
    <message>
        <source>ssh_&amp;config:</source>
        <translation>ssh_&amp;config:</translation>
    </message>
    <message>
        <source>ssh_config file</source>
        <translation>پروندهٔ ssh_config</translation>
    </message>
    <message>
        <source>PgDesk runs your system&apos;s ssh, so what works in a terminal works here. Passwords and passphrases are asked for when ssh needs them and kept only in the system keychain, never in the profile file.</source>
        <translation>PgDesk همان ssh سیستم شما را اجرا می‌کند، پس هر چه در پایانه کار کند اینجا هم کار می‌کند. گذرواژه‌ها و عبارت‌های عبور هر وقت ssh بخواهد پرسیده می‌شوند و فقط در جاکلیدی سیستم نگه داشته می‌شوند، هرگز در پروندهٔ نمایه.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>انتخاب پرونده</translation>
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
        <translation>کلید میزبان SSH ناشناخته</translation>
    </message>
    <message>
        <source>SSH login</source>
        <translation>ورود SSH</translation>
    </message>
    <message>
        <source>The SSH server of %1 is not in your known hosts yet. Compare its fingerprint with the one your administrator gave you before you accept it.</source>
        <translation>کارساز SSH مربوط به %1 هنوز در میزبان‌های شناختهٔ شما نیست. پیش از پذیرفتن، اثر انگشت آن را با اثر انگشتی که مدیر سیستم به شما داده است مقایسه کنید.</translation>
    </message>
    <message>
        <source>ssh asks, to open the tunnel of %1:</source>
        <translation>ssh برای باز کردن تونل %1 می‌پرسد:</translation>
    </message>
    <message>
        <source>Accept &amp;once</source>
        <translation>پذیرفتن &amp;یک بار</translation>
    </message>
    <message>
        <source>Trust this key for this tunnel only; you are asked again next time.</source>
        <translation>به این کلید فقط برای همین تونل اعتماد شود؛ دفعهٔ بعد دوباره پرسیده می‌شود.</translation>
    </message>
    <message>
        <source>Accept and &amp;remember</source>
        <translation>پذیرفتن و &amp;به خاطر سپردن</translation>
    </message>
    <message>
        <source>Add the key to ~/.ssh/known_hosts once the tunnel is up.</source>
        <translation>کلید پس از برقراری تونل به ~/.ssh/known_hosts افزوده شود.</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>&amp;رد کردن</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;به خاطر سپردن در جاکلیدی سیستم</translation>
    </message>
    <message>
        <source>Kept once the tunnel is up, so a wrong one is never saved.</source>
        <translation>پس از برقراری تونل نگه داشته می‌شود، تا مقدار نادرست هرگز ذخیره نشود.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StartPage</name>
    <message>
        <source>Start page</source>
        <translation>صفحهٔ آغاز</translation>
    </message>
    <message>
        <source>PgDesk</source>
        <translation>PgDesk</translation>
    </message>
    <message>
        <source>Browse and change PostgreSQL data safely: every edit is staged and applied in one transaction.</source>
        <translation>داده‌های PostgreSQL را با خیال آسوده مرور و تغییر دهید: هر ویرایش در انتظار می‌ماند و در یک تراکنش اعمال می‌شود.</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>اتصال جدید…</translation>
    </message>
    <message>
        <source>New query tool</source>
        <translation>ابزار پرس‌وجوی جدید</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>اتصال‌های اخیر</translation>
    </message>
    <message>
        <source>No connection yet: create one with New connection.</source>
        <translation>هنوز اتصالی نیست: با «اتصال جدید» یکی بسازید.</translation>
    </message>
    <message>
        <source>Recent tables</source>
        <translation>جدول‌های اخیر</translation>
    </message>
    <message>
        <source>Tables you open show up here.</source>
        <translation>جدول‌هایی که باز می‌کنید این‌جا نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <source>Manage connections</source>
        <translation>مدیریت اتصال‌ها</translation>
    </message>
    <message>
        <source>Run the statement at the cursor</source>
        <translation>اجرای دستور زیر مکان‌نما</translation>
    </message>
    <message>
        <source>Run the whole script</source>
        <translation>اجرای کل اسکریپت</translation>
    </message>
    <message>
        <source>Quick search in a table</source>
        <translation>جستجوی سریع در جدول</translation>
    </message>
    <message>
        <source>Apply staged changes</source>
        <translation>اعمال تغییرات در انتظار</translation>
    </message>
    <message>
        <source>Undo the last staged change</source>
        <translation>برگرداندن آخرین تغییر در انتظار</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Export the current view</source>
        <translation>برون‌بری نمای فعلی</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>اتصال به %1</translation>
    </message>
    <message>
        <source>Open %1 on %2</source>
        <translation>باز کردن %1 روی %2</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StatementsModel</name>
    <message>
        <source>The slowest call did not fall in this window (pg_stat_statements keeps only the slowest since its reset)</source>
        <translation>کندترین فراخوانی در این بازه نبود (pg_stat_statements فقط کندترین از زمان بازنشانی را نگه می‌دارد)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>فراخوانی‌ها</translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation>کل (ms)</translation>
    </message>
    <message>
        <source>Mean (ms)</source>
        <translation>میانگین (ms)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>بیشینه (ms)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>ردیف‌ها</translation>
    </message>
    <message>
        <source>Shared hit</source>
        <translation>Shared یافته</translation>
    </message>
    <message>
        <source>Shared read</source>
        <translation>Shared خوانده</translation>
    </message>
    <message>
        <source>Temp blocks</source>
        <translation>بلوک‌های موقت</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>دستور</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StatementsView</name>
    <message>
        <source>&amp;Open in Query Tool</source>
        <translation>&amp;باز کردن در ابزار پرس‌وجو</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Explain</translation>
    </message>
    <message>
        <source>10 seconds</source>
        <translation>۱۰ ثانیه</translation>
    </message>
    <message>
        <source>30 seconds</source>
        <translation>۳۰ ثانیه</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>۱ دقیقه</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>۵ دقیقه</translation>
    </message>
    <message>
        <source>Since the statistics were reset</source>
        <translation>از بازنشانی آمار</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;بازهٔ زمانی:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;بازخوانی</translation>
    </message>
    <message>
        <source>Everything since the statistics were reset, as of %1.</source>
        <translation>همه‌چیز از بازنشانی آمار تا %1.</translation>
    </message>
    <message numerus="yes">
        <source>The statements of the %n second(s) up to %1.</source>
        <translation>
            <numerusform>دستورهای %n ثانیه تا %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first snapshot is taken: the statements of the next %n second(s) will be shown.</source>
        <translation>
            <numerusform>نخستین برداشت گرفته شد: دستورهای %n ثانیهٔ بعد نشان داده می‌شوند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggest &amp;Indexes</source>
        <translation>پیشنهاد &amp;نمایه</translation>
    </message>
    <message>
        <source>Indexes the filters of the workload ask for (pg_qualstats), each checked with what-if plans of its queries (hypopg); nothing is built</source>
        <translation>نمایه‌هایی که فیلترهای بار کاری می‌خواهند (pg_qualstats)، هر کدام با طرح‌های فرضی پرس‌وجوهایش آزموده (hypopg)؛ چیزی ساخته نمی‌شود</translation>
    </message>
    <message>
        <source>Cost saved</source>
        <translation>هزینهٔ صرفه‌جویی‌شده</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>پرس‌وجوها</translation>
    </message>
    <message>
        <source>Index to build</source>
        <translation>نمایه برای ساختن</translation>
    </message>
    <message>
        <source>Planning the workload&apos;s queries with hypothetical indexes…</source>
        <translation>برنامه‌ریزی پرس‌وجوهای بار کاری با نمایه‌های فرضی…</translation>
    </message>
    <message>
        <source>Plan cost %1 → %2</source>
        <translation>هزینهٔ طرح %1 → %2</translation>
    </message>
    <message>
        <source>No index would help the workload&apos;s filters as they ran.</source>
        <translation>هیچ نمایه‌ای به فیلترهای بار کاری، آن‌گونه که اجرا شدند، کمک نمی‌کند.</translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) would help: checked with what-if plans, nothing was built.</source>
        <translation>
            <numerusform>%n نمایه کمک می‌کند: با طرح‌های فرضی آزموده شد، چیزی ساخته نشد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StepConfirm</name>
    <message>
        <source>Confirm the steps that change data</source>
        <translation>تأیید گام‌هایی که داده را تغییر می‌دهند</translation>
    </message>
    <message>
        <source>These steps drop or convert stored data. Tick each one to apply it.</source>
        <translation>این گام‌ها دادهٔ ذخیره‌شده را حذف یا تبدیل می‌کنند. برای اعمال هر کدام را تیک بزنید.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::StructureView</name>
    <message>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Read the structure again (%1)</source>
        <translation>خواندن دوبارهٔ ساختار (%1)</translation>
    </message>
    <message>
        <source>Refresh structure</source>
        <translation>بازخوانی ساختار</translation>
    </message>
    <message>
        <source>Structure sections</source>
        <translation>بخش‌های ساختار</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Nullable</source>
        <translation>NULL مجاز</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>هویت (identity)</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>تولیدشده</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>ترتیب‌بندی (collation)</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>ذخیره‌سازی</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>قیدها</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>تعریف</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>ایندکس</translation>
    </message>
    <message>
        <source>Deferrable</source>
        <translation>قابل تعویق</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>اعتبارسنجی‌شده</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>ایندکس‌ها</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>روش</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>INCLUDE</translation>
    </message>
    <message>
        <source>Predicate</source>
        <translation>گزاره</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>یکتا</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>اصلی</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>معتبر</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>آماده</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>پویش‌ها</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>قید</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>کلیدهای خارجی</translation>
    </message>
    <message>
        <source>References</source>
        <translation>ارجاع به</translation>
    </message>
    <message>
        <source>Referenced columns</source>
        <translation>ستون‌های ارجاع‌شده</translation>
    </message>
    <message>
        <source>On update</source>
        <translation>هنگام به‌روزرسانی</translation>
    </message>
    <message>
        <source>On delete</source>
        <translation>هنگام حذف</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>تطبیق</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>ارجاع‌شده از سوی</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>تریگرها</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>زمان‌بندی</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>رویدادها</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>تابع</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>سیاست‌ها</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>فرمان</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>نقش‌ها</translation>
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
        <translation>پارتیشن‌ها</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>کران</translation>
    </message>
    <message>
        <source>Options &amp; statistics</source>
        <translation>گزینه‌ها و آمار</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>ویژگی</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Loading the structure…</source>
        <translation>در حال بارگذاری ساختار…</translation>
    </message>
    <message>
        <source>Could not read the structure: %1</source>
        <translation>خواندن ساختار ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>پارتیشن</translation>
    </message>
    <message>
        <source>Partitioned table</source>
        <translation>جدول پارتیشن‌بندی‌شده</translation>
    </message>
    <message>
        <source>View</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation>نمای مادی‌شده</translation>
    </message>
    <message>
        <source>Foreign table</source>
        <translation>جدول خارجی</translation>
    </message>
    <message>
        <source>%1 %2, owner %3, %4</source>
        <translation>%1 %2، مالک %3، %4</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>کلید اصلی</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>بررسی (CHECK)</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>انحصار (EXCLUDE)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>initially deferred</source>
        <translation>در آغاز به تعویق افتاده</translation>
    </message>
    <message>
        <source>initially immediate</source>
        <translation>در آغاز بی‌درنگ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no (NOT VALID)</source>
        <translation>خیر (NOT VALID)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>replica only</source>
        <translation>فقط روی replica</translation>
    </message>
    <message>
        <source>always</source>
        <translation>همیشه</translation>
    </message>
    <message>
        <source>Inherits</source>
        <translation>وراثت</translation>
    </message>
    <message>
        <source>Partitioned partition</source>
        <translation>پارتیشن پارتیشن‌بندی‌شده</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مالک</translation>
    </message>
    <message>
        <source>Tablespace</source>
        <translation>فضای جدول (tablespace)</translation>
    </message>
    <message>
        <source>Unlogged</source>
        <translation>بدون ثبت در WAL (UNLOGGED)</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>کلید پارتیشن</translation>
    </message>
    <message>
        <source>Partition bound</source>
        <translation>کران پارتیشن</translation>
    </message>
    <message>
        <source>Inherits from</source>
        <translation>ارث‌بری از</translation>
    </message>
    <message>
        <source>Partition of</source>
        <translation>پارتیشنی از</translation>
    </message>
    <message>
        <source>Row-level security</source>
        <translation>امنیت سطح ردیف</translation>
    </message>
    <message>
        <source>Row-level security for the owner too (FORCE)</source>
        <translation>امنیت سطح ردیف برای مالک هم (FORCE)</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>گزینهٔ %1</translation>
    </message>
    <message>
        <source>Foreign server</source>
        <translation>کارساز خارجی</translation>
    </message>
    <message>
        <source>Foreign option</source>
        <translation>گزینهٔ خارجی</translation>
    </message>
    <message>
        <source>Privileges of %1 (the owner&apos;s defaults)</source>
        <translation>مجوزهای %1 (پیش‌فرض‌های مالک)</translation>
    </message>
    <message>
        <source>Privileges of %1</source>
        <translation>مجوزهای %1</translation>
    </message>
    <message>
        <source>Access privileges (ACL)</source>
        <translation>مجوزهای دسترسی (ACL)</translation>
    </message>
    <message>
        <source>Size of the table</source>
        <translation>اندازهٔ جدول</translation>
    </message>
    <message>
        <source>Size of the indexes</source>
        <translation>اندازهٔ ایندکس‌ها</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>اندازهٔ کل</translation>
    </message>
    <message>
        <source>Live rows</source>
        <translation>ردیف‌های زنده</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>ردیف‌های مرده</translation>
    </message>
    <message>
        <source>Rows changed since the last analyze</source>
        <translation>ردیف‌های تغییرکرده از آخرین ANALYZE</translation>
    </message>
    <message>
        <source>Sequential scans</source>
        <translation>پویش‌های ترتیبی</translation>
    </message>
    <message>
        <source>Index scans</source>
        <translation>پویش‌های ایندکس</translation>
    </message>
    <message>
        <source>never</source>
        <translation>هرگز</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>%1 (%n بار)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation>آخرین VACUUM</translation>
    </message>
    <message>
        <source>Last autovacuum</source>
        <translation>آخرین autovacuum</translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation>آخرین ANALYZE</translation>
    </message>
    <message>
        <source>Last autoanalyze</source>
        <translation>آخرین autoanalyze</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>CREATE script</source>
        <translation>اسکریپت CREATE</translation>
    </message>
    <message>
        <source>Privileges on column %1</source>
        <translation>مجوزهای ستون %1</translation>
    </message>
    <message>
        <source>Size of the TOAST table</source>
        <translation>اندازهٔ جدول TOAST</translation>
    </message>
    <message>
        <source>Design…</source>
        <translation>طراحی…</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::SubscriptionDialog</name>
    <message>
        <source>New Subscription</source>
        <translation>اشتراک تازه</translation>
    </message>
    <message>
        <source>A connection string</source>
        <translation>یک رشتهٔ اتصال</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>نمایهٔ %1</translation>
    </message>
    <message>
        <source>The publisher as this server reaches it (not as this computer does)</source>
        <translation>ناشر آن‌گونه که این سرور به آن می‌رسد (نه این رایانه)</translation>
    </message>
    <message>
        <source>Sent to the server inside the statement and kept there (pg_subscription, readable by superusers only); shown and logged as ********</source>
        <translation>درون دستور به سرور فرستاده و آنجا نگه داشته می‌شود (pg_subscription، فقط برای ابرکاربران خواندنی)؛ به صورت ******** نمایش و ثبت می‌شود</translation>
    </message>
    <message>
        <source>the publisher&apos;s publications, separated by commas</source>
        <translation>انتشارهای ناشر، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Copy the tables&apos; existing rows first</source>
        <translation>نخست سطرهای موجود جدول‌ها را کپی کن</translation>
    </message>
    <message>
        <source>Start applying changes now</source>
        <translation>اکنون اعمال تغییرات را آغاز کن</translation>
    </message>
    <message>
        <source>Create its slot on the publisher</source>
        <translation>اسلات آن را روی ناشر بساز</translation>
    </message>
    <message>
        <source>the subscription&apos;s name</source>
        <translation>نام اشتراک</translation>
    </message>
    <message>
        <source>Binary transfer (binary)</source>
        <translation>انتقال دودویی (binary)</translation>
    </message>
    <message>
        <source>Stream large transactions while in progress (streaming)</source>
        <translation>تراکنش‌های بزرگ را در حین اجرا جریان بده (streaming)</translation>
    </message>
    <message>
        <source>Two-phase commit (two_phase)</source>
        <translation>ثبت دومرحله‌ای (two_phase)</translation>
    </message>
    <message>
        <source>Disable on an apply error instead of retrying (disable_on_error)</source>
        <translation>هنگام خطای اعمال به جای تلاش دوباره غیرفعال شو (disable_on_error)</translation>
    </message>
    <message>
        <source>server default (off)</source>
        <translation>پیش‌فرض سرور (off)</translation>
    </message>
    <message>
        <source>Slot name:</source>
        <translation>نام اسلات:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>ناشر:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>اتصال:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Publications:</source>
        <translation>انتشارها:</translation>
    </message>
    <message>
        <source>Slot:</source>
        <translation>اسلات:</translation>
    </message>
    <message>
        <source>Synchronous commit:</source>
        <translation>ثبت همگام:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>the profile&apos;s saved password or password command</source>
        <translation>گذرواژهٔ ذخیره‌شده یا فرمان گذرواژهٔ نمایه</translation>
    </message>
    <message>
        <source>none: the server&apos;s own ~/.pgpass, or trust</source>
        <translation>هیچ: ‎~/.pgpass خود سرور، یا trust</translation>
    </message>
    <message>
        <source>Runs outside a transaction: it creates the slot on the publisher.</source>
        <translation>بیرون از تراکنش اجرا می‌شود: اسلات را روی ناشر می‌سازد.</translation>
    </message>
    <message>
        <source>Runs in one transaction through the existing slot.</source>
        <translation>در یک تراکنش و از طریق اسلات موجود اجرا می‌شود.</translation>
    </message>
    <message>
        <source>Creating the subscription…</source>
        <translation>در حال ساختن اشتراک…</translation>
    </message>
    <message>
        <source>The subscription was not created: %1</source>
        <translation>اشتراک ساخته نشد: %1</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableBrowser</name>
    <message>
        <source>Rows of %1</source>
        <translation>ردیف‌های %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>فیلتر</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>صفحهٔ اول</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>صفحهٔ قبل</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>صفحهٔ بعد</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>صفحهٔ آخر</translation>
    </message>
    <message>
        <source>Active rows</source>
        <translation>ردیف‌های فعال</translation>
    </message>
    <message>
        <source>Deleted rows</source>
        <translation>ردیف‌های حذف‌شده</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>همهٔ ردیف‌ها</translation>
    </message>
    <message>
        <source>Soft-delete scope</source>
        <translation>دامنهٔ حذف نرم</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n ردیف</numerusform>
        </translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>پیمایش</translation>
    </message>
    <message>
        <source>Scroll through every row; rows load as they come into view</source>
        <translation>پیمایش در همهٔ ردیف‌ها؛ ردیف‌ها هنگام نمایان شدن بارگذاری می‌شوند</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>اندازهٔ صفحه</translation>
    </message>
    <message>
        <source>page </source>
        <translation>صفحهٔ </translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>رفتن به صفحه</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>شمارش ردیف‌ها</translation>
    </message>
    <message>
        <source>Count the matching rows exactly (count(*)); click again to cancel</source>
        <translation>شمارش دقیق ردیف‌های مطابق (count(*))؛ برای لغو دوباره کلیک کنید</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>اتصال دوباره</translation>
    </message>
    <message>
        <source>Drop the broken connections and load this page again</source>
        <translation>کنار گذاشتن اتصال‌های قطع‌شده و بارگذاری دوبارهٔ این صفحه</translation>
    </message>
    <message>
        <source>row </source>
        <translation>ردیف </translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>لغو شمارش</translation>
    </message>
    <message>
        <source>Counting the rows of %1…</source>
        <translation>در حال شمارش ردیف‌های %1…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>در حال بارگذاری %1…</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>اتصال قطع شد: %1</translation>
    </message>
    <message>
        <source>Filter: %1 is null</source>
        <translation>فیلتر: %1 برابر NULL</translation>
    </message>
    <message>
        <source>Filter by this value</source>
        <translation>فیلتر با این مقدار</translation>
    </message>
    <message>
        <source>Filter: %1 is not null</source>
        <translation>فیلتر: %1 نابرابر NULL</translation>
    </message>
    <message>
        <source>Exclude this value</source>
        <translation>کنار گذاشتن این مقدار</translation>
    </message>
    <message>
        <source>Copy with column names</source>
        <translation>رونوشت همراه نام ستون‌ها</translation>
    </message>
    <message>
        <source>View value…</source>
        <translation>دیدن مقدار…</translation>
    </message>
    <message>
        <source>Batch operation…</source>
        <translation>عملیات گروهی…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>بدون ردیف</translation>
    </message>
    <message>
        <source>rows %1–%2</source>
        <translation>ردیف‌های %1–%2</translation>
    </message>
    <message>
        <source>last %1 rows</source>
        <translation>%1 ردیف آخر</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <source>Rows with %1 set are hidden</source>
        <translation>ردیف‌هایی که %1 آن‌ها مقدار دارد پنهان‌اند</translation>
    </message>
    <message>
        <source>Rows with %1 true are hidden</source>
        <translation>ردیف‌هایی که %1 آن‌ها true است پنهان‌اند</translation>
    </message>
    <message>
        <source>Rows with %1 false are hidden</source>
        <translation>ردیف‌هایی که %1 آن‌ها false است پنهان‌اند</translation>
    </message>
    <message>
        <source>Rows with %1 false or null are hidden</source>
        <translation>ردیف‌هایی که %1 آن‌ها false یا null است پنهان‌اند</translation>
    </message>
    <message>
        <source>Choose &quot;All rows&quot; to show them</source>
        <translation>برای نمایش آن‌ها «همهٔ ردیف‌ها» را برگزینید</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>داده‌ها</translation>
    </message>
    <message>
        <source>The rows of the table</source>
        <translation>ردیف‌های جدول</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>ساختار</translation>
    </message>
    <message>
        <source>Columns, constraints, indexes, triggers, policies, partitions and options</source>
        <translation>ستون‌ها، قیدها، ایندکس‌ها، تریگرها، سیاست‌ها، پارتیشن‌ها و گزینه‌ها</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
    <message>
        <source>Show, hide, freeze and fit the columns</source>
        <translation>نمایش، پنهان کردن، ثابت کردن و جا دادن ستون‌ها</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableDesigner</name>
    <message>
        <source>unchanged (a new table: the current role)</source>
        <translation>بدون تغییر (جدول جدید: نقش کنونی)</translation>
    </message>
    <message>
        <source>range (created_at), list (region), hash (id)</source>
        <translation>range (created_at), list (region), hash (id)</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>جدول:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>توضیح:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>مالک:</translation>
    </message>
    <message>
        <source>Partition by:</source>
        <translation>افراز بر پایهٔ:</translation>
    </message>
    <message>
        <source>Add Column</source>
        <translation>افزودن ستون</translation>
    </message>
    <message>
        <source>Drop Column</source>
        <translation>حذف ستون</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>تعریف</translation>
    </message>
    <message>
        <source>Staged</source>
        <translation>آماده‌شده</translation>
    </message>
    <message>
        <source>Add Index…</source>
        <translation>افزودن نمایه…</translation>
    </message>
    <message>
        <source>Add Primary Key…</source>
        <translation>افزودن کلید اصلی…</translation>
    </message>
    <message>
        <source>Add Unique…</source>
        <translation>افزودن یکتایی…</translation>
    </message>
    <message>
        <source>Add Foreign Key…</source>
        <translation>افزودن کلید خارجی…</translation>
    </message>
    <message>
        <source>Add Check…</source>
        <translation>افزودن بررسی…</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Not on a production or read-only connection: Trace runs the statements.</source>
        <translation>نه روی اتصال عملیاتی یا فقط‌خواندنی: ردگیری دستورها را اجرا می‌کند.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
    <message>
        <source>Keys and Indexes</source>
        <translation>کلیدها و نمایه‌ها</translation>
    </message>
    <message>
        <source>SQL and Locks</source>
        <translation>SQL و قفل‌ها</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور انداختن</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> میلی‌ثانیه</translation>
    </message>
    <message>
        <source>A statement that waits longer for its lock gives up: the table is busy, and nothing is changed</source>
        <translation>دستوری که بیشتر منتظر قفلش بماند کنار می‌کشد: جدول مشغول است و چیزی تغییر نمی‌کند</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Lock timeout:</source>
        <translation>مهلت قفل:</translation>
    </message>
    <message>
        <source>new_table</source>
        <translation>new_table</translation>
    </message>
    <message>
        <source>Reading %1.%2…</source>
        <translation>خواندن %1.%2…</translation>
    </message>
    <message numerus="yes">
        <source>The changes staged before were kept: %n step(s).</source>
        <translation>
            <numerusform>تغییرات آماده‌شدهٔ قبلی نگه داشته شد: %n گام.</numerusform>
        </translation>
    </message>
    <message>
        <source>No change staged.</source>
        <translation>تغییری آماده نشده است.</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) staged: see SQL and Locks.</source>
        <translation>
            <numerusform>%n دستور آماده شد: SQL و قفل‌ها را ببینید.</numerusform>
        </translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>کلید اصلی</translation>
    </message>
    <message>
        <source>unique index</source>
        <translation>نمایهٔ یکتا</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>یکتا</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation>کلید خارجی</translation>
    </message>
    <message>
        <source>check</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>exclusion</source>
        <translation>انحصار</translation>
    </message>
    <message>
        <source>new</source>
        <translation>جدید</translation>
    </message>
    <message>
        <source>index</source>
        <translation>نمایه</translation>
    </message>
    <message>
        <source>new, built concurrently</source>
        <translation>جدید، ساخت هم‌زمان</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>در حال اعمال…</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>اعمال شد.</translation>
    </message>
    <message>
        <source>Committed, but a later step failed: %1</source>
        <translation>ثبت شد، ولی گامی بعدی شکست خورد: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>چیزی تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>Add Exclusion…</source>
        <translation>افزودن انحصار…</translation>
    </message>
    <message>
        <source>Row Security</source>
        <translation>امنیت سطری</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TableEditor</name>
    <message>
        <source>Edit by row position (ctid)…</source>
        <translation>ویرایش بر پایهٔ جایگاه ردیف (ctid)…</translation>
    </message>
    <message>
        <source>Identify rows by their physical position, each checked against its version when applied: safe against concurrent changes, never edits two rows</source>
        <translation>شناسایی ردیف‌ها با جایگاه فیزیکی‌شان، هر کدام هنگام اعمال با نسخه‌اش سنجیده می‌شود: در برابر تغییرات هم‌زمان امن است و هرگز دو ردیف را ویرایش نمی‌کند</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور انداختن</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>نگه داشتن مال من</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>پذیرفتن مال آن‌ها</translation>
    </message>
    <message>
        <source>Stage my changes again against the rows as they are now</source>
        <translation>تغییرات من دوباره روی وضعیت کنونی ردیف‌ها در انتظار اعمال قرار گیرد</translation>
    </message>
    <message>
        <source>Drop my changes to the conflicting rows</source>
        <translation>دور انداختن تغییرات من در ردیف‌های متداخل</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>اعمال…</translation>
    </message>
    <message>
        <source>Preview and apply the staged changes in one transaction (Ctrl+S)</source>
        <translation>پیش‌نمایش و اعمال تغییرات در انتظار در یک تراکنش (Ctrl+S)</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>اعمال تغییرات</translation>
    </message>
    <message>
        <source>Undo staged change</source>
        <translation>برگرداندن تغییر در انتظار</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>افزودن ردیف</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>حذف ردیف‌ها</translation>
    </message>
    <message>
        <source>Nothing was written, your staged changes are kept: %1</source>
        <translation>چیزی نوشته نشد و تغییرات در انتظار شما حفظ شد: %1</translation>
    </message>
    <message>
        <source>Staged changes are not journaled (%1): they would not survive a crash.</source>
        <translation>تغییرات در انتظار در دفترچه ثبت نمی‌شوند (%1): پس از فروپاشی برنامه باقی نمی‌مانند.</translation>
    </message>
    <message>
        <source>%1 from a previous session</source>
        <translation>%1 از نشست پیشین</translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>در حال اعمال %1…</translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation> (حذف‌شده)</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %n row(s) changed on the server since they were read: %1. Keep mine stages my changes again against the rows as they are now; take theirs drops my changes to them.</source>
        <translation>
            <numerusform>چیزی نوشته نشد: %n ردیف پس از خوانده شدن روی کارساز تغییر کرده است: %1. «نگه داشتن مال من» تغییرات مرا دوباره روی وضعیت کنونی ردیف‌ها در انتظار اعمال می‌گذارد؛ «پذیرفتن مال آن‌ها» تغییرات مرا در آن ردیف‌ها دور می‌اندازد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write the journal (%1): staged changes would not survive a crash.</source>
        <translation>نوشتن دفترچه ممکن نشد (%1): تغییرات در انتظار پس از فروپاشی برنامه باقی نمی‌مانند.</translation>
    </message>
    <message>
        <source>-- cannot apply: %1</source>
        <translation>-- اعمال ممکن نیست: %1</translation>
    </message>
    <message>
        <source>Apply %1 to %2</source>
        <translation>اعمال %1 روی %2</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>These statements run in one transaction; if any row changed since it was read, nothing is written.</source>
        <translation>این دستورها در یک تراکنش اجرا می‌شوند؛ اگر ردیفی پس از خوانده شدن تغییر کرده باشد، چیزی نوشته نمی‌شود.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>دور انداختن تغییرات</translation>
    </message>
    <message>
        <source>Discard %1 to %2?</source>
        <translation>%1 روی %2 دور انداخته شود؟</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s) of %1 permanently when the changes are applied?</source>
        <translation>
            <numerusform>%n ردیف از %1 هنگام اعمال تغییرات برای همیشه حذف شود؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Staged changes</source>
        <translation>تغییرات در انتظار</translation>
    </message>
    <message>
        <source>Keep staged</source>
        <translation>نگه داشتن در انتظار</translation>
    </message>
    <message>
        <source>Edit by row position</source>
        <translation>ویرایش بر پایهٔ جایگاه ردیف</translation>
    </message>
    <message>
        <source>This table has no primary key. PgDesk can identify each row by its physical position (ctid) instead. Every change is checked against the row&apos;s version when applied, so a row changed or moved by someone else is reported as a conflict and nothing is written; identical rows stay distinguishable.

Edit this table by row position?</source>
        <translation>این جدول کلید اصلی ندارد. PgDesk می‌تواند به جای آن هر ردیف را با جایگاه فیزیکی‌اش (ctid) شناسایی کند. هر تغییر هنگام اعمال با نسخهٔ ردیف سنجیده می‌شود، پس ردیفی که کس دیگری تغییر داده یا جابه‌جا کرده به عنوان تداخل گزارش می‌شود و چیزی نوشته نمی‌شود؛ ردیف‌های یکسان از هم قابل تشخیص می‌مانند.

این جدول بر پایهٔ جایگاه ردیف ویرایش شود؟</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>The cell holds no bytes to save</source>
        <translation>این خانه بایتی برای ذخیره ندارد</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation>NULL کردن</translation>
    </message>
    <message>
        <source>Edit value…</source>
        <translation>ویرایش مقدار…</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>بارگذاری از پرونده…</translation>
    </message>
    <message>
        <source>Load bytes into the cell</source>
        <translation>بارگذاری بایت‌ها در خانه</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>ذخیره در پرونده…</translation>
    </message>
    <message>
        <source>Save the cell&apos;s bytes</source>
        <translation>ذخیرهٔ بایت‌های خانه</translation>
    </message>
    <message>
        <source>Remove new row</source>
        <translation>برداشتن ردیف جدید</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n row(s) permanently…</source>
        <translation>
            <numerusform>حذف دائمی %n ردیف…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n row(s)</source>
        <translation>
            <numerusform>بازیابی %n ردیف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 staged change(s)</source>
        <translation>
            <numerusform>%1 تغییر در انتظار</numerusform>
        </translation>
    </message>
    <message>
        <source>Set DEFAULT</source>
        <translation>DEFAULT کردن</translation>
    </message>
    <message>
        <source>The column has no default: it becomes NULL</source>
        <translation>ستون مقدار پیش‌فرض ندارد: NULL می‌شود</translation>
    </message>
    <message>
        <source>The column&apos;s default: %1</source>
        <translation>مقدار پیش‌فرض ستون: %1</translation>
    </message>
    <message>
        <source>This value (%1 characters, lines up to %2) is too long to edit here: Set NULL, Load from file (bytea) or an UPDATE in the query tool replace it</source>
        <translation>این مقدار (%1 نویسه، خط‌هایی تا %2 نویسه) برای ویرایش در اینجا بیش از حد بلند است: «NULL کردن»، «بارگذاری از پرونده» (bytea) یا یک UPDATE در ابزار پرس‌وجو آن را جایگزین می‌کند</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Stop the apply: the transaction rolls back and nothing is written</source>
        <translation>توقف اعمال: تراکنش برگردانده می‌شود و چیزی نوشته نمی‌شود</translation>
    </message>
    <message>
        <source>Apply cancelled: the transaction rolled back, nothing was written. Your staged changes are kept.</source>
        <translation>اعمال لغو شد: تراکنش برگردانده شد و چیزی نوشته نشد. تغییرات آماده‌شدهٔ شما نگه داشته شده‌اند.</translation>
    </message>
    <message>
        <source>Cancelling the apply of %1: waiting for the server to roll back…</source>
        <translation>لغو اعمال %1: در انتظار برگرداندن تراکنش توسط سرور…</translation>
    </message>
    <message>
        <source>Apply in progress</source>
        <translation>اعمال در جریان است</translation>
    </message>
    <message>
        <source>The changes to %1 are being applied; whether they will be written is not known yet.</source>
        <translation>تغییرات %1 در حال اعمال‌اند؛ هنوز معلوم نیست نوشته می‌شوند یا نه.</translation>
    </message>
    <message>
        <source>Closing the tab cancels the apply: the transaction rolls back unless it has already committed.</source>
        <translation>بستن زبانه اعمال را لغو می‌کند: تراکنش برگردانده می‌شود، مگر آنکه پیش‌تر ثبت شده باشد.</translation>
    </message>
    <message>
        <source>Cancel the apply and close</source>
        <translation>لغو اعمال و بستن</translation>
    </message>
    <message>
        <source>Keep the tab open</source>
        <translation>زبانه باز بماند</translation>
    </message>
    <message>
        <source>Cancelling the apply: waiting for the server to roll back…</source>
        <translation>لغو اعمال: در انتظار برگرداندن تراکنش توسط سرور…</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>دیگر منتظر نمان</translation>
    </message>
    <message>
        <source>Changes applied</source>
        <translation>تغییرات اعمال شد</translation>
    </message>
    <message>
        <source>The changes were committed before the cancel reached the server: they are written.</source>
        <translation>تغییرات پیش از رسیدن لغو به سرور ثبت شدند: نوشته شده‌اند.</translation>
    </message>
    <message>
        <source>Apply failed</source>
        <translation>اعمال ناموفق بود</translation>
    </message>
    <message>
        <source>Delete rows permanently…</source>
        <translation>حذف دائمی ردیف‌ها…</translation>
    </message>
    <message>
        <source>Soft-delete rows</source>
        <translation>حذف نرم ردیف‌ها</translation>
    </message>
    <message numerus="yes">
        <source>Soft-delete %n row(s)</source>
        <translation>
            <numerusform>حذف نرم %n ردیف</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL to run</source>
        <translation>SQL برای اجرا</translation>
    </message>
    <message>
        <source>No staged changes</source>
        <translation>بدون تغییر در انتظار</translation>
    </message>
    <message>
        <source>%1 has %2 not applied yet.</source>
        <translation>در %1، %2 هنوز اعمال نشده است.</translation>
    </message>
    <message>
        <source>Changes kept staged come back when you open the table again.</source>
        <translation>تغییراتی که در انتظار نگه داشته شوند، با باز کردن دوبارهٔ جدول برمی‌گردند.</translation>
    </message>
    <message>
        <source>Form view</source>
        <translation>نمای فرم</translation>
    </message>
    <message>
        <source>Form view…</source>
        <translation>نمای فرم…</translation>
    </message>
    <message>
        <source>Column %1 of the key cannot be edited here</source>
        <translation>ستون %1 کلید را اینجا نمی‌توان ویرایش کرد</translation>
    </message>
    <message numerus="yes">
        <source>No parent row for %n staged foreign-key value(s): %1</source>
        <translation>
            <numerusform>هیچ ردیف والدی برای %n مقدار کلید خارجیِ در انتظار اعمال وجود ندارد: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not check the foreign-key values: %1</source>
        <translation>بررسی مقدارهای کلید خارجی ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Unlock writing</source>
        <translation>باز کردن قفل نوشتن</translation>
    </message>
    <message>
        <source>Writing is locked on this %1 tab: nothing was staged. Unlock writing first.</source>
        <translation>نوشتن در این زبانه (%1) قفل است: هیچ تغییری آماده نشد. نخست قفل نوشتن را باز کنید.</translation>
    </message>
    <message>
        <source>%1: this tab is read-only. Editing, pasting, deleting and batch operations need writing unlocked; Apply then asks for the database&apos;s name.</source>
        <translation>%1: این زبانه فقط‌خواندنی است. ویرایش، چسباندن، حذف و عملیات دسته‌ای به باز بودن قفل نوشتن نیاز دارند؛ سپس «اعمال» نام پایگاه داده را می‌پرسد.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TemporalEdit</name>
    <message>
        <source>Pick the date (the time and time zone stay as they are)</source>
        <translation>انتخاب تاریخ (زمان و منطقهٔ زمانی تغییر نمی‌کنند)</translation>
    </message>
    <message>
        <source>Pick date</source>
        <translation>انتخاب تاریخ</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::TransferFeature</name>
    <message>
        <source>&amp;Export view…</source>
        <translation>&amp;برون‌بری نما…</translation>
    </message>
    <message>
        <source>&amp;Import into table…</source>
        <translation>&amp;درون‌ریزی به جدول…</translation>
    </message>
    <message>
        <source>Import into &amp;new table…</source>
        <translation>درون‌ریزی به &amp;جدول تازه…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>برون‌بری…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>درون‌ریزی…</translation>
    </message>
    <message>
        <source>Only tables take imported rows</source>
        <translation>فقط جدول‌ها ردیف درون‌ریزی‌شده می‌پذیرند</translation>
    </message>
    <message>
        <source>Import into new table…</source>
        <translation>درون‌ریزی به جدول تازه…</translation>
    </message>
    <message>
        <source>Open a table or a query result first: Export writes the current table view or query result</source>
        <translation>ابتدا یک جدول یا نتیجهٔ پرس‌وجو را باز کنید: برون‌بری نمای فعلی جدول یا نتیجهٔ پرس‌وجو را می‌نویسد</translation>
    </message>
    <message>
        <source>Open a table first: Import loads a file into the current table</source>
        <translation>ابتدا یک جدول باز کنید: درون‌ریزی یک پرونده را در جدول فعلی بارگذاری می‌کند</translation>
    </message>
    <message>
        <source>The table is still loading: try again in a moment</source>
        <translation>جدول هنوز در حال بارگذاری است: لحظه‌ای دیگر دوباره تلاش کنید</translation>
    </message>
    <message>
        <source>%1 is not a table: import needs a table</source>
        <translation>%1 جدول نیست: درون‌ریزی به یک جدول نیاز دارد</translation>
    </message>
    <message>
        <source>Writing is locked on this production tab: unlock writing to import</source>
        <translation>نوشتن در این زبانهٔ محیط عملیاتی قفل است: برای درون‌ریزی، قفل نوشتن را باز کنید</translation>
    </message>
    <message>
        <source>Connect first: the new table is made in a database</source>
        <translation>نخست وصل شوید: جدول تازه در یک پایگاه داده ساخته می‌شود</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueEditorDialog</name>
    <message>
        <source>Edit %1 (%2)</source>
        <translation>ویرایش %1 (%2)</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>مقدار %1</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب‌بندی</translation>
    </message>
    <message>
        <source>Any JSON value; numbers stay exactly as written.</source>
        <translation>هر مقدار JSON؛ اعداد دقیقاً همان‌طور که نوشته شده‌اند می‌مانند.</translation>
    </message>
    <message>
        <source>One element per line. A line NULL is a NULL element; write &quot;NULL&quot; for the text.</source>
        <translation>هر خط یک عنصر. خطی که NULL باشد عنصر NULL است؛ برای متن آن &quot;NULL&quot; بنویسید.</translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n عنصر</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>JSON معتبر</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>JSON نامعتبر: %1</translation>
    </message>
    <message>
        <source>The text exactly as typed.</source>
        <translation>متن دقیقاً همان‌گونه که تایپ شده است.</translation>
    </message>
    <message>
        <source>This value holds carriage returns or line/paragraph separators, which this editor would change: shown read-only</source>
        <translation>این مقدار نویسهٔ بازگشت یا جداکنندهٔ خط/بند دارد که این ویرایشگر تغییرشان می‌دهد: فقط‌خواندنی نشان داده شده</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 نویسه</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValuePanel</name>
    <message>
        <source>Find in the value</source>
        <translation>جستجو در مقدار</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the value.</source>
        <translation>«%1» در مقدار نیست.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Value as a tree</source>
        <translation>مقدار به صورت درخت</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Select a cell: its value shows here, as a tree for JSON, arrays, hstore and composites.</source>
        <translation>یک خانه را انتخاب کنید: مقدار آن این‌جا نمایش داده می‌شود، و برای JSON، آرایه‌ها، hstore و نوع‌های مرکب به صورت درخت.</translation>
    </message>
    <message>
        <source>%1 (%2): NULL</source>
        <translation>%1 (%2): NULL</translation>
    </message>
    <message>
        <source>%1 (%2): the grid holds only the beginning of this value; open it whole with the cell&apos;s View value.</source>
        <translation>%1 (%2): جدول فقط آغاز این مقدار را دارد؛ آن را به‌طور کامل با «دیدن مقدار» خانه باز کنید.</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2)، %3</translation>
    </message>
    <message>
        <source>%1 (%2), %3: double-click a value to change it; the change is staged like any cell edit.</source>
        <translation>%1 (%2)، %3: برای تغییر یک مقدار روی آن دوبار کلیک کنید؛ تغییر مانند هر ویرایش خانه در انتظار اعمال می‌ماند.</translation>
    </message>
    <message>
        <source>The grid did not take the change.</source>
        <translation>جدول تغییر را نپذیرفت.</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>رونوشت مقدار</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>رونوشت مسیر</translation>
    </message>
    <message>
        <source>-&gt; (the whole value)</source>
        <translation>-&gt; (کل مقدار)</translation>
    </message>
    <message>
        <source>Filter rows where this path = this value</source>
        <translation>فیلتر ردیف‌هایی که در آن‌ها این مسیر = این مقدار</translation>
    </message>
    <message>
        <source>Change type to</source>
        <translation>تغییر نوع به</translation>
    </message>
    <message>
        <source>Add key…</source>
        <translation>افزودن کلید…</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>افزودن کلید</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Add element</source>
        <translation>افزودن عنصر</translation>
    </message>
    <message>
        <source>Rename key…</source>
        <translation>تغییر نام کلید…</translation>
    </message>
    <message>
        <source>Rename key</source>
        <translation>تغییر نام کلید</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueTreeModel</name>
    <message>
        <source>object</source>
        <translation>شیء</translation>
    </message>
    <message>
        <source>array</source>
        <translation>آرایه</translation>
    </message>
    <message>
        <source>string</source>
        <translation>رشته</translation>
    </message>
    <message>
        <source>number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>بولی</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n کلید}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n عنصر]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>A boolean is true or false; change its type to make it something else.</source>
        <translation>مقدار بولی true یا false است؛ برای تبدیل آن به چیز دیگر، نوعش را تغییر دهید.</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::ValueViewer</name>
    <message>
        <source>%1 — value</source>
        <translation>%1 — مقدار</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>مقدار %1</translation>
    </message>
    <message>
        <source>%1 · NULL</source>
        <translation>%1 · NULL</translation>
    </message>
    <message>
        <source>%1 · %2 characters</source>
        <translation>%1 · %2 نویسه</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>%1 · %2 characters, the first %3 shown; Copy copies all of them</source>
        <translation>%1 · %2 نویسه، %3 نویسهٔ نخست نشان داده شده؛ «رونوشت» همه را رونوشت می‌کند</translation>
    </message>
    <message>
        <source> · lines over %1 characters shown broken</source>
        <translation> · خط‌های بلندتر از %1 نویسه شکسته نشان داده شده‌اند</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::VisualFeature</name>
    <message>
        <source>&amp;Geometry…</source>
        <translation>&amp;هندسه…</translation>
    </message>
    <message>
        <source>The table&apos;s geometry on a canvas: PostGIS and the built-in geometric types</source>
        <translation>هندسهٔ جدول روی بوم: PostGIS و نوع‌های هندسی داخلی</translation>
    </message>
    <message>
        <source>&amp;Chart…</source>
        <translation>&amp;نمودار…</translation>
    </message>
    <message>
        <source>A chart of the table in front (aggregated on the server) or of the query result</source>
        <translation>نموداری از جدول جاری (تجمیع‌شده روی کارساز) یا از نتیجهٔ پرس‌وجو</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;اعلان‌ها</translation>
    </message>
    <message>
        <source>LISTEN on channels and send NOTIFY, on a connection of its own</source>
        <translation>LISTEN روی کانال‌ها و فرستادن NOTIFY، روی یک اتصال جداگانه</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>&amp;Value panel</source>
        <translation>&amp;پنل مقدار</translation>
    </message>
    <message>
        <source>The current cell&apos;s value: JSON, arrays, hstore and composites as a tree</source>
        <translation>مقدار خانهٔ جاری: JSON، آرایه‌ها، hstore و نوع‌های مرکب به صورت درخت</translation>
    </message>
    <message>
        <source>Filters apply to a table&apos;s tab</source>
        <translation>فیلترها فقط در زبانهٔ یک جدول اعمال می‌شوند</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>نمودار: %1</translation>
    </message>
    <message numerus="yes">
        <source>the first %n row(s) of the result</source>
        <translation>
            <numerusform>%n ردیف نخست نتیجه</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a table or run a query first: a chart draws what is in front</source>
        <translation>ابتدا یک جدول باز کنید یا پرس‌وجویی اجرا کنید: نمودار آنچه را اکنون نمایش داده می‌شود رسم می‌کند</translation>
    </message>
    <message>
        <source>Open a table with a geometry, geography or geometric column first</source>
        <translation>ابتدا جدولی با ستون geometry، geography یا هندسی باز کنید</translation>
    </message>
    <message>
        <source>Geometry: %1</source>
        <translation>هندسه: %1</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>اعلان‌ها</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::WholeValueLoader</name>
    <message>
        <source>The whole value cannot be loaded: the row has no key</source>
        <translation>کل مقدار بارگذاری نمی‌شود: ردیف کلید ندارد</translation>
    </message>
    <message>
        <source>The row was deleted since it was read; refresh to see the table as it is now</source>
        <translation>این ردیف پس از خوانده شدن حذف شده است؛ برای دیدن وضعیت کنونی جدول، تازه‌سازی کنید</translation>
    </message>
    <message>
        <source>The rows changed while their values were loading; try again</source>
        <translation>ردیف‌ها هنگام بارگذاری مقدارهایشان تغییر کردند؛ دوباره تلاش کنید</translation>
    </message>
</context>
<context>
    <name>pgdesk::ui::WriteUnlockButton</name>
    <message>
        <source>Writing unlocked</source>
        <translation>قفل نوشتن باز است</translation>
    </message>
    <message>
        <source>Unlock writing</source>
        <translation>باز کردن قفل نوشتن</translation>
    </message>
    <message>
        <source>This tab may write to the production database. Click to lock it again.</source>
        <translation>این زبانه می‌تواند در پایگاه دادهٔ عملیاتی بنویسد. برای قفل کردن دوباره کلیک کنید.</translation>
    </message>
    <message>
        <source>Production: the server refuses this tab&apos;s writes until you unlock writing (for this tab only, until it closes).</source>
        <translation>عملیاتی: کارساز نوشتن از این زبانه را رد می‌کند تا وقتی که قفل نوشتن را باز کنید (فقط برای همین زبانه، تا وقتی بسته شود).</translation>
    </message>
</context>
</TS>

-- SPDX-License-Identifier: GPL-3.0-or-later
-- PgDesk demo database, part 2: deterministic demo data.
-- Everything is derived from generate_series() numbers and md5(); no random().
-- uuids are md5-derived, e.g. users.id = md5('user' || n)::uuid for n = 1..200.

SET client_encoding = 'UTF8';
SET client_min_messages = warning;
SET TimeZone = 'UTC';   -- interval arithmetic on timestamptz is then DST-free

-- Deterministic non-negative 60-bit hash of a text (first 15 hex digits of md5).
-- pg_temp objects vanish at the end of the session.
CREATE FUNCTION pg_temp.h(t text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT ('x' || substr(md5(t), 1, 15))::bit(60)::bigint $$;

-- Name pools (display name + ASCII slug for usernames / e-mails).
CREATE TEMP TABLE first_names (idx int PRIMARY KEY, name text, slug text);
INSERT INTO first_names VALUES
    ( 0, 'Jürgen',    'juergen'),   ( 1, 'Anneliese', 'anneliese'),
    ( 2, 'Björn',     'bjoern'),    ( 3, 'Zoë',       'zoe'),
    ( 4, 'Søren',     'soeren'),    ( 5, 'Özlem',     'oezlem'),
    ( 6, 'مریم',      'maryam'),    ( 7, 'علی',       'ali'),
    ( 8, 'فاطمة',     'fatima'),    ( 9, 'محمد',      'mohammad'),
    (10, 'さくら',     'sakura'),    (11, '太郎',       'taro'),
    (12, '伟',        'wei'),       (13, '芳',         'fang'),
    (14, 'José',      'jose'),      (15, 'François',  'francois'),
    (16, 'Łukasz',    'lukasz'),    (17, 'Ægir',      'aegir'),
    (18, 'Ngọc',      'ngoc'),      (19, 'Renée',     'renee'),
    (20, 'Σοφία',     'sofia'),     (21, 'Иван',      'ivan'),
    (22, 'Emma',      'emma'),      (23, 'Liam',      'liam');
CREATE TEMP TABLE last_names (idx int PRIMARY KEY, name text, slug text);
INSERT INTO last_names VALUES
    ( 0, 'Müller',       'mueller'),   ( 1, 'Groß',        'gross'),
    ( 2, 'Schäfer',      'schaefer'),  ( 3, 'Weiß',        'weiss'),
    ( 4, 'Öztürk',       'oeztuerk'),  ( 5, 'رضایی',       'rezaei'),
    ( 6, 'احمدی',        'ahmadi'),    ( 7, 'الهاشمي',     'alhashemi'),
    ( 8, '山田',          'yamada'),    ( 9, '佐藤',         'sato'),
    (10, '王',            'wang'),      (11, 'Nguyễn',      'nguyen'),
    (12, 'García',       'garcia'),    (13, 'Dubois',      'dubois'),
    (14, 'Kowalski',     'kowalski'),  (15, 'O''Brien',    'obrien'),
    (16, 'van der Berg', 'vanderberg'),(17, 'Smith-Jones', 'smithjones'),
    (18, 'Ångström',     'angstrom'),  (19, 'Straßburger', 'strassburger'),
    (20, 'Παπαδόπουλος', 'papadopoulos'), (21, 'Иванов',  'ivanov');

-- ---------------------------------------------------------------------------
-- users: 200 rows (1..12 hand-written, the rest generated)
-- ---------------------------------------------------------------------------
INSERT INTO public.users (id, username, email, full_name, bio, created_at, updated_at)
WITH special (n, username, email, full_name, bio) AS (VALUES
    ( 1, 'admin',         'admin@example.com',          'Administrator',            'Built-in administrator account.'),
    ( 2, 'jürgen.groß',   'juergen.gross@beispiel.de',  'Jürgen Groß',              'Datenbank-Enthusiast aus Köln. Mag Äpfel, Öl und Übermut.'),
    ( 3, 'maryam.rezaei', 'maryam.rezaei@example.ir',   'مریم رضایی',               'سلام! من برنامه‌نویس هستم و عاشق PostgreSQL.'),
    ( 4, 'wang.fang',     'wang.fang@example.cn',       '王芳',                      '你好，我喜欢数据库。🐘'),
    ( 5, 'sakura',        'sakura.yamada@example.jp',   '山田 さくら',                'こんにちは、データベースエンジニアです。'),
    ( 6, 'unicorn',       'unicorn@example.com',        '🦄 Unicorn Fan 🌈',         'Family 👨‍👩‍👧‍👦 (ZWJ sequence), flag 🇩🇪, skin tone 👍🏽.'),
    ( 7, 'obrien',        'sean.obrien@example.ie',     'Seán O''Brien',            'Quotes: ''single'' and "double".'),
    ( 8, 'ahmad',         'ahmad.alhashemi@example.sa', 'أحمد الهاشمي',             'مرحبا بالعالم'),
    ( 9, 'noname',        'noname@example.com',         NULL,                       NULL),
    (10, 'empty.bio',     'zoe.angstrom@example.se',    'Zoë Ångström',             ''),
    (11, 'long.name',     'hubert@example.com',
         'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.',
         repeat('This bio is intentionally long. ', 200)),
    (12, 'spaces',        'spaces@example.com',         '  Leading and trailing spaces  ', E'first line\nsecond line')
),
gen AS (
    SELECT n,
           f.name AS fname, f.slug AS fslug,
           l.name AS lname, l.slug AS lslug
      FROM generate_series(1, 200) AS n
      JOIN first_names f ON f.idx = (n * 7)  % 24
      JOIN last_names  l ON l.idx = (n * 5 + n / 22) % 22
)
SELECT md5('user' || g.n)::uuid,
       CASE WHEN s.n IS NOT NULL THEN s.username
            ELSE g.fslug || '.' || g.lslug || g.n END,
       CASE WHEN s.n IS NOT NULL THEN s.email
            ELSE g.fslug || '.' || g.lslug || g.n || '@'
                 || (ARRAY['example.com', 'example.org', 'example.net', 'beispiel.de'])[1 + g.n % 4] END,
       CASE WHEN s.n IS NOT NULL THEN s.full_name
            ELSE g.fname || ' ' || g.lname END,
       CASE WHEN s.n IS NOT NULL THEN s.bio
            WHEN g.n % 11 = 0 THEN ''
            WHEN g.n % 7  = 0 THEN NULL
            ELSE 'Hi, I am ' || g.fname || '. '
                 || (ARRAY['I write about databases.',
                           'Ich liebe Kaffee ☕ und Käsekuchen.',
                           'عاشق کتاب و چای هستم.',
                           '趣味は写真です📷。',
                           'Weekend hiker 🥾, weekday SQL tuner.'])[1 + g.n % 5] END,
       timestamptz '2023-01-01 08:00:00+00' + g.n * interval '1 day 3 hours 17 minutes 11.123456 seconds',
       timestamptz '2023-01-01 08:00:00+00' + g.n * interval '1 day 3 hours 17 minutes 11.123456 seconds'
                                            + (g.n % 5) * interval '6 hours 30 minutes'
  FROM gen g
  LEFT JOIN special s ON s.n = g.n
 ORDER BY g.n;

-- ---------------------------------------------------------------------------
-- posts: 1000 rows; 1..14 carry hostile/edge-case text.
-- deleted_at IS NOT NULL for n % 10 = 0  -> 100 soft-deleted posts.
-- published: NULL for n % 100 = 7 (10), false for n % 4 = 0 (250), else true.
-- ---------------------------------------------------------------------------
INSERT INTO public.posts (id, user_id, title, body, published, created_at, updated_at, deleted_at)
WITH special (n, title, body) AS (VALUES
    ( 1, 'Line breaks',            E'Erste Zeile\nZweite Zeile\n\nDritter Absatz nach einer Leerzeile.'),
    ( 2, 'CSV hazards',            'He said "hello, world", then left.'),
    ( 3, 'Tabs',                   E'name\tqty\tprice\nÄpfel\t3\t1.99'),
    ( 4, 'LIKE wildcards',         '100% of snake_case_names contain _ and % characters: LIKE ''a_b%'''),
    -- standard_conforming_strings: every backslash below is a literal backslash,
    -- including the trailing one.
    ( 5, 'Backslashes',            'C:\Users\Jürgen\Documents\new and a regex \d+\.\d* and a trailing backslash \'),
    ( 6, 'Windows line endings',   E'first line\r\nsecond line\r\n'),
    ( 7, 'یادداشت فارسی',          'PostgreSQL یک پایگاه داده‌ی رابطه‌ای متن‌باز است. این متن از راست به چپ نوشته می‌شود و عدد ۱۲۳۴ دارد.'),
    ( 8, '日本語と中文',             'PostgreSQLは強力なデータベースです。数据库非常强大。한국어도 있습니다.'),
    ( 9, 'Emoji party 🎉',         E'Family 👨‍👩‍👧‍👦, flags 🇩🇪🇮🇷🇯🇵, skin tones 👋🏻👋🏿, combining accent: e\u0301.'),
    (10, 'Draft without body',     NULL),
    (11, 'A very long post',       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 2000)),
    (12, 'Empty body',             ''),
    (13, 'NULL as text',           'NULL'),
    (14, 'HTML & SQL',             '<script>alert("x")</script>''; DROP TABLE users; --')
),
topics (arr) AS (VALUES (ARRAY[
    'Why PostgreSQL?', 'Warum ich Umlaute liebe: ä ö ü ß', 'چرا PostgreSQL؟', 'PostgreSQL 入門',
    'Shipping faster 🚀', 'Indexing tips', 'JSONB deep dive', 'Partitioning 101',
    'Über Zeitzonen', 'Vacuum explained', 'لماذا قواعد البيانات؟', '数据库性能调优'])),
paragraphs (arr) AS (VALUES (ARRAY[
    'Indexes speed up reads but slow down writes; measure before adding one.',
    'Zeitstempel mit Zeitzone speichern immer UTC – die Anzeige hängt von der Sitzung ab.',
    'نوشتن کوئری‌های ساده معمولاً بهترین راه است.',
    'EXPLAIN ANALYZE は実際の実行時間を表示します。',
    'Soft deletes keep history, at the cost of remembering WHERE deleted_at IS NULL.',
    'Emoji are just code points 😅 — but some take several of them.']))
SELECT md5('post' || n)::uuid,
       md5('user' || (1 + pg_temp.h('post-author' || n) % 200))::uuid,
       CASE WHEN s.n IS NOT NULL THEN s.title
            ELSE t.arr[1 + pg_temp.h('post-title' || n) % 12] || ' #' || n END,
       CASE WHEN s.n IS NOT NULL THEN s.body
            WHEN n % 3 = 0 THEN p.arr[1 + n % 6]
            ELSE p.arr[1 + n % 6] || E'\n\n' || p.arr[1 + (n / 6) % 6] END,
       CASE WHEN n % 100 = 7 THEN NULL WHEN n % 4 = 0 THEN false ELSE true END,
       timestamptz '2024-02-01 00:00:00+00' + n * interval '7 hours 13 minutes 2.5 seconds',
       timestamptz '2024-02-01 00:00:00+00' + n * interval '7 hours 13 minutes 2.5 seconds' + (n % 3) * interval '1 day',
       CASE WHEN n % 10 = 0
            THEN timestamptz '2024-02-01 00:00:00+00' + n * interval '7 hours 13 minutes 2.5 seconds' + interval '5 days' END
  FROM generate_series(1, 1000) AS n
  LEFT JOIN special s USING (n)
  CROSS JOIN topics t
  CROSS JOIN paragraphs p
 ORDER BY n;

-- ---------------------------------------------------------------------------
-- customer: 500 rows, customer_id = 1..500; is_active = false for
-- n % 20 IN (0,1,2) -> 75 inactive (15 %); last_update NULL for n % 50 = 0.
-- ---------------------------------------------------------------------------
INSERT INTO public.customer (customer_id, first_name, last_name, email, is_active, created_at, last_update)
SELECT n,
       f.name,
       l.name,
       f.slug || '.' || l.slug || '.' || n || '@'
           || (ARRAY['example.com', 'mail.example.org', 'kunden.beispiel.de'])[1 + n % 3],
       n % 20 >= 3,
       timestamptz '2022-06-01 09:00:00+00' + n * interval '17 hours 41 minutes 3.25 seconds',
       CASE WHEN n % 50 <> 0
            THEN timestamptz '2022-06-01 09:00:00+00' + n * interval '17 hours 41 minutes 3.25 seconds'
                 + (n % 9) * interval '3 days 4 hours' END
  FROM generate_series(1, 500) AS n
  JOIN first_names f ON f.idx = (n * 5) % 24
  JOIN last_names  l ON l.idx = (n * 3 + n / 22) % 22
 ORDER BY n;
DO $$ BEGIN PERFORM setval(pg_get_serial_sequence('public.customer', 'customer_id'), 500); END $$;

-- ---------------------------------------------------------------------------
-- inventory.products: 300 rows, product_id = 1..300.
-- status: active (n%10 < 6) 180, draft (6,7) 60, discontinued (8,9) 60.
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE product_nouns (idx int PRIMARY KEY, name text);
INSERT INTO product_nouns VALUES
    (0, 'Kaffeemühle'), (1, 'Wasserkocher'), (2, 'قهوه‌ساز'), (3, '电热水壶'),
    (4, 'Smartphone 📱'), (5, 'Laptop'), (6, 'Kopfhörer 🎧'), (7, 'Schreibtischlampe'),
    (8, 'ساعت هوشمند'), (9, 'キーボード'), (10, 'Rucksack'), (11, 'Fahrradhelm'),
    (12, 'Teekanne "Classic"'), (13, 'USB-C cable, 2 m'), (14, 'Bücherregal'), (15, 'سماور');

INSERT INTO inventory.products (product_id, sku, name, price, weight_kg, attributes, tags, status, released_on, created_at)
SELECT n,
       'SKU-' || lpad(n::text, 5, '0'),
       pn.name || ' ' || chr(65 + n % 26) || (100 + n),
       CASE n WHEN 1 THEN 0.00
              WHEN 2 THEN 9999999999.99
              WHEN 3 THEN 0.01
              WHEN 4 THEN 19.99
              WHEN 5 THEN 1234567890.12
              ELSE (pg_temp.h('price' || n) % 500000) / 100.0 END,
       CASE WHEN n % 25 = 0 THEN NULL
            WHEN n = 1 THEN 0
            WHEN n = 2 THEN 0.1::float8 + 0.2::float8     -- 0.30000000000000004
            WHEN n = 3 THEN 1e-9
            WHEN n = 4 THEN 12345.678
            ELSE (pg_temp.h('weight' || n) % 100000) / 1000.0 END,
       CASE WHEN n % 9 = 0 THEN NULL                      -- SQL NULL
            WHEN n = 7  THEN 'null'::jsonb                -- JSON null
            WHEN n = 8  THEN '{}'::jsonb
            WHEN n = 10 THEN '[]'::jsonb
            WHEN n = 11 THEN '{"name": "Kaffeemühle", "beschreibung": "Für Espresso ☕", "fa": "قهوه", "zh": "咖啡",
                               "escaped": "quote \" backslash \\ newline \n tab \t"}'::jsonb
            WHEN n = 13 THEN '{"a": {"b": {"c": {"d": {"e": [1, 2, {"f": null}]}}}}}'::jsonb
            WHEN n = 14 THEN '{"big": 123456789012345678901234567890, "float": 6.02214076e23, "neg": -0.0001}'::jsonb
            WHEN n % 4 = 0 THEN jsonb_build_object(
                    'device', jsonb_build_object('type', 'phone', 'os', (ARRAY['android', 'ios'])[1 + n % 2]),
                    'color',  (ARRAY['red', 'black', 'weiß', 'سفید', '白色'])[1 + n % 5])
            WHEN n % 4 = 1 THEN jsonb_build_object(
                    'color', (ARRAY['red', 'black', 'weiß', 'سفید', '白色'])[1 + n % 5],
                    'size', (ARRAY['S', 'M', 'L', 'XL'])[1 + n % 4],
                    'in_stock', n % 3 = 0)
            WHEN n % 4 = 2 THEN jsonb_build_object(
                    'dimensions', jsonb_build_object('w', n % 50 + 10, 'h', n % 30 + 5, 'd', (n % 7) * 1.5),
                    'materials', jsonb_build_array('steel', 'glass', 'Holz'))
            ELSE jsonb_build_object(
                    'device', jsonb_build_object('type', 'laptop', 'os', 'linux', 'ram_gb', 8 * (1 + n % 4)),
                    'color', (ARRAY['red', 'black', 'weiß', 'سفید', '白色'])[1 + n % 5],
                    'warranty_years', 1 + n % 3) END,
       CASE WHEN n % 13 = 0 THEN NULL
            WHEN n % 10 = 0 THEN '{}'::text[]
            WHEN n = 3 THEN ARRAY['on sale', 'a,b', 'say "hi"', 'back\slash', '{braces}', 'NULL', '']
            WHEN n = 4 THEN ARRAY['x', NULL]                 -- array containing a NULL element
            WHEN n = 5 THEN ARRAY['🏷️ emoji', 'Ümlaut', 'برچسب', '标签']
            WHEN n % 3 = 0 THEN ARRAY[(ARRAY['new', 'sale', 'eco', 'bestseller', 'limited edition'])[1 + n % 5]]
            ELSE ARRAY[(ARRAY['new', 'sale', 'eco', 'bestseller', 'limited edition'])[1 + n % 5],
                       (ARRAY['kitchen', 'office', 'outdoor', 'Küche', 'آشپزخانه', '厨房'])[1 + n % 6]] END,
       (CASE WHEN n % 10 < 6 THEN 'active' WHEN n % 10 < 8 THEN 'draft' ELSE 'discontinued' END)::inventory.product_status,
       CASE WHEN n % 10 IN (6, 7) THEN NULL
            ELSE date '2019-01-01' + (pg_temp.h('released' || n) % 2500)::int END,
       timestamptz '2021-03-01 10:00:00+00' + n * interval '2 days 5 hours 33 minutes 7.000001 seconds'
  FROM generate_series(1, 300) AS n
  JOIN product_nouns pn ON pn.idx = n % 16
 ORDER BY n;
DO $$ BEGIN PERFORM setval(pg_get_serial_sequence('inventory.products', 'product_id'), 300); END $$;

-- ---------------------------------------------------------------------------
-- events: 5000 rows, event_id = 1..5000.  Rows 1..4999 are spaced
-- 3301.535897 s apart starting 2025-12-24 (UTC), i.e. they run until early
-- July 2026, so both ends spill into events_default.  Row 5000 is the fixed
-- value '2026-03-14 15:09:26.535897+00'.
-- ---------------------------------------------------------------------------
INSERT INTO public.events (event_id, occurred_at, kind, user_id, payload, ip)
OVERRIDING SYSTEM VALUE
SELECT n, occurred_at, kind,
       CASE WHEN pg_temp.h('ev-anon' || n) % 8 = 0 THEN NULL
            ELSE md5('user' || (1 + pg_temp.h('ev-user' || n) % 200))::uuid END,
       CASE WHEN n % 17 = 0 THEN NULL
            WHEN kind = 'page_view' THEN jsonb_build_object(
                 'path', '/posts/' || (1 + n % 1000),
                 'referrer', CASE WHEN n % 3 = 0 THEN NULL ELSE 'https://www.example.com/?q=' || n END,
                 'duration_ms', pg_temp.h('dur' || n) % 30000)
            WHEN kind IN ('login', 'logout', 'signup') THEN jsonb_build_object(
                 'method', (ARRAY['password', 'oauth', 'passkey'])[1 + n % 3],
                 'success', n % 11 <> 0,
                 'client', jsonb_build_object('os', (ARRAY['linux', 'windows', 'macos', 'android', 'ios'])[1 + n % 5],
                                              'app_version', '2.' || (n % 10) || '.' || (n % 7)))
            WHEN kind = 'purchase' THEN jsonb_build_object(
                 'order', jsonb_build_object('sku', 'SKU-' || lpad((1 + n % 300)::text, 5, '0'),
                                             'qty', 1 + n % 4,
                                             'total', ((pg_temp.h('total' || n) % 20000) / 100.0)),
                 'currency', (ARRAY['EUR', 'USD', 'IRR', 'JPY'])[1 + n % 4])
            WHEN kind = 'search' THEN jsonb_build_object(
                 'q', (ARRAY['Kaffeemühle', 'قهوه‌ساز', '电热水壶', 'headphones 🎧', 'a "quoted" term', '50% off'])[1 + n % 6],
                 'results', n % 57)
            ELSE jsonb_build_object('code', (ARRAY[400, 404, 500, 503])[1 + n % 4],
                                    'message', 'Something went wrong: ' || md5('err' || n)) END,
       CASE WHEN n % 23 = 0 THEN NULL
            WHEN n % 5 = 0 THEN ('2001:db8:' || to_hex(n % 65536) || '::' || to_hex(pg_temp.h('ip6' || n) % 65536))::inet
            ELSE ((ARRAY['192.0.2.', '198.51.100.', '203.0.113.', '10.20.30.'])[1 + n % 4]
                  || (1 + pg_temp.h('ip4' || n) % 254))::inet END
  FROM (SELECT n,
               -- integer microseconds * 1 µs is exact (no float rounding)
               timestamptz '2025-12-24 00:00:00+00' + (n * 3301535897::bigint) * interval '1 microsecond' AS occurred_at,
               (ARRAY['page_view', 'page_view', 'page_view', 'page_view', 'login', 'logout',
                      'signup', 'search', 'search', 'purchase', 'error'])[1 + pg_temp.h('ev-kind' || n) % 11] AS kind
          FROM generate_series(1, 4999) AS n) AS e
 ORDER BY n;

INSERT INTO public.events (event_id, occurred_at, kind, user_id, payload, ip)
OVERRIDING SYSTEM VALUE
VALUES (5000, '2026-03-14 15:09:26.535897+00', 'page_view', md5('user1')::uuid,
        '{"path": "/pi", "note": "π ≈ 3.14159265358979"}', '127.0.0.1');

DO $$ BEGIN PERFORM setval(pg_get_serial_sequence('public.events', 'event_id'), 5000); END $$;

-- ---------------------------------------------------------------------------
-- audit_log: 45 rows, no key.  40 distinct generated rows, then 3 identical
-- rows and 2 identical rows whose detail is NULL (so "col = value" matching
-- cannot find them; IS NOT DISTINCT FROM can).
-- ---------------------------------------------------------------------------
INSERT INTO public.audit_log (logged_at, actor, action, detail)
SELECT timestamptz '2026-01-05 12:00:00+00' + n * interval '3 hours 7 minutes 1.000123 seconds',
       CASE WHEN n % 13 = 0 THEN NULL
            ELSE (ARRAY['admin', 'jürgen.groß', 'system', 'maryam.rezaei', 'wang.fang'])[1 + n % 5] END,
       (ARRAY['login', 'update', 'delete', 'export', 'grant'])[1 + n % 5],
       CASE (n % 5)
            WHEN 0 THEN 'Login from 192.0.2.' || n
            WHEN 1 THEN 'Updated customer #' || n || ': email changed'
            WHEN 2 THEN 'Soft-deleted post ' || md5('post' || n)::uuid
            WHEN 3 THEN 'Exported ' || (n * 37) || ' rows to CSV (delimiter ",")'
            ELSE 'Granted role "editor" → user #' || n END
  FROM generate_series(1, 40) AS n
 ORDER BY n;

INSERT INTO public.audit_log (logged_at, actor, action, detail) VALUES
    ('2026-02-01 03:00:00+00', 'system', 'vacuum', 'nightly maintenance'),
    ('2026-02-01 03:00:00+00', 'system', 'vacuum', 'nightly maintenance'),
    ('2026-02-01 03:00:00+00', 'system', 'vacuum', 'nightly maintenance'),
    ('2026-02-02 04:30:00+00', 'cron',   'backup', NULL),
    ('2026-02-02 04:30:00+00', 'cron',   'backup', NULL);

-- ---------------------------------------------------------------------------
-- type_showcase: 20 rows.  Row 1 = all NULL (except id); rows 2..12 edge
-- values; rows 13..20 ordinary.  id is GENERATED ALWAYS, assigned in order.
-- money is entered as numeric so it does not depend on lc_monetary.
-- ---------------------------------------------------------------------------
INSERT INTO public.type_showcase DEFAULT VALUES;   -- id 1: all NULL

INSERT INTO public.type_showcase (label, c_smallint, c_integer, c_bigint, c_numeric, c_real, c_double,
    c_boolean, c_text, c_varchar, c_char, c_bytea, c_date, c_time, c_timetz, c_timestamp, c_timestamptz,
    c_interval, c_uuid, c_json, c_jsonb, c_inet, c_cidr, c_macaddr, c_int4range, c_tstzrange,
    c_int_array, c_text_array, c_money, c_bit, c_varbit, c_tsvector, c_xml, c_point, c_positive)
VALUES
-- id 2
('maximum values', 32767, 2147483647, 9223372036854775807,
 1234567890123456789012345678901234567890,              -- 40 digits
 3.4028235e38, 1.7976931348623157e308,
 true, repeat('0123456789', 1000), 'exactly twenty chars', 'ABCDE',
 decode(repeat('ff', 1024), 'hex'),
 '5874897-12-31', '24:00:00', '23:59:59.999999-15:59',
 '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999+00',
 '178000000 years', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
 '{"max": 1.7976931348623157e308}', '{"max": 9223372036854775807}',
 '255.255.255.255', '255.255.255.255/32', 'ff:ff:ff:ff:ff:ff',
 '[2147483646,2147483647)', '[-infinity,infinity]',
 '{2147483647}', '{zzzz}', 92233720368547758.07::numeric::money,
 B'11111111', B'1111111111111111111111111111111111111111111111111111111111111111',
 'max:1 value:2', '<max value="1"/>', '(1e308,1e308)', 2147483647),
-- id 3
('minimum values', -32768, -2147483648, -9223372036854775808,
 -1234567890123456789012345678901234567890,
 -3.4028235e38, -1.7976931348623157e308,
 false, 'a', 'a', 'a', '\x00',
 '4713-01-01 BC', '00:00:00', '00:00:00+15:59',
 '4713-01-01 00:00:00 BC', '4713-01-01 00:00:00+00 BC',
 '-178000000 years', '00000000-0000-0000-0000-000000000000',
 '[]', '[]',
 '0.0.0.0', '0.0.0.0/0', '00:00:00:00:00:00',
 '[-2147483648,-2147483647)', '[-infinity,-infinity]',
 '{-2147483648}', '{""}', (-92233720368547758.08)::numeric::money,
 B'00000000', B'0',
 'a', '<min/>', '(-1e308,-1e308)', 1),
-- id 4
('zero / empty values', 0, 0, 0, 0, 0, 0,
 false, '', '', '', '',
 '2000-01-01', '00:00:00', '00:00:00+00',
 '1970-01-01 00:00:00', '1970-01-01 00:00:00+00',
 '0 seconds', '00000000-0000-0000-0000-000000000000',
 '{}', '{}',
 '0.0.0.0', '0.0.0.0/32', '00:00:00:00:00:00',
 'empty', 'empty',
 '{}', '{}', 0::numeric::money,
 B'00000000', B'',
 '', '', '(0,0)', NULL),
-- id 5
('NaN', NULL, NULL, NULL, 'NaN', 'NaN', 'NaN',
 NULL, 'NaN', 'NaN', 'NaN', NULL,
 NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 '{"nan": "NaN is not valid JSON"}', '{"nan": null}',
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- id 6
('+infinity', NULL, NULL, NULL, 'Infinity', 'Infinity', 'Infinity',
 true, 'Infinity', NULL, NULL, NULL,
 'infinity', NULL, NULL, 'infinity', 'infinity', NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, '[1,)', '[2026-01-01 00:00:00+00,infinity)',
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, '(Infinity,0)', NULL),
-- id 7
('-infinity', NULL, NULL, NULL, '-Infinity', '-Infinity', '-Infinity',
 false, '-Infinity', NULL, NULL, NULL,
 '-infinity', NULL, NULL, '-infinity', '-infinity', NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, '(,1]', '(-infinity,2026-01-01 00:00:00+00]',
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, '(-Infinity,0)', NULL),
-- id 8
('tiny values and negative zero', 1, -1, 1, 0.0000000000000000000000000000000000000001,  -- 1e-40, 40 decimals
 '-0', 4.9e-324,
 true, ' ', ' ', ' ', '\x00ff00',
 '2024-02-29', '00:00:00.000001', '00:00:00.000001+00',
 '2000-01-01 00:00:00.000001', '2026-03-14 15:09:26.535897+00',
 '1 microsecond', '00000000-0000-0000-0000-000000000001',
 '0.1', '0.1',
 '::1', '::/0', '08:00:2b:01:02:03',
 '[0,1)', '[2026-03-14 15:09:26.535897+00,2026-03-14 15:09:26.535898+00)',
 '{0}', '{" "}', 0.01::numeric::money,
 B'00000001', B'1',
 'tiny', '<tiny/>', '(1e-300,-0)', 1),
-- id 9
('Unicode text', 42, 42, 42, 3.141592653589793238462643383279502884197,  -- 40 significant digits
 3.14159, 3.141592653589793,
 true, 'Grüße aus Köln — سلام دنیا — 你好世界 — 👨‍👩‍👧‍👦', '一二三四五六七八九十一二三四五六七八九十', 'äöüßé',
 convert_to('Grüße 🐘', 'UTF8'),
 '2026-03-20', '12:00:00', '12:00:00+03:30',
 '2026-03-20 12:00:00', '2026-03-20 08:30:00+00',
 '1 day', md5('unicode')::uuid,
 '{"emoji": "🐘", "rtl": "سلام", "cjk": "漢字", "escaped": "\u00fc"}',
 '{"emoji": "🐘", "rtl": "سلام", "cjk": "漢字", "escaped": "\u00fc"}',
 '192.0.2.1', '192.0.2.0/24', '08:00:2b:aa:bb:cc',
 '[1,10)', '[2026-03-20 00:00:00+00,2026-03-21 00:00:00+00)',
 '{1,2,3}', ARRAY['ä', 'سلام', '漢字', '🐘'], 1234.56::numeric::money,
 B'10101010', B'1010',
 to_tsvector('simple', 'Grüße aus Köln, سلام دنیا'),
 '<greeting lang="de">Grüße aus Köln 🐘</greeting>', '(51.9375,6.9603)', 42),
-- id 10
('hostile text', 7, 7, 7, 7, 7, 7,
 NULL, E'line1\nline2\r\n\ttab "double" ''single'' \\ backslash % _ ; -- DROP TABLE x;',
 'a,b;"c"', E'a\tb', '\x00',
 NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 '{"a": 1, "a": 2}',   -- json keeps duplicate keys and whitespace
 '{"a": 1, "a": 2}',   -- jsonb keeps only the last one
 NULL, NULL, NULL, NULL, NULL,
 NULL, ARRAY['a,b', '"q"', '\', 'NULL', NULL, '', ' ', '{x}'], NULL,
 NULL, NULL,
 $$'it''s' 'two words' 'semi;colon':2B$$, '<p>text &amp; <b>bold</b> <![CDATA[<raw> & stuff]]></p>', NULL, NULL),
-- id 11
('arrays, ranges, network', 11, 11, 11, 11, 11, 11,
 true, 'arrays', 'arrays', 'arr', NULL,
 NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 '[1, "two", {"three": [3]}, null, true]', '[1, "two", {"three": [3]}, null, true]',
 '192.168.0.1/24', '2001:db8::/32', '08-00-2b-01-02-03',
 '(,)', '[2026-01-01 00:00:00+00,2026-07-01 00:00:00+00)',
 '{{1,2,3},{4,5,6}}',              -- two-dimensional
 '[0:2]={a,b,c}',                  -- non-default lower bound
 NULL,
 B'11110000', B'101010101010101010101',
 'a:1A b:2B c:3C d:4D', NULL, '(1.5,-2.25)', 11),
-- id 12
('times and zones', 12, 12, 12, 12, 12, 12,
 false, 'times', 'times', 'times', NULL,
 '2024-02-29', '12:34:56.789012', '12:34:56.789012+05:30',
 '2026-03-29 02:30:00',            -- does not exist in Europe/Berlin (DST gap)
 '2026-10-25 01:30:00+02',         -- ambiguous hour in Europe/Berlin
 '1 year 2 mons -3 days 04:05:06.789012', md5('times')::uuid,
 NULL, NULL,
 NULL, NULL, NULL, NULL, '[2026-03-29 00:00:00+01,2026-03-29 04:00:00+02)',
 NULL, NULL, NULL,
 NULL, NULL, NULL, NULL, NULL, 12);

-- ids 13..20: ordinary rows
INSERT INTO public.type_showcase (label, c_smallint, c_integer, c_bigint, c_numeric, c_real, c_double,
    c_boolean, c_text, c_varchar, c_char, c_bytea, c_date, c_time, c_timetz, c_timestamp, c_timestamptz,
    c_interval, c_uuid, c_json, c_jsonb, c_inet, c_cidr, c_macaddr, c_int4range, c_tstzrange,
    c_int_array, c_text_array, c_money, c_bit, c_varbit, c_tsvector, c_xml, c_point, c_positive)
SELECT 'ordinary row ' || g,
       g, g * 1000, g * 1000000000000, g * 1.25, g / 3.0, g / 7.0,
       g % 2 = 0, 'Row number ' || g, 'v' || g, 'c' || g,
       decode(md5('row' || g), 'hex'),
       date '2026-01-01' + g,
       time '08:00' + g * interval '1 hour 1 minute 1.5 seconds',
       timetz '09:00:00+01',
       timestamp '2026-01-01 00:00:00' + g * interval '1 day 1.5 seconds',
       timestamptz '2026-01-01 00:00:00+00' + g * interval '1 day 0.000123 seconds',
       g * interval '1 day 2 hours',
       md5('showcase' || g)::uuid,
       json_build_object('n', g, 'label', 'row ' || g),
       jsonb_build_object('n', g, 'tags', jsonb_build_array('a', 'b')),
       ('10.0.0.' || g)::inet, ('10.' || g || '.0.0/16')::cidr, ('08:00:2b:00:00:0' || g)::macaddr,
       int4range(g, g * 10),
       tstzrange(timestamptz '2026-01-01 00:00:00+00' + g * interval '1 day',
                 timestamptz '2026-01-01 00:00:00+00' + g * interval '1 day 1 hour'),
       ARRAY[g, g * 2, g * 3], ARRAY['t' || g, 'u' || g],
       (g * 12.34)::numeric::money,
       g::bit(8), g::bit(4)::varbit,
       to_tsvector('english', 'The quick brown fox jumps over ' || g || ' lazy dogs'),
       xmlelement(name item, xmlattributes(g AS n), 'value ' || g),
       point(g, -g), g
  FROM generate_series(1, 8) AS s(g)
 ORDER BY s.g;

-- ---------------------------------------------------------------------------
-- Hostile identifiers
-- ---------------------------------------------------------------------------
INSERT INTO public."we""ird; drop table x;--" (id, "select", "Mixed Case") VALUES
    (1, 'from',          'Upper'),
    (2, ''' OR 1=1 --',  'Robert''); DROP TABLE students;--'),
    (3, NULL,            'ß & "quotes"');

INSERT INTO public.x (id, note) VALUES (1, 'I must survive');

-- ---------------------------------------------------------------------------
REFRESH MATERIALIZED VIEW inventory.product_stats;

ANALYZE;

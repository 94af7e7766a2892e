-- SPDX-License-Identifier: GPL-3.0-or-later
-- PgDesk demo database, part 3: one large table (exactly 1,000,000 rows).
-- Deterministic: every value is a function of the series number n.
-- Constraints and indexes are added after the bulk insert (much faster).

SET client_encoding = 'UTF8';
SET client_min_messages = warning;
SET TimeZone = 'UTC';
SET maintenance_work_mem = '256MB';

CREATE TABLE public.big_orders (
    order_id     bigint         NOT NULL,
    customer_id  bigint         NOT NULL,
    amount       numeric(10,2)  NOT NULL,
    status       text           NOT NULL,
    ordered_at   timestamptz    NOT NULL,
    note         text
);
COMMENT ON TABLE public.big_orders IS '1,000,000 generated orders for paging / performance tests.';

INSERT INTO public.big_orders (order_id, customer_id, amount, status, ordered_at, note)
SELECT n,
       1 + (n * 7919) % 500,                                   -- customer ids 1..500
       ((n * 2654435761) % 100000) / 100.0,                    -- 0.00 .. 999.99
       CASE WHEN (n * 2246822519) % 100 < 10 THEN 'pending'
            WHEN (n * 2246822519) % 100 < 30 THEN 'paid'
            WHEN (n * 2246822519) % 100 < 55 THEN 'shipped'
            WHEN (n * 2246822519) % 100 < 90 THEN 'delivered'
            WHEN (n * 2246822519) % 100 < 97 THEN 'cancelled'
            ELSE 'refunded' END,
       -- 63.123457 s apart from 2024-01-01: about two years; exact microseconds
       timestamptz '2024-01-01 00:00:00+00' + (n * 63123457) * interval '1 microsecond',
       CASE n % 10
            WHEN 0 THEN 'Please deliver after 6 pm'
            WHEN 3 THEN 'Bitte beim Nachbarn abgeben – 2. OG'
            WHEN 7 THEN 'لطفاً زنگ بزنید'
            ELSE NULL END                                      -- 70 % NULL
  FROM generate_series(1::bigint, 1000000) AS n;   -- bigint: products below exceed int4

ALTER TABLE public.big_orders ADD PRIMARY KEY (order_id);
ALTER TABLE public.big_orders
    ADD CONSTRAINT big_orders_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES public.customer (customer_id);
CREATE INDEX big_orders_ordered_at_idx ON public.big_orders (ordered_at);

ANALYZE public.big_orders;

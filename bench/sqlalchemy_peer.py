#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python stack the adapter design comes from, as a bench peer (make bench).

A paginated search with a total, the way ../shared/reference/adapter-tutorial.txt does it: count(*) of the
query plus ORDER BY … OFFSET/LIMIT for the page, on SQLAlchemy (Debian python3-sqlalchemy) with psycopg2.

    sqlalchemy_peer.py URL PAGE [PAGE_SIZE]     prints the page's first aid and the total
"""
import sys

from sqlalchemy import BigInteger, Column, Integer, String, create_engine, func, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Account(Base):
    __tablename__ = "pgbench_accounts"
    aid = Column(Integer, primary_key=True)
    bid = Column(Integer)
    abalance = Column(BigInteger)
    filler = Column(String(84))


def search(session, page, page_size):
    query = select(Account)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    rows = session.scalars(query.order_by(Account.aid).offset((page - 1) * page_size).limit(page_size)).all()
    return rows, total


def main():
    url, page = sys.argv[1], int(sys.argv[2])
    page_size = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    engine = create_engine(url)
    with Session(engine) as session:
        rows, total = search(session, page, page_size)
    print(rows[0].aid if rows else "-", total)


if __name__ == "__main__":
    main()

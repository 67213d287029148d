"""Reading one page of a table's rows: the count of all matching rows and the page itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, func, select

from app.models.page import Page

Row = TypeVar("Row", bound=SQLModel)
Item = TypeVar("Item")


def read_page(
    session: Session,
    model: type[Row],
    *,
    where: Sequence[Any],
    order_by: Sequence[Any],
    page: int,
    page_size: int,
    public: Callable[[list[Row]], list[Item]],
) -> Page[Item]:
    """Page `page` of the `model` rows matching `where`, in `order_by`, made public by
    `public` (given the page's rows at once, so it can look up what they need in one query)."""
    total = session.exec(select(func.count()).select_from(model).where(*where)).one()
    rows = session.exec(
        select(model)
        .where(*where)
        .order_by(*order_by)
        .offset(Page.offset(page, page_size))
        .limit(page_size)
    ).all()
    return Page[Item](items=public(list(rows)), total=total, page=page, page_size=page_size)

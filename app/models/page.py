"""One page of a list, the shape every paged list in the services and the API answers with."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """The items of page `page` (from 1) of `page_size` items, out of `total` matching."""

    items: list[Item]
    total: int = Field(ge=0, description="items matching, over all pages")
    page: int = Field(ge=1)
    page_size: int = Field(ge=1)

    @staticmethod
    def offset(page: int, page_size: int) -> int:
        """How many matching items come before page `page`."""
        return (page - 1) * page_size

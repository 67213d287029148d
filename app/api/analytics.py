"""GET /api/analytics/summary, /conversations and /conversations/{id} (every staff role).

Each request first reads the conversation events Rasa wrote since the last request, so the
figures include the conversation that is happening right now.
"""

from __future__ import annotations

import datetime as dt
import logging

from fastapi import APIRouter, HTTPException, Query, status

from app.api.auth_deps import STAFF_ERRORS, CurrentAdmin, error_responses
from app.api.deps import SessionDep
from app.models import AnalyticsSummary, ConversationPublic, Page, Transcript
from app.services.analytics import reports, sync

logger = logging.getLogger(__name__)
router = APIRouter(responses=STAFF_ERRORS)

DEFAULT_DAYS = 30


def _range(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    end = end or reports.today()
    start = start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=[
                {"loc": ["query", "start"], "msg": "start is after end", "type": "value_error"}
            ],
        )
    if (end - start).days > 366:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=[{"loc": ["query", "start"], "msg": "at most 366 days", "type": "value_error"}],
        )
    return start, end


@router.get("/summary", summary="Key figures for a date range", response_model=AnalyticsSummary)
def read_summary(
    user: CurrentAdmin,
    session: SessionDep,
    start: dt.date | None = Query(None, description="first day, default 30 days ago"),
    end: dt.date | None = Query(None, description="last day (inclusive), default today"),
) -> AnalyticsSummary:
    """Conversations, messages, containment, fallback rate, response times, top intents,
    booking funnel and unanswered questions; days in the business's timezone."""
    start, end = _range(start, end)
    sync.refresh(session)
    return reports.summary(session=session, start=start, end=end)


@router.get(
    "/conversations",
    summary="Conversations, filtered and paged",
    response_model=Page[ConversationPublic],
)
def list_conversations(
    user: CurrentAdmin,
    session: SessionDep,
    start: dt.date | None = None,
    end: dt.date | None = None,
    intent: str | None = Query(None, max_length=60),
    outcome: str | None = Query(None, max_length=20, description="answered, declined, booked …"),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(25, ge=1, le=100),
) -> Page[ConversationPublic]:
    if start and end and start > end:
        _range(start, end)
    sync.refresh(session)
    return reports.list_conversations(
        session=session,
        start=start,
        end=end,
        intent=intent,
        outcome=outcome,
        page=page,
        page_size=page_size,
    )


@router.get(
    "/conversations/{conversation_id}",
    summary="A conversation's transcript",
    response_model=Transcript,
    responses=error_responses(404),
)
def read_transcript(conversation_id: int, user: CurrentAdmin, session: SessionDep) -> Transcript:
    """Every message in order, PII masked, with intents, confidences and cited sources."""
    found = reports.transcript(session=session, conversation_id=conversation_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"No conversation {conversation_id}.")
    return found

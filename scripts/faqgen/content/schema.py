"""The shape of every content file, as pydantic models that reject unknown fields."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # every id in content: lowercase letters, digits, single hyphens
ID_PATTERN = rf"^{ID}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
NUMBER_PATTERN = r"^[0-9][0-9-]{1,15}$"  # a hotline as dialled: 12378, 95188, 400-123-4567
SHORT_ANSWER_MAX = 120
RELATED_MAX = 3
KEYWORDS_MAX = 30  # 常见问法 shown under the page; more is noise (and a way to bloat every page)
SOURCES_MAX = 40


class Strict(BaseModel):
    """Base for all content models: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _http_url(value: str) -> str:
    """Accept only http(s) URLs with a host; javascript:, ftp: or bare words are errors."""
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise ValueError("网址必须以 http:// 或 https:// 开头，且不能有空格")
    return value


class SourceRef(Strict):
    """A page's pointer into content/sources.yml, with an optional article or section."""

    id: Id
    detail: Text | None = None


class PageFront(Strict):
    """Front matter of a Q&A, guide or tool page."""

    id: Id
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=60)]
    topic: Id
    short_answer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10)]
    keywords: Annotated[list[Text], Field(max_length=KEYWORDS_MAX)] = []
    related: Annotated[list[Id], Field(max_length=RELATED_MAX)] = []
    sources: Annotated[list[Id | SourceRef], Field(min_length=1, max_length=SOURCES_MAX)]
    reviewed: dt.date

    @field_validator("short_answer")
    @classmethod
    def _short_enough(cls, value: str) -> str:
        """Keep the short answer short: it is shown first and used as the meta description."""
        if len(value) > SHORT_ANSWER_MAX:
            raise ValueError(f"简短回答最多 {SHORT_ANSWER_MAX} 个字，现在有 {len(value)} 个字")
        return value

    @field_validator("reviewed", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        """Require YYYY-MM-DD text; reject dates in the future (a review cannot happen later)."""
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("日期格式应为 YYYY-MM-DD，例如 2026-11-28")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"“{value}”不是真实存在的日期") from None
        if day > dt.date.today():
            raise ValueError(f"审核日期 {value} 在今天之后")
        return day

    def source_refs(self) -> list[SourceRef]:
        """Sources as SourceRef objects, whether written as a bare id or with detail."""
        return [s if isinstance(s, SourceRef) else SourceRef(id=s) for s in self.sources]


class Topic(Strict):
    """A topic hub (京东白条, 借呗 …)."""

    id: Id
    name: Text
    summary: Text
    order: int


class Channel(Strict):
    """A complaint or help channel: who runs it, what it does and does not do."""

    id: Id
    name: Text
    number: Annotated[str, StringConstraints(pattern=NUMBER_PATTERN)] | None = None
    operator: Text
    handles: Annotated[list[Text], Field(min_length=1)]
    not_handles: list[Text] = []
    how: Annotated[list[Text], Field(min_length=1)]
    website: str | None = None
    hours: Text | None = None
    prepare: list[Text] = []
    note: Text | None = None

    _website_ok = field_validator("website")(lambda cls, v: v if v is None else _http_url(v))


class Source(Strict):
    """An entry of the source catalogue; pages list these ids."""

    id: Id
    title: Text
    publisher: Text
    url: str
    kind: Literal["official", "industry", "operator", "media"]

    _url_ok = field_validator("url")(lambda cls, v: _http_url(v))


class GlossaryTerm(Strict):
    """A term readers meet, defined in plain words and linked to the page that explains it."""

    term: Text
    definition: Annotated[str, StringConstraints(strip_whitespace=True, min_length=4, max_length=80)]
    page: Id
    aliases: list[Text] = []


class SearchSettings(Strict):
    """Search words: the segmenter's dictionary, query-time aliases, filler words and words that call for 110."""

    dictionary: list[Text] = []
    aliases: list[Annotated[list[Text], Field(min_length=2)]] = []
    filler: list[Text] = []
    danger: list[Text] = []


class LenderType(Strict):
    """A kind of lender the reader can pick (bank, consumer-finance company …)."""

    id: Id
    label: Text
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4)]
    hint: Text


class Situation(Strict):
    """Something that is happening to the reader, with the evidence to prepare."""

    id: Id
    label: Text
    evidence: Annotated[list[Text], Field(min_length=1)]


class RouteStep(Strict):
    """One channel to contact for a situation, at a stage, optionally only for some lenders."""

    channel: Id
    stage: Literal["urgent", "first", "escalate", "also"]
    lenders: list[Id] | None = None
    note: Text | None = None


class Rule(Strict):
    """The channels for one situation, in the order to use them."""

    situation: Id
    steps: Annotated[list[RouteStep], Field(min_length=1)]


class Routing(Strict):
    """Everything the channel lookup needs: lender types, situations and rules."""

    lender_types: Annotated[list[LenderType], Field(min_length=1)]
    situations: Annotated[list[Situation], Field(min_length=1)]
    rules: list[Rule]

"""Translate pydantic's validation errors into Chinese messages with file lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from faqgen.content.errors import ContentError
from faqgen.content.schema import NUMBER_PATTERN
from faqgen.content.yaml_source import ParsedYaml


def _message(err: dict[str, Any], model: type[BaseModel]) -> str:
    """Say what is wrong with one field in plain words."""
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "missing":
        return "缺少必填字段"
    if kind == "extra_forbidden":
        allowed = "、".join(model.model_fields)
        return f"不认识这个字段（拼错了吗？可用的字段：{allowed}）"
    if kind in ("string_type", "str_type"):
        return f"应该是文字，现在是 {err['input']!r}（数字或 yes/no 请加引号）"
    if kind == "list_type":
        return "应该是列表，例如 [甲, 乙] 或每行一个“- 项目”"
    if kind in ("int_type", "int_parsing"):
        return "应该是整数"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == NUMBER_PATTERN:
        return f"号码“{err['input']}”格式不对：只能用数字和连字符，2 到 16 位（例如 12378、400-123-4567）"
    if kind == "string_pattern_mismatch":
        return f"“{err['input']}”格式不对：只能用小写英文字母、数字和连字符（例如 jd-baitiao-close）"
    if kind == "string_too_short":
        return "不能为空" if ctx.get("min_length", 1) <= 1 else f"太短了，至少 {ctx['min_length']} 个字"
    if kind == "string_too_long":
        return f"太长了，最多 {ctx['max_length']} 个字"
    if kind == "too_long":
        return f"最多 {ctx['max_length']} 项，现在有 {ctx.get('actual_length', '更多')} 项"
    if kind == "too_short":
        return f"至少要有 {ctx['min_length']} 项"
    if kind == "literal_error":
        return f"只能是 {ctx.get('expected')} 之一"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "应该是“字段: 值”的形式"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "frozen_set_type" or kind.endswith("_type"):
        return f"类型不对：{err['msg']}"
    return err["msg"]


def _field_name(loc: tuple[Any, ...]) -> str:
    """Write a pydantic location like ('sources', 1, 'url') as sources[1].url."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and part not in ("str", "SourceRef") and not part.startswith("function-"):
            out += f".{part}" if out else part
    return out


def validation_errors(
    exc: ValidationError, model: type[BaseModel], path: Path, parsed: ParsedYaml, prefix: tuple = ()
) -> list[ContentError]:
    """Turn one ValidationError into ContentErrors, one per distinct field."""
    out: dict[str, ContentError] = {}
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in ("str", "SourceRef")))
        loc = prefix + loc
        name = _field_name(loc)
        # A union (bare id or mapping) reports one error per branch: keep the first.
        if name not in out:
            out[name] = ContentError(path, parsed.line_of(loc), name or None, _message(err, model))
    return list(out.values())

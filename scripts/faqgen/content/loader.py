"""Read every file in content/, parse it and check it against the schema, collecting all errors."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from faqgen.content.errors import ContentError, ContentErrors
from faqgen.content.messages import validation_errors
from faqgen.content.model import KIND_FOLDERS, Content, Page, PageKind
from faqgen.content.schema import ID, Channel, GlossaryTerm, PageFront, Routing, SearchSettings, Source, Topic
from faqgen.content.text_rules import long_lists, strings, text_problems
from faqgen.content.yaml_source import AliasRefused, ParsedYaml, parse_yaml

M = TypeVar("M", bound=BaseModel)
MAX_FILE_BYTES = 512 * 1024  # the longest page today is under 20 KB; a 5 MB body is a mistake, not a page
MAX_LIST_ITEMS = 1000  # any one YAML list (sources.yml has about 60)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


def read_text(path: Path, errors: list[ContentError]) -> str | None:
    """Read a file as UTF-8; report non-UTF-8, too large and empty files instead of crashing."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            errors.append(
                ContentError(
                    path,
                    None,
                    None,
                    f"文件有 {size // 1024} KB，超过上限 {MAX_FILE_BYTES // 1024} KB："
                    "请检查是不是误粘贴了大段内容，太长的页面请拆成几页",
                )
            )
            return None
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        errors.append(ContentError(path, None, None, unreadable(path, exc)))
        return None
    except UnicodeDecodeError as exc:
        errors.append(
            ContentError(path, None, None, f"文件不是 UTF-8 编码（第 {exc.start} 个字节出错），请用 UTF-8 另存")
        )
        return None
    # Windows (CR LF) and old Mac (CR alone) line endings both read as plain line feeds.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        errors.append(ContentError(path, None, None, "文件是空的"))
        return None
    return text


def present(path: Path) -> bool:
    """True when the file is there, or a link stands in its place (a broken link is reported, not taken as missing)."""
    return path.exists() or path.is_symlink()


def unreadable(path: Path, exc: OSError) -> str:
    """Why a file or folder cannot be read, and what to do, in an editor's words."""
    if isinstance(exc, PermissionError):
        return "没有读取权限：请修改文件权限（例如 chmod a+r），或把它移出 content/"
    if exc.errno == errno.ELOOP:
        return "符号链接（快捷方式）绕成了一个圈，指不到真正的文件：请删除它，或改成指向真正的文件"
    if path.is_symlink() and not path.exists():
        return f"符号链接（快捷方式）指向的 {os.readlink(path)} 不存在：请删除它，或改成指向真正的文件"
    return f"读不了这个文件（{exc.strerror or exc}）：请检查它是否还在、是否有读取权限"


def folder_entries(folder: Path, errors: list[ContentError]) -> list[Path]:
    """The files of one content folder, sorted; an unreadable folder is reported instead of looking empty."""
    if not folder.exists() and not folder.is_symlink():
        return []
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        errors.append(ContentError(folder, None, None, "这个文件夹" + unreadable(folder, exc)))
        return []


def parse_file_yaml(path: Path, text: str, first_line: int, errors: list[ContentError]) -> ParsedYaml | None:
    """Parse YAML, reporting syntax errors and duplicate keys with their lines."""
    try:
        parsed = parse_yaml(text, first_line)
    except yaml.reader.ReaderError as exc:  # a control character typed into the file itself
        line = text.count("\n", 0, exc.position) + first_line
        message = f"有看不见的控制字符 U+{exc.character:04X}：多半是从别处复制来的，请删掉后重新输入这段文字"
        errors.append(ContentError(path, line, None, message))
        return None
    except AliasRefused as exc:
        errors.append(ContentError(path, exc.problem_mark.line + first_line, None, exc.problem))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        bad_line = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip(" \t-")) + 1]:
            errors.append(
                ContentError(path, line, None, "这一行用了 Tab 键缩进：YAML 只能用空格缩进，请把 Tab 换成两个空格")
            )
            return None
        context = getattr(exc, "context_mark", None)
        if context is not None and mark is not None and context.line != mark.line:
            # An unclosed quote or bracket is found only at the end of the file: name where it began.
            problem += f"；问题从第 {context.line + first_line} 行开始（{getattr(exc, 'context', '')}）"
        errors.append(
            ContentError(
                path,
                line,
                None,
                f"YAML 格式错误：{problem}（常见原因：冒号后少了空格、缩进不齐、引号没配对、以 {{ 或 [ 开头的文字没加引号）",
            )
        )
        return None
    for key, line in parsed.duplicate_keys:
        errors.append(ContentError(path, line, key, "这个字段写了两次"))
    errors += [
        ContentError(
            path, parsed.line_of(loc), ".".join(map(str, loc)) or None, f"列表有 {n} 项，最多 {MAX_LIST_ITEMS} 项"
        )
        for loc, n in long_lists(parsed.data, MAX_LIST_ITEMS)
    ]
    reported: set[tuple[int | None, str]] = set()  # a key and its value on one line: say it once
    for loc, value in strings(parsed.data):
        for problem in text_problems(value):
            line = parsed.line_of(loc)
            if (line, problem) not in reported:
                reported.add((line, problem))
                errors.append(ContentError(path, line, ".".join(map(str, loc)) or None, problem))
    return parsed


def check_model(
    model: type[M], data: object, path: Path, parsed: ParsedYaml, errors: list[ContentError], prefix: tuple = ()
) -> M | None:
    """Validate data against a model; on failure add Chinese errors and return None."""
    if not isinstance(data, dict):
        errors.append(ContentError(path, parsed.line_of(prefix), None, "这里应该是“字段: 值”的列表"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, model, path, parsed, prefix))
        return None


def load_page(path: Path, kind: PageKind, errors: list[ContentError]) -> Page | None:
    """Load one Markdown page with YAML front matter."""
    text = read_text(path, errors)
    if text is None:
        return None
    match = FRONT_MATTER.match(text)
    if not match:
        errors.append(ContentError(path, 1, None, "文件开头缺少元数据块：第一行应为 ---，元数据后再用一行 --- 结束"))
        return None
    parsed = parse_file_yaml(path, match.group(1) or "", 2, errors)
    if parsed is None:
        return None
    front = check_model(PageFront, parsed.data, path, parsed, errors)
    body = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1
    if not body.strip():
        errors.append(ContentError(path, body_line, "正文", "正文是空的：元数据下面要写页面内容"))
        return None
    if front is None:
        return None
    if front.id != path.stem:
        errors.append(
            ContentError(
                path,
                parsed.line_of(("id",)),
                "id",
                f"id “{front.id}”要和文件名一致（应为 {front.id}.md，或把 id 改成 {path.stem}）",
            )
        )
    return Page(kind, front, body, path, body_line, parsed)


def load_list(
    path: Path, model: type[M], errors: list[ContentError], required: bool = True, lines: dict[int, int] | None = None
) -> list[M]:
    """Load a YAML file holding a list of records of one model; lines (if given) gets each record's file line."""
    if not present(path):
        if required:
            errors.append(ContentError(path, None, None, "缺少这个数据文件"))
        return []
    text = read_text(path, errors)
    parsed = parse_file_yaml(path, text, 1, errors) if text is not None else None
    if parsed is None:
        return []
    if not isinstance(parsed.data, list):
        errors.append(ContentError(path, 1, None, "这个文件应该是一个列表（每项以“- ”开头）"))
        return []
    items = [check_model(model, item, path, parsed, errors, (i,)) for i, item in enumerate(parsed.data)]
    kept = [(i, item) for i, item in enumerate(items) if item is not None]
    if lines is not None:  # keyed by position in the returned list
        lines.update({n: parsed.line_of((i,)) or 1 for n, (i, _item) in enumerate(kept)})
    return [item for _i, item in kept]


def load_mapping(path: Path, errors: list[ContentError]) -> dict[str, str]:
    """Load facts.yml: id → text."""
    text = read_text(path, errors) if present(path) else None
    if not present(path):
        errors.append(ContentError(path, None, None, "缺少这个数据文件"))
    parsed = parse_file_yaml(path, text, 1, errors) if text is not None else None
    if parsed is None:
        return {}
    if not isinstance(parsed.data, dict):
        errors.append(ContentError(path, 1, None, "这个文件应该是“id: 文字”的列表"))
        return {}
    facts: dict[str, str] = {}
    for key, value in parsed.data.items():
        if not isinstance(value, (str, int, float)) or not str(value).strip():
            errors.append(ContentError(path, parsed.line_of((str(key),)), str(key), "应该是一段文字"))
        elif not re.fullmatch(ID, str(key)):
            errors.append(
                ContentError(path, parsed.line_of((str(key),)), str(key), "id 只能用小写英文字母、数字和连字符")
            )
        else:
            facts[str(key)] = str(value)
    return facts


def load_search(path: Path, errors: list[ContentError]) -> SearchSettings:
    """Load search.yml (optional)."""
    if not present(path):
        return SearchSettings()
    text = read_text(path, errors)
    parsed = parse_file_yaml(path, text, 1, errors) if text is not None else None
    if parsed is None:
        return SearchSettings()
    return check_model(SearchSettings, parsed.data, path, parsed, errors) or SearchSettings()


def load_routing(path: Path, errors: list[ContentError]) -> tuple[Routing | None, ParsedYaml | None]:
    """Load routing.yml (optional): the data behind the channel lookup page."""
    if not present(path):
        return None, None
    text = read_text(path, errors)
    parsed = parse_file_yaml(path, text, 1, errors) if text is not None else None
    if parsed is None:
        return None, None
    return check_model(Routing, parsed.data, path, parsed, errors), parsed


def load_content(content_dir: Path) -> tuple[Content, list[ContentError]]:
    """Load everything in content/; returns the parsed content and every schema error found."""
    errors: list[ContentError] = []
    pages: list[Page] = []
    for kind, folder in KIND_FOLDERS.items():
        for path in folder_entries(content_dir / folder, errors):
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".md":
                errors.append(ContentError(path, None, None, "页面文件要以 .md 结尾"))
                continue
            page = load_page(path, kind, errors)
            if page is not None:
                pages.append(page)
    routing, routing_meta = load_routing(content_dir / "routing.yml", errors)
    glossary_lines: dict[int, int] = {}
    glossary = load_list(content_dir / "glossary.yml", GlossaryTerm, errors, required=False, lines=glossary_lines)
    content = Content(
        pages=pages,
        topics=load_list(content_dir / "topics.yml", Topic, errors),
        channels=load_list(content_dir / "channels.yml", Channel, errors),
        sources=load_list(content_dir / "sources.yml", Source, errors),
        facts=load_mapping(content_dir / "facts.yml", errors),
        glossary=glossary,
        search=load_search(content_dir / "search.yml", errors),
        routing=routing,
        routing_meta=routing_meta,
        glossary_lines={term.term: glossary_lines[i] for i, term in enumerate(glossary) if i in glossary_lines},
    )
    return content, errors


def load_or_raise(content_dir: Path) -> Content:
    """Load content and raise ContentErrors if anything is wrong (schema only)."""
    content, errors = load_content(content_dir)
    if errors:
        raise ContentErrors(errors)
    return content

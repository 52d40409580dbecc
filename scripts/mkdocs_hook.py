"""Thin MkDocs hook: add the pages generated from content/, teach jieba our short terms, add glossary tooltips.

With `extra.search_backend: pagefind` (mkdocs.yml) Material's search plugin keeps its search box but
writes an index without documents (the Pagefind post-build step indexes the site instead; under
`mkdocs serve` this hook runs that step after each build).

All the logic lives in the plain-Python package faqgen; this file only connects it to MkDocs.
"""
from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from faqgen.errors import ContentErrors
from faqgen.glossary_tooltips import GlossaryTooltips
from faqgen.model import Content
from faqgen.paths import CONTENT_DIR
from faqgen.pipeline import load_valid_content
from faqgen.render_pages import render_site
from faqgen.search_terms import write_user_dictionary
from faqgen.site_nav import site_nav

log = logging.getLogger("mkdocs.plugins.faqgen")
DICTIONARY_PATH = Path(tempfile.gettempdir()) / "faqgen-jieba-user-dict.txt"
_loaded: dict[str, Content] = {}  # content read in on_config, reused by on_files of the same build
_tooltips: dict[str, GlossaryTooltips] = {}  # the glossary tooltips of the current build
_command: dict[str, str] = {}  # "build" or "serve"


class EmptySearchIndex:
    """Stands in for Material's lunr index when Pagefind answers search: no documents, same config.

    Material's search box still fetches search/search_index.json (its highlighting reads the
    config); indexing every page for lunr would only cost build time and a large download.
    """

    def __init__(self, config: dict[str, object]) -> None:
        self.config = config

    def add_entry_from_context(self, page: Page) -> None:
        """Index nothing."""

    def generate_search_index(self, prev: object) -> str:
        """The index file: Material's search config and no documents."""
        keys = ("lang", "separator", "pipeline", "fields")
        return json.dumps({"config": {k: self.config.get(k) for k in keys}, "docs": []}, ensure_ascii=False)


def uses_pagefind(config: MkDocsConfig) -> bool:
    """True when Pagefind answers search (mkdocs.yml extra.search_backend)."""
    return (config.extra or {}).get("search_backend") == "pagefind"


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve` (which runs no post-build steps)."""
    _command["name"] = command


def _content_or_fail() -> Content:
    """Load content, turning content errors into one readable MkDocs error."""
    try:
        return load_valid_content()
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before the build: require jieba, load our dictionary into it, and set the nav from content."""
    try:
        import jieba
    except ImportError:  # Material would silently skip Chinese segmentation
        raise PluginError("没有安装 jieba：中文搜索会失效。请运行 make serve / make build，它们会安装依赖。") from None
    content = _loaded["content"] = _content_or_fail()
    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(write_user_dictionary(content, DICTIONARY_PATH)))
    hand_written = {p.relative_to(config.docs_dir).as_posix() for p in Path(config.docs_dir).rglob("*.md")}
    config.nav = site_nav(content, hand_written)
    tooltips = _tooltips["current"] = GlossaryTooltips(content.glossary)
    config.markdown_extensions.append(tooltips)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """With Pagefind, Material's lunr index stays empty (the search plugin's on_config has run by now)."""
    search = config.plugins.get("material/search")
    if uses_pagefind(config) and search is not None and getattr(search.config, "enabled", False):
        search.search_index = EmptySearchIndex(dict(search.config))


def on_post_build(config: MkDocsConfig) -> None:
    """Under `mkdocs serve`, index the site with Pagefind (`make build` does it as a post-build step).

    In the background: the edited page reloads about half a second sooner, and search follows a moment later.
    """
    if _command.get("name") == "serve" and uses_pagefind(config):
        from search_index_pagefind import build_search_index_soon

        build_search_index_soon(Path(config.site_dir))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Under `mkdocs serve`, rebuild when the content folder in use changes (FAQGEN_CONTENT_DIR or content/)."""
    server.watch(str(CONTENT_DIR))
    return server


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep Material's compiled templates on disk: each build, and each `mkdocs serve` rebuild, compiles them again otherwise."""
    env.bytecode_cache = FileSystemBytecodeCache()  # per-user folder in the temp dir; checks the template source
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page; refuse to shadow a hand-written file in docs/."""
    pages = render_site(_loaded.pop("content", None) or _content_or_fail(), site_url=config.site_url or "",
                        directory_urls=config.use_directory_urls)
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"生成的页面 {page.src_uri} 与手写文件 docs/{page.src_uri} 重名：请改名或删除其中一个。")
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    log.info("faqgen: added %d generated pages", len(pages))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Glossary tooltips on every page but the glossary itself (set just before this page renders)."""
    if "current" in _tooltips:
        _tooltips["current"].enabled = page.meta.get("page_kind") != "glossary"
    return markdown

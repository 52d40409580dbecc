"""The MkDocs plugin `faqgen`: adds the pages generated from content/, teaches jieba our short terms, adds glossary tooltips.

Registered by entry point (pyproject.toml), used in mkdocs.yml as `plugins: - faqgen`. With
`extra.search_backend: pagefind` Material's search plugin keeps its search box but writes an index
without documents (the Pagefind post-build step indexes the site instead; under `mkdocs serve`
this plugin runs that step after each build).

All the logic lives in plain Python (faqgen.content, faqgen.render); this file only connects it to MkDocs.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from faqgen.build.minify import minify_scripts
from faqgen.build.site_address import address_problem
from faqgen.content.errors import ContentErrors
from faqgen.content.model import Content
from faqgen.content.pipeline import load_valid_content
from faqgen.render.glossary_tooltips import GlossaryTooltips
from faqgen.render.html_guard import html_problems
from faqgen.render.nav import site_nav
from faqgen.render.pages import render_site
from faqgen.render.template_cache import template_cache
from faqgen.search.query_data import DATA_URI, search_data
from faqgen.search.terms import user_dictionary

log = logging.getLogger("mkdocs.plugins.faqgen")


class FaqgenConfig(base.Config):
    """The plugin's options in mkdocs.yml."""

    content_dir = c.Type(str, default="content")  # relative to mkdocs.yml


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


def public_address(config: MkDocsConfig) -> str:
    """The site's public address, or "" when SITE_URL is unset, local or private (then no page prints or links one)."""
    url = config.site_url or ""
    return url if url and address_problem(url) is None else ""


def page_sources(content: Content, content_dir: Path) -> dict[str, Path]:
    """Which content file each generated page comes from (pages drawn from several files name the main one)."""
    sources = {page.src_uri: page.path for page in content.pages}
    sources.update(
        {
            "channels.md": content_dir / "channels.yml",
            "lookup.md": content_dir / "routing.yml",
            "glossary.md": content_dir / "glossary.yml",
        }
    )
    sources.update({f"topics/{topic.id}.md": content_dir / "topics.yml" for topic in content.topics})
    return sources


def load_jieba_words(content: Content) -> None:
    """Require jieba and add our short terms to it, before Material's lunr index segments the pages."""
    try:
        import jieba
    except ImportError:  # Material would silently skip Chinese segmentation
        raise PluginError("没有安装 jieba：中文搜索会失效。请运行 make serve / make build，它们会安装依赖。") from None
    jieba.setLogLevel(logging.WARNING)
    # From memory: no temp file that concurrent builds could share or a full temp folder could refuse.
    jieba.load_userdict(io.BytesIO(user_dictionary(content).encode("utf-8")))


class FaqgenPlugin(BasePlugin[FaqgenConfig]):
    """Connects the content pipeline to MkDocs; all state of one build lives on the instance."""

    def __init__(self) -> None:
        self.command = "build"
        self.content_dir = Path("content")
        self.content: Content | None = None  # loaded in on_config, used by on_files of the same build
        self.tooltips: GlossaryTooltips | None = None
        self.sources: dict[str, Path] = {}  # generated page → the content file it comes from, for error messages

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve` (which runs no post-build steps)."""
        self.command = command

    def _content_or_fail(self) -> Content:
        """Load content, turning content errors into one readable MkDocs error."""
        try:
            return load_valid_content(self.content_dir)
        except ContentErrors as exc:
            raise PluginError(exc.report()) from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Before the build: load content, teach jieba our words when lunr searches, and set the nav from content."""
        self.content_dir = (Path(config.config_file_path).parent / self.config.content_dir).resolve()
        if not self.content_dir.is_dir():
            raise PluginError(f"找不到内容文件夹 {self.content_dir}（mkdocs.yml 里 faqgen 插件的 content_dir）。")
        content = self.content = self._content_or_fail()
        if not uses_pagefind(config):
            load_jieba_words(content)  # only Material's lunr index is cut by jieba (1.5 s to load, so not otherwise)
        hand_written = {p.relative_to(config.docs_dir).as_posix() for p in Path(config.docs_dir).rglob("*.md")}
        config.nav = site_nav(content, hand_written)
        self.tooltips = GlossaryTooltips(content.glossary)
        config.markdown_extensions.append(self.tooltips)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """With Pagefind, Material's lunr index stays empty (the search plugin's on_config has run by now)."""
        search = config.plugins.get("material/search")
        if uses_pagefind(config) and search is not None and getattr(search.config, "enabled", False):
            search.search_index = EmptySearchIndex(dict(search.config))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Cache Material's compiled templates on disk (each build compiles them again otherwise); give templates the public address."""
        env.bytecode_cache = template_cache()  # per-user folder in the temp dir; a full disk only costs speed
        env.globals["public_site_url"] = public_address(config)  # robots.txt names the sitemap only at a public address
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every generated page; refuse to shadow a hand-written file in docs/."""
        content, self.content = self.content or self._content_or_fail(), None
        pages = render_site(content, site_url=public_address(config), directory_urls=config.use_directory_urls)
        self.sources = page_sources(content, self.content_dir)
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    f"生成的页面 {page.src_uri} 与手写文件 docs/{page.src_uri} 重名：请改名或删除其中一个。"
                )
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
        from faqgen.render.tool_docx import tool_docx_files

        for uri, data in tool_docx_files(content):  # each tool as an editable Word file
            files.append(File.generated(config, uri, content=data))
        log.info("faqgen: added %d generated pages", len(pages))
        if uses_pagefind(config):
            contact = str((config.extra or {}).get("contact") or "")
            files.append(File.generated(config, DATA_URI, content=search_data(content, contact)))
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Without a public address no page carries one: no canonical link, no sitemap entry, no printed address."""
        if not public_address(config):
            page.canonical_url = None  # MkDocs set it from site_url (the local default when SITE_URL is unset)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Glossary tooltips on every page but the glossary itself (set just before this page renders)."""
        if self.tooltips is not None:
            self.tooltips.enabled = page.meta.get("page_kind") != "glossary"
        return markdown

    def _refuse_unsafe(self, html: str, page: Page, *, content: bool) -> None:
        """Fail the build when a page would carry an event handler, a script URL or an embedded document."""
        problems = html_problems(html, content=content)
        if problems:
            origin = self.sources.get(page.file.src_uri)
            where = f"{origin}（生成的页面 {page.file.src_uri}）" if origin else f"页面 {page.file.src_uri}"
            listed = "；".join(dict.fromkeys(problems))
            raise PluginError(
                f"{where} 会带上可执行的代码，网站没有生成（原有的 site/ 保持不变）：{listed}。"
                "正文和数据里不能写 {: …} 属性列表，链接只能是 http(s)、tel:、mailto: 或站内页面；"
                "请运行 faqgen check 找到具体的行。"
            )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Refuse page content with executable attributes, script URLs or embedded documents, whatever the Markdown."""
        self._refuse_unsafe(html, page, content=True)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Check the whole page too (title, description, nav come from content): no handler or script URL."""
        self._refuse_unsafe(output, page, content=False)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Minify our scripts in a build; under `mkdocs serve`, index the site with Pagefind (`make build` does it as a post-build step).

        In the background: the edited page reloads about half a second sooner, and search follows a moment later.
        """
        if self.command != "serve":
            minify_scripts(Path(config.site_dir))
        if self.command == "serve" and uses_pagefind(config):
            from faqgen.search.pagefind import build_search_index_soon

            build_search_index_soon(Path(config.site_dir))

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        """Under `mkdocs serve`, rebuild when the content folder in use changes."""
        server.watch(str(self.content_dir))
        return server

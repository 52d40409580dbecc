"""The strict build: output, safety on failure, hand-written files, any working directory."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from faqgen.build.safe_build import build
from faqgen.content.pipeline import load_valid_content
from faqgen.paths import PROJECT_ROOT

CONFIG = PROJECT_ROOT / "mkdocs.yml"


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under root with a hash of its bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_every_page_is_built(built_site: Path) -> None:
    content = load_valid_content()
    for page in content.pages:
        assert (built_site / page.src_uri.removesuffix(".md") / "index.html").is_file(), page.src_uri
    for topic in content.topics:
        assert (built_site / "topics" / topic.id / "index.html").is_file()
    for name in ("index.html", "channels/index.html", "about/index.html", "404.html", "sitemap.xml"):
        assert (built_site / name).is_file(), name
    assert not (built_site / "overrides").exists()


def test_pages_are_chinese_with_title_and_description(built_site: Path) -> None:
    html = (built_site / "q" / "jiebei-10k-unpaid-jail" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert "<title>欠借呗 1 万元不还会坐牢吗 - 借贷维权问答</title>" in html
    description = re.search(r'<meta name="description" content="([^"]+)"', html).group(1)
    short_answer = load_valid_content().page("jiebei-10k-unpaid-jail").front.short_answer
    assert description.startswith(short_answer[:12])


def test_404_page_is_in_chinese(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in html and "Not found" not in html


# The sitemap lists question pages only at a public address: tests/built/test_paper_address.py.


def test_headings_have_readable_chinese_anchors(built_site: Path) -> None:
    html = (built_site / "guides" / "debt-collection-harassment" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids and not any(re.fullmatch(r"_\d*", i) for i in ids)
    assert any(re.search(r"[\u4e00-\u9fff]", i) for i in ids)


def test_question_pages_are_not_in_the_navigation(built_site: Path) -> None:
    html = (built_site / "q" / "huabei-no-limit" / "index.html").read_text(encoding="utf-8")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "jiebei-limit-gone" not in nav and "topics/huabei" in nav


def test_content_error_keeps_previous_site(tmp_path: Path, content_copy: Path) -> None:
    site = tmp_path / "site"
    assert build(site, CONFIG, content_copy, post_steps=False) == 0
    before = tree_digest(site)
    (content_copy / "questions" / "huabei-no-limit.md").write_text("---\nid: [\n---\n正文\n", encoding="utf-8")
    assert build(site, CONFIG, content_copy, post_steps=False) == 1
    assert tree_digest(site) == before
    assert not list(tmp_path.glob(".site-*"))


def test_mkdocs_failure_keeps_previous_site(tmp_path: Path, content_copy: Path) -> None:
    site = tmp_path / "site"
    assert build(site, CONFIG, content_copy, post_steps=False) == 0
    before = tree_digest(site)
    page = content_copy / "questions" / "huabei-no-limit.md"
    # Valid content, but the anchor does not exist: only the strict MkDocs build can tell.
    page.write_text(
        page.read_text(encoding="utf-8") + "\n见 {{page:jiebei-limit-gone#no-such-heading}}。\n", encoding="utf-8"
    )
    assert build(site, CONFIG, content_copy, post_steps=False) == 1
    assert tree_digest(site) == before
    assert not list(tmp_path.glob(".site-*"))


def test_generated_page_never_replaces_a_hand_written_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    subprocess.run(["cp", "-r", str(PROJECT_ROOT / "docs"), str(docs)], check=True)
    (docs / "channels.md").write_text("# 手写的渠道页\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        CONFIG.read_text(encoding="utf-8")
        .replace("docs_dir: docs", f"docs_dir: {docs}")
        .replace("custom_dir: docs/overrides", f"custom_dir: {docs / 'overrides'}")
        .replace("  - content\n", f"  - {PROJECT_ROOT / 'content'}\n")
        .replace("  - scripts/faqgen\n", f"  - {PROJECT_ROOT / 'scripts' / 'faqgen'}\n")
        .replace("!ENV [FAQGEN_CONTENT_DIR, content]", str(PROJECT_ROOT / "content")),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "channels.md 与手写文件 docs/channels.md 重名" in result.stderr
    assert (docs / "channels.md").read_text(encoding="utf-8") == "# 手写的渠道页\n"


def test_build_works_from_another_directory_and_leaves_docs_alone(tmp_path: Path) -> None:
    docs_before = tree_digest(PROJECT_ROOT / "docs")
    result = subprocess.run(
        [sys.executable, "-m", "faqgen", "build", "--no-post", "--site-dir", str(tmp_path / "site")],
        cwd="/",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "q" / "jd-baitiao-close" / "index.html").is_file()
    assert tree_digest(PROJECT_ROOT / "docs") == docs_before


def test_content_errors_are_printed_and_exit_non_zero(tmp_path: Path, content_copy: Path) -> None:
    (content_copy / "questions" / "jd-baitiao-close.md").write_text("", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "faqgen",
            "--content-dir",
            str(content_copy),
            "build",
            "--site-dir",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "jd-baitiao-close.md: 文件是空的" in result.stderr
    assert not (tmp_path / "site").exists()


def test_no_markdown_syntax_leaks_into_pages(built_site: Path) -> None:
    """A reference or link inside raw HTML without `markdown` would show as [text](url)."""
    for html_file in built_site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", "", html_file.read_text(encoding="utf-8"))
        assert not re.search(r"\]\((\.\./|[a-z-]+\.md|https?:)", text), html_file
        assert "{{" not in text, html_file

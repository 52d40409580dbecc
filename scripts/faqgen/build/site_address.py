"""Is SITE_URL an address the public can reach? A local one must never be published by mistake."""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml: site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".example", ".invalid")


def site_url_from_env() -> str | None:
    """The site_url this build gets: SITE_URL when set (an empty value means none), else mkdocs.yml's local default."""
    return os.environ.get("SITE_URL", DEFAULT_SITE_URL) or None


def address_problem(url: str | None) -> str | None:
    """Why url cannot be the public address (unset, not http(s), local or private), or None when it can."""
    if not url:
        return "SITE_URL 是空的：网站地图、robots.txt、规范链接（canonical）和打印版都不会有网址"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITE_URL “{url}” 不是 http:// 或 https:// 开头的完整网址"
    host = parts.hostname.lower()
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES) or "." not in host:
            return f"SITE_URL “{url}” 是本机或内网的地址，读者打不开"
        return None
    if not ip.is_global:
        return f"SITE_URL “{url}” 是本机或内网的地址，读者打不开"
    return None


def address_notice(url: str | None, *, public: bool) -> str | None:
    """The message for this build: an error for a --public build, a loud warning otherwise, or None."""
    problem = address_problem(url)
    if problem is None:
        return None
    if os.environ.get("SITE_URL") is None:
        problem = f"没有设置 SITE_URL，用的是预览地址 {DEFAULT_SITE_URL}：网站地图、规范链接和打印版都不写网址"
    if public:
        return f"不能按发布用途构建：{problem}。请设置公开网址，例如 SITE_URL=https://example.cn/ make build。"
    bar = "!" * 60
    return (
        f"{bar}\n注意：{problem}。\n这样生成的 site/ 只能在本机预览，不要发布。"
        f"发布前请设置 SITE_URL=https://你的域名/，并用 faqgen build --public 构建（网址不对时会失败）。\n{bar}"
    )
